import { PERMISSIONS } from '../auth/permissions';
import { badRequest, alreadyExists, directoryObjectNotFound, unsupportedQuery } from '../errors';
import { created, noContent, odataContext, ok, type Route, type RouteContext } from '../http/route';
import { cloneJson, type JsonObject, str } from '../json';
import { collectionBody, pageByOffset } from '../odata/paging';
import { applySelect, parseSelect } from '../odata/select';
import {
  PARTNER_PROPERTIES,
  renderIdentitySynchronization,
  renderPartner,
} from '../policy/crossTenantDocuments';
import { assertPolicySize } from '../policy/policySize';
import { isGuid } from '../../core/policy/guid';
import { validatePartnerCreate, validatePartnerUpdate } from '../policy/policyValidation';

const PARTNER_TYPE = 'microsoft.graph.crossTenantAccessPolicyConfigurationPartner';

/** The stored partner for the `{partnerTenantId}` segment, or 404 `Directory_ObjectNotFound`. */
export function findPartner(ctx: RouteContext): { key: string; partner: JsonObject } {
  const key = ctx.params.partnerTenantId.toLowerCase();
  const partner = ctx.tenant.partners.get(key);
  if (!partner)
    throw directoryObjectNotFound(
      `No partner configuration exists for tenant '${ctx.params.partnerTenantId}'.`,
    );
  return { key, partner };
}

function parseExpand(ctx: RouteContext): boolean {
  const expand = ctx.query.get('$expand');
  if (expand === undefined) return false;
  if (expand.trim().toLowerCase() !== 'identitysynchronization')
    throw unsupportedQuery(
      `$expand supports only 'identitySynchronization' on partner configurations, not '${expand}'.`,
    );
  return true;
}

function present(
  ctx: RouteContext,
  key: string,
  partner: JsonObject,
  select: readonly string[] | undefined,
  expand: boolean,
): JsonObject {
  const out = applySelect(renderPartner(partner), select);
  if (expand) {
    const sync = ctx.tenant.identitySynchronization.get(key);
    out.identitySynchronization = sync ? renderIdentitySynchronization(sync) : null;
  }
  return out;
}

/** Partner configurations (graph-api.md §3), keyed by the partner's tenant id. */
export const partnerRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/policies/crossTenantAccessPolicy/partners',
    permission: PERMISSIONS.policyRead,
    query: ['$select', '$expand', '$top', '$skiptoken'],
    handle: (ctx) => {
      const select = parseSelect(ctx.query.get('$select'), PARTNER_TYPE, PARTNER_PROPERTIES);
      const expand = parseExpand(ctx);
      const top = ctx.query.top(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
      const page = pageByOffset(
        [...ctx.tenant.partners],
        ctx.url,
        'partners',
        ctx.query.get('$skiptoken'),
        top,
      );
      const value = page.value.map(([key, partner]) => present(ctx, key, partner, select, expand));
      return ok(
        collectionBody(odataContext(ctx, 'policies/crossTenantAccessPolicy/partners'), {
          ...page,
          value,
        }),
      );
    },
  },
  {
    method: 'POST',
    path: '/policies/crossTenantAccessPolicy/partners',
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const partner = validatePartnerCreate(ctx.body());
      const key = str(partner.tenantId);
      if (key === ctx.tenant.tenantId.toLowerCase())
        throw badRequest('A partner configuration cannot be created for your own tenant.');
      if (ctx.tenant.partners.has(key))
        throw alreadyExists(
          ctx.answers,
          'Another object with the same value for property tenantId already exists.',
        );
      assertPolicySize(ctx.tenant.defaultConfiguration, [...ctx.tenant.partners.values(), partner]);
      ctx.tenant.partners.set(key, cloneJson(partner));
      ctx.changed('crossTenantAccess');
      return {
        ...created({
          '@odata.context': odataContext(ctx, 'policies/crossTenantAccessPolicy/partners/$entity'),
          ...renderPartner(partner),
        }),
        headers: { location: `${ctx.baseUrl}/policies/crossTenantAccessPolicy/partners/${key}` },
      };
    },
  },
  {
    method: 'GET',
    path: '/policies/crossTenantAccessPolicy/partners/{partnerTenantId}',
    permission: PERMISSIONS.policyRead,
    query: ['$select', '$expand'],
    handle: (ctx) => {
      if (!isGuid(ctx.params.partnerTenantId))
        throw badRequest(
          `Invalid partner tenant id '${ctx.params.partnerTenantId}': expected a GUID.`,
        );
      const { key, partner } = findPartner(ctx);
      const select = parseSelect(ctx.query.get('$select'), PARTNER_TYPE, PARTNER_PROPERTIES);
      return ok({
        '@odata.context': odataContext(ctx, 'policies/crossTenantAccessPolicy/partners/$entity'),
        ...present(ctx, key, partner, select, parseExpand(ctx)),
      });
    },
  },
  {
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy/partners/{partnerTenantId}',
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const { key, partner } = findPartner(ctx);
      const changes = validatePartnerUpdate(ctx.body());
      // Top-level merge: omitted properties keep their values, sent ones (null = inherit) replace them whole.
      const next: JsonObject = { ...partner, ...cloneJson(changes) };
      assertPolicySize(
        ctx.tenant.defaultConfiguration,
        [...ctx.tenant.partners.values()].map((p) => (p === partner ? next : p)),
      );
      ctx.tenant.partners.set(key, next);
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
  {
    method: 'DELETE',
    path: '/policies/crossTenantAccessPolicy/partners/{partnerTenantId}',
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const { key } = findPartner(ctx);
      // The docs give the order (identity sync first) but not the status; the sandbox answers 400.
      if (ctx.tenant.identitySynchronization.has(key)) {
        throw badRequest(
          'The partner configuration cannot be deleted while it has an identitySynchronization policy. Delete …/partners/{id}/identitySynchronization first.',
        );
      }
      ctx.tenant.partners.delete(key);
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
];
