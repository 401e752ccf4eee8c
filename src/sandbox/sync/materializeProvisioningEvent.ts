import { str, type JsonObject } from '../json';
import { guidFromName, hashString } from '../seed/random';
import type { DirectoryUser } from '../store/directory';
import type { ProvisioningEventSpec } from '../store/records';
import type { TenantStore } from '../store/tenantStore';
import { outcomeOf, type ProvisioningOutcome } from './provisioningOutcomes';
import { syncedUserId } from './syncedUser';

const SOURCE = 'Azure Active Directory';
const TARGET = 'Azure Active Directory (target tenant)';

function step(
  name: string,
  type: string,
  status: string,
  description: string,
  details: JsonObject = {},
): JsonObject {
  return { name, provisioningStepType: type, status, description, details };
}

function importDetails(user: DirectoryUser): JsonObject {
  const o = user.object;
  return {
    objectId: str(o.id),
    accountEnabled: o.accountEnabled === false ? 'False' : 'True',
    department: str(o.department),
    displayName: str(o.displayName),
    mailNickname: str(o.mailNickname),
    userPrincipalName: str(o.userPrincipalName),
    netId: str(o.id).replace(/-/g, '').slice(0, 16).toUpperCase(),
    showInAddressList: '',
    alternativeSecurityIds: user.smsSignIn ? '1 value(s)' : 'None',
    IsSoftDeleted: 'False',
    appRoleAssignments: 'msiam_access',
  };
}

function scopingDetails(assigned: boolean, filterPassed: boolean): JsonObject {
  return {
    'Active in the source system': 'True',
    'Assigned to the application': assigned ? 'True' : 'False',
    'User has the required role': assigned ? 'True' : 'False',
    'Scoping filter evaluation passed': filterPassed ? 'True' : 'False',
    ScopeEvaluationResult: JSON.stringify(
      filterPassed ? {} : { "Filter external users.alternativeSecurityIds EQUALS 'None'": false },
    ),
  };
}

const UPDATABLE = ['department', 'jobTitle', 'city', 'displayName', 'mobilePhone'] as const;
const PREVIOUS_VALUES: Readonly<Record<(typeof UPDATABLE)[number], readonly string[]>> = {
  department: ['Sales', 'Operations', 'Finance', 'Marketing', 'Engineering'],
  jobTitle: ['Analyst', 'Specialist', 'Coordinator', 'Associate', 'Consultant'],
  city: ['Redmond', 'Bellevue', 'Tacoma', 'Spokane', 'Portland'],
  displayName: ['(previous name)'],
  mobilePhone: ['+1 425 555 0100', '+1 206 555 0143', '+44 20 7946 0958'],
};

function modifiedProperties(
  pattern: string,
  user: DirectoryUser | undefined,
  variant: number,
): JsonObject[] {
  if (!user) return [];
  const o = user.object;
  const prop = (
    displayName: string,
    oldValue: string | null,
    newValue: string | null,
  ): JsonObject => ({ displayName, oldValue, newValue });
  switch (pattern) {
    case 'create':
      return [
        prop('IsSoftDeleted', null, 'False'),
        prop('accountEnabled', null, 'True'),
        prop('displayName', null, str(o.displayName)),
        prop('mailNickname', null, str(o.mailNickname)),
        prop('alternativeSecurityIds', null, '1 value(s)'),
        prop('showInAddressList', null, 'True'),
        prop('userType', null, 'Member'),
        prop('preferredLanguage', null, str(o.preferredLanguage)),
        prop('department', null, str(o.department)),
      ];
    case 'update': {
      const attr = UPDATABLE[variant % UPDATABLE.length];
      const current = str(o[attr]);
      const options = PREVIOUS_VALUES[attr].filter((v) => v !== current);
      return [prop(attr, options[variant % options.length], current)];
    }
    case 'disable':
      return [prop('accountEnabled', 'True', 'False')];
    case 'delete':
    case 'stagedDelete':
      return [prop('IsSoftDeleted', 'False', 'True')];
    default:
      return [];
  }
}

function steps(
  outcome: ProvisioningOutcome,
  subject: { upn: string; name: string; isGroup: boolean },
  user: DirectoryUser | undefined,
): JsonObject[] {
  const { upn, name } = subject;
  const details = user ? importDetails(user) : {};
  const failed = outcome.status === 'failure';
  const exportStatus = failed ? 'failure' : 'success';
  const scopingOk = step(
    'EntrySynchronizationScoping',
    'scoping',
    'success',
    'Determine if User in scope by evaluating against each scoping filter',
    scopingDetails(true, true),
  );
  switch (outcome.steps) {
    case 'create':
      return [
        step(
          'EntryImportAdd',
          'import',
          'success',
          `Received User '${upn}' change of type (Add) from ${SOURCE}`,
          details,
        ),
        scopingOk,
        step(
          'EntrySynchronizationAdd',
          'matching',
          'success',
          `User '${upn}' will be created in ${TARGET} (User is active and assigned in ${SOURCE}, but no matching User was found in ${TARGET})`,
        ),
        step(
          'EntryExportAdd',
          'export',
          exportStatus,
          failed
            ? `Failed to create User '${upn}' in ${TARGET}`
            : `User '${upn}' was created in ${TARGET}`,
          { ReportableIdentifier: upn },
        ),
      ];
    case 'update':
      return [
        step(
          'EntryImport',
          'import',
          'success',
          `Received User '${upn}' change of type (Update) from ${SOURCE}`,
          details,
        ),
        scopingOk,
        step(
          'EntrySynchronizationUpdate',
          'matching',
          'success',
          `User '${upn}' will be updated in ${TARGET} (User is active and assigned in ${SOURCE}, and a matching User was found in ${TARGET})`,
        ),
        step(
          'EntryExportUpdate',
          'export',
          exportStatus,
          failed
            ? `Failed to update User '${upn}' in ${TARGET}`
            : `User '${upn}' was updated in ${TARGET}`,
          { ReportableIdentifier: upn },
        ),
      ];
    case 'disable':
      return [
        step(
          'EntryImport',
          'import',
          'success',
          `Received User '${upn}' change of type (Update) from ${SOURCE}`,
          { ...details, accountEnabled: 'False' },
        ),
        scopingOk,
        step(
          'EntrySynchronizationUpdate',
          'matching',
          'success',
          `User '${upn}' will be disabled in ${TARGET} (User is not active in ${SOURCE}, and a matching User was found in ${TARGET})`,
        ),
        step(
          'EntryExportUpdate',
          'export',
          exportStatus,
          `User '${upn}' was disabled in ${TARGET}`,
          { ReportableIdentifier: upn },
        ),
      ];
    case 'delete':
    case 'stagedDelete': {
      const staged = outcome.steps === 'stagedDelete';
      return [
        step(
          'EntryImportDelete',
          'import',
          'success',
          `Received User '${upn}' change of type (Delete) from ${SOURCE}`,
          { ...details, IsSoftDeleted: 'True' },
        ),
        step(
          'EntrySynchronizationDelete',
          'matching',
          'success',
          `User '${upn}' will be deleted from ${TARGET} (User is no longer in scope in ${SOURCE}, and a matching User was found in ${TARGET})`,
        ),
        staged
          ? step(
              'EntrySynchronizationSkip',
              'export',
              'skipped',
              `The deletion of User '${upn}' is held because the accidental deletions threshold of this configuration was reached.`,
              { SkipReason: 'StagedDelete' },
            )
          : step(
              'EntryExportDelete',
              'export',
              exportStatus,
              failed
                ? `Failed to delete User '${upn}' from ${TARGET}`
                : `User '${upn}' was deleted from ${TARGET}`,
              { ReportableIdentifier: upn },
            ),
      ];
    }
    case 'skipRedundant':
      return [
        step('EntryImport', 'import', 'success', `Retrieved User '${upn}' from ${SOURCE}`, details),
        step('EntryImport', 'matching', 'success', `Retrieved User '${upn}' from ${TARGET}`),
        scopingOk,
        step(
          'EntrySynchronizationSkip',
          'export',
          'skipped',
          `Source and target already match; no change to User '${upn}' is needed.`,
          { SkipReason: 'RedundantExport' },
        ),
      ];
    case 'skipOutOfScope':
      return [
        step('EntryImport', 'import', 'success', `Retrieved User '${upn}' from ${SOURCE}`, details),
        step(
          'EntrySynchronizationScoping',
          'scoping',
          'skipped',
          'Determine if User in scope by evaluating against each scoping filter',
          scopingDetails(true, false),
        ),
      ];
    case 'skipNotEntitled':
      return [
        step('EntryImport', 'import', 'success', `Retrieved User '${upn}' from ${SOURCE}`, details),
        step(
          'EntrySynchronizationScoping',
          'scoping',
          'skipped',
          'Determine if User in scope by evaluating against each scoping filter',
          { ...scopingDetails(false, true), SkipReason: 'NotEffectivelyEntitled' },
        ),
      ];
    case 'skipGroup':
      return [
        step(
          'EntryImport',
          'import',
          'success',
          `Received Group '${name}' change of type (Update) from ${SOURCE}`,
          { objectId: '', displayName: name },
        ),
        step(
          'EntrySynchronizationSkip',
          'export',
          'skipped',
          `Group '${name}' was not synchronized: groups only scope this configuration.`,
          { SkipReason: 'EntityTypeNotSupported' },
        ),
      ];
  }
}

/**
 * Builds the full `provisioningObjectSummary` of an event, in the field order and with the values
 * cross-tenant sync logs show (sync-facts.md §5). User data comes from the source directory, so
 * display names and attributes (including hostile ones) flow into the entry exactly as stored.
 */
export function materializeProvisioningEvent(
  spec: ProvisioningEventSpec,
  source: TenantStore,
): JsonObject {
  const outcome = outcomeOf(spec.outcome);
  const user = source.directory.usersById.get(spec.subjectId);
  const group = user ? undefined : source.directory.groupsById.get(spec.subjectId);
  const isGroup = outcome.steps === 'skipGroup' || group !== undefined;
  const name = str((user ?? group)?.object.displayName);
  const upn = user ? str(user.object.userPrincipalName) : name;
  const variant = hashString(spec.changeId);
  const error = outcome.error
    ? {
        errorCode: outcome.error.code,
        reason: outcome.error.reason
          .replace('{upn}', upn)
          .replace('{mail}', str(user?.object.mail)),
        additionalDetails: null,
        errorCategory: outcome.error.category,
        recommendedAction: outcome.error.recommendedAction,
      }
    : null;
  const createdInTarget =
    !isGroup &&
    (outcome.status === 'success' ||
      outcome.steps === 'skipRedundant' ||
      outcome.action === 'update' ||
      outcome.action === 'delete' ||
      outcome.action === 'stagedDelete');
  return {
    id: spec.id,
    activityDateTime: new Date(spec.at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tenantId: source.tenantId,
    jobId: spec.jobId,
    cycleId: spec.cycleId,
    changeId: spec.changeId,
    provisioningAction: outcome.action,
    durationInMilliseconds: spec.durationMs,
    provisioningStatusInfo: { status: outcome.status, errorInformation: error },
    provisioningSteps: steps(outcome, { upn, name, isGroup }, user),
    modifiedProperties:
      outcome.steps === 'skipGroup' ? [] : modifiedProperties(outcome.steps, user, variant),
    servicePrincipal: { id: spec.servicePrincipalId, displayName: spec.servicePrincipalName },
    sourceSystem: {
      id: guidFromName(`provisioning-system:${source.tenantId}`),
      displayName: SOURCE,
      details: {},
    },
    targetSystem: {
      id: guidFromName(`provisioning-system:${spec.targetTenantId}`),
      displayName: TARGET,
      details: {
        ApplicationId: spec.applicationId,
        ServicePrincipalId: spec.servicePrincipalId,
        ServicePrincipalDisplayName: spec.servicePrincipalName,
      },
    },
    initiatedBy: spec.initiator
      ? {
          id: spec.initiator.id,
          displayName: spec.initiator.userPrincipalName,
          initiatorType: 'user',
        }
      : { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    sourceIdentity: {
      id: spec.subjectId,
      displayName: name,
      identityType: isGroup ? 'Group' : 'User',
      details: isGroup
        ? {}
        : { id: spec.subjectId, odatatype: 'User', DisplayName: name, UserPrincipalName: upn },
    },
    targetIdentity: {
      id: createdInTarget ? syncedUserId(spec.subjectId, spec.targetTenantId) : '',
      displayName: '',
      identityType: isGroup ? 'Group' : 'User',
      details: {},
    },
  };
}
