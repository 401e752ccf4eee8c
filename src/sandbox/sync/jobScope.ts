import type { DirectoryUser } from '../store/directory';
import { str } from '../json';
import type { ServicePrincipalRecord } from '../store/records';
import type { TenantStore } from '../store/tenantStore';
import type { ProvisioningOutcomeKey } from './provisioningOutcomes';

/** The target tenant of a cross-tenant sync configuration: its saved `CompanyId` secret. */
export function syncTargetTenantId(sp: ServicePrincipalRecord): string | undefined {
  return sp.secrets.find((s) => s.key === 'CompanyId')?.value.toLowerCase();
}

/**
 * Source users in the scope of a configuration: with `SyncAll=true` every internal member,
 * otherwise the users assigned directly or through a directly assigned group.
 */
export function scopedUserIds(tenant: TenantStore, sp: ServicePrincipalRecord): Set<string> {
  const { directory } = tenant;
  if (sp.secrets.some((s) => s.key === 'SyncAll' && s.value.toLowerCase() === 'true')) {
    return new Set(
      directory.users.filter((u) => u.object.userType === 'Member').map((u) => str(u.object.id)),
    );
  }
  const ids = new Set<string>();
  for (const a of sp.appRoleAssignedTo) {
    const principalId = str(a.principalId).toLowerCase();
    const group = directory.groupsById.get(principalId);
    if (group) for (const m of group.memberIds) ids.add(m);
    else ids.add(principalId);
  }
  return ids;
}

/** Facts about one user that decide what a cycle or an on-demand run does with it. */
export interface SubjectFacts {
  readonly assigned: boolean;
  readonly provisioned: boolean;
  /** False when the cross-tenant sync policy check of the pair fails. */
  readonly policyOk: boolean;
}

function hasInvalidMail(user: DirectoryUser): boolean {
  const mail = user.object.mail;
  return typeof mail === 'string' && !/^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>]+$/.test(mail);
}

/**
 * The outcome for one source user, in the order the engine evaluates (sync-facts.md §1c, §5b):
 * entitlement, the built-in external-users filter, account state, the pair's policy, then whether
 * the target already has the user.
 */
export function evaluateUser(user: DirectoryUser, facts: SubjectFacts): ProvisioningOutcomeKey {
  if (user.object.userType !== 'Member') return 'skipNotEntitled';
  if (!facts.assigned) return 'skipNotEntitled';
  if (user.smsSignIn) return 'skipOutOfScope';
  if (user.object.accountEnabled === false)
    return facts.provisioned ? 'disable' : 'skipNotEntitled';
  if (!facts.policyOk) return 'syncPolicyCheck';
  if (facts.provisioned) return 'skipRedundant';
  if (hasInvalidMail(user)) return 'invalidPropertyValue';
  return 'create';
}
