import type { CloudName } from '../auth/clouds';
import type { PartnerOverview } from '../graph/partnerOverview';
import type {
  AppRoleAssignment,
  CrossTenantAccessPolicy,
  ServicePrincipal,
  SyncJob,
} from '../graph/types';
import type { SavedSyncSettings } from '../sync/savedSyncSettings';
import { resolveConfigurationTarget, type TargetCandidate } from './resolveConfigurationTarget';

/** A user or group assigned to a sync configuration: its scope while SyncAll is off. */
export interface SyncAssignment {
  readonly principalId: string;
  readonly principalType: 'User' | 'Group';
}

/** A cross-tenant sync configuration of the tenant (it is the source). */
export interface SyncConfigurationSide {
  readonly servicePrincipalId: string;
  readonly displayName: string;
  /** The tenant it syncs to; undefined when unknown. */
  readonly targetTenantId?: string;
  /**
   * Where the target came from: the caller (it created the configuration), the saved `CompanyId`
   * (readSyncSettings), or the configuration's name (resolveConfigurationTarget) when the saved
   * settings were not read or hold none.
   */
  readonly targetFrom?: 'caller' | 'credentials' | 'name';
  /** Why the saved settings could not be read, when Graph refused them. */
  readonly settingsUnreadable?: string;
  readonly jobs: readonly SyncJob[];
  /** Undefined when not loaded: checks about who is synced then say they could not tell. */
  readonly assignments?: readonly SyncAssignment[];
}

/** What the pair checks know of one tenant: plain data, loaded by the host. */
export interface TenantSide {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly cloud: CloudName;
  readonly signedIn: boolean;
  /** Partners with effective settings and the default; absent when not signed in or not loaded. */
  readonly overview?: PartnerOverview;
  /** `crossTenantAccessPolicy.allowedCloudEndpoints`; undefined when the base policy was not loaded. */
  readonly allowedCloudEndpoints?: readonly string[];
  readonly syncConfigurations?: readonly SyncConfigurationSide[];
}

export interface LoadedSyncConfiguration {
  readonly servicePrincipal: ServicePrincipal;
  readonly jobs: readonly SyncJob[];
  readonly assignments?: readonly AppRoleAssignment[];
  /** The target when the caller knows it (e.g. it created the configuration); otherwise it is read from the settings or guessed from the name. */
  readonly targetTenantId?: string;
  /** Its saved settings (readSyncSettings), when the caller read them. */
  readonly settings?: SavedSyncSettings;
}

export interface TenantSideInput {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly cloud: CloudName;
  readonly signedIn: boolean;
  readonly policy?: Pick<CrossTenantAccessPolicy, 'allowedCloudEndpoints'>;
  readonly overview?: PartnerOverview;
  readonly syncConfigurations?: readonly LoadedSyncConfiguration[];
  /** Every tenant in the Tenants view, to resolve configuration targets by name. */
  readonly signedInTenants?: readonly TargetCandidate[];
}

/**
 * A TenantSide from what the host loads anyway (the base policy, the partner overview, the sync
 * configurations with their jobs): targets the caller does not know are taken from the saved
 * `CompanyId` where the settings were read, else resolved from the configuration's name against
 * the tenant's partners and the signed-in tenants.
 */
export function tenantSide(input: TenantSideInput): TenantSide {
  const partners: TargetCandidate[] = (input.overview?.partners ?? []).map((p) => ({
    tenantId: p.tenantId,
    displayName: p.displayName,
    defaultDomainName: p.defaultDomainName,
  }));
  const syncConfigurations = input.syncConfigurations?.map((c): SyncConfigurationSide => {
    const displayName = c.servicePrincipal.displayName ?? '';
    const saved = c.settings?.readable ? c.settings.companyId : undefined;
    const named = resolveConfigurationTarget(displayName, {
      sourceTenantId: input.tenantId,
      partners,
      signedInTenants: input.signedInTenants ?? [],
    })?.tenantId;
    const [targetTenantId, targetFrom] = c.targetTenantId
      ? [c.targetTenantId.toLowerCase(), 'caller' as const]
      : saved
        ? [saved, 'credentials' as const]
        : [named, named ? ('name' as const) : undefined];
    return {
      servicePrincipalId: c.servicePrincipal.id ?? '',
      displayName,
      targetTenantId,
      ...(targetFrom ? { targetFrom } : {}),
      ...(c.settings && !c.settings.readable ? { settingsUnreadable: c.settings.reason } : {}),
      jobs: c.jobs,
      assignments: c.assignments?.flatMap((a) =>
        a.principalId && (a.principalType === 'User' || a.principalType === 'Group')
          ? [{ principalId: a.principalId, principalType: a.principalType }]
          : [],
      ),
    };
  });
  return {
    tenantId: input.tenantId.toLowerCase(),
    displayName: input.displayName,
    cloud: input.cloud,
    signedIn: input.signedIn,
    overview: input.overview,
    allowedCloudEndpoints: input.policy?.allowedCloudEndpoints ?? undefined,
    syncConfigurations,
  };
}
