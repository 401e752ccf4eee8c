import type { SyncAssignment } from './tenantSide';

interface Target {
  target?: string | null;
  targetType?: string | null;
}

/** `crossTenantAccessPolicyTargetConfiguration`: one access type for every target in the list. */
export interface TargetConfiguration {
  accessType?: string | null;
  targets?: Target[] | null;
}

/** How a B2B `usersAndGroups` setting treats the users a configuration syncs, and the complete setting that would let them in. */
export type SyncedUsersVerdict =
  | { readonly kind: 'allBlocked'; readonly allowSynced?: TargetConfiguration }
  | {
      readonly kind: 'outsideAllowList';
      readonly principals: readonly SyncAssignment[];
      readonly allowSynced: TargetConfiguration;
    }
  | { readonly kind: 'allowListUnknown' }
  | {
      readonly kind: 'blockListed';
      readonly principals: readonly SyncAssignment[];
      readonly allowSynced: TargetConfiguration;
    };

const ALL_USERS = 'AllUsers';

function isAllUsers(t: Target): boolean {
  return t.target === ALL_USERS;
}

function asTarget(a: SyncAssignment): Target {
  return { target: a.principalId, targetType: a.principalType === 'Group' ? 'group' : 'user' };
}

function listed(c: TargetConfiguration, a: SyncAssignment): boolean {
  return (c.targets ?? []).some((t) => t.target?.toLowerCase() === a.principalId.toLowerCase());
}

/**
 * Reads a `usersAndGroups` setting for the users and groups assigned to sync (graph-api.md §3):
 * allowed + AllUsers lets everyone in; blocked + AllUsers nobody; "allowed" with a list is an
 * allow-list (everyone not listed is blocked); "blocked" with a list a block-list. Group
 * membership is not known here, so a user outside an allow-list may still get in through a listed
 * group — hence warnings, not errors, for lists. `assignments` undefined or empty (not loaded, or a
 * configuration that syncs all users) leaves an allow-list undecidable. Undefined: nothing blocks
 * the synced users as far as can be told.
 */
export function syncedUsersVerdict(
  setting: TargetConfiguration | null | undefined,
  assignments: readonly SyncAssignment[] | undefined,
): SyncedUsersVerdict | undefined {
  if (!setting) return undefined;
  const targets = setting.targets ?? [];
  const known = assignments !== undefined && assignments.length > 0 ? assignments : undefined;
  if (targets.some(isAllUsers)) {
    if (setting.accessType !== 'blocked') return undefined;
    return {
      kind: 'allBlocked',
      allowSynced: known ? { accessType: 'allowed', targets: known.map(asTarget) } : undefined,
    };
  }
  if (setting.accessType === 'allowed') {
    if (!known) return { kind: 'allowListUnknown' };
    const outside = known.filter((a) => !listed(setting, a));
    return outside.length === 0
      ? undefined
      : {
          kind: 'outsideAllowList',
          principals: outside,
          allowSynced: { accessType: 'allowed', targets: [...targets, ...outside.map(asTarget)] },
        };
  }
  if (setting.accessType === 'blocked' && known) {
    const hit = known.filter((a) => listed(setting, a));
    if (hit.length === 0) return undefined;
    const rest = targets.filter(
      (t) => !hit.some((a) => a.principalId.toLowerCase() === t.target?.toLowerCase()),
    );
    // An empty block-list blocks nobody; Graph wants that said as "allowed AllUsers".
    const allowSynced =
      rest.length > 0
        ? { accessType: 'blocked', targets: rest }
        : { accessType: 'allowed', targets: [{ target: ALL_USERS, targetType: 'user' }] };
    return { kind: 'blockListed', principals: hit, allowSynced };
  }
  return undefined;
}

/** True when an `applications` setting blocks every application (blocked + AllApplications). */
export function blocksAllApplications(setting: TargetConfiguration | null | undefined): boolean {
  return (
    setting?.accessType === 'blocked' &&
    (setting.targets ?? []).some((t) => t.target === 'AllApplications')
  );
}
