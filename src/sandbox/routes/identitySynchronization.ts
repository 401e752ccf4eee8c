import { PERMISSIONS } from '../auth/permissions';
import { conflict, directoryObjectNotFound } from '../errors';
import { noContent, odataContext, ok, type Route, type RouteContext } from '../http/route';
import { cloneJson, type JsonObject } from '../json';
import { applySelect, parseSelect } from '../odata/select';
import { renderIdentitySynchronization } from '../policy/crossTenantDocuments';
import { validateIdentitySyncPut, validateIdentitySyncUpdate } from '../policy/policyValidation';
import { findPartner } from './partners';

const PATH = '/policies/crossTenantAccessPolicy/partners/{partnerTenantId}/identitySynchronization';

function existing(ctx: RouteContext): { key: string; sync: JsonObject } {
  const { key } = findPartner(ctx);
  const sync = ctx.tenant.identitySynchronization.get(key);
  // The documented answer to PATCH/GET of a policy that was never created (graph-api.md §4).
  if (!sync) throw directoryObjectNotFound();
  return { key, sync };
}

/** The partner's inbound user-sync policy (graph-api.md §4): create with PUT, change with PATCH. */
export const identitySynchronizationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: PATH,
    permission: PERMISSIONS.policyRead,
    query: ['$select'],
    handle: (ctx) => {
      const { sync } = existing(ctx);
      const select = parseSelect(
        ctx.query.get('$select'),
        'microsoft.graph.crossTenantIdentitySyncPolicyPartner',
        ['tenantId', 'displayName', 'userSyncInbound'],
      );
      return ok({
        '@odata.context': odataContext(
          ctx,
          `policies/crossTenantAccessPolicy/partners('${ctx.params.partnerTenantId}')/identitySynchronization/$entity`,
        ),
        ...applySelect(renderIdentitySynchronization(sync), select),
      });
    },
  },
  {
    method: 'PUT',
    path: PATH,
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const { key } = findPartner(ctx);
      if (ctx.tenant.identitySynchronization.has(key))
        throw conflict(
          'A conflicting object with one or more of the specified property values is present in the directory.',
        );
      const body = validateIdentitySyncPut(ctx.body(), key);
      ctx.tenant.identitySynchronization.set(key, { tenantId: key, ...cloneJson(body) });
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
  {
    method: 'PATCH',
    path: PATH,
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const { key, sync } = existing(ctx);
      const changes = validateIdentitySyncUpdate(ctx.body());
      ctx.tenant.identitySynchronization.set(key, { ...sync, ...cloneJson(changes) });
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
  {
    method: 'DELETE',
    path: PATH,
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const { key } = existing(ctx);
      ctx.tenant.identitySynchronization.delete(key);
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
];
