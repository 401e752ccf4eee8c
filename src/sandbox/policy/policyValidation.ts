import { badRequest } from '../errors';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { isGuid } from '../../core/policy/guid';

export type Shape =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' }
  | { readonly kind: 'enum'; readonly members: readonly string[] }
  | { readonly kind: 'array'; readonly items: Shape }
  | {
      readonly kind: 'object';
      readonly type: string;
      readonly props: Readonly<Record<string, Shape>>;
      readonly check?: (value: JsonObject, path: string) => void;
    };

const ACCESS_TYPE: Shape = { kind: 'enum', members: ['allowed', 'blocked', 'unknownFutureValue'] };
const TARGET_TYPE: Shape = {
  kind: 'enum',
  members: ['user', 'group', 'application', 'unknownFutureValue'],
};
const IDENTITY_PROVIDER: Shape = {
  kind: 'enum',
  members: [
    'azureActiveDirectory',
    'externalFederation',
    'socialIdentityProviders',
    'emailOneTimePasscode',
    'microsoftAccount',
    'defaultConfiguredIdp',
    'unknownFutureValue',
  ],
};
const BOOLEAN: Shape = { kind: 'boolean' };
const STRING: Shape = { kind: 'string' };

const USER_KEYWORDS = ['AllUsers'];
const APPLICATION_KEYWORDS = ['AllApplications', 'Office365', 'AllMicrosoftApps'];

/**
 * The documented cross-field rules of a target list (graph-api.md §3): applications take
 * `application` targets (an app id or an application keyword), users-and-groups take `user`/`group`
 * targets (an object id, or `AllUsers` as a user).
 */
function targetConfiguration(slot: 'users' | 'applications'): Shape {
  return {
    kind: 'object',
    type: 'crossTenantAccessPolicyTargetConfiguration',
    props: {
      accessType: ACCESS_TYPE,
      targets: {
        kind: 'array',
        items: {
          kind: 'object',
          type: 'crossTenantAccessPolicyTarget',
          props: { target: STRING, targetType: TARGET_TYPE },
        },
      },
    },
    check: (value, path) => {
      const list = Array.isArray(value.targets) ? value.targets : [];
      list.forEach((item, i) => {
        if (!isJsonObject(item)) return;
        const { target, targetType } = item;
        const at = `${path}.targets[${i}]`;
        if (
          typeof target !== 'string' ||
          typeof targetType !== 'string' ||
          targetType === 'unknownFutureValue'
        )
          return;
        if (slot === 'applications') {
          if (targetType !== 'application')
            throw badRequest(
              `Invalid value for '${at}.targetType': application lists take targetType 'application', not '${targetType}'.`,
            );
          if (!APPLICATION_KEYWORDS.includes(target) && !isGuid(target))
            throw badRequest(
              `Invalid value for '${at}.target': expected an application id or one of ${APPLICATION_KEYWORDS.join(', ')}.`,
            );
        } else {
          if (targetType === 'application')
            throw badRequest(
              `Invalid value for '${at}.targetType': user and group lists take targetType 'user' or 'group'.`,
            );
          if (USER_KEYWORDS.includes(target)) {
            if (targetType !== 'user')
              throw badRequest(
                `Invalid value for '${at}': the keyword 'AllUsers' takes targetType 'user'.`,
              );
          } else if (!isGuid(target)) {
            throw badRequest(
              `Invalid value for '${at}.target': expected an object id (GUID) or 'AllUsers'.`,
            );
          }
        }
      });
    },
  };
}

const B2B_SETTING: Shape = {
  kind: 'object',
  type: 'crossTenantAccessPolicyB2BSetting',
  props: {
    usersAndGroups: targetConfiguration('users'),
    applications: targetConfiguration('applications'),
  },
};
const INBOUND_TRUST: Shape = {
  kind: 'object',
  type: 'crossTenantAccessPolicyInboundTrust',
  props: {
    isMfaAccepted: BOOLEAN,
    isCompliantDeviceAccepted: BOOLEAN,
    isHybridAzureADJoinedDeviceAccepted: BOOLEAN,
  },
};
const INBOUND_OUTBOUND: Shape = {
  kind: 'object',
  type: 'inboundOutboundPolicyConfiguration',
  props: { inboundAllowed: BOOLEAN, outboundAllowed: BOOLEAN },
};
const TENANT_RESTRICTIONS: Shape = {
  kind: 'object',
  type: 'crossTenantAccessPolicyTenantRestrictions',
  props: {
    usersAndGroups: targetConfiguration('users'),
    applications: targetConfiguration('applications'),
    devices: { kind: 'object', type: 'devicesFilter', props: { mode: ACCESS_TYPE, rule: STRING } },
  },
};
const APP_SERVICE_CONNECT: Shape = {
  kind: 'object',
  type: 'crossTenantAccessPolicyAppServiceConnectSetting',
  props: { applications: targetConfiguration('applications') },
};
const M365_INBOUND: Shape = {
  kind: 'object',
  type: 'crossTenantAccessPolicyM365CollaborationInboundSetting',
  props: { users: targetConfiguration('users') },
};
const M365_OUTBOUND: Shape = {
  kind: 'object',
  type: 'crossTenantAccessPolicyM365CollaborationOutboundSetting',
  props: { usersAndGroups: targetConfiguration('users') },
};
const IDP_CONFIGURATION: Shape = {
  kind: 'object',
  type: 'defaultInvitationRedemptionIdentityProviderConfiguration',
  props: {
    primaryIdentityProviderPrecedenceOrder: { kind: 'array', items: IDENTITY_PROVIDER },
    fallbackIdentityProvider: IDENTITY_PROVIDER,
  },
};

function describeExpected(shape: Shape): string {
  switch (shape.kind) {
    case 'boolean':
      return 'a boolean';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${shape.members.join(', ')}`;
    case 'array':
      return 'an array';
    case 'object':
      return `an object of type microsoft.graph.${shape.type}`;
  }
}

function validate(value: Json, shape: Shape, path: string): void {
  if (value === null) {
    if (shape.kind === 'array')
      throw badRequest(
        `Invalid value for '${path}': a collection cannot be null; send [] instead.`,
      );
    return;
  }
  switch (shape.kind) {
    case 'boolean':
      if (typeof value !== 'boolean')
        throw badRequest(`Invalid value for '${path}': expected ${describeExpected(shape)}.`);
      return;
    case 'string':
      if (typeof value !== 'string')
        throw badRequest(`Invalid value for '${path}': expected ${describeExpected(shape)}.`);
      return;
    case 'enum':
      if (typeof value !== 'string' || !shape.members.includes(value))
        throw badRequest(
          `Invalid value ${JSON.stringify(value)} for '${path}': expected ${describeExpected(shape)}.`,
        );
      return;
    case 'array':
      if (!Array.isArray(value))
        throw badRequest(`Invalid value for '${path}': expected ${describeExpected(shape)}.`);
      value.forEach((item, i) => validate(item, shape.items, `${path}[${i}]`));
      return;
    case 'object':
      if (!isJsonObject(value))
        throw badRequest(`Invalid value for '${path}': expected ${describeExpected(shape)}.`);
      for (const [key, item] of Object.entries(value)) {
        if (key.startsWith('@odata.')) continue;
        const prop = shape.props[key];
        if (!prop)
          throw badRequest(
            `Invalid property '${path}.${key}': microsoft.graph.${shape.type} has no property '${key}'.`,
          );
        validate(item, prop, `${path}.${key}`);
      }
      shape.check?.(value, path);
      return;
  }
}

/**
 * Validates the top level of a write body: unknown properties and read-only ones are 400s (naming
 * the property), nested values are checked against their types. Returns the body without OData
 * control information.
 */
export function validateDocument(
  body: JsonObject,
  typeName: string,
  writable: Readonly<Record<string, Shape>>,
  readOnly: readonly string[],
): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    if (readOnly.includes(key))
      throw badRequest(
        `Property '${key}' is read-only and cannot be set on microsoft.graph.${typeName}.`,
      );
    const shape = writable[key];
    if (!shape)
      throw badRequest(
        `Invalid property '${key}': microsoft.graph.${typeName} has no writable property '${key}'.`,
      );
    validate(value, shape, key);
    out[key] = value;
  }
  return out;
}

const PARTNER_WRITABLE: Readonly<Record<string, Shape>> = {
  isServiceProvider: BOOLEAN,
  inboundTrust: INBOUND_TRUST,
  automaticUserConsentSettings: INBOUND_OUTBOUND,
  b2bCollaborationInbound: B2B_SETTING,
  b2bCollaborationOutbound: B2B_SETTING,
  b2bDirectConnectInbound: B2B_SETTING,
  b2bDirectConnectOutbound: B2B_SETTING,
  tenantRestrictions: TENANT_RESTRICTIONS,
  appServiceConnectInbound: APP_SERVICE_CONNECT,
  m365CollaborationInbound: M365_INBOUND,
  m365CollaborationOutbound: M365_OUTBOUND,
};

/** POST body of a partner: `tenantId` (a GUID) is required; everything else is optional and inherits when absent. */
export function validatePartnerCreate(body: JsonObject): JsonObject {
  const { tenantId } = body;
  if (typeof tenantId !== 'string' || !isGuid(tenantId))
    throw badRequest("Invalid value for 'tenantId': the partner's tenant id (a GUID) is required.");
  const rest: JsonObject = { ...body };
  delete rest.tenantId;
  return {
    tenantId: tenantId.toLowerCase(),
    ...validateDocument(rest, 'crossTenantAccessPolicyConfigurationPartner', PARTNER_WRITABLE, [
      'isInMultiTenantOrganization',
      'identitySynchronization',
    ]),
  };
}

export function validatePartnerUpdate(body: JsonObject): JsonObject {
  return validateDocument(body, 'crossTenantAccessPolicyConfigurationPartner', PARTNER_WRITABLE, [
    'tenantId',
    'isInMultiTenantOrganization',
    'identitySynchronization',
  ]);
}

export function validateDefaultUpdate(body: JsonObject): JsonObject {
  return validateDocument(
    body,
    'crossTenantAccessPolicyConfigurationDefault',
    {
      inboundTrust: INBOUND_TRUST,
      b2bCollaborationInbound: B2B_SETTING,
      b2bCollaborationOutbound: B2B_SETTING,
      b2bDirectConnectInbound: B2B_SETTING,
      b2bDirectConnectOutbound: B2B_SETTING,
      tenantRestrictions: TENANT_RESTRICTIONS,
      invitationRedemptionIdentityProviderConfiguration: IDP_CONFIGURATION,
      appServiceConnectInbound: APP_SERVICE_CONNECT,
      m365CollaborationInbound: M365_INBOUND,
      m365CollaborationOutbound: M365_OUTBOUND,
    },
    ['id', 'isServiceDefault', 'automaticUserConsentSettings'],
  );
}

const CLOUD_ENDPOINTS = ['microsoftonline.com', 'microsoftonline.us', 'partner.microsoftonline.cn'];

export function validatePolicyUpdate(body: JsonObject): JsonObject {
  const out = validateDocument(
    body,
    'crossTenantAccessPolicy',
    {
      displayName: STRING,
      description: STRING,
      allowedCloudEndpoints: { kind: 'array', items: STRING },
    },
    ['id', 'deletedDateTime'],
  );
  const endpoints = out.allowedCloudEndpoints;
  if (Array.isArray(endpoints)) {
    for (const e of endpoints)
      if (typeof e === 'string' && !CLOUD_ENDPOINTS.includes(e))
        throw badRequest(
          `Invalid value '${e}' in 'allowedCloudEndpoints': supported values are ${CLOUD_ENDPOINTS.join(', ')}.`,
        );
  }
  return out;
}

const IDENTITY_SYNC_WRITABLE: Readonly<Record<string, Shape>> = {
  displayName: STRING,
  userSyncInbound: {
    kind: 'object',
    type: 'crossTenantUserSyncInbound',
    props: { isSyncAllowed: BOOLEAN },
  },
};

/** PUT may repeat the key (`tenantId`) if it equals the partner's; PATCH may not send it. */
export function validateIdentitySyncPut(body: JsonObject, partnerTenantId: string): JsonObject {
  const rest: JsonObject = { ...body };
  if ('tenantId' in rest) {
    if (
      typeof rest.tenantId !== 'string' ||
      rest.tenantId.toLowerCase() !== partnerTenantId.toLowerCase()
    )
      throw badRequest(
        "Invalid value for 'tenantId': it must equal the partner tenant id in the URL.",
      );
    delete rest.tenantId;
  }
  return validateDocument(rest, 'crossTenantIdentitySyncPolicyPartner', IDENTITY_SYNC_WRITABLE, []);
}

export function validateIdentitySyncUpdate(body: JsonObject): JsonObject {
  return validateDocument(body, 'crossTenantIdentitySyncPolicyPartner', IDENTITY_SYNC_WRITABLE, [
    'tenantId',
  ]);
}
