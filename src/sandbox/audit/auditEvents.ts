import type { JsonObject } from '../json';
import { PARTNER_PROPERTIES, serviceDefaultConfiguration } from '../policy/crossTenantDocuments';
import { encodeAuditValue, keysOf, modifiedProperties, type ModifiedProperty } from './auditValue';
import type { AuditActor, AuditEventInput } from './directoryAudit';

/** Audit categories (Microsoft Entra audit log categories and activities, Core Directory and Account provisioning). */
export const AUDIT_CATEGORIES = {
  crossTenantAccess: 'CrossTenantAccessSettings',
  identitySync: 'CrossTenantIdentitySyncSettings',
  provisioning: 'ProvisioningManagement',
  serviceProviderConstraints: 'DelegatedAdminServiceProviderConstraints',
} as const;

/**
 * Activity names as the Entra audit activity reference lists them. Two are sandbox choices: the
 * reference lists no activity for a PATCH of the policy root (allowedCloudEndpoints), and it puts
 * "Update the company default cross-tenant access setting" under CrossTenantIdentitySyncSettings,
 * which reads like a slip of its table; the sandbox logs it under CrossTenantAccessSettings.
 */
export const ACTIVITIES = {
  partnerAdd: 'Add a partner to cross-tenant access setting',
  partnerUpdate: 'Update a partner cross-tenant access setting',
  partnerDelete: 'Delete partner specific cross-tenant access setting',
  defaultUpdate: 'Update the company default cross-tenant access setting',
  defaultReset: 'Reset the cross-tenant access default setting',
  policyUpdate: 'Update the cross-tenant access policy',
  identitySyncCreate: 'Create a partner cross-tenant identity sync setting',
  identitySyncUpdate: 'Update a partner cross-tenant identity sync setting',
  identitySyncDelete: 'Delete a partner cross-tenant identity sync setting',
  provisioningAdd: 'Add provisioning configuration',
  provisioningDelete: 'Delete provisioning configuration',
  provisioningStart: 'Enable/start provisioning configuration',
  provisioningPause: 'Disable/pause provisioning configuration',
  provisioningRestart: 'Enable/restart provisioning configuration',
  provisioningCredentials: 'Update provisioning setting or credentials',
  provisioningScope: 'Update attribute mappings or scope',
  provisioningQuarantine: 'Quarantine',
  rolesAdd: 'Add allowed assignable roles',
  rolesDelete: 'Delete allowed assignable roles',
} as const;

const CORE_DIRECTORY = 'Core Directory';
const ACCOUNT_PROVISIONING = 'Account Provisioning';

const DEFAULT_ORDER = Object.keys(serviceDefaultConfiguration());
const IDENTITY_SYNC_ORDER = ['tenantId', 'displayName', 'userSyncInbound'];
const POLICY_ORDER = ['displayName', 'description', 'allowedCloudEndpoints'];

/**
 * The target of a partner event. Sandbox choice: the reference gives the display name as
 * "CrossTenantAccessPolicy for <tenantId>" without saying whose tenant; the sandbox names the
 * partner's, and logs `tenantId` as a modified property only when a partner is added or deleted.
 */
function partnerTarget(partnerTenantId: string, modified: ModifiedProperty[]) {
  return {
    id: partnerTenantId,
    displayName: `CrossTenantAccessPolicy for ${partnerTenantId}`,
    type: 'Policy',
    modifiedProperties: modified,
  };
}

function tenantIdProperty(partnerTenantId: string, added: boolean): ModifiedProperty {
  const value = encodeAuditValue(partnerTenantId);
  return {
    displayName: 'tenantId',
    oldValue: added ? null : value,
    newValue: added ? value : null,
  };
}

/** A partner added (`before` undefined), updated, or deleted (`after` undefined). */
export function partnerEvent(
  partnerTenantId: string,
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  actor: AuditActor,
  at: number,
): AuditEventInput {
  const keys = keysOf(PARTNER_PROPERTIES, before, after).filter((k) => k !== 'tenantId');
  const changed = modifiedProperties(before, after, keys);
  const added = before === undefined;
  const deleted = after === undefined;
  return {
    at,
    category: AUDIT_CATEGORIES.crossTenantAccess,
    activity: added
      ? ACTIVITIES.partnerAdd
      : deleted
        ? ACTIVITIES.partnerDelete
        : ACTIVITIES.partnerUpdate,
    operationType: added ? 'Add' : deleted ? 'Delete' : 'Update',
    loggedByService: CORE_DIRECTORY,
    actor,
    targets: [
      partnerTarget(
        partnerTenantId,
        added || deleted ? [tenantIdProperty(partnerTenantId, added), ...changed] : changed,
      ),
    ],
  };
}

/** The default settings changed by PATCH, or put back by resetToSystemDefault. Sandbox choice: the target names the policy. */
export function defaultEvent(
  policyId: string,
  before: JsonObject,
  after: JsonObject,
  reset: boolean,
  actor: AuditActor,
  at: number,
): AuditEventInput {
  const keys = keysOf(DEFAULT_ORDER, before, after).filter((k) => k !== 'isServiceDefault');
  return {
    at,
    category: AUDIT_CATEGORIES.crossTenantAccess,
    activity: reset ? ACTIVITIES.defaultReset : ACTIVITIES.defaultUpdate,
    operationType: 'Update',
    loggedByService: CORE_DIRECTORY,
    actor,
    targets: [
      {
        id: policyId,
        displayName: 'CrossTenantAccessPolicyConfigurationDefault',
        type: 'Policy',
        modifiedProperties: modifiedProperties(before, after, keys),
      },
    ],
  };
}

export function policyEvent(
  policyId: string,
  before: JsonObject,
  after: JsonObject,
  actor: AuditActor,
  at: number,
): AuditEventInput {
  return {
    at,
    category: AUDIT_CATEGORIES.crossTenantAccess,
    activity: ACTIVITIES.policyUpdate,
    operationType: 'Update',
    loggedByService: CORE_DIRECTORY,
    actor,
    targets: [
      {
        id: policyId,
        displayName: 'CrossTenantAccessPolicy',
        type: 'Policy',
        modifiedProperties: modifiedProperties(before, after, POLICY_ORDER),
      },
    ],
  };
}

/** A partner's identity synchronization created, updated or deleted. Sandbox choice: the target's display name. */
export function identitySyncEvent(
  partnerTenantId: string,
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  actor: AuditActor,
  at: number,
): AuditEventInput {
  const keys = IDENTITY_SYNC_ORDER.filter((k) => k !== 'tenantId');
  const changed = modifiedProperties(before, after, keys);
  const added = before === undefined;
  const deleted = after === undefined;
  return {
    at,
    category: AUDIT_CATEGORIES.identitySync,
    activity: added
      ? ACTIVITIES.identitySyncCreate
      : deleted
        ? ACTIVITIES.identitySyncDelete
        : ACTIVITIES.identitySyncUpdate,
    operationType: added ? 'Add' : deleted ? 'Delete' : 'Update',
    loggedByService: CORE_DIRECTORY,
    actor,
    targets: [
      {
        id: partnerTenantId,
        displayName: `CrossTenantIdentitySyncPolicyPartner for ${partnerTenantId}`,
        type: 'Policy',
        modifiedProperties:
          added || deleted ? [tenantIdProperty(partnerTenantId, added), ...changed] : changed,
      },
    ],
  };
}

/**
 * A change of a sync configuration (category ProvisioningManagement). The target is the
 * configuration's service principal; the job id rides in additionalDetails (sandbox choice).
 */
export function provisioningEvent(
  activity: (typeof ACTIVITIES)[
    | 'provisioningAdd'
    | 'provisioningDelete'
    | 'provisioningStart'
    | 'provisioningPause'
    | 'provisioningRestart'
    | 'provisioningCredentials'
    | 'provisioningScope'
    | 'provisioningQuarantine'],
  servicePrincipal: { readonly id: string; readonly displayName: string },
  details: Readonly<Record<string, string>>,
  actor: AuditActor,
  at: number,
  modified: ModifiedProperty[] = [],
): AuditEventInput {
  return {
    at,
    category: AUDIT_CATEGORIES.provisioning,
    activity,
    operationType:
      activity === ACTIVITIES.provisioningAdd
        ? 'Add'
        : activity === ACTIVITIES.provisioningDelete
          ? 'Delete'
          : 'Update',
    loggedByService: ACCOUNT_PROVISIONING,
    actor,
    targets: [
      {
        id: servicePrincipal.id,
        displayName: servicePrincipal.displayName,
        type: 'ServicePrincipal',
        modifiedProperties: modified,
      },
    ],
    additionalDetails: Object.entries(details).map(([key, value]) => ({ key, value })),
  };
}

/** Microsoft Support's assignable roles for a support case (category DelegatedAdminServiceProviderConstraints). */
export function serviceProviderRolesEvent(
  serviceProviderTenantId: string,
  roles: readonly string[],
  added: boolean,
  actor: AuditActor,
  at: number,
): AuditEventInput {
  const value = encodeAuditValue([...roles]);
  return {
    at,
    category: AUDIT_CATEGORIES.serviceProviderConstraints,
    activity: added ? ACTIVITIES.rolesAdd : ACTIVITIES.rolesDelete,
    operationType: added ? 'Add' : 'Delete',
    loggedByService: CORE_DIRECTORY,
    actor,
    targets: [
      {
        id: serviceProviderTenantId,
        displayName: `DelegatedAdminServiceProviderConstraints for ${serviceProviderTenantId}`,
        type: 'Other',
        // Sandbox choice: the property name; the reference gives only the role's name.
        modifiedProperties: [
          {
            displayName: 'allowedRoles',
            oldValue: added ? null : value,
            newValue: added ? value : null,
          },
        ],
      },
    ],
  };
}
