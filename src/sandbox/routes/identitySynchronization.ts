import { PERMISSIONS } from '../auth/permissions';
import { alreadyExists, directoryObjectNotFound, ErrorResponse } from '../errors';
import { noContent, odataContext, ok, type Route, type RouteContext } from '../http/route';
import { cloneJson, type JsonObject } from '../json';
import { applySelect, parseSelect } from '../odata/select';
import { renderIdentitySynchronization } from '../policy/crossTenantDocuments';
import { validateIdentitySyncPut, validateIdentitySyncUpdate } from '../policy/policyValidation';
import { findPartner } from './partners';

const PATH = '/policies/crossTenantAccessPolicy/partners/{partnerTenantId}/identitySynchronization';

const CONFLICT =
  'A conflicting object with one or more of the specified property values is present in the directory.';

function existing(
  ctx: RouteContext,
  method: 'GET' | 'PATCH' | 'DELETE',
): { key: string; sync: JsonObject } {
  const { key } = findPartner(ctx);
  const sync = ctx.tenant.identitySynchronization.get(key);
  // The documented answer to a PATCH of a policy that was never created (graph-api.md §4); for GET
  // and DELETE nothing is documented: the sandbox answers the same, GET otherwise if answers say so.
  if (!sync) {
    if (method === 'GET' && ctx.answers.missingIdentitySync === 'resourceNotFound')
      throw new ErrorResponse(
        400,
        'Request_ResourceNotFound',
        `Resource 'identitySynchronization' of partner '${key}' does not exist.`,
      );
    throw directoryObjectNotFound();
  }
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
      const { sync } = existing(ctx, 'GET');
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
      // As the Entra walkthrough's troubleshooting section quotes the 409, details included.
      if (ctx.tenant.identitySynchronization.has(key))
        throw alreadyExists(ctx.answers, CONFLICT, [
          { code: 'ConflictingObjects', message: CONFLICT },
        ]);
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
      const { key, sync } = existing(ctx, 'PATCH');
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
      const { key } = existing(ctx, 'DELETE');
      ctx.tenant.identitySynchronization.delete(key);
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
];
