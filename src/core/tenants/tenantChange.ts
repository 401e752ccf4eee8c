/**
 * What changed in one tenant, as the views need to know it: every write the extension makes names
 * its change, and the views (tree, documents, pair checks, log panels) reload only what it touches.
 * A `reloaded` change is a refresh the user asked for, or data dropped for another reason.
 */
export type TenantChange =
  | { readonly kind: 'policy' }
  | { readonly kind: 'defaults' }
  | {
      readonly kind: 'partner';
      readonly partnerTenantId: string;
      readonly change: 'created' | 'updated' | 'deleted';
    }
  | { readonly kind: 'identitySync'; readonly partnerTenantId: string }
  | {
      readonly kind: 'syncConfiguration';
      readonly servicePrincipalId: string;
      readonly change: 'created' | 'updated' | 'deleted';
    }
  | { readonly kind: 'job'; readonly servicePrincipalId: string; readonly jobId: string }
  | { readonly kind: 'assignments'; readonly servicePrincipalId: string }
  | { readonly kind: 'reloaded'; readonly part?: TenantDataPart };

/** The two halves of a tenant's data that load separately: cross-tenant access, and sync. */
export type TenantDataPart = 'access' | 'sync';

/** The part of the tenant's data a change makes stale (all of it for a whole reload). */
export function dataPartsOf(change: TenantChange): readonly TenantDataPart[] {
  switch (change.kind) {
    case 'policy':
    case 'defaults':
    case 'partner':
    case 'identitySync':
      return ['access'];
    case 'syncConfiguration':
    case 'job':
    case 'assignments':
      return ['sync'];
    case 'reloaded':
      return change.part ? [change.part] : ['access', 'sync'];
  }
}
