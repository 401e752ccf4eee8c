import type { ScopeBundle } from './scopes';

/** What one Graph operation needs: the bundle its token is asked for, its least permission(s), and the role a delegated admin needs. */
export interface OperationPermission {
  readonly bundle: ScopeBundle;
  /** Least-privileged delegated permissions; all of them are required. */
  readonly permissions: readonly string[];
  /** The Entra role a 403 should point to; absent when any signed-in user may call it. */
  readonly role?: string;
  /** What the operation does, for messages ("update the partner configuration"). */
  readonly action: string;
  /**
   * Permissions no consent bundle holds, asked for on top of the bundle when the operation runs
   * (incremental consent, just in time): the beta reads only the baselines need.
   */
  readonly additionalScopes?: readonly string[];
}

const READ_POLICY = {
  bundle: 'browse',
  permissions: ['Policy.Read.All'],
  role: 'Security Reader or Global Reader',
} as const;
const WRITE_POLICY = {
  bundle: 'edit',
  permissions: ['Policy.ReadWrite.CrossTenantAccess'],
  role: 'Security Administrator',
} as const;
const READ_SYNC = {
  bundle: 'browse',
  permissions: ['Synchronization.Read.All'],
  role: 'Global Reader or Hybrid Identity Administrator',
} as const;
const WRITE_SYNC = {
  bundle: 'sync',
  permissions: ['Synchronization.ReadWrite.All'],
  role: 'Hybrid Identity Administrator',
} as const;
const ASSIGN = {
  bundle: 'sync',
  permissions: ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'],
  role: 'Cloud Application Administrator or Application Administrator',
} as const;
const TENANT_LOOKUP = {
  bundle: 'browse',
  permissions: ['CrossTenantInformation.ReadBasic.All'],
} as const;
const SEARCH_DIRECTORY = {
  bundle: 'browse',
  permissions: ['Directory.Read.All'],
  role: 'Directory Readers or Global Reader',
} as const;

/**
 * Every typed operation of the Graph layer, from graph-api.md §1–§10. The client asks for the
 * operation's bundle just in time; a 403 on the operation is explained with its permissions and role.
 */
export const OPERATION_PERMISSIONS = {
  'policy.get': { ...READ_POLICY, action: 'read the cross-tenant access policy' },
  'policy.update': { ...WRITE_POLICY, action: 'update the cross-tenant access policy' },
  'default.get': { ...READ_POLICY, action: 'read the default cross-tenant access settings' },
  'default.update': { ...WRITE_POLICY, action: 'update the default cross-tenant access settings' },
  'default.reset': { ...WRITE_POLICY, action: 'reset the default cross-tenant access settings' },
  'partners.list': { ...READ_POLICY, action: 'list partner configurations' },
  'partner.get': { ...READ_POLICY, action: 'read a partner configuration' },
  'partner.create': { ...WRITE_POLICY, action: 'create a partner configuration' },
  'partner.update': { ...WRITE_POLICY, action: 'update a partner configuration' },
  'partner.delete': { ...WRITE_POLICY, action: 'delete a partner configuration' },
  'identitySync.get': { ...READ_POLICY, action: 'read a partner identity synchronization policy' },
  'identitySync.create': {
    ...WRITE_POLICY,
    action: 'create a partner identity synchronization policy',
  },
  'identitySync.update': {
    ...WRITE_POLICY,
    action: 'update a partner identity synchronization policy',
  },
  'identitySync.delete': {
    ...WRITE_POLICY,
    action: 'delete a partner identity synchronization policy',
  },
  'tenantInfo.byTenantId': { ...TENANT_LOOKUP, action: 'look up a tenant by id' },
  'tenantInfo.byDomainName': { ...TENANT_LOOKUP, action: 'look up a tenant by domain name' },
  'organization.get': {
    bundle: 'browse',
    permissions: ['User.Read'],
    action: 'read the organization',
  },
  'syncConfigurations.list': {
    bundle: 'browse',
    permissions: ['Application.Read.All'],
    role: 'Global Reader or Application Administrator',
    action: 'list cross-tenant sync configurations',
  },
  'syncJobs.list': { ...READ_SYNC, action: 'list sync jobs' },
  'syncJob.get': { ...READ_SYNC, action: 'read a sync job' },
  'syncJob.create': { ...WRITE_SYNC, action: 'create a sync job' },
  'syncJob.start': { ...WRITE_SYNC, action: 'start a sync job' },
  'syncJob.pause': { ...WRITE_SYNC, action: 'pause a sync job' },
  'syncJob.restart': { ...WRITE_SYNC, action: 'restart a sync job' },
  'syncJob.provisionOnDemand': { ...WRITE_SYNC, action: 'provision on demand' },
  'syncJob.validateCredentials': { ...WRITE_SYNC, action: 'validate sync credentials' },
  'syncSchema.get': { ...READ_SYNC, action: 'read a sync schema' },
  'syncSchema.put': { ...WRITE_SYNC, action: 'replace a sync schema' },
  'syncSecrets.get': { ...READ_SYNC, action: 'read the saved sync settings' },
  'syncSecrets.put': { ...WRITE_SYNC, action: 'save sync credentials' },
  'servicePrincipal.get': {
    bundle: 'browse',
    permissions: ['Application.Read.All'],
    role: 'Global Reader or Application Administrator',
    action: 'read a service principal',
  },
  'syncConfiguration.delete': {
    bundle: 'sync',
    permissions: ['Application.ReadWrite.All'],
    role: 'Cloud Application Administrator or Application Administrator',
    action: 'delete a cross-tenant sync configuration',
  },
  'syncTemplate.instantiate': {
    bundle: 'sync',
    permissions: ['Application.ReadWrite.All'],
    role: 'Cloud Application Administrator or Application Administrator',
    action: 'create a cross-tenant sync configuration',
  },
  'appRoleAssignments.list': {
    bundle: 'browse',
    permissions: ['Application.Read.All'],
    role: 'Global Reader or Cloud Application Administrator',
    action: 'list the users and groups assigned to a sync configuration',
  },
  'appRoleAssignment.add': { ...ASSIGN, action: 'assign a user or group to a sync configuration' },
  'appRoleAssignment.remove': {
    ...ASSIGN,
    action: 'remove an assignment from a sync configuration',
  },
  'users.search': { ...SEARCH_DIRECTORY, action: 'search users' },
  'groups.search': { ...SEARCH_DIRECTORY, action: 'search groups' },
  'authorizationPolicy.get': {
    bundle: 'browse',
    permissions: ['Policy.Read.All'],
    role: 'Security Reader or Global Reader',
    action: 'read the authorization policy (guest invitation settings)',
  },
  'b2bManagementPolicies.list': {
    bundle: 'browse',
    permissions: ['Policy.Read.B2BManagementPolicy'],
    additionalScopes: ['Policy.Read.B2BManagementPolicy'],
    role: 'Global Administrator',
    action: 'read the B2B management policy (beta)',
  },
  'networkAccessCrossTenantAccess.get': {
    bundle: 'browse',
    permissions: ['NetworkAccess.Read.All'],
    additionalScopes: ['NetworkAccess.Read.All'],
    role: 'Global Reader, Security Administrator or Global Secure Access Administrator',
    action: 'read the Global Secure Access cross-tenant access settings (beta)',
  },
  'provisioningLogs.list': {
    bundle: 'browse',
    permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
    role: 'Reports Reader, Security Reader or Global Reader',
    action: 'read provisioning logs',
  },
  'directoryAudits.list': {
    bundle: 'browse',
    permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
    role: 'Reports Reader, Security Reader or Global Reader',
    action: 'read the directory audit log',
  },
  'signIns.list': {
    bundle: 'browse',
    permissions: ['AuditLog.Read.All', 'Directory.Read.All'],
    role: 'Reports Reader, Security Reader or Global Reader',
    action: 'read sign-in logs',
  },
} as const satisfies Record<string, OperationPermission>;

export type GraphOperation = keyof typeof OPERATION_PERMISSIONS;

export function isGraphOperation(value: string): value is GraphOperation {
  return Object.prototype.hasOwnProperty.call(OPERATION_PERMISSIONS, value);
}

export function permissionFor(operation: GraphOperation): OperationPermission {
  return OPERATION_PERMISSIONS[operation];
}
