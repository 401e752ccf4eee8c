import { randomUUID } from 'node:crypto';
import { PERMISSIONS } from '../auth/permissions';
import { badRequest, ErrorResponse, gatewayBadRequest, resourceNotFound } from '../errors';
import { created, noContent, odataContext, ok, type Route, type RouteContext } from '../http/route';
import { cloneJson, isJsonObject, type JsonObject, str } from '../json';
import { collectionBody } from '../odata/paging';
import { isGuid } from '../../core/policy/guid';
import type { ServicePrincipalRecord, SyncJobRecord } from '../store/records';
import { compressed, CYCLE_DELAY_MS, pauseJob, restartJob, startJob } from '../sync/jobEngine';
import { newJobObject, synchronizationJobId } from '../sync/jobObjects';
import { provisionOnDemand } from '../sync/provisionOnDemand';
import { parseRestartScope } from '../sync/restartScope';
import { readSecretPairs } from '../sync/synchronizationSecrets';
import {
  checkCrossTenantSync,
  describeSyncProblems,
  SYNC_POLICY_CHECK_FAILURE,
} from '../sync/syncPolicyCheck';
import { azure2AzureSchema, galleryAppSchema } from '../sync/templateSchemas';
import { findServicePrincipal } from './servicePrincipals';

const JOBS = '/servicePrincipals/{servicePrincipalId}/synchronization/jobs';

/** Secret keys whose values a GET of the secrets never shows (synchronizationSecret members that hold passwords and keys). */
const MASKED_SECRETS = new Set([
  'Password',
  'SecretToken',
  'AppKey',
  'ClientSecret',
  'ConsumerSecret',
  'TokenKey',
  'Oauth2AccessToken',
  'Oauth2RefreshToken',
  'Oauth2ClientSecret',
  'Oauth2AuthorizationCode',
]);
const JOB = `${JOBS}/{jobId}`;

function findJob(ctx: RouteContext): { sp: ServicePrincipalRecord; record: SyncJobRecord } {
  const sp = findServicePrincipal(ctx);
  const record = sp.jobs.find(
    (j) => str(j.job.id).toLowerCase() === ctx.params.jobId.toLowerCase(),
  );
  if (!record) throw resourceNotFound(ctx.params.jobId);
  return { sp, record };
}

function jobsContext(ctx: RouteContext, suffix = ''): string {
  return odataContext(
    ctx,
    `servicePrincipals('${ctx.params.servicePrincipalId}')/synchronization/jobs${suffix}`,
  );
}

function schemaOf(sp: ServicePrincipalRecord, record: SyncJobRecord): JsonObject {
  if (record.schema) return record.schema;
  const id = str(record.job.id);
  return record.job.templateId === 'Azure2Azure'
    ? azure2AzureSchema(id)
    : galleryAppSchema(id, str(sp.servicePrincipal.displayName));
}

/**
 * Checks a schema PUT. For cross-tenant sync the matching attribute is fixed: exactly one
 * mapping may match, on alternativeSecurityIds (sync-facts.md §4a, error `schemaInvalid`).
 */
function validateSchema(body: JsonObject, record: SyncJobRecord): JsonObject {
  const { synchronizationRules, directories } = body;
  if (!Array.isArray(synchronizationRules) || !synchronizationRules.every(isJsonObject))
    throw badRequest(
      "Invalid value for 'synchronizationRules': PUT replaces the whole schema, so send every rule (GET it first).",
    );
  if (directories !== undefined && !Array.isArray(directories))
    throw badRequest("Invalid value for 'directories': expected an array.");
  if (record.job.templateId === 'Azure2Azure') {
    for (const rule of synchronizationRules) {
      for (const mapping of (Array.isArray(rule.objectMappings) ? rule.objectMappings : []).filter(
        isJsonObject,
      )) {
        if (mapping.sourceObjectName !== 'User') continue;
        const matching = (
          Array.isArray(mapping.attributeMappings) ? mapping.attributeMappings : []
        ).filter(
          (m) =>
            isJsonObject(m) && typeof m.matchingPriority === 'number' && m.matchingPriority > 0,
        ) as JsonObject[];
        if (matching.length !== 1 || matching[0].targetAttributeName !== 'alternativeSecurityIds') {
          throw new ErrorResponse(
            400,
            'schemaInvalid',
            'The matching attribute of cross-tenant synchronization cannot be changed: keep alternativeSecurityIds as the only attribute with a matchingPriority.',
          );
        }
      }
    }
  }
  const schema: JsonObject = Object.fromEntries(
    Object.entries(body).filter(([k]) => !k.startsWith('@odata.')),
  );
  return {
    ...cloneJson(schema),
    id: str(record.job.id),
    directories: cloneJson(directories ?? []),
  };
}

/**
 * validateCredentials, bound to the jobs collection or to a job (graph-api.md §6 step 5). For
 * cross-tenant sync the outcome is computed from both tenants' live partner configurations, so
 * the error names the side that has to change.
 */
function validateCredentials(
  ctx: RouteContext,
  sp: ServicePrincipalRecord,
  jobTemplateId: string | undefined,
): void {
  const body = ctx.body();
  const templateId =
    jobTemplateId ??
    (typeof body.templateId === 'string' ? body.templateId : sp.synchronizationTemplates[0]);
  if (templateId === undefined || !sp.synchronizationTemplates.includes(templateId))
    throw badRequest(
      `Invalid value for 'templateId': this application offers ${sp.synchronizationTemplates.join(', ') || 'no synchronization templates'}.`,
    );
  const credentials =
    body.useSavedCredentials === true
      ? sp.secrets
      : readSecretPairs(body.credentials, 'credentials');
  if (body.useSavedCredentials === true && credentials.length === 0)
    throw badRequest(
      'useSavedCredentials is true but no credentials are saved for this application.',
    );
  if (templateId !== 'Azure2Azure') {
    if (credentials.length === 0) throw badRequest('No credentials to validate.');
    return;
  }
  const value = (key: string): string | undefined => credentials.find((c) => c.key === key)?.value;
  if (value('AuthenticationType') !== 'SyncPolicy')
    throw badRequest(
      "Cross-tenant synchronization authenticates with the 'AuthenticationType' credential set to 'SyncPolicy'.",
    );
  const companyId = value('CompanyId');
  if (!companyId || !isGuid(companyId))
    throw badRequest("The 'CompanyId' credential must be the target tenant id (a GUID).");
  const problems = checkCrossTenantSync(ctx.world, ctx.tenant.tenantId, companyId);
  // Sandbox choice: Microsoft documents neither status nor body of a failed test. A 400 with the
  // policy-check code and a message naming each failed check in the documented words; one detail
  // per check (codes of the sandbox's own, the tenant to change as target) only when the answers
  // switch asks for that refinement.
  if (problems.length > 0)
    throw new ErrorResponse(
      400,
      SYNC_POLICY_CHECK_FAILURE,
      describeSyncProblems(problems),
      ctx.answers.credentialTestDetails === 'perProblem' ? problems : undefined,
    );
}

/** Synchronization jobs, schema and secrets of a service principal (graph-api.md §6). */
export const synchronizationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/servicePrincipals/{servicePrincipalId}/synchronization/templates',
    permission: PERMISSIONS.synchronizationRead,
    handle: (ctx) => {
      const sp = findServicePrincipal(ctx);
      const value = sp.synchronizationTemplates.map((id) => ({
        id,
        applicationId: sp.servicePrincipal.appId,
        default: true,
        description: null,
        discoverable: true,
        factoryTag: id,
        metadata: [],
      }));
      return ok(
        collectionBody(
          odataContext(
            ctx,
            `servicePrincipals('${ctx.params.servicePrincipalId}')/synchronization/templates`,
          ),
          { value },
        ),
      );
    },
  },
  {
    // Sandbox choice: the v1.0 reference documents only the PUT. Public support notes for Entra
    // provisioning quote real answers of this GET (the saved pairs, passwords masked); the answers
    // switch gives the refusals a tenant may answer instead. Masking with five asterisks, the read
    // permission and the refusals' codes and messages are the sandbox's own.
    method: 'GET',
    path: '/servicePrincipals/{servicePrincipalId}/synchronization/secrets',
    permission: PERMISSIONS.synchronizationRead,
    handle: (ctx) => {
      const sp = findServicePrincipal(ctx);
      switch (ctx.answers.syncSecrets) {
        case 'forbidden':
          throw new ErrorResponse(
            403,
            'Authorization_RequestDenied',
            'Insufficient privileges to complete the operation.',
          );
        case 'notFound':
          throw resourceNotFound('secrets');
        case 'badRequest':
          throw gatewayBadRequest(
            "Reading the property 'secrets' of 'microsoft.graph.synchronization' is not supported.",
          );
        case 'served':
          break;
      }
      return ok(
        collectionBody(
          odataContext(
            ctx,
            `servicePrincipals('${ctx.params.servicePrincipalId}')/synchronization/secrets`,
          ),
          {
            value: sp.secrets.map((pair) => ({
              key: pair.key,
              value: MASKED_SECRETS.has(pair.key) ? '*****' : pair.value,
            })),
          },
        ),
      );
    },
  },
  {
    method: 'PUT',
    path: '/servicePrincipals/{servicePrincipalId}/synchronization/secrets',
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      const sp = findServicePrincipal(ctx);
      const body = ctx.body();
      if (!('value' in body) && 'credentials' in body)
        throw badRequest(
          "The secrets go in 'value' (the documentation's parameter table says 'credentials', but the API takes {\"value\":[…]}).",
        );
      sp.secrets = readSecretPairs(body.value, 'value');
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    method: 'GET',
    path: JOBS,
    permission: PERMISSIONS.synchronizationRead,
    handle: (ctx) => {
      const sp = findServicePrincipal(ctx);
      return ok(collectionBody(jobsContext(ctx), { value: sp.jobs.map((j) => cloneJson(j.job)) }));
    },
  },
  {
    method: 'POST',
    path: JOBS,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      const sp = findServicePrincipal(ctx);
      const { templateId } = ctx.body();
      if (typeof templateId !== 'string' || !sp.synchronizationTemplates.includes(templateId)) {
        throw badRequest(
          `Invalid value for 'templateId': this application offers ${sp.synchronizationTemplates.join(', ') || 'no synchronization templates'} (GET …/synchronization/templates).`,
        );
      }
      if (sp.jobs.some((j) => j.job.templateId === templateId))
        throw new ErrorResponse(
          409,
          'Conflict',
          `A synchronization job for template '${templateId}' already exists on this service principal.`,
        );
      const job = newJobObject(
        synchronizationJobId(templateId, ctx.tenant.tenantId, randomUUID()),
        templateId,
      );
      sp.jobs.push({
        job,
        schema: null,
        provisionedUserIds: [],
        nextCycleAt: null,
        initialCycle: true,
      });
      ctx.changed('applications');
      return created({ '@odata.context': jobsContext(ctx, '/$entity'), ...cloneJson(job) });
    },
  },
  {
    method: 'POST',
    path: `${JOBS}/validateCredentials`,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      validateCredentials(ctx, findServicePrincipal(ctx), undefined);
      return noContent;
    },
  },
  {
    method: 'GET',
    path: JOB,
    permission: PERMISSIONS.synchronizationRead,
    handle: (ctx) =>
      ok({ '@odata.context': jobsContext(ctx, '/$entity'), ...cloneJson(findJob(ctx).record.job) }),
  },
  {
    method: 'DELETE',
    path: JOB,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      const { sp, record } = findJob(ctx);
      sp.jobs = sp.jobs.filter((j) => j !== record);
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    method: 'POST',
    path: `${JOB}/start`,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      startJob(findJob(ctx).record, ctx.now, ctx.timeCompression);
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    method: 'POST',
    path: `${JOB}/pause`,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      pauseJob(findJob(ctx).record);
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    method: 'POST',
    path: `${JOB}/restart`,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      const { record } = findJob(ctx);
      const body = ctx.optionalBody() ?? {};
      if (body.criteria !== undefined && body.criteria !== null && !isJsonObject(body.criteria))
        throw badRequest(
          "Invalid value for 'criteria': expected a synchronizationJobRestartCriteria object.",
        );
      const criteria = isJsonObject(body.criteria) ? body.criteria : {};
      const unknown = Object.keys(criteria).find(
        (k) => k !== 'resetScope' && !k.startsWith('@odata.'),
      );
      if (unknown)
        throw badRequest(
          `Invalid property 'criteria.${unknown}': microsoft.graph.synchronizationJobRestartCriteria has only resetScope.`,
        );
      restartJob(record, parseRestartScope(criteria.resetScope), ctx.now, ctx.timeCompression);
      ctx.changed('applications');
      return noContent;
    },
  },
  {
    method: 'POST',
    path: `${JOB}/validateCredentials`,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      const { sp, record } = findJob(ctx);
      validateCredentials(ctx, sp, str(record.job.templateId));
      return noContent;
    },
  },
  {
    method: 'POST',
    path: `${JOB}/provisionOnDemand`,
    permission: PERMISSIONS.synchronizationWrite,
    throttle: 'provisionOnDemand',
    handle: (ctx) => {
      const { sp, record } = findJob(ctx);
      const result = provisionOnDemand(
        ctx.world,
        ctx.tenant,
        sp,
        record,
        ctx.body(),
        ctx.principal,
        ctx.now,
      );
      ctx.changed('applications');
      ctx.changed('provisioning');
      return ok({
        '@odata.context': odataContext(ctx, 'microsoft.graph.stringKeyStringValuePair'),
        ...result,
      });
    },
  },
  {
    method: 'GET',
    path: `${JOB}/schema`,
    permission: PERMISSIONS.synchronizationRead,
    handle: (ctx) => {
      const { sp, record } = findJob(ctx);
      return ok({
        '@odata.context': jobsContext(ctx, `('${str(record.job.id)}')/schema/$entity`),
        ...cloneJson(schemaOf(sp, record)),
      });
    },
  },
  {
    method: 'PUT',
    path: `${JOB}/schema`,
    permission: PERMISSIONS.synchronizationWrite,
    handle: (ctx) => {
      const { record } = findJob(ctx);
      record.schema = validateSchema(ctx.body(), record);
      // Changing mappings or scoping restarts a running job with a full cycle (sync-facts.md §2d).
      if ((record.job.schedule as JsonObject).state === 'Active') {
        record.initialCycle = true;
        record.nextCycleAt = ctx.now + compressed(CYCLE_DELAY_MS, ctx.timeCompression);
      }
      ctx.changed('applications');
      return noContent;
    },
  },
];
