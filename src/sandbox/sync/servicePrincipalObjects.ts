import type { JsonObject } from '../json';

/** The cross-tenant synchronization gallery template (graph-api.md §6). */
export const CROSS_TENANT_SYNC_TEMPLATE_ID = '518e5f48-1fc8-4c48-9387-9fdf28b0dfe7';
/** The generic non-gallery application template. */
export const NON_GALLERY_TEMPLATE_ID = '8adf8e6e-67b2-4cf2-a259-e3dc5476c621';

export interface ServicePrincipalFields {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  /** The tenant that owns the application. */
  readonly appOwnerOrganizationId: string;
  readonly applicationTemplateId: string | null;
  readonly appRoles?: readonly JsonObject[];
  readonly appRoleAssignmentRequired?: boolean;
  readonly homepage?: string | null;
  readonly tags?: readonly string[];
  readonly description?: string | null;
}

/** Properties of a service principal the sandbox serves (and accepts in `$select`). */
export const SERVICE_PRINCIPAL_PROPERTIES = [
  'id',
  'deletedDateTime',
  'accountEnabled',
  'addIns',
  'alternativeNames',
  'appDescription',
  'appDisplayName',
  'appId',
  'applicationTemplateId',
  'appOwnerOrganizationId',
  'appRoleAssignmentRequired',
  'appRoles',
  'description',
  'disabledByMicrosoftStatus',
  'displayName',
  'endpoints',
  'homepage',
  'info',
  'keyCredentials',
  'loginUrl',
  'logoutUrl',
  'notes',
  'notificationEmailAddresses',
  'oauth2PermissionScopes',
  'passwordCredentials',
  'preferredSingleSignOnMode',
  'preferredTokenSigningKeyThumbprint',
  'replyUrls',
  'samlSingleSignOnSettings',
  'servicePrincipalNames',
  'servicePrincipalType',
  'signInAudience',
  'tags',
  'tokenEncryptionKeyId',
  'verifiedPublisher',
] as const;

export function servicePrincipalObject(f: ServicePrincipalFields): JsonObject {
  return {
    id: f.id,
    deletedDateTime: null,
    accountEnabled: true,
    addIns: [],
    alternativeNames: [],
    appDescription: null,
    appDisplayName: f.displayName,
    appId: f.appId,
    applicationTemplateId: f.applicationTemplateId,
    appOwnerOrganizationId: f.appOwnerOrganizationId,
    appRoleAssignmentRequired: f.appRoleAssignmentRequired ?? false,
    appRoles: [...(f.appRoles ?? [])],
    description: f.description ?? null,
    disabledByMicrosoftStatus: null,
    displayName: f.displayName,
    endpoints: [],
    homepage: f.homepage ?? null,
    info: {
      termsOfServiceUrl: null,
      supportUrl: null,
      privacyStatementUrl: null,
      marketingUrl: null,
      logoUrl: null,
    },
    keyCredentials: [],
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    oauth2PermissionScopes: [],
    passwordCredentials: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: [],
    samlSingleSignOnSettings: null,
    servicePrincipalNames: [f.appId],
    servicePrincipalType: 'Application',
    signInAudience: 'AzureADMyOrg',
    tags: [...(f.tags ?? [])],
    tokenEncryptionKeyId: null,
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
  };
}

/** The single app role of a cross-tenant sync configuration; its id is the appRoleId of assignments. */
export function msiamAccessRole(id: string): JsonObject {
  return {
    allowedMemberTypes: ['User'],
    description: 'msiam_access',
    displayName: 'msiam_access',
    id,
    isEnabled: true,
    origin: 'Application',
    value: null,
  };
}

/** A cross-tenant sync configuration's service principal, as instantiating the gallery template creates it. */
export function crossTenantSyncServicePrincipal(f: {
  id: string;
  appId: string;
  displayName: string;
  tenantId: string;
  roleId: string;
}): JsonObject {
  return servicePrincipalObject({
    id: f.id,
    appId: f.appId,
    displayName: f.displayName,
    appOwnerOrganizationId: f.tenantId,
    applicationTemplateId: CROSS_TENANT_SYNC_TEMPLATE_ID,
    appRoles: [msiamAccessRole(f.roleId)],
    appRoleAssignmentRequired: true,
    homepage:
      'https://account.activedirectory.windowsazure.com:444/applications/default.aspx?metadata=aad2aadsync|ISV9.1|primary|z',
    tags: [
      'WindowsAzureActiveDirectoryIntegratedApp',
      'WindowsAzureActiveDirectoryGalleryApplicationNonPrimaryV1',
    ],
  });
}

/** The application object instantiate returns next to the service principal. */
export function instantiatedApplication(f: {
  id: string;
  appId: string;
  displayName: string;
  templateId: string;
  publisherDomain: string;
  createdDateTime: string;
}): JsonObject {
  return {
    id: f.id,
    deletedDateTime: null,
    isFallbackPublicClient: null,
    appId: f.appId,
    applicationTemplateId: f.templateId,
    identifierUris: [],
    createdDateTime: f.createdDateTime,
    displayName: f.displayName,
    isDeviceOnlyAuthSupported: null,
    groupMembershipClaims: null,
    optionalClaims: null,
    addIns: [],
    publisherDomain: f.publisherDomain,
    signInAudience: 'AzureADMyOrg',
    tags: [],
    tokenEncryptionKeyId: null,
    api: {
      // As Microsoft's applicationTemplate: instantiate example answers (graph-examples).
      requestedAccessTokenVersion: 2,
      acceptMappedClaims: null,
      knownClientApplications: [],
      oauth2PermissionScopes: [],
      preAuthorizedApplications: [],
    },
    appRoles: [],
    publicClient: { redirectUris: [] },
    info: {
      termsOfServiceUrl: null,
      supportUrl: null,
      privacyStatementUrl: null,
      marketingUrl: null,
      logoUrl: null,
    },
    keyCredentials: [],
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    passwordCredentials: [],
    requiredResourceAccess: [],
    web: {
      redirectUris: [],
      homePageUrl: null,
      logoutUrl: null,
      implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
    },
  };
}
