import { randomUUID } from 'node:crypto';
import { PERMISSIONS } from '../auth/permissions';
import { badRequest, resourceNotFound } from '../errors';
import { created, odataContext, type Route } from '../http/route';
import { cloneJson, str } from '../json';
import {
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  crossTenantSyncServicePrincipal,
  instantiatedApplication,
  NON_GALLERY_TEMPLATE_ID,
  servicePrincipalObject,
} from '../sync/servicePrincipalObjects';

/** `POST /applicationTemplates/{id}/instantiate` (graph-api.md §6 step 4): a new application and service principal. */
export const applicationTemplateRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/applicationTemplates/{applicationTemplateId}/instantiate',
    permission: PERMISSIONS.applicationInstantiate,
    handle: (ctx) => {
      const templateId = ctx.params.applicationTemplateId.toLowerCase();
      if (templateId !== CROSS_TENANT_SYNC_TEMPLATE_ID && templateId !== NON_GALLERY_TEMPLATE_ID)
        throw resourceNotFound(ctx.params.applicationTemplateId);
      const { displayName } = ctx.body();
      if (typeof displayName !== 'string' || displayName.trim() === '')
        throw badRequest("Invalid value for 'displayName': a non-empty string is required.");
      const tenantId = ctx.tenant.tenantId;
      const appId = randomUUID();
      const crossTenantSync = templateId === CROSS_TENANT_SYNC_TEMPLATE_ID;
      const servicePrincipal = crossTenantSync
        ? crossTenantSyncServicePrincipal({
            id: randomUUID(),
            appId,
            displayName,
            tenantId,
            roleId: randomUUID(),
          })
        : servicePrincipalObject({
            id: randomUUID(),
            appId,
            displayName,
            appOwnerOrganizationId: tenantId,
            applicationTemplateId: NON_GALLERY_TEMPLATE_ID,
          });
      const application = instantiatedApplication({
        id: randomUUID(),
        appId,
        displayName,
        templateId,
        publisherDomain: ctx.tenant.info.defaultDomainName,
        createdDateTime: new Date(ctx.now).toISOString(),
      });
      ctx.tenant.servicePrincipals.set(str(servicePrincipal.id), {
        servicePrincipal,
        synchronizationTemplates: crossTenantSync ? ['Azure2Azure'] : [],
        jobs: [],
        secrets: [],
        appRoleAssignedTo: [],
        applicationObjectId: str(application.id).toLowerCase(),
      });
      ctx.changed('applications');
      return created({
        '@odata.context': odataContext(ctx, 'microsoft.graph.applicationServicePrincipal'),
        application,
        servicePrincipal: cloneJson(servicePrincipal),
      });
    },
  },
];
