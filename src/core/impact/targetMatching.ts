/** `crossTenantAccessPolicyTargetConfiguration` as this module reads it. */
export interface TargetConfiguration {
  readonly accessType?: string | null;
  readonly targets?:
    readonly { readonly target?: string | null; readonly targetType?: string | null }[] | null;
}

/** true / false, or undefined when it cannot be known here (group membership, app families). */
export type Match = boolean | undefined;

/** Whether a user belongs to a group, when it is known (undefined: not known). */
export type GroupMembership = (groupId: string, userId: string) => boolean | undefined;

const ALL_USERS = 'AllUsers';
const ALL_APPLICATIONS = 'AllApplications';
const APP_FAMILIES = new Set(['Office365', 'AllMicrosoftApps']);

/**
 * Microsoft first-party apps known to be part of Office 365 (and so of all Microsoft apps), by
 * their well-known application ids: Teams, SharePoint Online, Exchange Online. Whether any other
 * app belongs to a family cannot be known offline.
 */
const OFFICE_365_APPS = new Set([
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '00000003-0000-0ff1-ce00-000000000000',
  '00000002-0000-0ff1-ce00-000000000000',
]);

function any(matches: readonly Match[]): Match {
  if (matches.includes(true)) return true;
  return matches.includes(undefined) ? undefined : false;
}

/**
 * Whether a setting lets a subject through, from how the subject matches each target: "allowed"
 * with targets is an allow-list (everyone not listed is blocked), "blocked" with targets a
 * block-list (graph-api.md §11.4). No setting at all restricts nothing.
 */
function allows(
  config: TargetConfiguration | null | undefined,
  match: (target: string, type: string | undefined) => Match,
): Match {
  if (!config) return true;
  const listed = any(
    (config.targets ?? []).map((t) => match(t.target ?? '', t.targetType ?? undefined)),
  );
  switch (config.accessType) {
    case 'allowed':
      return listed;
    case 'blocked':
      return listed === undefined ? undefined : !listed;
    default:
      return undefined;
  }
}

/** A user against `usersAndGroups`: by id, AllUsers, or through a listed group when membership is known. */
export function allowsUser(
  config: TargetConfiguration | null | undefined,
  userId: string,
  membership?: GroupMembership,
): Match {
  const user = userId.toLowerCase();
  return allows(config, (target, type) => {
    if (target === ALL_USERS) return true;
    if (target.toLowerCase() === user) return true;
    if (type === 'user') return false;
    // A group, or an id without a type (which may be a group).
    return membership ? membership(target, userId) : undefined;
  });
}

/** An app against `applications`: by id, AllApplications, or a family (Office365, AllMicrosoftApps) when known. */
export function allowsApp(config: TargetConfiguration | null | undefined, appId: string): Match {
  const app = appId.toLowerCase();
  return allows(config, (target) => {
    if (target === ALL_APPLICATIONS) return true;
    if (APP_FAMILIES.has(target)) return OFFICE_365_APPS.has(app) ? true : undefined;
    return target.toLowerCase() === app;
  });
}

/** Who a setting lets in, as a set: everyone but `ids` (universe), or only `ids`. Families are opaque ids. */
interface AllowSet {
  readonly universe: boolean;
  readonly ids: ReadonlySet<string>;
}

function allowSet(
  config: TargetConfiguration | null | undefined,
  all: string,
): AllowSet | undefined {
  if (!config) return { universe: true, ids: new Set() };
  const targets = (config.targets ?? []).map((t) => t.target ?? '');
  const everyone = targets.includes(all);
  const ids = new Set(
    everyone ? [] : targets.map((t) => (APP_FAMILIES.has(t) ? t : t.toLowerCase())),
  );
  if (config.accessType === 'allowed') return { universe: everyone, ids };
  if (config.accessType === 'blocked') return { universe: !everyone, ids };
  return undefined;
}

/**
 * Whether `after` lets in fewer subjects than `before` (someone allowed before is not now). A
 * family changed for its members (Office365 → AllMicrosoftApps) counts as narrowing: what a
 * family holds is not known here, so the answer errs towards reading the sign-ins.
 */
export function narrows(
  before: TargetConfiguration | null | undefined,
  after: TargetConfiguration | null | undefined,
  all: 'AllUsers' | 'AllApplications',
): boolean {
  const a = allowSet(before, all);
  const b = allowSet(after, all);
  if (!a || !b) return true;
  const subset = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean =>
    [...x].every((v) => y.has(v));
  const disjoint = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean =>
    [...x].every((v) => !y.has(v));
  if (a.universe && b.universe) return !subset(b.ids, a.ids);
  if (a.universe && !b.universe) return true;
  if (!a.universe && b.universe) return !disjoint(a.ids, b.ids);
  return !subset(a.ids, b.ids);
}
