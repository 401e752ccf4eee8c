import type { BaselineSourceId, TenantBaselineData } from '../core/baselines/baselineSources';
import { readBaselineData } from '../core/baselines/readBaselineData';
import type { GraphClient } from '../core/graph/graphClient';
import { GraphError } from '../core/graph/graphError';
import { getOrganization } from '../core/graph/operations/tenants';
import { exportFolderName, type ExportTenant } from '../core/policy/exportLayout';
import { isGuid } from '../core/policy/guid';
import type { CliContext } from './cliContext';

/**
 * The tenant as export names it: its organization's name and default domain (`GET
 * /organization`), else the domain the user gave, else only its id. An app without
 * Organization.Read.All (a 403) still gets an answer; any other failure is thrown, since a guess
 * then would put the files in another folder than the last export's.
 */
export async function exportTenantOf(client: GraphClient, given: string): Promise<ExportTenant> {
  const organization = await getOrganization(client).catch((err: unknown) => {
    if (err instanceof GraphError && err.status === 403) return undefined;
    throw err;
  });
  const defaultDomain =
    organization?.verifiedDomains?.find((domain) => domain.isDefault)?.name ??
    (isGuid(given) ? undefined : given.trim().toLowerCase());
  return {
    tenantId: client.tenantId,
    ...(organization?.displayName ? { displayName: organization.displayName } : {}),
    ...(defaultDomain ? { defaultDomain } : {}),
  };
}

/**
 * What the baseline rules read from one live tenant: the given sources, beta ones through a beta
 * client for the same tenant unless `--no-beta`. Report locations point into the folder export
 * would write, so a live report and one from the export name the same files.
 */
export function readTenantBaselineData(
  ctx: CliContext,
  tenant: ExportTenant,
  sources: readonly BaselineSourceId[],
): Promise<TenantBaselineData> {
  return readBaselineData(ctx.graph.client(tenant.tenantId), {
    sources,
    beta: ctx.args.noBeta ? 'off' : ctx.graph.client(tenant.tenantId, 'beta'),
    folder: exportFolderName(tenant),
    displayName: tenant.displayName,
    signal: ctx.deadline,
  });
}
