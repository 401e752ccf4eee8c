import { ErrorResponse } from '../errors';
import type { TokenClaims } from './token';

/** The caller of a request, from its token. */
export interface Principal {
  readonly tenantId: string;
  readonly kind: 'delegated' | 'application';
  /** Granted permissions, lower-cased, including every permission a granted one implies. */
  readonly effective: ReadonlySet<string>;
  readonly granted: readonly string[];
  readonly oid?: string;
  readonly upn?: string;
  readonly appId?: string;
}

/**
 * The least-privileged permissions of one operation (graph-api.md): a list of alternatives, each a
 * set that must be granted together (provisioning logs need AuditLog.Read.All *and*
 * Directory.Read.All). Higher-privileged permissions satisfy a requirement through IMPLIES.
 */
export interface PermissionRule {
  readonly delegated: readonly (readonly string[])[];
  readonly application: readonly (readonly string[])[];
}

/** A granted permission (key) also satisfies these. Transitive. */
const IMPLIES: Readonly<Record<string, readonly string[]>> = {
  'Policy.ReadWrite.CrossTenantAccess': ['Policy.Read.All'],
  'Directory.ReadWrite.All': ['Directory.Read.All', 'User.RevokeSessions.All'],
  'Directory.Read.All': [
    'User.ReadBasic.All',
    'User.Read.All',
    'GroupMember.Read.All',
    'Group.Read.All',
    'Application.Read.All',
    'Organization.Read.All',
  ],
  'Application.ReadWrite.All': ['Application.Read.All'],
  'Synchronization.ReadWrite.All': ['Synchronization.Read.All'],
  'Organization.ReadWrite.All': ['Organization.Read.All'],
  'User.ReadWrite.All': ['User.Read.All', 'User.RevokeSessions.All'],
  'User.Read.All': ['User.ReadBasic.All'],
  'Group.ReadWrite.All': ['Group.Read.All'],
  'Group.Read.All': ['GroupMember.Read.All'],
  'MultiTenantOrganization.ReadWrite.All': ['MultiTenantOrganization.Read.All'],
  'MultiTenantOrganization.Read.All': ['MultiTenantOrganization.ReadBasic.All'],
};

const IMPLIES_LOWER = new Map(
  Object.entries(IMPLIES).map(([k, v]) => [k.toLowerCase(), v.map((p) => p.toLowerCase())]),
);

function closure(granted: readonly string[]): Set<string> {
  const out = new Set<string>();
  const queue = granted.map((p) => p.toLowerCase());
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (out.has(p)) continue;
    out.add(p);
    queue.push(...(IMPLIES_LOWER.get(p) ?? []));
  }
  return out;
}

/** Permissions that imply `permission`, for naming the alternatives in a 403 message. */
function higherThan(permission: string): string[] {
  const target = permission.toLowerCase();
  return Object.keys(IMPLIES).filter((p) => p.toLowerCase() !== target && closure([p]).has(target));
}

export function principalFromClaims(claims: TokenClaims): Principal {
  const isApp = claims.roles !== undefined && claims.scp === undefined;
  const granted = isApp ? [...claims.roles] : (claims.scp ?? '').split(' ').filter((s) => s !== '');
  return {
    tenantId: claims.tid,
    kind: isApp ? 'application' : 'delegated',
    granted,
    effective: closure(granted),
    oid: claims.oid,
    upn: claims.upn,
    appId: claims.appid,
  };
}

export function hasPermission(principal: Principal, permission: string): boolean {
  return principal.effective.has(permission.toLowerCase());
}

function describeSet(set: readonly string[]): string {
  return set
    .map((p) => {
      const higher = higherThan(p);
      return higher.length > 0 ? `${p} (or a higher one: ${higher.join(', ')})` : p;
    })
    .join(' and ');
}

/** Throws 403 `Authorization_RequestDenied`, naming the permissions the call needs and what is missing. */
export function requirePermission(principal: Principal, rule: PermissionRule): void {
  const alternatives = principal.kind === 'delegated' ? rule.delegated : rule.application;
  let fewestMissing: string[] | undefined;
  for (const set of alternatives) {
    const missing = set.filter((p) => !hasPermission(principal, p));
    if (missing.length === 0) return;
    if (!fewestMissing || missing.length < fewestMissing.length) fewestMissing = missing;
  }
  const kind =
    principal.kind === 'delegated'
      ? 'delegated permission (scp)'
      : 'application permission (roles)';
  const needs =
    alternatives.length === 0
      ? `no ${kind} grants this operation`
      : `this operation needs the ${kind} ${alternatives.map(describeSet).join(', or ')}`;
  const missing = fewestMissing ? ` Missing: ${fewestMissing.join(', ')}.` : '';
  throw new ErrorResponse(
    403,
    'Authorization_RequestDenied',
    `Insufficient privileges to complete the operation: ${needs}.${missing}`,
  );
}

function both(alternatives: readonly (readonly string[])[]): PermissionRule {
  return { delegated: alternatives, application: alternatives };
}

/** Least-privileged permissions per operation, from graph-api.md §1–§7 and §10. */
export const PERMISSIONS = {
  policyRead: both([['Policy.Read.All']]),
  policyWrite: both([['Policy.ReadWrite.CrossTenantAccess']]),
  tenantLookup: both([['CrossTenantInformation.ReadBasic.All']]),
  /** Delegated User.Read sees only id, displayName and verifiedDomains (the route enforces that). */
  organizationRead: {
    delegated: [['User.Read'], ['Organization.Read.All']],
    application: [['Organization.Read.All']],
  },
  multiTenantOrganizationRead: both([['MultiTenantOrganization.ReadBasic.All']]),
  applicationRead: both([['Application.Read.All']]),
  applicationInstantiate: {
    delegated: [['Application.ReadWrite.All']],
    application: [['Application.ReadWrite.OwnedBy'], ['Application.ReadWrite.All']],
  },
  synchronizationRead: {
    delegated: [['Synchronization.Read.All']],
    application: [['Synchronization.Read.All'], ['Application.ReadWrite.OwnedBy']],
  },
  synchronizationWrite: {
    delegated: [['Synchronization.ReadWrite.All']],
    application: [['Synchronization.ReadWrite.All'], ['Application.ReadWrite.OwnedBy']],
  },
  appRoleAssignmentWrite: both([
    ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'],
    ['AppRoleAssignment.ReadWrite.All', 'Directory.Read.All'],
  ]),
  usersRead: { delegated: [['User.ReadBasic.All']], application: [['User.Read.All']] },
  groupsRead: both([['GroupMember.Read.All']]),
  provisioningLogsRead: both([['AuditLog.Read.All', 'Directory.Read.All']]),
  /** Policy.ReadWrite.Authorization reads too, but grants nothing of the cross-tenant policy, so it is an alternative, not an implication. */
  authorizationPolicyRead: both([['Policy.Read.All'], ['Policy.ReadWrite.Authorization']]),
  authorizationPolicyWrite: both([['Policy.ReadWrite.Authorization']]),
  /** beta; the documentation lists only these two, not Policy.Read.All. */
  b2bManagementPolicyRead: both([
    ['Policy.Read.B2BManagementPolicy'],
    ['Policy.ReadWrite.B2BManagementPolicy'],
  ]),
  /** beta, Global Secure Access. */
  networkAccessRead: both([['NetworkAccess.Read.All'], ['NetworkAccess.ReadWrite.All']]),
  revokeSignInSessions: both([['User.RevokeSessions.All']]),
} as const satisfies Record<string, PermissionRule>;

/**
 * The scopes a sandbox token carries when none are asked for: the "sync" consent bundle of
 * graph-api.md §10 (browse + edit + sync) and the permissions the baselines' beta reads ask for,
 * which covers every operation the extension performs.
 */
export const SANDBOX_DEFAULT_SCOPES: readonly string[] = [
  'Policy.Read.All',
  'CrossTenantInformation.ReadBasic.All',
  'User.Read',
  'MultiTenantOrganization.ReadBasic.All',
  'Application.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All',
  'Policy.ReadWrite.CrossTenantAccess',
  'Application.ReadWrite.All',
  'Synchronization.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
  // Asked for on top of the browse bundle by the baseline checks' two beta reads.
  'Policy.Read.B2BManagementPolicy',
  'NetworkAccess.Read.All',
];
