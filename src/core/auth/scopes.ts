import type { Cloud } from './clouds';

/**
 * Consent bundles, requested just in time (graph-api.md §10): browsing needs only read scopes, the
 * first edit asks for the write scope of cross-tenant access, the first sync management call asks
 * for the sync scopes. Each bundle contains the one before it, so a token for a bigger bundle
 * serves every smaller one.
 */
export type ScopeBundle = 'browse' | 'edit' | 'sync';

const BROWSE = [
  'Policy.Read.All',
  'CrossTenantInformation.ReadBasic.All',
  'User.Read',
  'MultiTenantOrganization.ReadBasic.All',
  'Application.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All',
] as const;
const EDIT = [...BROWSE, 'Policy.ReadWrite.CrossTenantAccess'] as const;
const SYNC = [
  ...EDIT,
  'Application.ReadWrite.All',
  'Synchronization.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
] as const;

/** Delegated permission names of each bundle, without a resource prefix. */
export const BUNDLE_PERMISSIONS: Readonly<Record<ScopeBundle, readonly string[]>> = {
  browse: BROWSE,
  edit: EDIT,
  sync: SYNC,
};

const ORDER: readonly ScopeBundle[] = ['browse', 'edit', 'sync'];

/** The smallest bundle that covers all of `bundles` (a `$batch` runs under one token). */
export function largestBundle(bundles: Iterable<ScopeBundle>): ScopeBundle {
  let best = 0;
  for (const b of bundles) best = Math.max(best, ORDER.indexOf(b));
  return ORDER[best];
}

/**
 * The scopes to ask a credential for: each permission prefixed with the cloud's Graph host, e.g.
 * `https://graph.microsoft.us/Policy.Read.All`. A bare name would be resolved against the global
 * Graph resource and produce a token that a national cloud rejects.
 */
export function scopesFor(bundle: ScopeBundle, cloud: Cloud): string[] {
  return BUNDLE_PERMISSIONS[bundle].map((p) => `${cloud.graphHost}/${p}`);
}

/** The scopes one operation asks for: its bundle's, plus any permission no bundle holds. */
export function operationScopes(
  bundle: ScopeBundle,
  additional: readonly string[] | undefined,
  cloud: Cloud,
): string[] {
  const extra = (additional ?? []).filter((p) => !BUNDLE_PERMISSIONS[bundle].includes(p));
  return [...scopesFor(bundle, cloud), ...extra.map((p) => `${cloud.graphHost}/${p}`)];
}
