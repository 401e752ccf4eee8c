import type { JsonObject } from '../json';
import { serviceDefaultConfiguration } from '../policy/crossTenantDocuments';
import type { CrossTenantAccessSnapshot, MultiTenantOrganizationView } from '../store/tenantStore';
import { guidFromName } from './random';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS, type SandboxTenant } from './tenants';

const { contoso, fabrikam, northwind, tailspin } = SANDBOX_TENANT_IDS;

/** The Contoso group that Tailspin Toys allows in (an allow-list partner setting). */
export const TAILSPIN_PILOT_GROUP_ID = '5d2e8a71-9c34-4b6f-a1d8-3e7f0b9c2a46';
/** The Contoso group assigned to the Fabrikam sync configuration. */
export const FABRIKAM_SYNC_GROUP_ID = 'c4f19b2e-7a53-4d8c-9e61-0b2d5f8a3c97';

const all = (
  accessType: 'allowed' | 'blocked',
  target: string,
  targetType: 'user' | 'application',
): JsonObject => ({ accessType, targets: [{ target, targetType }] });

function basePolicy(tenantId: string): JsonObject {
  return {
    id: guidFromName(`crossTenantAccessPolicy:${tenantId}`),
    displayName: 'CrossTenantAccessPolicy',
    description: 'Cross-tenant access policy',
    allowedCloudEndpoints: [],
  };
}

function customisedDefault(changes: JsonObject): JsonObject {
  return { ...serviceDefaultConfiguration(), ...changes, isServiceDefault: false };
}

const directConnect = (inboundApps: string): JsonObject => ({
  b2bDirectConnectOutbound: {
    usersAndGroups: all('allowed', 'AllUsers', 'user'),
    applications: all('allowed', 'AllApplications', 'application'),
  },
  b2bDirectConnectInbound: {
    usersAndGroups: all('allowed', 'AllUsers', 'user'),
    applications: all('allowed', inboundApps, 'application'),
  },
});

/**
 * Each seeded tenant's cross-tenant access settings:
 * - Contoso ↔ Fabrikam: a matching sync pair (Contoso outbound auto-redeem; Fabrikam allows user
 *   sync and auto-redeem inbound), both in one multitenant organization.
 * - Contoso ↔ Northwind: B2B direct connect on both sides. Contoso's partner also carries
 *   `crossCloudMeetingConfiguration`, a property real responses have outside the v1.0 metadata.
 *   Northwind runs tenant restrictions v2: its default blocks all (the service default) and its
 *   Contoso partner lets its users reach Contoso's Office 365.
 * - Contoso ↔ Tailspin: mismatched. Contoso redeems outbound, Tailspin allows user sync inbound but
 *   not automatic redemption, and admits only one Contoso group for B2B collaboration.
 * - Woodgrove: untouched service defaults.
 */
export function seededCrossTenantAccess(tenant: SandboxTenant): CrossTenantAccessSnapshot {
  const policy = basePolicy(tenant.tenantId);
  switch (tenant.tenantId) {
    case contoso:
      return {
        policy,
        defaultConfiguration: customisedDefault({
          inboundTrust: {
            isMfaAccepted: true,
            isCompliantDeviceAccepted: false,
            isHybridAzureADJoinedDeviceAccepted: false,
          },
        }),
        partners: [
          {
            tenantId: fabrikam,
            isServiceProvider: false,
            isInMultiTenantOrganization: true,
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: true,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
            automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
          },
          {
            tenantId: northwind,
            isServiceProvider: false,
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: false,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
            ...directConnect('Office365'),
            crossCloudMeetingConfiguration: { inboundAllowed: false, outboundAllowed: false },
          },
          {
            tenantId: tailspin,
            isServiceProvider: false,
            automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: true },
          },
        ],
        identitySynchronization: [],
      };
    case fabrikam:
      return {
        policy,
        defaultConfiguration: serviceDefaultConfiguration(),
        partners: [
          {
            tenantId: contoso,
            isServiceProvider: false,
            isInMultiTenantOrganization: true,
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: true,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
            automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
          },
        ],
        identitySynchronization: [
          {
            tenantId: contoso,
            displayName: 'Contoso Group',
            userSyncInbound: { isSyncAllowed: true },
          },
        ],
      };
    case northwind:
      return {
        policy,
        defaultConfiguration: customisedDefault({
          inboundTrust: {
            isMfaAccepted: true,
            isCompliantDeviceAccepted: true,
            isHybridAzureADJoinedDeviceAccepted: false,
          },
          b2bCollaborationInbound: {
            usersAndGroups: all('allowed', 'AllUsers', 'user'),
            applications: all('allowed', 'Office365', 'application'),
          },
        }),
        partners: [
          {
            tenantId: contoso,
            isServiceProvider: false,
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: false,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
            ...directConnect('AllApplications'),
            // Tenant restrictions v2: the default blocks every other tenant; Northwind's users
            // may still use Contoso's Office 365 apps.
            tenantRestrictions: {
              usersAndGroups: all('allowed', 'AllUsers', 'user'),
              applications: all('allowed', 'Office365', 'application'),
            },
          },
        ],
        identitySynchronization: [],
      };
    case tailspin:
      return {
        policy,
        defaultConfiguration: serviceDefaultConfiguration(),
        partners: [
          {
            tenantId: contoso,
            isServiceProvider: false,
            automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
            b2bCollaborationInbound: {
              usersAndGroups: {
                accessType: 'allowed',
                targets: [{ target: TAILSPIN_PILOT_GROUP_ID, targetType: 'group' }],
              },
              applications: all('allowed', 'AllApplications', 'application'),
            },
          },
        ],
        identitySynchronization: [
          {
            tenantId: contoso,
            displayName: 'Contoso Group',
            userSyncInbound: { isSyncAllowed: true },
          },
        ],
      };
    default:
      return {
        policy,
        defaultConfiguration: serviceDefaultConfiguration(),
        partners: [],
        identitySynchronization: [],
      };
  }
}

const MTO_ID = '3a9d6f12-8e47-4c05-b2a1-6f0e9d4c7b38';

/** Contoso and Fabrikam form a multitenant organization; other tenants belong to none. */
export function seededMultiTenantOrganization(
  tenant: SandboxTenant,
): MultiTenantOrganizationView | undefined {
  if (tenant.tenantId !== contoso && tenant.tenantId !== fabrikam) return undefined;
  const member = (
    t: SandboxTenant,
    role: 'owner' | 'member',
    added: string,
    joined: string | null,
  ): JsonObject => ({
    id: t.tenantId,
    tenantId: t.tenantId,
    displayName: t.displayName,
    addedDateTime: added,
    joinedDateTime: joined,
    addedByTenantId: contoso,
    role,
    state: 'active',
    transitionDetails: null,
  });
  const byId = (id: string): SandboxTenant => SANDBOX_TENANTS.find((t) => t.tenantId === id)!;
  return {
    organization: {
      id: MTO_ID,
      createdDateTime: '2023-10-02T15:20:11Z',
      displayName: 'Contoso Group',
      description: 'Contoso Group and its subsidiaries',
      state: 'active',
    },
    tenants: [
      member(byId(contoso), 'owner', '2023-10-02T15:20:11Z', null),
      member(byId(fabrikam), 'member', '2023-10-02T15:24:40Z', '2023-10-02T18:02:57Z'),
    ],
  };
}
