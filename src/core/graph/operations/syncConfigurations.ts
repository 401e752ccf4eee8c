import type { CallOptions, GraphClient } from '../graphClient';
import { odataString } from '../odata';
import { listAll } from '../paging';
import type { Application, ServicePrincipal } from '../types';

/** The cross-tenant synchronization gallery application template (graph-api.md §6, §11.8). */
export const CROSS_TENANT_SYNC_TEMPLATE_ID = '518e5f48-1fc8-4c48-9387-9fdf28b0dfe7';
/** The synchronization job template of cross-tenant sync. */
export const CROSS_TENANT_SYNC_JOB_TEMPLATE = 'Azure2Azure';

/**
 * The tenant's cross-tenant sync configurations: service principals instantiated from the gallery
 * template. Their object `id` (not the appId) goes into every sync URL.
 */
export function findSyncConfigurations(
  client: GraphClient,
  options: CallOptions = {},
): Promise<ServicePrincipal[]> {
  return listAll<ServicePrincipal>(client, {
    operation: 'syncConfigurations.list',
    method: 'GET',
    path: '/servicePrincipals',
    query: {
      $filter: `applicationTemplateId eq ${odataString(CROSS_TENANT_SYNC_TEMPLATE_ID)}`,
      $select: 'id,appId,displayName,applicationTemplateId,appRoles',
    },
    signal: options.signal,
  });
}

/** Creates a sync configuration (application + service principal) named after the target tenant. 201. */
export function instantiateSyncTemplate(
  client: GraphClient,
  displayName: string,
  options: CallOptions = {},
): Promise<{ application: Application; servicePrincipal: ServicePrincipal }> {
  return client.request({
    operation: 'syncTemplate.instantiate',
    method: 'POST',
    path: `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`,
    body: { displayName },
    signal: options.signal,
  });
}

/**
 * The app role users and groups are assigned with: the configuration's `msiam_access` role, never
 * the all-zero "default access" id (graph-api.md §6 step 8).
 */
export function accessRoleId(servicePrincipal: ServicePrincipal): string | undefined {
  return (
    servicePrincipal.appRoles?.find(
      (r) => r.value === 'msiam_access' || r.displayName === 'msiam_access',
    )?.id ?? undefined
  );
}
