import type { SignIn } from '../graph/types';
import { directionIn, externalTenantOf } from './loadSignIns';
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
  /** What Conditional Access here asked for, by trust part, with a policy name. */
  readonly required: Map<TrustPart, string>;
}

type Settings = Readonly<Record<string, unknown>>;

interface Check {
  readonly allowed: Match;
  readonly reasons: ImpactReason[];
}

function b2bCheck(
  settings: Settings,
  setting: B2BSettingName,
  userId: string,
  appId: string,
  membership: GroupMembership | undefined,
): Check {
  const value = settingObject<{
    usersAndGroups?: TargetConfiguration | null;
    applications?: TargetConfiguration | null;
  }>(settings, setting);
  const user = allowsUser(value?.usersAndGroups, userId, membership);
  const app = allowsApp(value?.applications, appId);
  const reasons: ImpactReason[] = [];
  const note = (m: Match, part: 'usersAndGroups' | 'applications'): void => {
    if (m === false) reasons.push({ kind: 'notAllowed', setting, part });
    else if (m === undefined)
      reasons.push({
        kind: part === 'usersAndGroups' ? 'groupMembershipUnknown' : 'appFamilyUnknown',
        setting,
        part,
      });
  };
  note(user, 'usersAndGroups');
  note(app, 'applications');
  const allowed =
    user === false || app === false ? false : user === true && app === true ? true : undefined;
  return { allowed, reasons };
}

/**
 * The verdict of one aggregate under `before` and `after` (its organization's effective
 * settings). The kinds of access a sign-in can have been are narrowed by `before`: a Teams sign-in
 * that `before` would have refused as direct connect was B2B collaboration.
 */
function judge(
  agg: Aggregate,
  before: Settings,
  after: Settings,
  membership: GroupMembership | undefined,
): { verdict: Verdict; reasons: ImpactReason[]; kinds: AccessKind[] } {
  const possible: AccessKind[] =
    agg.appId.toLowerCase() === TEAMS_APP_ID
      ? ['b2bCollaboration', 'b2bDirectConnect']
      : ['b2bCollaboration'];
  const plausible = possible.filter(
    (k) =>
      b2bCheck(before, SETTING[agg.direction][k], agg.userId, agg.appId, membership).allowed !==
      false,
  );
  const kinds = plausible.length > 0 ? plausible : possible;
  const checks = kinds.map((k) =>
    b2bCheck(after, SETTING[agg.direction][k], agg.userId, agg.appId, membership),
  );
  if (checks.every((c) => c.allowed === false))
    return { verdict: 'blocked', reasons: checks.flatMap((c) => c.reasons), kinds };
  if (!checks.every((c) => c.allowed === true)) {
    const reasons = checks.flatMap((c) => c.reasons);
    if (kinds.length > 1 && checks.some((c) => c.allowed === true))
      reasons.unshift({
        kind: 'accessKindUnknown',
        setting: SETTING[agg.direction].b2bDirectConnect,
      });
    return { verdict: 'mayBeBlocked', reasons, kinds };
  }
  if (agg.direction === 'inbound') {
    type Trust = Partial<Record<TrustPart, boolean | null>>;
    const trustWas = settingObject<Trust>(before, 'inboundTrust');
    const trustNow = settingObject<Trust>(after, 'inboundTrust');
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
  return { verdict: 'unaffected', reasons: [], kinds };
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
  const groups = new Map<string, Aggregate>();
  let signIns = 0;
  const partners = new Set(
    [...input.before.partners, ...input.after.partners].map((p) => p.tenantId.toLowerCase()),
  );
  // Which directions of each other tenant the change narrows (a partner not narrowed: none).
  const narrowed = new Map<string, ReadonlySet<Direction>>();
  const directionsOf = (external: string): ReadonlySet<Direction> => {
    let set = narrowed.get(external);
    if (!set) {
      const aspects =
        plan.narrowing.get(external) ??
        (partners.has(external) ? [] : (plan.narrowing.get(OTHER_ORGANIZATIONS) ?? []));
      set = new Set(aspects.map(directionOf).filter((d): d is Direction => d !== undefined));
      narrowed.set(external, set);
    }
    return set;
  };
  for (const s of input.signIns) {
    if ((s.status?.errorCode ?? 0) !== 0) continue;
    const direction = directionIn(tenantId, s);
    if (!direction) continue;
    const external = externalTenantOf(direction, s);
    if (!directionsOf(external).has(direction)) continue;
    const userId = (s.userId ?? '').toLowerCase();
    const appId = (s.appId ?? '').toLowerCase();
    if (!userId || !appId) continue;
    signIns++;
    const key = `${direction}|${external}|${userId}|${appId}`;
    let agg = groups.get(key);
    if (!agg) {
      agg = { direction, external, userId, appId, signIns: 0, last: 0, required: new Map() };
      groups.set(key, agg);
    }
    agg.signIns++;
    const at = Date.parse(s.createdDateTime ?? '');
    if (at > agg.last) {
      agg.last = at;
      agg.userPrincipalName = s.userPrincipalName ?? agg.userPrincipalName;
      agg.userDisplayName = s.userDisplayName ?? agg.userDisplayName;
      agg.appDisplayName = s.appDisplayName ?? agg.appDisplayName;
    }
    if (direction === 'inbound')
      for (const policy of s.appliedConditionalAccessPolicies ?? []) {
        if (policy.result !== 'success') continue;
        for (const control of policy.enforcedGrantControls ?? []) {
          const part = TRUSTED_CONTROLS[control.toLowerCase()];
          if (part && !agg.required.has(part)) agg.required.set(part, policy.displayName ?? '');
        }
      }
  }
  const settings = new Map<string, { before: Settings; after: Settings }>();
  const settingsOf = (external: string): { before: Settings; after: Settings } => {
    let s = settings.get(external);
    if (!s) {
      s = {
        before: effectiveSettings(input.before, external),
        after: effectiveSettings(input.after, external),
      };
      settings.set(external, s);
    }
    return s;
  };
  const rows: ImpactRow[] = [];
  for (const agg of groups.values()) {
    const { before, after } = settingsOf(agg.external);
    const { verdict, reasons, kinds } = judge(agg, before, after, input.membership);
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
      lastSignIn: new Date(agg.last),
      verdict,
      reasons,
    });
  }
  rows.sort(
    (a, b) =>
      ORDER[a.verdict] - ORDER[b.verdict] || b.lastSignIn.getTime() - a.lastSignIn.getTime(),
  );
  return { tenantId, windowDays: input.windowDays, rows, signIns };
}
