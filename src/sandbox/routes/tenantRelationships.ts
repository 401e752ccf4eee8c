import { hasPermission, PERMISSIONS } from '../auth/permissions';
import { badRequest, directoryObjectNotFound } from '../errors';
import { odataContext, ok, type Route, type RouteContext } from '../http/route';
import type { JsonObject } from '../json';
import { collectionBody } from '../odata/paging';
import { isGuid } from '../../core/policy/guid';
import type { TenantStore } from '../store/tenantStore';

function tenantInformation(ctx: RouteContext, tenant: TenantStore): JsonObject {
  const { info } = tenant;
  return {
    '@odata.context': odataContext(ctx, 'microsoft.graph.tenantInformation'),
    tenantId: info.tenantId,
    federationBrandName: info.federationBrandName,
    displayName: info.displayName,
    defaultDomainName: info.defaultDomainName,
  };
}

/** Tenant lookup (graph-api.md §5) and the multitenant organization, read-only (§9). */
export const tenantRelationshipRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/tenantRelationships/findTenantInformationByTenantId(tenantId={tenantId})',
    permission: PERMISSIONS.tenantLookup,
    handle: (ctx) => {
      const { tenantId } = ctx.params;
      if (!isGuid(tenantId))
        throw badRequest(
          `Invalid value '${tenantId}' for parameter 'tenantId': expected a tenant id (GUID).`,
        );
      const tenant = ctx.world.get(tenantId);
      if (!tenant) throw directoryObjectNotFound();
      return ok(tenantInformation(ctx, tenant));
    },
  },
  {
    method: 'GET',
    path: '/tenantRelationships/findTenantInformationByDomainName(domainName={domainName})',
    permission: PERMISSIONS.tenantLookup,
    handle: (ctx) => {
      const tenant = ctx.world.byDomainName(ctx.params.domainName);
      if (!tenant) throw directoryObjectNotFound();
      return ok(tenantInformation(ctx, tenant));
    },
  },
  {
    method: 'GET',
    path: '/tenantRelationships/multiTenantOrganization',
    permission: PERMISSIONS.multiTenantOrganizationRead,
    handle: (ctx) => {
      const mto = ctx.tenant.multiTenantOrganization;
      const context = odataContext(ctx, 'tenantRelationships/multiTenantOrganization/$entity');
      // A tenant in no multitenant organization gets 200 with state "inactive", not 404 (graph-api.md §9).
      if (!mto)
        return ok({
          '@odata.context': context,
          createdDateTime: null,
          displayName: null,
          description: null,
          state: 'inactive',
        });
      return ok({ '@odata.context': context, ...mto.organization });
    },
  },
  {
    method: 'GET',
    path: '/tenantRelationships/multiTenantOrganization/tenants',
    permission: PERMISSIONS.multiTenantOrganizationRead,
    handle: (ctx) => {
      const tenants = ctx.tenant.multiTenantOrganization?.tenants ?? [];
      // With only ReadBasic, members show their tenant id and display name and nothing else.
      const full = hasPermission(ctx.principal, 'MultiTenantOrganization.Read.All');
      const value = tenants.map((t) =>
        full
          ? { ...t }
          : Object.fromEntries(
              Object.entries(t).map(([k, v]) => [
                k,
                k === 'tenantId' || k === 'displayName' || k === 'id' ? v : null,
              ]),
            ),
      );
      return ok(
        collectionBody(odataContext(ctx, 'tenantRelationships/multiTenantOrganization/tenants'), {
          value,
        }),
      );
    },
  },
];
