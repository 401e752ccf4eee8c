import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudName } from '../../../../src/core/auth/clouds';
import { summarisePartner, type PartnerOverview } from '../../../../src/core/graph/partnerOverview';
import type { DefaultConfiguration, IdentitySync, Partner } from '../../../../src/core/graph/types';
import type {
  SyncAssignment,
  SyncConfigurationSide,
  TenantSide,
} from '../../../../src/core/pairs/tenantSide';

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as T;
}

/** The documented service default: B2B collaboration allowed, direct connect blocked, no trust. */
export const SERVICE_DEFAULT = fixture<DefaultConfiguration>('default-get.response.json');
/** A documented partner: everything inherits except an inbound direct connect allow for AllUsers / Office365. */
export const PARTNER_GET = fixture<Partner>('partner-get.response.json');
/** A documented identity synchronization policy allowing user sync in. */
export const IDENTITY_SYNC = fixture<IdentitySync>('identitysync-get.response.json');
/** A documented inbound trust update: MFA, compliant and hybrid-joined devices trusted. */
export const TRUST_ALL = fixture<Pick<Partner, 'inboundTrust'>>(
  'partner-update-inboundtrust.request.json',
).inboundTrust;

/**
 * A partner overview as loadPartnerOverview builds it, without Graph: the same effective settings
 * and flags, from the given default and partner bodies (partner names come from `names`).
 */
export function overviewOf(
  tenantId: string,
  defaultConfiguration: DefaultConfiguration,
  partners: readonly Partner[],
  names: Readonly<Record<string, string>> = {},
): PartnerOverview {
  return {
    tenantId,
    defaultConfiguration,
    partners: partners.map((partner) =>
      summarisePartner(
        partner,
        names[partner.tenantId]
          ? { info: { tenantId: partner.tenantId, displayName: names[partner.tenantId] } }
          : {},
        defaultConfiguration,
      ),
    ),
  };
}

export interface SideSpec {
  readonly tenantId: string;
  readonly name: string;
  readonly cloud?: CloudName;
  readonly signedIn?: boolean;
  readonly defaults?: DefaultConfiguration;
  /** Omitted: the overview is not loaded. */
  readonly partners?: readonly Partner[];
  readonly allowedCloudEndpoints?: readonly string[];
  readonly configurations?: readonly {
    name: string;
    target?: string;
    assignments?: readonly SyncAssignment[];
  }[];
}

export function sideOf(spec: SideSpec, names: Readonly<Record<string, string>> = {}): TenantSide {
  const configurations = spec.configurations?.map((c, i): SyncConfigurationSide => ({
    servicePrincipalId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: c.name,
    targetTenantId: c.target,
    jobs: [],
    assignments: c.assignments,
  }));
  return {
    tenantId: spec.tenantId,
    displayName: spec.name,
    cloud: spec.cloud ?? 'global',
    signedIn: spec.signedIn ?? true,
    overview: spec.partners
      ? overviewOf(spec.tenantId, spec.defaults ?? SERVICE_DEFAULT, spec.partners, names)
      : undefined,
    allowedCloudEndpoints: spec.allowedCloudEndpoints,
    syncConfigurations: configurations,
  };
}
