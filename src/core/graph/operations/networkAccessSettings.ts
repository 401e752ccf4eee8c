import type { CallOptions, GraphClient } from '../graphClient';
import type { NetworkAccessCrossTenantAccessSettings } from '../types';

/**
 * Global Secure Access's cross-tenant access settings (beta only). Throws when `client` is not a
 * beta client, so a v1.0 client never sends this path.
 *
 * Beta path GET /beta/networkAccess/settings/crossTenantAccess: the only Graph API that says
 * whether Global Secure Access tags traffic for universal tenant restrictions
 * (`networkPacketTaggingStatus`), which Zero Trust Assessment 25377 grades. Read only while beta
 * reads are on; tenants without a Global Secure Access licence cannot read it.
 */
export async function getNetworkAccessCrossTenantAccess(
  client: GraphClient,
  options: CallOptions = {},
): Promise<NetworkAccessCrossTenantAccessSettings> {
  if (client.apiVersion !== 'beta')
    throw new Error('Global Secure Access settings are only in the beta API: use a beta client.');
  return await client.request({
    operation: 'networkAccessCrossTenantAccess.get',
    method: 'GET',
    path: '/networkAccess/settings/crossTenantAccess',
    signal: options.signal,
  });
}
