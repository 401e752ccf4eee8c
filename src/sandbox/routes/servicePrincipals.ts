import { randomInt } from 'node:crypto';
import { PERMISSIONS } from '../auth/permissions';
import { badRequest, resourceNotFound } from '../errors';
import { created, noContent, odataContext, ok, type Route, type RouteContext } from '../http/route';
import { cloneJson, type JsonObject, str } from '../json';
import { compileFilter, type FilterSchema } from '../odata/filter';
import { collectionBody, pageByOffset } from '../odata/paging';
import { applySelect, parseSelect } from '../odata/select';
import { isGuid } from '../../core/policy/guid';
import { appRoleAssignment, appRoleAssignmentId } from '../seed/syncConfigurations';
import type { ServicePrincipalRecord } from '../store/records';
import { SERVICE_PRINCIPAL_PROPERTIES } from '../sync/servicePrincipalObjects';

const SP_FILTER: FilterSchema = {
  resource: 'servicePrincipal',
  caseInsensitive: true,
  caseFunctions: false,
  properties: {
    id: { type: 'string', operators: ['eq'] },
    appId: { type: 'string', operators: ['eq'] },
    applicationTemplateId: { type: 'string', operators: ['eq'] },
    appOwnerOrganizationId: { type: 'string', operators: ['eq'] },
    displayName: { type: 'string', operators: ['eq', 'startswith'] },
    servicePrincipalType: { type: 'string', operators: ['eq'] },
    accountEnabled: { type: 'boolean', operators: ['eq', 'ne'] },
  },
};

/** The service principal of the `{servicePrincipalId}` segment, or 404. */
export function findServicePrincipal(ctx: RouteContext): ServicePrincipalRecord {
  const record = ctx.tenant.servicePrincipals.get(ctx.params.servicePrincipalId.toLowerCase());
  if (!record) throw resourceNotFound(ctx.params.servicePrincipalId);
  return record;
}

function assignmentsContext(ctx: RouteContext, suffix = ''): string {
  return odataContext(
    ctx,
    `servicePrincipals('${ctx.params.servicePrincipalId}')/appRoleAssignedTo${suffix}`,
  );
}

/** Service principals and their app role assignments (graph-api.md §6 steps 4 and 8). */
export const servicePrincipalRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/servicePrincipals',
    permission: PERMISSIONS.applicationRead,
    query: ['$filter', '$select', '$top', '$skiptoken'],
    handle: (ctx) => {
      const select = parseSelect(
        ctx.query.get('$select'),
        'microsoft.graph.servicePrincipal',
        SERVICE_PRINCIPAL_PROPERTIES,
      );
      const filterText = ctx.query.get('$filter');
      const filter = filterText === undefined ? undefined : compileFilter(filterText, SP_FILTER);
      const all = [...ctx.tenant.servicePrincipals.values()]
        .map((r) => r.servicePrincipal)
        .filter((sp) => !filter || filter(sp));
      const page = pageByOffset(
        all,
        ctx.url,
        'servicePrincipals',
        ctx.query.get('$skiptoken'),
        ctx.query.top(100, 999, false),
      );
      return ok(
        collectionBody(odataContext(ctx, 'servicePrincipals'), {
          ...page,
          value: page.value.map((sp) => applySelect(cloneJson(sp), select)),
        }),
      );
    },
  },
  {
    method: 'GET',
    path: '/servicePrincipals/{servicePrincipalId}',
    permission: PERMISSIONS.applicationRead,
    query: ['$select'],
    handle: (ctx) => {
      const record = findServicePrincipal(ctx);
      const select = parseSelect(
        ctx.query.get('$select'),
        'microsoft.graph.servicePrincipal',
        SERVICE_PRINCIPAL_PROPERTIES,
      );
      return ok({
        '@odata.context': odataContext(ctx, 'servicePrincipals/$entity'),
        ...applySelect(cloneJson(record.servicePrincipal), select),
      });
    },
  },
  {
    method: 'GET',
    path: '/servicePrincipals/{servicePrincipalId}/appRoleAssignedTo',
    permission: PERMISSIONS.applicationRead,
    query: ['$top', '$skiptoken'],
    handle: (ctx) => {
      const record = findServicePrincipal(ctx);
      const page = pageByOffset(
        record.appRoleAssignedTo,
        ctx.url,
        'appRoleAssignedTo',
        ctx.query.get('$skiptoken'),
        ctx.query.top(100, 999, false),
      );
      return ok(
        collectionBody(assignmentsContext(ctx), {
          ...page,
          value: page.value.map((a) => cloneJson(a)),
        }),
      );
    },
  },
  {
    method: 'POST',
    path: '/servicePrincipals/{servicePrincipalId}/appRoleAssignedTo',
    permission: PERMISSIONS.appRoleAssignmentWrite,
    handle: (ctx) => {
      const record = findServicePrincipal(ctx);
      const sp = record.servicePrincipal;
      const { principalId, resourceId, appRoleId } = ctx.body();
      if (typeof principalId !== 'string' || !isGuid(principalId))
        throw badRequest(
          "Invalid value for 'principalId': expected the object id of a user or group.",
        );
      if (typeof resourceId !== 'string' || resourceId.toLowerCase() !== str(sp.id).toLowerCase())
        throw badRequest(
          "Invalid value for 'resourceId': it must be the id of the service principal in the URL.",
        );
      const roles = Array.isArray(sp.appRoles) ? sp.appRoles : [];
      const roleIds = roles.map((r) => str((r as JsonObject).id).toLowerCase());
      // An app without roles takes the default access role, the all-zero GUID.
      const validRole =
        typeof appRoleId === 'string' &&
        (roleIds.length === 0
          ? appRoleId === '00000000-0000-0000-0000-000000000000'
          : roleIds.includes(appRoleId.toLowerCase()));
      if (!validRole)
        throw badRequest(
          'Permission being assigned was not found on application: appRoleId is not an app role of the resource.',
        );
      const { directory } = ctx.tenant;
      const user = directory.usersById.get(principalId.toLowerCase());
      const group = user ? undefined : directory.groupsById.get(principalId.toLowerCase());
      if (!user && !group) throw resourceNotFound(principalId);
      if (
        record.appRoleAssignedTo.some(
          (a) =>
            str(a.principalId).toLowerCase() === principalId.toLowerCase() &&
            str(a.appRoleId).toLowerCase() === appRoleId.toLowerCase(),
        )
      ) {
        throw badRequest('Permission being assigned already exists on the object.');
      }
      const assignment = appRoleAssignment({
        id: appRoleAssignmentId(principalId, () => randomInt(256)),
        appRoleId: appRoleId.toLowerCase(),
        createdDateTime: new Date(ctx.now).toISOString(),
        principal: (user ?? group)!.object,
        principalType: user ? 'User' : 'Group',
        resource: sp,
      });
      record.appRoleAssignedTo.push(assignment);
      ctx.changed('applications');
      return created({
        '@odata.context': assignmentsContext(ctx, '/$entity'),
        ...cloneJson(assignment),
      });
    },
  },
  {
    // Deleting the service principal of a sync configuration takes its jobs, secrets and assignments with it. 204 / 404.
    method: 'DELETE',
    path: '/servicePrincipals/{servicePrincipalId}',
    permission: PERMISSIONS.applicationInstantiate,
    handle: (ctx) => {
      findServicePrincipal(ctx);
      ctx.tenant.servicePrincipals.delete(ctx.params.servicePrincipalId.toLowerCase());
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    // Deleting an application also deletes its service principal (the sandbox keeps applications only for instantiated ones). 204 / 404.
    method: 'DELETE',
    path: '/applications/{applicationId}',
    permission: PERMISSIONS.applicationInstantiate,
    handle: (ctx) => {
      const id = ctx.params.applicationId.toLowerCase();
      const entry = [...ctx.tenant.servicePrincipals.entries()].find(
        ([, r]) => r.applicationObjectId === id,
      );
      if (!entry) throw resourceNotFound(ctx.params.applicationId);
      ctx.tenant.servicePrincipals.delete(entry[0]);
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    method: 'DELETE',
    path: '/servicePrincipals/{servicePrincipalId}/appRoleAssignedTo/{assignmentId}',
    permission: PERMISSIONS.appRoleAssignmentWrite,
    handle: (ctx) => {
      const record = findServicePrincipal(ctx);
      const index = record.appRoleAssignedTo.findIndex((a) => a.id === ctx.params.assignmentId);
      if (index < 0) throw resourceNotFound(ctx.params.assignmentId);
      record.appRoleAssignedTo.splice(index, 1);
      ctx.changed('applications');
      return noContent;
    },
  },
];
