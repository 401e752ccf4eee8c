import type { BatchRequest } from '../batch';
import type { CallOptions, GraphClient } from '../graphClient';
import { odataString, pathSegment } from '../odata';
import type { Organization, TenantInformation } from '../types';

/** Relative URL of a tenant lookup by id, usable directly and inside a `$batch`. */
export function tenantInformationByIdUrl(tenantId: string): string {
  return `/tenantRelationships/findTenantInformationByTenantId(tenantId=${pathSegment(odataString(tenantId))})`;
}

/** A tenant lookup as one `$batch` item. */
export function tenantInformationBatchRequest(tenantId: string, id?: string): BatchRequest {
  return {
    id,
    operation: 'tenantInfo.byTenantId',
    method: 'GET',
    url: tenantInformationByIdUrl(tenantId),
  };
}

/** The lookup functions exist in the global cloud only (graph-api.md §5, §13): refuse before sending a request that cannot work. */
function lookupUnavailable(client: GraphClient): Promise<never> | undefined {
  if (client.cloud.supportsTenantLookup) return undefined;
  return Promise.reject(
    new Error(
      `Looking up other tenants is only available in the global cloud; tenant ${client.tenantId} is in ${client.cloud.displayName}.`,
    ),
  );
}

/** Name and default domain of any tenant, by id. */
export function findTenantInformationByTenantId(
  client: GraphClient,
  tenantId: string,
  options: CallOptions = {},
): Promise<TenantInformation> {
  return (
    lookupUnavailable(client) ??
    client.request({
      operation: 'tenantInfo.byTenantId',
      method: 'GET',
      path: tenantInformationByIdUrl(tenantId),
      signal: options.signal,
    })
  );
}

/** Name and id of the tenant that has verified `domainName`. */
export function findTenantInformationByDomainName(
  client: GraphClient,
  domainName: string,
  options: CallOptions = {},
): Promise<TenantInformation> {
  return (
    lookupUnavailable(client) ??
    client.request({
      operation: 'tenantInfo.byDomainName',
      method: 'GET',
      path: `/tenantRelationships/findTenantInformationByDomainName(domainName=${pathSegment(odataString(domainName))})`,
      signal: options.signal,
    })
  );
}

/**
 * The signed-in tenant's organization object (`GET /organization` returns a collection of exactly
 * one). With only `User.Read`, just id, displayName and verifiedDomains are filled.
 */
export async function getOrganization(
  client: GraphClient,
  options: CallOptions = {},
): Promise<Organization> {
  const page = await client.request<{ value?: Organization[] }>({
    operation: 'organization.get',
    method: 'GET',
    path: '/organization',
    signal: options.signal,
  });
  const org = page.value?.[0];
  if (!org) throw new Error(`Graph returned no organization for tenant ${client.tenantId}.`);
  return org;
}
