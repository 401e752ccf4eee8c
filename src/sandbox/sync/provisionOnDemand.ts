import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/permissions';
import { badRequest, resourceNotFound } from '../errors';
import { isJsonObject, objectProp, type Json, type JsonObject, str } from '../json';
import type {
  ProvisioningEventSpec,
  ServicePrincipalRecord,
  SyncJobRecord,
} from '../store/records';
import type { TenantStore } from '../store/tenantStore';
import type { World } from '../store/world';
import { evaluateUser, scopedUserIds, syncTargetTenantId } from './jobScope';
import { materializeProvisioningEvent } from './materializeProvisioningEvent';
import type { ProvisioningOutcomeKey } from './provisioningOutcomes';
import { checkCrossTenantSync } from './syncPolicyCheck';
import { azure2AzureSchema } from './templateSchemas';

const DURATION_MS: Partial<Record<ProvisioningOutcomeKey, number>> = {
  create: 4375,
  skipRedundant: 312,
  skipGroup: 140,
  skipNotEntitled: 205,
  skipOutOfScope: 230,
};

function capitalize(value: Json | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value[0].toUpperCase() + value.slice(1) : null;
}

function ruleIds(record: SyncJobRecord): string[] {
  const schema = record.schema ?? azure2AzureSchema(str(record.job.id));
  const rules = Array.isArray(schema.synchronizationRules) ? schema.synchronizationRules : [];
  return rules.filter(isJsonObject).map((r) => str(r.id).toLowerCase());
}

/** Validates `{parameters:[{ruleId, subjects:[{objectId, objectTypeName}]}]}`: one rule, one subject, as the portal sends. */
function readSubject(
  body: JsonObject,
  record: SyncJobRecord,
): { objectId: string; isGroup: boolean } {
  const parameters = body.parameters;
  if (!Array.isArray(parameters) || parameters.length !== 1 || !isJsonObject(parameters[0]))
    throw badRequest(
      "Invalid value for 'parameters': expected exactly one synchronizationJobApplicationParameters object.",
    );
  const { ruleId, subjects } = parameters[0];
  if (typeof ruleId !== 'string' || !ruleIds(record).includes(ruleId.toLowerCase()))
    throw badRequest(
      `Invalid value for 'ruleId': ${JSON.stringify(ruleId ?? null)} is not a rule of this job's schema (GET …/jobs/{id}/schema lists synchronizationRules[].id).`,
    );
  if (!Array.isArray(subjects) || subjects.length !== 1 || !isJsonObject(subjects[0]))
    throw badRequest("Invalid value for 'subjects': provision one subject at a time.");
  const { objectId, objectTypeName } = subjects[0];
  if (typeof objectId !== 'string' || objectId === '')
    throw badRequest("Invalid value for 'objectId': the source object's id is required.");
  const type = typeof objectTypeName === 'string' ? objectTypeName.toLowerCase() : '';
  if (type !== 'user' && type !== 'group')
    throw badRequest("Invalid value for 'objectTypeName': expected 'User' or 'Group'.");
  return { objectId, isGroup: type === 'group' };
}

/**
 * Provisions one user now (graph-api.md §6): decides the outcome from the live scope, the pair's
 * policies and what the target already has, logs it (initiated by the caller), and answers with
 * the generic documented shape — `key` and `value` are JSON documents serialised into strings.
 */
export function provisionOnDemand(
  world: World,
  tenant: TenantStore,
  sp: ServicePrincipalRecord,
  record: SyncJobRecord,
  body: JsonObject,
  principal: Principal,
  now: number,
): { key: string; value: string } {
  if (record.job.templateId !== 'Azure2Azure')
    throw badRequest(
      `provisionOnDemand is not available for jobs of template '${str(record.job.templateId)}' in the sandbox.`,
    );
  const subject = readSubject(body, record);
  const targetTenantId = syncTargetTenantId(sp);
  if (!targetTenantId)
    throw badRequest(
      'No credentials are saved for this configuration: PUT …/synchronization/secrets with CompanyId and AuthenticationType first.',
    );
  const { directory } = tenant;
  let outcome: ProvisioningOutcomeKey;
  if (subject.isGroup) {
    if (!directory.groupsById.has(subject.objectId.toLowerCase()))
      throw resourceNotFound(subject.objectId);
    outcome = 'skipGroup';
  } else {
    const user = directory.usersById.get(subject.objectId.toLowerCase());
    if (!user) throw resourceNotFound(subject.objectId);
    const provisioned = record.provisionedUserIds.includes(str(user.object.id));
    const policyOk = checkCrossTenantSync(world, tenant.tenantId, targetTenantId).length === 0;
    outcome = evaluateUser(user, {
      assigned: scopedUserIds(tenant, sp).has(str(user.object.id)),
      provisioned,
      policyOk,
    });
    if (outcome === 'create') record.provisionedUserIds.push(str(user.object.id));
  }
  const spec: ProvisioningEventSpec = {
    id: randomUUID(),
    at: now,
    jobId: str(record.job.id),
    servicePrincipalId: str(sp.servicePrincipal.id),
    servicePrincipalName: str(sp.servicePrincipal.displayName),
    applicationId: str(sp.servicePrincipal.appId),
    targetTenantId,
    cycleId: randomUUID(),
    changeId: randomUUID(),
    durationMs: DURATION_MS[outcome] ?? 2800,
    outcome,
    subjectId: subject.objectId.toLowerCase(),
    initiator: {
      id: principal.oid ?? '',
      userPrincipalName: principal.upn ?? principal.appId ?? '',
    },
  };
  tenant.provisioning.appendSpecs([spec]);
  return toOnDemandResult(materializeProvisioningEvent(spec, tenant), now);
}

function toOnDemandResult(entry: JsonObject, now: number): { key: string; value: string } {
  const statusInfo = objectProp(entry, 'provisioningStatusInfo');
  const error = objectProp(statusInfo, 'errorInformation');
  const steps = (Array.isArray(entry.provisioningSteps) ? entry.provisioningSteps : []).filter(
    isJsonObject,
  );
  const lastStep = steps[steps.length - 1];
  const skipReason = objectProp(lastStep, 'details')?.SkipReason ?? null;
  const duration =
    typeof entry.durationInMilliseconds === 'number' ? entry.durationInMilliseconds : 0;
  const at = (offset: number): string => new Date(now + offset).toISOString();
  const result = capitalize(statusInfo?.status);
  const identity = (id: JsonObject | undefined): JsonObject => ({
    id: id?.id ?? null,
    type: id?.identityType ?? null,
    displayName: id?.displayName || null,
    details: null,
  });
  const system = (s: JsonObject | undefined): JsonObject => ({
    id: null,
    name: s?.displayName ?? null,
    details: null,
  });
  const sourceIdentity = objectProp(entry, 'sourceIdentity');
  const key = {
    result,
    details:
      result === 'Success'
        ? {}
        : {
            errorCode: error?.errorCode ?? skipReason,
            errorMessage: error?.reason ?? lastStep?.description ?? null,
          },
  };
  const value = {
    action: capitalize(entry.provisioningAction),
    changeId: entry.changeId,
    endTime: at(duration),
    modifiedProperties: entry.modifiedProperties ?? [],
    provisioningSteps: steps.map((s, i) => ({
      name: s.name,
      type: capitalize(s.provisioningStepType),
      status: capitalize(s.status),
      description: s.description,
      timestamp: at(Math.round((duration * (i + 1)) / steps.length)),
      details: s.details,
    })),
    reportableIdentifier:
      objectProp(sourceIdentity, 'details')?.UserPrincipalName ??
      sourceIdentity?.displayName ??
      null,
    startTime: at(0),
    statusInfo: {
      status: result,
      errorCode: error?.errorCode ?? null,
      reason: error?.reason ?? null,
      additionalDetails: error?.additionalDetails ?? null,
      errorCategory: error?.errorCategory ?? null,
      recommendedAction: error?.recommendedAction ?? null,
    },
    sourceIdentity: identity(sourceIdentity),
    sourceSystem: system(objectProp(entry, 'sourceSystem')),
    targetIdentity: identity(objectProp(entry, 'targetIdentity')),
    targetSystem: system(objectProp(entry, 'targetSystem')),
  };
  return { key: JSON.stringify(key), value: JSON.stringify(value) };
}
