import { PERMISSIONS } from '../auth/permissions';
import { noContent, odataContext, ok, type Route } from '../http/route';
import { cloneJson, type JsonObject } from '../json';
import { applySelect, parseSelect } from '../odata/select';
import {
  renderDefault,
  renderPolicy,
  serviceDefaultConfiguration,
} from '../policy/crossTenantDocuments';
import { assertPolicySize } from '../policy/policySize';
import { validateDefaultUpdate, validatePolicyUpdate } from '../policy/policyValidation';

const POLICY_PROPERTIES = [
  'id',
  'deletedDateTime',
  'displayName',
  'description',
  'allowedCloudEndpoints',
];
const DEFAULT_PROPERTIES = Object.keys(serviceDefaultConfiguration());

/** The policy root and its default configuration (graph-api.md §1, §2). */
export const crossTenantAccessPolicyRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/policies/crossTenantAccessPolicy',
    permission: PERMISSIONS.policyRead,
    query: ['$select'],
    handle: (ctx) => {
      const select = parseSelect(
        ctx.query.get('$select'),
        'microsoft.graph.crossTenantAccessPolicy',
        POLICY_PROPERTIES,
      );
      return ok({
        '@odata.context': odataContext(ctx, 'policies/crossTenantAccessPolicy/$entity'),
        ...applySelect(renderPolicy(ctx.tenant.policy), select),
      });
    },
  },
  {
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy',
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const changes = validatePolicyUpdate(ctx.body());
      // allowedCloudEndpoints is a collection: replaced wholesale, never appended to.
      Object.assign(ctx.tenant.policy, cloneJson(changes));
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
  {
    method: 'GET',
    path: '/policies/crossTenantAccessPolicy/default',
    permission: PERMISSIONS.policyRead,
    query: ['$select'],
    handle: (ctx) => {
      const select = parseSelect(
        ctx.query.get('$select'),
        'microsoft.graph.crossTenantAccessPolicyConfigurationDefault',
        DEFAULT_PROPERTIES,
      );
      return ok({
        '@odata.context': odataContext(ctx, 'policies/crossTenantAccessPolicy/default/$entity'),
        ...applySelect(renderDefault(ctx.tenant.defaultConfiguration), select),
      });
    },
  },
  {
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy/default',
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      const changes = validateDefaultUpdate(ctx.body());
      const serviceDefault = serviceDefaultConfiguration();
      const next: JsonObject = { ...ctx.tenant.defaultConfiguration, isServiceDefault: false };
      // Top-level merge; a complex value replaces the stored one whole. The default cannot inherit,
      // so an explicit null puts that setting back to the service default.
      for (const [key, value] of Object.entries(changes))
        next[key] = value === null ? serviceDefault[key] : cloneJson(value);
      assertPolicySize(next, ctx.tenant.partners.values());
      ctx.tenant.defaultConfiguration = next;
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/policies/crossTenantAccessPolicy/default/resetToSystemDefault',
    permission: PERMISSIONS.policyWrite,
    handle: (ctx) => {
      // Keep settings the sandbox does not model; everything it does model goes back to the service default.
      const unknown = Object.fromEntries(
        Object.entries(ctx.tenant.defaultConfiguration).filter(
          ([k]) => !DEFAULT_PROPERTIES.includes(k),
        ),
      );
      ctx.tenant.defaultConfiguration = { ...serviceDefaultConfiguration(), ...unknown };
      ctx.changed('crossTenantAccess');
      return noContent;
    },
  },
];
