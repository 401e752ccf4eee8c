import type { JsonObject } from '../json';
import type { ExternalCollaborationSnapshot } from '../store/tenantStore';
import { guidFromName } from './random';
import { SANDBOX_TENANT_IDS, type SandboxTenant } from './tenants';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;

/** The guest role templates authorizationPolicy.guestUserRoleId can name (Graph's resource docs). */
export const GUEST_ROLE = {
  member: 'a0b1b346-4d3e-4e8b-98f8-753987be4970',
  guest: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
  restrictedGuest: '2af84b1e-32c8-42b7-82bc-daa82404023b',
} as const;

/** The v1.0 authorizationPolicy singleton with the documented sample's other settings. */
function authorizationPolicy(allowInvitesFrom: string, guestUserRoleId: string): JsonObject {
  return {
    id: 'authorizationPolicy',
    displayName: 'Authorization Policy',
    description: 'Used to manage authorization related settings across the company.',
    allowInvitesFrom,
    allowedToSignUpEmailBasedSubscriptions: true,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    allowUserConsentForRiskyApps: false,
    blockMsolPowerShell: true,
    defaultUserRolePermissions: {
      allowedToCreateApps: false,
      allowedToCreateSecurityGroups: false,
      allowedToCreateTenants: false,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-low'],
    },
    guestUserRoleId,
  };
}

/**
 * A beta b2bManagementPolicy. Its definition is a JSON string; the casing of the keys is what
 * tenants send (the documentation's samples are not consistent).
 */
function b2bManagementPolicy(
  tenant: SandboxTenant,
  domains: { AllowedDomains: string[] } | { BlockedDomains: string[] } | Record<string, never>,
): JsonObject {
  return {
    '@odata.type': '#microsoft.graph.b2bManagementPolicy',
    id: guidFromName(`b2bManagementPolicy:${tenant.tenantId}`),
    deletedDateTime: null,
    description: 'B2B management policy',
    displayName: 'B2BManagementPolicy',
    definition: [
      JSON.stringify({
        B2BManagementPolicy: { InvitationsAllowedAndBlockedDomainsPolicy: domains },
      }),
    ],
    isOrganizationDefault: true,
  };
}

/**
 * Each tenant's external collaboration settings, chosen so the baselines find passing, failing
 * and conflicting cases:
 * - Contoso: Microsoft's defaults for invitations (everyone may invite, guests get the Guest User
 *   role) with an allow list of partner domains; no Global Secure Access licence.
 * - Fabrikam: members may invite, a block list of domains (CIPP's CIS 5.1.6.1 passes it, the Zero
 *   Trust Assessment's 21822 does not); no Global Secure Access licence.
 * - Northwind: tenant restrictions in force: Global Secure Access tags traffic, only admins and
 *   Guest Inviters invite, guests are restricted, invitations only to contoso.com.
 * - Tailspin: guests have the same access as members, no B2B management policy at all; Global
 *   Secure Access licensed but not tagging traffic.
 * - Woodgrove: close to ASD's Blueprint: nobody invites, guests are restricted, any domain.
 * Other tenants (benchmarks) get Microsoft's defaults and no B2B management policy.
 */
export function seededExternalCollaboration(tenant: SandboxTenant): ExternalCollaborationSnapshot {
  switch (tenant.tenantId) {
    case contoso:
      return {
        authorizationPolicy: authorizationPolicy('everyone', GUEST_ROLE.guest),
        b2bManagementPolicies: [
          b2bManagementPolicy(tenant, {
            AllowedDomains: ['fabrikam.com', 'northwindtraders.com', 'tailspintoys.com'],
          }),
        ],
        networkAccessCrossTenantAccess: null,
      };
    case fabrikam:
      return {
        authorizationPolicy: authorizationPolicy(
          'adminsGuestInvitersAndAllMembers',
          GUEST_ROLE.guest,
        ),
        b2bManagementPolicies: [
          b2bManagementPolicy(tenant, { BlockedDomains: ['wingtiptoys.com'] }),
        ],
        networkAccessCrossTenantAccess: null,
      };
    case northwind:
      return {
        authorizationPolicy: authorizationPolicy(
          'adminsAndGuestInviters',
          GUEST_ROLE.restrictedGuest,
        ),
        b2bManagementPolicies: [b2bManagementPolicy(tenant, { AllowedDomains: ['contoso.com'] })],
        networkAccessCrossTenantAccess: { networkPacketTaggingStatus: 'enabled' },
      };
    case tailspin:
      return {
        authorizationPolicy: authorizationPolicy('adminsAndGuestInviters', GUEST_ROLE.member),
        b2bManagementPolicies: [],
        networkAccessCrossTenantAccess: { networkPacketTaggingStatus: 'disabled' },
      };
    case woodgrove:
      return {
        authorizationPolicy: authorizationPolicy('none', GUEST_ROLE.restrictedGuest),
        b2bManagementPolicies: [b2bManagementPolicy(tenant, {})],
        networkAccessCrossTenantAccess: null,
      };
    default:
      return {
        authorizationPolicy: authorizationPolicy('everyone', GUEST_ROLE.guest),
        b2bManagementPolicies: [],
        networkAccessCrossTenantAccess: null,
      };
  }
}
