import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';

/**
 * The id of a node under a tenant in the Tenants view: the tenant's key (sign-in method + tenant
 * id), then the path to the node, e.g. `sandbox:<tenantId>/access/partners/<partnerId>`. Stable
 * across refreshes, so VS Code keeps a node expanded and selected when the tree is redrawn; every
 * node's id starts with its tenant's, so two tenants never share one.
 */
export function nodeId(
  tenant: Pick<TenantRecord, 'tenantId' | 'auth'>,
  ...path: readonly string[]
): string {
  return [tenantKey(tenant), ...path].join('/');
}
