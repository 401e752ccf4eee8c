/**
 * The directory audit categories that hold the history of cross-tenant settings and sync
 * configurations (baselines-and-history.md §2; the Entra audit activity reference).
 */
export const HISTORY_CATEGORIES = {
  crossTenantAccess: 'CrossTenantAccessSettings',
  identitySync: 'CrossTenantIdentitySyncSettings',
  serviceProviderConstraints: 'DelegatedAdminServiceProviderConstraints',
  provisioning: 'ProvisioningManagement',
} as const;

/**
 * The ProvisioningManagement activities that change a sync configuration. The category also holds
 * one event per provisioned object (Import, Export, User Provisioning, …), which history leaves out.
 */
export const CONFIGURATION_ACTIVITIES: readonly string[] = [
  'Add provisioning configuration',
  'Delete provisioning configuration',
  'Disable/pause provisioning configuration',
  'Enable/restart provisioning configuration',
  'Enable/start provisioning configuration',
  'Quarantine',
  'Update attribute mappings or scope',
  'Update provisioning setting or credentials',
];

/** The Microsoft Support tenant, a service provider during a support case (baselines-and-history.md §2). */
export const MICROSOFT_SUPPORT_TENANT_ID = 'b4c546a4-7dac-46a6-a7dd-ed822a11efd3';

/** The application that makes support-case changes (Entra's support-case logging documentation). */
export const SUPPORT_CASE_APP = 'EntraGDAP';
