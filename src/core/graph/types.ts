import type * as MSGraph from '@microsoft/microsoft-graph-types';

/**
 * Resource types of the Graph layer: Microsoft's generated types where they are right, our own
 * where they are missing (settings newer than the generated package) or wrong (flags enums typed as
 * a single member; key properties typed optional).
 */

type TargetConfiguration = MSGraph.CrossTenantAccessPolicyTargetConfiguration;

/** Settings present in the v1.0 metadata but not in the generated types; round-tripped untouched. */
export interface NewerCrossTenantSettings {
  appServiceConnectInbound?: { applications?: TargetConfiguration | null } | null;
  m365CollaborationInbound?: { users?: TargetConfiguration | null } | null;
  m365CollaborationOutbound?: { usersAndGroups?: TargetConfiguration | null } | null;
}

export type CrossTenantAccessPolicy = MSGraph.CrossTenantAccessPolicy;

export type DefaultConfiguration = MSGraph.CrossTenantAccessPolicyConfigurationDefault &
  NewerCrossTenantSettings;

/** The key is non-null; the generated type makes it optional. */
export type IdentitySync = MSGraph.CrossTenantIdentitySyncPolicyPartner & { tenantId: string };

export type Partner = Omit<
  MSGraph.CrossTenantAccessPolicyConfigurationPartner,
  'tenantId' | 'identitySynchronization'
> &
  NewerCrossTenantSettings & {
    tenantId: string;
    /** Present only with `$expand=identitySynchronization`; null when the partner has none. */
    identitySynchronization?: IdentitySync | null;
  };

/** A partner as created: only `tenantId` is required, anything omitted inherits from the default. */
export type NewPartner = Omit<Partner, 'identitySynchronization' | 'isInMultiTenantOrganization'>;

export type TenantInformation = MSGraph.TenantInformation & { tenantId: string };

export type Organization = MSGraph.Organization;

export type ServicePrincipal = MSGraph.ServicePrincipal;
export type Application = MSGraph.Application;
export type AppRoleAssignment = MSGraph.AppRoleAssignment;
export type User = MSGraph.User;
export type Group = MSGraph.Group;

export type SyncJob = MSGraph.SynchronizationJob;
export type SyncSchema = MSGraph.SynchronizationSchema;
export type SyncJobApplicationParameters = MSGraph.SynchronizationJobApplicationParameters;
export type ProvisioningObjectSummary = MSGraph.ProvisioningObjectSummary;
export type DirectoryAudit = MSGraph.DirectoryAudit;
export type ModifiedProperty = MSGraph.ModifiedProperty;

/** A v1.0 sign-in; the generated types predate `homeTenantId` and `resourceTenantId`. */
export type SignIn = MSGraph.SignIn & {
  homeTenantId?: string | null;
  resourceTenantId?: string | null;
};

/** `synchronizationJobRestartScope` is a flags enum: one comma-separated string, not a single member (see flags.ts). */
export interface SyncJobRestartCriteria {
  resetScope: string;
}

/** One entry of the secrets PUT body. The key enum is open-ended on the wire; cross-tenant sync uses CompanyId, AuthenticationType, SyncNotificationSettings, SyncAll. */
export interface SyncSecret {
  key: string;
  value: string;
}

/** Parameters of `validateCredentials`; `credentials` here are the secret pairs to test. */
export interface ValidateCredentialsRequest {
  applicationIdentifier?: string;
  templateId?: string;
  useSavedCredentials: boolean;
  credentials: SyncSecret[];
}

/** The `provisionOnDemand` answer as sent: both strings hold JSON (parsed by provisionOnDemandResult.ts). */
export interface StringKeyStringValuePair {
  key?: string | null;
  value?: string | null;
}

export type AuthorizationPolicy = MSGraph.AuthorizationPolicy;

/**
 * A B2B management policy, beta only (not in the v1.0 metadata, so not in the generated types).
 * `definition` holds JSON strings; the documentation shows `isOrganizationDefault` as a string.
 */
export interface B2bManagementPolicy {
  id?: string;
  displayName?: string | null;
  definition?: string[] | null;
  isOrganizationDefault?: boolean | string | null;
}

/** Global Secure Access `networkaccess.crossTenantAccessSettings`, beta only. */
export interface NetworkAccessCrossTenantAccessSettings {
  networkPacketTaggingStatus?: string | null;
}
