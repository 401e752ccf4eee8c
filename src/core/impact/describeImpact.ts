import type { TenantNames } from '../history/describeHistoryEntry';
import { propertyLabel } from '../policy/diffSummary';
import type { ImpactEvaluation, ImpactReason, ImpactRow, ReasonKind } from './evaluateImpact';
import { ENGLISH_IMPACT_WORDS, type ImpactWords, type TrustWord } from './impactWords';
import type { ImpactResult } from './previewImpact';

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The distinct users of some rows (a user is one per direction and other tenant). */
function usersOf(rows: readonly ImpactRow[]): Set<string> {
  return new Set(rows.map((r) => `${r.direction}|${r.externalTenantId}|${r.user.id}`));
}

function organizations(rows: readonly ImpactRow[], names: TenantNames, words: ImpactWords): string {
  const ids = [...new Set(rows.map((r) => r.externalTenantId))];
  return ids.length === 1 ? (names(ids[0]) ?? ids[0]) : words.organizations(ids.length);
}

type UnknownWord = 'unknownMembership' | 'unknownAppFamily' | 'unknownAccessKind';

const UNKNOWN_WORDS: Readonly<Record<ReasonKind, UnknownWord | undefined>> = {
  notAllowed: undefined,
  groupMembershipUnknown: 'unknownMembership',
  appFamilyUnknown: 'unknownAppFamily',
  accessKindUnknown: 'unknownAccessKind',
  trustWithdrawn: undefined,
};

/** Who signed in and what the change does to them, for one evaluation. */
function evaluatedLine(
  evaluation: ImpactEvaluation,
  names: TenantNames,
  words: ImpactWords,
): string {
  const { rows } = evaluation;
  const when = words.period(evaluation.windowDays);
  if (rows.length === 0) return words.noSignIns(when);
  const segments: string[] = [];
  const inbound = rows.filter((r) => r.direction === 'inbound');
  const outbound = rows.filter((r) => r.direction === 'outbound');
  const apps = (list: readonly ImpactRow[]): string =>
    words.apps(new Set(list.map((r) => r.app.id)).size);
  if (inbound.length > 0)
    segments.push(
      words.inbound(
        words.users(usersOf(inbound).size),
        organizations(inbound, names, words),
        apps(inbound),
      ),
    );
  if (outbound.length > 0)
    segments.push(
      words.outbound(usersOf(outbound).size, apps(outbound), organizations(outbound, names, words)),
    );
  const blocked = usersOf(rows.filter((r) => r.verdict === 'blocked'));
  const maybe = [...usersOf(rows.filter((r) => r.verdict === 'mayBeBlocked'))].filter(
    (u) => !blocked.has(u),
  );
  const mfa = [...usersOf(rows.filter((r) => r.verdict === 'mfaAgain'))].filter(
    (u) => !blocked.has(u) && !maybe.includes(u),
  );
  const outcomes: string[] = [];
  if (blocked.size > 0) outcomes.push(words.blocked(blocked.size));
  if (maybe.length > 0) {
    const why = [
      ...new Set(
        rows
          .filter((r) => r.verdict === 'mayBeBlocked')
          .flatMap((r) => r.reasons.map((x) => UNKNOWN_WORDS[x.kind]))
          .filter((w): w is UnknownWord => w !== undefined),
      ),
    ].map((key) => words[key]);
    outcomes.push(words.mayBeBlocked(maybe.length, why));
  }
  if (mfa.length > 0) outcomes.push(words.mfaAgain(mfa.length));
  if (outcomes.length === 0) outcomes.push(words.noneBlocked);
  const who = segments.length === 2 ? words.both(segments[0], segments[1]) : segments[0];
  return words.line(who, when, outcomes);
}

/**
 * The impact preview in one line, for the push confirmation: "23 users from Fabrikam signed in to
 * 4 apps in the last 7 days; 9 of them would be blocked." Unavailable logs say so (never "0
 * users"), and a change that narrows nothing says so without a count. `tenantName` is the tenant
 * whose log was read.
 */
export function impactSummaryLine(
  result: ImpactResult,
  tenantName: string,
  names: TenantNames,
  words: ImpactWords = ENGLISH_IMPACT_WORDS,
): string {
  const restrictions = result.plan.notInLogs.length > 0 ? ` ${words.restrictionsToo}` : '';
  switch (result.kind) {
    case 'notNarrowing':
      return words.notNarrowing;
    case 'notInLogs':
      return words.notInLogs;
    case 'unavailable':
      return `${words.unavailable(result.reason, tenantName)}${restrictions}`;
    case 'evaluated': {
      const partial = result.truncated ? ` ${words.partial}` : '';
      return `${evaluatedLine(result.evaluation, names, words)}${partial}${restrictions}`;
    }
  }
}

const TRUST_WORDS: Readonly<Record<string, TrustWord>> = {
  isMfaAccepted: 'mfa',
  isCompliantDeviceAccepted: 'compliantDevice',
  isHybridAzureADJoinedDeviceAccepted: 'hybridJoinedDevice',
};

/** Why a row would be (or may be) blocked, in words. */
export function describeReason(
  reason: ImpactReason,
  words: ImpactWords = ENGLISH_IMPACT_WORDS,
): string {
  const setting = capitalised(propertyLabel(reason.setting));
  const part = reason.part ? propertyLabel(reason.part) : '';
  switch (reason.kind) {
    case 'notAllowed':
      return words.notAllowed(setting, part);
    case 'groupMembershipUnknown':
      return words.membershipReason(setting, part);
    case 'appFamilyUnknown':
      return words.appFamilyReason(setting, part);
    case 'accessKindUnknown':
      return words.accessKindReason;
    case 'trustWithdrawn':
      return words.trustReason(
        reason.policy || undefined,
        TRUST_WORDS[reason.part ?? ''] ?? 'more',
      );
  }
}

/** One row of the list behind the summary, in words: who, which app, with whom, when, and why. */
export interface ImpactListRow {
  readonly user: string;
  readonly app: string;
  readonly organization: string;
  readonly direction: 'inbound' | 'outbound';
  /** ISO time of the latest sign-in. */
  readonly lastSignIn: string;
  readonly verdict: string;
  readonly why: readonly string[];
}

/** The rows the change affects (blocked, may be blocked, MFA again), worst first, for the list. */
export function describeImpact(
  evaluation: ImpactEvaluation,
  names: TenantNames,
  words: ImpactWords = ENGLISH_IMPACT_WORDS,
): ImpactListRow[] {
  return evaluation.rows
    .filter((r) => r.verdict !== 'unaffected')
    .map((r) => ({
      user: r.user.userPrincipalName ?? r.user.displayName ?? r.user.id,
      app: r.app.displayName ?? r.app.id,
      organization: names(r.externalTenantId) ?? r.externalTenantId,
      direction: r.direction,
      lastSignIn: r.lastSignIn.toISOString(),
      verdict: words.verdict(r.verdict),
      why: r.reasons.map((reason) => describeReason(reason, words)),
    }));
}
