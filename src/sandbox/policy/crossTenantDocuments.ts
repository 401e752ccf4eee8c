import { cloneJson, type JsonObject } from '../json';

function targets(
  accessType: 'allowed' | 'blocked',
  target: string,
  targetType: 'user' | 'application',
): JsonObject {
  return { accessType, targets: [{ target, targetType }] };
}

function b2bSetting(accessType: 'allowed' | 'blocked'): JsonObject {
  return {
    usersAndGroups: targets(accessType, 'AllUsers', 'user'),
    applications: targets(accessType, 'AllApplications', 'application'),
  };
}

/**
 * Microsoft's service default for `…/default` (graph-api.md §2): B2B collaboration allowed, B2B
 * direct connect and tenant restrictions blocked, no inbound trust, automatic consent off. The
 * values of the newer M365 collaboration and app-service settings are not documented; the sandbox
 * allows M365 collaboration and blocks app service connect.
 */
export function serviceDefaultConfiguration(): JsonObject {
  return {
    isServiceDefault: true,
    inboundTrust: {
      isMfaAccepted: false,
      isCompliantDeviceAccepted: false,
      isHybridAzureADJoinedDeviceAccepted: false,
    },
    b2bCollaborationOutbound: b2bSetting('allowed'),
    b2bCollaborationInbound: b2bSetting('allowed'),
    b2bDirectConnectOutbound: b2bSetting('blocked'),
    b2bDirectConnectInbound: b2bSetting('blocked'),
    automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
    invitationRedemptionIdentityProviderConfiguration: {
      primaryIdentityProviderPrecedenceOrder: [
        'azureActiveDirectory',
        'externalFederation',
        'socialIdentityProviders',
      ],
      fallbackIdentityProvider: 'defaultConfiguredIdp',
    },
    tenantRestrictions: { ...b2bSetting('blocked'), devices: null },
    appServiceConnectInbound: {
      applications: targets('blocked', 'AllApplications', 'application'),
    },
    m365CollaborationInbound: { users: targets('allowed', 'AllUsers', 'user') },
    m365CollaborationOutbound: { usersAndGroups: targets('allowed', 'AllUsers', 'user') },
  };
}

/** Structural properties of a partner configuration in the v1.0 CSDL, in the order the sandbox serves them. */
export const PARTNER_PROPERTIES = [
  'tenantId',
  'isServiceProvider',
  'isInMultiTenantOrganization',
  'inboundTrust',
  'automaticUserConsentSettings',
  'b2bCollaborationInbound',
  'b2bCollaborationOutbound',
  'b2bDirectConnectInbound',
  'b2bDirectConnectOutbound',
  'tenantRestrictions',
  'appServiceConnectInbound',
  'm365CollaborationInbound',
  'm365CollaborationOutbound',
] as const;

/**
 * The partner as Graph serves it: every structural property (null = inherits the default), an
 * unconfigured `automaticUserConsentSettings` as an object of nulls (as the documented samples
 * show), then any stored property the sandbox does not model — those round-trip untouched.
 */
export function renderPartner(stored: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of PARTNER_PROPERTIES) out[key] = key in stored ? cloneJson(stored[key]) : null;
  if (out.isInMultiTenantOrganization === null) out.isInMultiTenantOrganization = false;
  if (out.automaticUserConsentSettings === null)
    out.automaticUserConsentSettings = { inboundAllowed: null, outboundAllowed: null };
  for (const [key, value] of Object.entries(stored)) if (!(key in out)) out[key] = cloneJson(value);
  return out;
}

const DEFAULT_ORDER = Object.keys(serviceDefaultConfiguration());

/** The default configuration in a stable order, with stored unknown properties kept at the end. */
export function renderDefault(stored: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of DEFAULT_ORDER) out[key] = key in stored ? cloneJson(stored[key]) : null;
  for (const [key, value] of Object.entries(stored)) if (!(key in out)) out[key] = cloneJson(value);
  return out;
}

export function renderPolicy(stored: JsonObject): JsonObject {
  return {
    id: stored.id ?? null,
    deletedDateTime: null,
    displayName: stored.displayName ?? null,
    description: stored.description ?? null,
    allowedCloudEndpoints: cloneJson(stored.allowedCloudEndpoints ?? []),
  };
}

export function renderIdentitySynchronization(stored: JsonObject): JsonObject {
  return {
    tenantId: stored.tenantId,
    displayName: stored.displayName ?? null,
    userSyncInbound: cloneJson(stored.userSyncInbound ?? null),
  };
}
