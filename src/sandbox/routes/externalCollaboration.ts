import { PERMISSIONS } from '../auth/permissions';
import { badRequest, ErrorResponse, resourceNotFound } from '../errors';
import { noContent, odataContext, ok, type Route } from '../http/route';
import { cloneJson, isJsonObject, type JsonObject } from '../json';
import { collectionBody } from '../odata/paging';
import { validateDocument, type Shape } from '../policy/policyValidation';
import { GUEST_ROLE } from '../seed/externalCollaboration';

const BOOLEAN: Shape = { kind: 'boolean' };
const STRING: Shape = { kind: 'string' };

/** The writable properties of the update documentation (v1.0 authorizationPolicy). */
const AUTHORIZATION_POLICY_WRITABLE: Readonly<Record<string, Shape>> = {
  allowEmailVerifiedUsersToJoinOrganization: BOOLEAN,
  allowInvitesFrom: {
    kind: 'enum',
    members: ['none', 'adminsAndGuestInviters', 'adminsGuestInvitersAndAllMembers', 'everyone'],
  },
  allowUserConsentForRiskyApps: BOOLEAN,
  allowedToSignUpEmailBasedSubscriptions: BOOLEAN,
  allowedToUseSSPR: BOOLEAN,
  blockMsolPowerShell: BOOLEAN,
  defaultUserRolePermissions: {
    kind: 'object',
    type: 'defaultUserRolePermissions',
    props: {
      allowedToCreateApps: BOOLEAN,
      allowedToCreateSecurityGroups: BOOLEAN,
      allowedToCreateTenants: BOOLEAN,
      allowedToReadBitlockerKeysForOwnedDevice: BOOLEAN,
      allowedToReadOtherUsers: BOOLEAN,
      permissionGrantPoliciesAssigned: { kind: 'array', items: STRING },
    },
  },
  description: STRING,
  displayName: STRING,
  guestUserRoleId: STRING,
};

const GUEST_ROLES: readonly string[] = Object.values(GUEST_ROLE);

/**
 * Guest invitation settings (v1.0 authorizationPolicy) and, on /beta only, the two beta resources
 * the baselines read: the B2B management policy list and Global Secure Access's cross-tenant
 * settings. beta-only bodies are served under /beta only; /v1.0 does not know those segments.
 */
export const externalCollaborationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/policies/authorizationPolicy',
    permission: PERMISSIONS.authorizationPolicyRead,
    handle: (ctx) =>
      // v1.0 documents the singleton ($entity), not a collection.
      ok({
        '@odata.context': odataContext(ctx, 'policies/authorizationPolicy/$entity'),
        ...cloneJson(ctx.tenant.externalCollaboration.authorizationPolicy),
      }),
  },
  {
    method: 'PATCH',
    path: '/policies/authorizationPolicy',
    permission: PERMISSIONS.authorizationPolicyWrite,
    handle: (ctx) => {
      const changes = validateDocument(
        ctx.body(),
        'authorizationPolicy',
        AUTHORIZATION_POLICY_WRITABLE,
        ['id', 'deletedDateTime'],
      );
      const role = changes.guestUserRoleId;
      if (
        role !== undefined &&
        (typeof role !== 'string' || !GUEST_ROLES.includes(role.toLowerCase()))
      )
        throw badRequest(
          `Invalid value for 'guestUserRoleId': expected one of ${GUEST_ROLES.join(', ')}.`,
        );
      const stored = ctx.tenant.externalCollaboration.authorizationPolicy;
      const next: JsonObject = { ...stored };
      for (const [key, value] of Object.entries(changes)) {
        // Sandbox choice: the documentation's examples PATCH one flag of
        // defaultUserRolePermissions and expect the others kept, so that object is merged.
        const current = stored[key];
        next[key] =
          key === 'defaultUserRolePermissions' && isJsonObject(value) && isJsonObject(current)
            ? { ...current, ...cloneJson(value) }
            : key === 'guestUserRoleId' && typeof value === 'string'
              ? value.toLowerCase()
              : cloneJson(value);
      }
      ctx.tenant.externalCollaboration.authorizationPolicy = next;
      ctx.changed('externalCollaboration');
      return noContent;
    },
  },
  {
    method: 'GET',
    path: '/policies/b2bManagementPolicies',
    versions: ['beta'],
    permission: PERMISSIONS.b2bManagementPolicyRead,
    handle: (ctx) =>
      ok(
        collectionBody(odataContext(ctx, 'policies/b2bManagementPolicies'), {
          value: cloneJson(ctx.tenant.externalCollaboration.b2bManagementPolicies),
        }),
      ),
  },
  {
    method: 'GET',
    path: '/policies/b2bManagementPolicies/{id}',
    versions: ['beta'],
    permission: PERMISSIONS.b2bManagementPolicyRead,
    handle: (ctx) => {
      const policy = ctx.tenant.externalCollaboration.b2bManagementPolicies.find(
        (p) => typeof p.id === 'string' && p.id.toLowerCase() === ctx.params.id.toLowerCase(),
      );
      if (!policy) throw resourceNotFound(ctx.params.id);
      return ok({
        '@odata.context': odataContext(ctx, 'policies/b2bManagementPolicies/$entity'),
        ...cloneJson(policy),
      });
    },
  },
  {
    method: 'GET',
    path: '/networkAccess/settings/crossTenantAccess',
    versions: ['beta'],
    permission: PERMISSIONS.networkAccessRead,
    handle: (ctx) => {
      const settings = ctx.tenant.externalCollaboration.networkAccessCrossTenantAccess;
      // Sandbox choice: Graph does not document the answer for a tenant without a Global Secure
      // Access licence; the sandbox refuses with 403 and a code that is not a permission error.
      if (!settings)
        throw new ErrorResponse(
          403,
          'Forbidden',
          'The tenant is not onboarded to Global Secure Access: it needs a Microsoft Entra Internet Access or Private Access licence.',
        );
      return ok({
        '@odata.context': odataContext(ctx, 'networkAccess/settings/crossTenantAccess/$entity'),
        ...cloneJson(settings),
      });
    },
  },
];
