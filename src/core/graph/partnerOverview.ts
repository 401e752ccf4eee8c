import { batch } from './batch';
import { effectivePartner, type EffectivePartner } from './effectivePartner';
import type { CallOptions, GraphClient } from './graphClient';
import type { GraphError } from './graphError';
import { listPartners } from './operations/partners';
import { getDefaultConfiguration } from './operations/policy';
import { tenantInformationBatchRequest } from './operations/tenants';
import type { DefaultConfiguration, IdentitySync, Partner, TenantInformation } from './types';

export interface PartnerSummary {
  readonly tenantId: string;
  readonly partner: Partner;
  /** The partner tenant's name; undefined when it could not be looked up. */
  readonly displayName?: string;
  readonly defaultDomainName?: string;
  /** Why the lookup failed (unknown tenant, throttled past the retries); undefined in clouds without tenant lookup. */
  readonly lookupError?: GraphError;
  readonly identitySync?: IdentitySync;
  /** Users of this partner may be synced into the tenant. */
  readonly inboundSyncAllowed: boolean;
  /** Automatic invitation redemption (the consent settings cross-tenant sync needs), as it applies after inheritance. */
  readonly automaticRedemption: { readonly inbound: boolean; readonly outbound: boolean };
  /** Every inheritable setting resolved against the default. */
  readonly effective: EffectivePartner;
}

export interface PartnerOverview {
  readonly tenantId: string;
  readonly defaultConfiguration: DefaultConfiguration;
  readonly partners: readonly PartnerSummary[];
}

/**
 * What the tree shows for a tenant: every partner with its name, domain and sync flags, and the
 * default configuration they inherit from. Requests: the partner list with
 * `$expand=identitySynchronization` (one per page), the default in parallel, and the names through
 * `$batch`, 20 lookups per batch — 2 + ceil(N/20) plus extra partner pages, within the
 * 3 + ceil(N/20) budget. A name that cannot be resolved leaves its partner listed without one.
 */
export async function loadPartnerOverview(
  client: GraphClient,
  options: CallOptions = {},
): Promise<PartnerOverview> {
  const [partners, defaultConfiguration] = await Promise.all([
    listPartners(client, { signal: options.signal }).then(async (list) => ({
      list,
      names: await lookUpNames(client, list, options),
    })),
    getDefaultConfiguration(client, options),
  ]);
  return {
    tenantId: client.tenantId,
    defaultConfiguration,
    partners: partners.list.map((partner, i) =>
      summarisePartner(partner, partners.names[i], defaultConfiguration),
    ),
  };
}

/** What looking up a partner tenant's name gave: its information, or why it failed (or nothing, where clouds have no lookup). */
export interface NameLookup {
  readonly info?: TenantInformation;
  readonly error?: GraphError;
}

async function lookUpNames(
  client: GraphClient,
  partners: readonly Partner[],
  options: CallOptions,
): Promise<NameLookup[]> {
  if (!client.cloud.supportsTenantLookup || partners.length === 0) return partners.map(() => ({}));
  const results = await batch<TenantInformation>(
    client,
    partners.map((p) => tenantInformationBatchRequest(p.tenantId)),
    { signal: options.signal },
  );
  return results.map((r) => ({ info: r.body, error: r.error }));
}

/** A partner with its name and the settings in force for it (partner over default). */
export function summarisePartner(
  partner: Partner,
  name: NameLookup,
  defaults: DefaultConfiguration,
): PartnerSummary {
  const effective = effectivePartner(partner, defaults);
  const consent = effective.settings.automaticUserConsentSettings.value;
  const identitySync = partner.identitySynchronization ?? undefined;
  return {
    tenantId: partner.tenantId,
    partner,
    displayName: name.info?.displayName ?? undefined,
    defaultDomainName: name.info?.defaultDomainName ?? undefined,
    lookupError: name.error,
    identitySync,
    inboundSyncAllowed: identitySync?.userSyncInbound?.isSyncAllowed === true,
    automaticRedemption: {
      inbound: consent?.inboundAllowed === true,
      outbound: consent?.outboundAllowed === true,
    },
    effective,
  };
}
