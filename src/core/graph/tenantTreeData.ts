import type { CallOptions, GraphClient } from './graphClient';
import { findSyncConfigurations } from './operations/syncConfigurations';
import { listSyncJobs } from './operations/syncJobs';
import { getPolicy } from './operations/policy';
import { loadPartnerOverview, type PartnerOverview } from './partnerOverview';
import type { CrossTenantAccessPolicy, ServicePrincipal, SyncJob } from './types';

/** What the Tenants view shows under "Cross-tenant access". */
export interface AccessData {
  readonly policy: CrossTenantAccessPolicy;
  readonly overview: PartnerOverview;
}

/** One cross-tenant sync configuration (a service principal from the template) with its jobs. */
export interface SyncConfiguration {
  readonly servicePrincipal: ServicePrincipal;
  readonly jobs: readonly SyncJob[];
}

/** The base policy and the partner overview: 3 + ceil(N/20) Graph requests for N partners (+ extra partner pages). */
export async function loadAccessData(
  client: GraphClient,
  options: CallOptions = {},
): Promise<AccessData> {
  const [policy, overview] = await Promise.all([
    getPolicy(client, options),
    loadPartnerOverview(client, options),
  ]);
  return { policy, overview };
}

/** Cross-tenant sync configurations with their jobs. */
export async function loadSyncData(
  client: GraphClient,
  options: CallOptions = {},
): Promise<SyncConfiguration[]> {
  const sps = await findSyncConfigurations(client, options);
  return Promise.all(
    sps.map(async (sp) => ({
      servicePrincipal: sp,
      jobs: await listSyncJobs(client, sp.id!, options),
    })),
  );
}
