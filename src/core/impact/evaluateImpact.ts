import type { SignIn } from '../graph/types';
import {
  directionOf,
  effectiveSettings,
  OTHER_ORGANIZATIONS,
  settingObject,
  type B2BSettingName,
  type Direction,
  type ImpactPlan,
  type TenantAccess,
  type TrustPart,
} from './narrowing';
import {
  allowsApp,
  allowsUser,
  type GroupMembership,
  type Match,
  type TargetConfiguration,
} from './targetMatching';

export type AccessKind = 'b2bCollaboration' | 'b2bDirectConnect';

/**
 * What the proposed settings do to a (user, app, direction) seen in the sign-ins: `blocked`;
 * `mayBeBlocked` when it depends on what cannot be known here (group membership, whether an app is
 * part of Office 365, whether a Teams sign-in was B2B collaboration or direct connect);
 * `mfaAgain` when they get in but must do MFA here again; `unaffected`.
 */
export type Verdict = 'blocked' | 'mayBeBlocked' | 'mfaAgain' | 'unaffected';

export type ReasonKind =
  /** Not in the allow-list, in the block-list, or all blocked. */
  | 'notAllowed'
  | 'groupMembershipUnknown'
  | 'appFamilyUnknown'
  /** v1.0 sign-ins do not say B2B collaboration or direct connect; the two settings disagree. */
  | 'accessKindUnknown'
  /** A Conditional Access policy here requires it, and the other tenant's claim is no longer trusted. */
  | 'trustWithdrawn';

export interface ImpactReason {
  readonly kind: ReasonKind;
  readonly setting: B2BSettingName | 'inboundTrust';
  readonly part?: 'usersAndGroups' | 'applications' | TrustPart;
  /** The Conditional Access policy that asks for MFA or a device, for trustWithdrawn. */
  readonly policy?: string;
}

export interface ImpactRow {
  readonly direction: Direction;
  readonly externalTenantId: string;
  readonly user: {
    readonly id: string;
    readonly userPrincipalName?: string;
    readonly displayName?: string;
  };
  readonly app: { readonly id: string; readonly displayName?: string };
  /** What the sign-ins can have been. */
  readonly accessKinds: readonly AccessKind[];
  readonly signIns: number;
  readonly lastSignIn: Date;
  readonly verdict: Verdict;
  readonly reasons: readonly ImpactReason[];
}

export interface ImpactEvaluation {
  readonly tenantId: string;
  readonly windowDays: number;
  /** Every (user, app, direction, other tenant) seen, worst verdict first, then latest sign-in. */
  readonly rows: readonly ImpactRow[];
  /** Successful crossing sign-ins the change is about. */
  readonly signIns: number;
}

/** Teams: its sign-ins can be B2B direct connect (shared channels) as well as B2B collaboration. */
const TEAMS_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

const SETTING: Readonly<Record<Direction, Readonly<Record<AccessKind, B2BSettingName>>>> = {
  inbound: {
    b2bCollaboration: 'b2bCollaborationInbound',
    b2bDirectConnect: 'b2bDirectConnectInbound',
  },
  outbound: {
    b2bCollaboration: 'b2bCollaborationOutbound',
    b2bDirectConnect: 'b2bDirectConnectOutbound',
  },
};

/** Grant controls of Conditional Access (as sign-in logs name them) that a trusted claim satisfies. */
const TRUSTED_CONTROLS: Readonly<Record<string, TrustPart>> = {
  mfa: 'isMfaAccepted',
  requirecompliantdevice: 'isCompliantDeviceAccepted',
  compliantdevice: 'isCompliantDeviceAccepted',
  requiredomainjoineddevice: 'isHybridAzureADJoinedDeviceAccepted',
  domainjoineddevice: 'isHybridAzureADJoinedDeviceAccepted',
};

interface Aggregate {
  readonly direction: Direction;
  readonly external: string;
  readonly userId: string;
  userPrincipalName?: string;
  userDisplayName?: string;
  readonly appId: string;
  appDisplayName?: string;
  signIns: number;
  last: number;
  /** The latest time as Graph wrote it; `last` is it parsed, NaN until needed. */
  lastText: string;
  /** What Conditional Access here asked for, by trust part, with a policy name (only read when trust changes). */
  required?: Map<TrustPart, string>;
}

type Settings = Readonly<Record<string, unknown>>;

interface Check {
  readonly allowed: Match;
  readonly reasons: readonly ImpactReason[];
}

type Side = 'before' | 'after';
type Part = 'usersAndGroups' | 'applications';

const MATCHES: readonly Match[] = [true, false, undefined];

/**
 * Every outcome of a check, by setting and by how the user and the app match: nine per setting,
 * built once, so judging 100,000 sign-ins allocates nothing per check.
 */
const CHECKS = new Map<B2BSettingName, Map<Match, Map<Match, Check>>>(
  Object.values(SETTING)
    .flatMap((kinds): B2BSettingName[] => Object.values(kinds))
    .map((setting) => {
      const reason = (m: Match, part: Part): ImpactReason[] =>
        m === true
          ? []
          : m === false
            ? [{ kind: 'notAllowed', setting, part }]
            : [
                {
                  kind: part === 'usersAndGroups' ? 'groupMembershipUnknown' : 'appFamilyUnknown',
                  setting,
                  part,
                },
              ];
      const byUser = new Map<Match, Map<Match, Check>>();
      for (const user of MATCHES) {
        const byApp = new Map<Match, Check>();
        for (const app of MATCHES)
          byApp.set(app, {
            allowed:
              user === false || app === false
                ? false
                : user === true && app === true
                  ? true
                  : undefined,
            reasons: [...reason(user, 'usersAndGroups'), ...reason(app, 'applications')],
          });
        byUser.set(user, byApp);
      }
      return [setting, byUser];
    }),
);

type Memo = Map<string, Match>;

/**
 * One organization's settings before and after, with what each user and app matches memoised per
 * side and setting: 100,000 sign-ins hold far fewer distinct users and apps than (user, app) pairs.
 */
class OrganizationJudge {
  private readonly memo: Record<Side, Map<B2BSettingName, Record<Part, Memo>>> = {
    before: new Map(),
    after: new Map(),
  };

  constructor(
    readonly before: Settings,
    readonly after: Settings,
    private readonly membership: GroupMembership | undefined,
  ) {}

  private match(side: Side, setting: B2BSettingName, part: Part, id: string): Match {
    let memos = this.memo[side].get(setting);
    if (!memos)
      this.memo[side].set(
        setting,
        (memos = { usersAndGroups: new Map(), applications: new Map() }),
      );
    const memo = memos[part];
    const known = memo.get(id);
    if (known !== undefined || memo.has(id)) return known;
    const value = settingObject<Record<Part, TargetConfiguration | null | undefined>>(
      side === 'before' ? this.before : this.after,
      setting,
    );
    const m =
      part === 'usersAndGroups'
        ? allowsUser(value?.usersAndGroups, id, this.membership)
        : allowsApp(value?.applications, id);
    memo.set(id, m);
    return m;
  }

  check(side: Side, setting: B2BSettingName, userId: string, appId: string): Check {
    const user = this.match(side, setting, 'usersAndGroups', userId);
    const app = this.match(side, setting, 'applications', appId);
    return CHECKS.get(setting)!.get(user)!.get(app)!;
  }
}

interface Judgement {
  readonly verdict: Verdict;
  readonly reasons: readonly ImpactReason[];
  readonly kinds: readonly AccessKind[];
}

const COLLABORATION: readonly AccessKind[] = ['b2bCollaboration'];
const EITHER: readonly AccessKind[] = ['b2bCollaboration', 'b2bDirectConnect'];
const NONE: readonly ImpactReason[] = [];

/**
 * The verdict of one aggregate under its organization's settings before and after. The kinds of
 * access a sign-in can have been are narrowed by `before`: a Teams sign-in that `before` would
 * have refused as direct connect was B2B collaboration.
 */
function judge(agg: Aggregate, org: OrganizationJudge): Judgement {
  const settings = SETTING[agg.direction];
  if (agg.appId !== TEAMS_APP_ID) {
    const check = org.check('after', settings.b2bCollaboration, agg.userId, agg.appId);
    if (check.allowed === false)
      return { verdict: 'blocked', reasons: check.reasons, kinds: COLLABORATION };
    if (check.allowed === undefined)
      return { verdict: 'mayBeBlocked', reasons: check.reasons, kinds: COLLABORATION };
    return trustVerdict(agg, org, COLLABORATION);
  }
  const plausible = EITHER.filter(
    (k) => org.check('before', settings[k], agg.userId, agg.appId).allowed !== false,
  );
  const kinds = plausible.length === 1 ? plausible : EITHER;
  const checks = kinds.map((k) => org.check('after', settings[k], agg.userId, agg.appId));
  if (checks.every((c) => c.allowed === false))
    return { verdict: 'blocked', reasons: checks.flatMap((c) => c.reasons), kinds };
  if (!checks.every((c) => c.allowed === true)) {
    const reasons = checks.flatMap((c) => c.reasons);
    if (kinds.length > 1 && checks.some((c) => c.allowed === true))
      reasons.unshift({ kind: 'accessKindUnknown', setting: settings.b2bDirectConnect });
    return { verdict: 'mayBeBlocked', reasons, kinds };
  }
  return trustVerdict(agg, org, kinds);
}

/** For a sign-in still let in: whether a trust it relied on (MFA, devices) is withdrawn. */
function trustVerdict(
  agg: Aggregate,
  org: OrganizationJudge,
  kinds: readonly AccessKind[],
): Judgement {
  if (agg.direction === 'inbound' && agg.required) {
    type Trust = Partial<Record<TrustPart, boolean | null>>;
    const trustWas = settingObject<Trust>(org.before, 'inboundTrust');
    const trustNow = settingObject<Trust>(org.after, 'inboundTrust');
    const withdrawn = [...agg.required].filter(
      ([part]) => trustWas?.[part] === true && trustNow?.[part] !== true,
    );
    if (withdrawn.length > 0) {
      const reasons = withdrawn.map(([part, policy]): ImpactReason => ({
        kind: 'trustWithdrawn',
        setting: 'inboundTrust',
        part,
        policy,
      }));
      // MFA can be done here again; a device managed by the other tenant cannot become compliant here.
      const verdict = withdrawn.some(([part]) => part !== 'isMfaAccepted') ? 'blocked' : 'mfaAgain';
      return { verdict, reasons, kinds };
    }
  }
  return { verdict: 'unaffected', reasons: NONE, kinds };
}

const ORDER: Readonly<Record<Verdict, number>> = {
  blocked: 0,
  mayBeBlocked: 1,
  mfaAgain: 2,
  unaffected: 3,
};

export interface EvaluateImpactInput {
  readonly plan: ImpactPlan;
  readonly before: TenantAccess;
  readonly after: TenantAccess;
  readonly signIns: Iterable<SignIn>;
  readonly windowDays: number;
  /** Group membership where it is known (a signed-in tenant's groups); unknown otherwise. */
  readonly membership?: GroupMembership;
}

/**
 * Each distinct (user, application, direction, other tenant) of the successful crossing
 * sign-ins the plan is about, judged against the current and the proposed effective settings,
 * locally. Sign-ins are grouped first, so 100,000 of them cost one pass and a judgement per group.
 */
export function evaluateImpact(input: EvaluateImpactInput): ImpactEvaluation {
  const { plan } = input;
  const tenantId = plan.tenantId;
  const partners = new Set(
    [...input.before.partners, ...input.after.partners].map((p) => p.tenantId.toLowerCase()),
  );
  // Ids repeat across sign-ins: lower-case each distinct one once.
  const lowered = new Map<string, string>();
  const lower = (value: string | null | undefined): string => {
    if (!value) return '';
    let l = lowered.get(value);
    if (l === undefined) lowered.set(value, (l = value.toLowerCase()));
    return l;
  };
  const own = tenantId.toLowerCase();
  /** Per other tenant and direction: whether the change narrows it, and whether trust does. */
  interface Scope {
    readonly external: string;
    readonly directions: ReadonlySet<Direction>;
    readonly trust: boolean;
    /** Aggregates by direction, user id, then app id. */
    readonly groups: Record<Direction, Map<string, Map<string, Aggregate>>>;
  }
  const scopes = new Map<string, Scope>();
  const scopeOf = (external: string): Scope => {
    let scope = scopes.get(external);
    if (!scope) {
      const aspects =
        plan.narrowing.get(external) ??
        (partners.has(external) ? [] : (plan.narrowing.get(OTHER_ORGANIZATIONS) ?? []));
      scope = {
        external,
        directions: new Set(
          aspects.map(directionOf).filter((d): d is Direction => d !== undefined),
        ),
        trust: aspects.some((a) => a.setting === 'inboundTrust'),
        groups: { inbound: new Map(), outbound: new Map() },
      };
      scopes.set(external, scope);
    }
    return scope;
  };
  /**
   * Tenant ids compared as Graph writes them, in any case: an exact match first, then the first
   * character (which tells most different GUIDs apart without lower-casing either), then the rest.
   */
  const sameTenant = (a: string, b: string): boolean => {
    if (a === b) return true;
    if (a.length !== b.length || (a.charCodeAt(0) | 32) !== (b.charCodeAt(0) | 32)) return false;
    return a.toLowerCase() === b.toLowerCase();
  };
  let signIns = 0;
  let lastExternal = '';
  let lastScope: Scope | undefined;
  for (const s of input.signIns) {
    if ((s.status?.errorCode ?? 0) !== 0) continue;
    const home = s.homeTenantId ?? '';
    const resource = s.resourceTenantId ?? '';
    if (!home || !resource || sameTenant(home, resource)) continue;
    const direction: Direction | undefined = sameTenant(resource, own)
      ? 'inbound'
      : sameTenant(home, own)
        ? 'outbound'
        : undefined;
    if (!direction) continue;
    const raw = direction === 'inbound' ? home : resource;
    const scope = raw === lastExternal && lastScope ? lastScope : scopeOf(lower(raw));
    lastExternal = raw;
    lastScope = scope;
    if (!scope.directions.has(direction)) continue;
    // Grouped by the ids as sent (Graph sends one casing per object); matched lower-cased.
    const userId = s.userId ?? '';
    const appId = s.appId ?? '';
    if (!userId || !appId) continue;
    signIns++;
    const users = scope.groups[direction];
    let byApp = users.get(userId);
    if (!byApp) users.set(userId, (byApp = new Map<string, Aggregate>()));
    let agg = byApp.get(appId);
    if (!agg) {
      agg = {
        direction,
        external: scope.external,
        userId: lower(userId),
        appId: lower(appId),
        signIns: 0,
        last: -Infinity,
        lastText: '',
      };
      byApp.set(appId, agg);
    }
    agg.signIns++;
    const text = s.createdDateTime ?? '';
    // Same-length UTC timestamps order as text, so most sign-ins need no date parsing.
    let later: boolean;
    if (agg.lastText === '') {
      later = text !== '';
      agg.last = NaN; // parsed once at the end
    } else if (
      text.length === agg.lastText.length &&
      text.endsWith('Z') &&
      agg.lastText.endsWith('Z')
    ) {
      later = text > agg.lastText;
      if (later) agg.last = NaN; // parsed once at the end
    } else {
      const at = Date.parse(text);
      if (Number.isNaN(agg.last)) agg.last = Date.parse(agg.lastText);
      later = at > agg.last || (agg.lastText === '' && !Number.isNaN(at));
      if (later) agg.last = at;
    }
    if (later) {
      agg.lastText = text;
      agg.userPrincipalName = s.userPrincipalName ?? agg.userPrincipalName;
      agg.userDisplayName = s.userDisplayName ?? agg.userDisplayName;
      agg.appDisplayName = s.appDisplayName ?? agg.appDisplayName;
    }
    if (direction === 'inbound' && scope.trust)
      for (const policy of s.appliedConditionalAccessPolicies ?? []) {
        if (policy.result !== 'success') continue;
        for (const control of policy.enforcedGrantControls ?? []) {
          const part = TRUSTED_CONTROLS[lower(control)];
          if (!part) continue;
          agg.required ??= new Map();
          if (!agg.required.has(part)) agg.required.set(part, policy.displayName ?? '');
        }
      }
  }
  const rows: ImpactRow[] = [];
  for (const [external, scope] of scopes) {
    const groups = [...scope.groups.inbound.values(), ...scope.groups.outbound.values()];
    if (groups.length === 0) continue;
    const org = new OrganizationJudge(
      effectiveSettings(input.before, external),
      effectiveSettings(input.after, external),
      input.membership,
    );
    for (const byApp of groups)
      for (const agg of byApp.values()) {
        const { verdict, reasons, kinds } = judge(agg, org);
        rows.push({
          direction: agg.direction,
          externalTenantId: agg.external,
          user: {
            id: agg.userId,
            userPrincipalName: agg.userPrincipalName,
            displayName: agg.userDisplayName,
          },
          app: { id: agg.appId, displayName: agg.appDisplayName },
          accessKinds: kinds,
          signIns: agg.signIns,
          lastSignIn: new Date(Number.isNaN(agg.last) ? Date.parse(agg.lastText) : agg.last),
          verdict,
          reasons,
        });
      }
  }
  // Worst verdict first, then the latest sign-in: one number per row, sorted by index.
  const ranks = new Float64Array(rows.length);
  rows.forEach((r, i) => (ranks[i] = ORDER[r.verdict] * 1e15 - r.lastSignIn.getTime()));
  const order = new Uint32Array(rows.length).map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
  return {
    tenantId,
    windowDays: input.windowDays,
    rows: Array.from(order, (i) => rows[i]),
    signIns,
  };
}
