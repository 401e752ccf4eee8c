import type { TenantNames } from '../history/describeHistoryEntry';
import { propertyLabel } from '../policy/diffSummary';
import type { ImpactEvaluation, ImpactReason, ImpactRow, ReasonKind } from './evaluateImpact';
import type { ImpactResult } from './previewImpact';
import { plural } from '../plural';

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The distinct users of some rows (a user is one per direction and other tenant). */
function usersOf(rows: readonly ImpactRow[]): Set<string> {
  return new Set(rows.map((r) => `${r.direction}|${r.externalTenantId}|${r.user.id}`));
}

function organizations(rows: readonly ImpactRow[], names: TenantNames): string {
  const ids = [...new Set(rows.map((r) => r.externalTenantId))];
  return ids.length === 1 ? (names(ids[0]) ?? ids[0]) : `${ids.length} organizations`;
}

function period(days: number): string {
  return days === 1 ? 'in the last day' : `in the last ${days} days`;
}

const UNKNOWN_WORDS: Readonly<Record<ReasonKind, string>> = {
  notAllowed: '',
  groupMembershipUnknown: 'group membership not known',
  appFamilyUnknown: 'app families not known',
  accessKindUnknown: 'B2B collaboration or direct connect not known',
  trustWithdrawn: '',
};

/** Who signed in and what the change does to them, for one evaluation. */
function evaluatedLine(evaluation: ImpactEvaluation, names: TenantNames): string {
  const { rows } = evaluation;
  const when = period(evaluation.windowDays);
  if (rows.length === 0)
    return `No sign-ins the change is about ${when}, so none would be blocked.`;
  const segments: string[] = [];
  const inbound = rows.filter((r) => r.direction === 'inbound');
  const outbound = rows.filter((r) => r.direction === 'outbound');
  const apps = (list: readonly ImpactRow[]): number => new Set(list.map((r) => r.app.id)).size;
  if (inbound.length > 0)
    segments.push(
      `${plural(usersOf(inbound).size, 'user')} from ${organizations(inbound, names)} signed in to ${plural(apps(inbound), 'app')}`,
    );
  if (outbound.length > 0)
    segments.push(
      `${usersOf(outbound).size} of your users signed in to ${plural(apps(outbound), 'app')} of ${organizations(outbound, names)}`,
    );
  const blocked = usersOf(rows.filter((r) => r.verdict === 'blocked'));
  const maybe = [...usersOf(rows.filter((r) => r.verdict === 'mayBeBlocked'))].filter(
    (u) => !blocked.has(u),
  );
  const mfa = [...usersOf(rows.filter((r) => r.verdict === 'mfaAgain'))].filter(
    (u) => !blocked.has(u) && !maybe.includes(u),
  );
  const outcomes: string[] = [];
  if (blocked.size > 0) outcomes.push(`${blocked.size} of them would be blocked`);
  if (maybe.length > 0) {
    const why = [
      ...new Set(
        rows
          .filter((r) => r.verdict === 'mayBeBlocked')
          .flatMap((r) => r.reasons.map((x) => UNKNOWN_WORDS[x.kind]))
          .filter((w) => w !== ''),
      ),
    ];
    outcomes.push(`${maybe.length} may be blocked${why.length > 0 ? ` (${why.join(', ')})` : ''}`);
  }
  if (mfa.length > 0) outcomes.push(`${mfa.length} would be asked for MFA here again`);
  if (outcomes.length === 0) outcomes.push('none of them would be blocked');
  return `${segments.join(' and ')} ${when}; ${outcomes.join(', ')}.`;
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
): string {
  const restrictions =
    result.plan.notInLogs.length > 0
      ? ' Tenant restrictions narrow too, which no sign-in of this tenant can show.'
      : '';
  switch (result.kind) {
    case 'notNarrowing':
      return 'This change does not narrow access, so no sign-ins were checked.';
    case 'notInLogs':
      return 'This change narrows tenant restrictions, which no sign-in of this tenant can show, so no sign-ins were checked.';
    case 'unavailable':
      return result.reason === 'licence'
        ? `Sign-in logs of ${tenantName} are unavailable (no Microsoft Entra ID P1 or P2 licence), so who this change would block is not known.${restrictions}`
        : `Sign-in logs of ${tenantName} could not be read (they need AuditLog.Read.All and Directory.Read.All and a role such as Reports Reader), so who this change would block is not known.${restrictions}`;
    case 'evaluated': {
      const partial = result.truncated ? ' Only part of the sign-ins could be read.' : '';
      return `${evaluatedLine(result.evaluation, names)}${partial}${restrictions}`;
    }
  }
}

const TRUST_WORDS: Readonly<Record<string, string>> = {
  isMfaAccepted: 'MFA',
  isCompliantDeviceAccepted: 'a compliant device',
  isHybridAzureADJoinedDeviceAccepted: 'a hybrid joined device',
};

/** Why a row would be (or may be) blocked, in words. */
export function describeReason(reason: ImpactReason): string {
  const setting = capitalised(propertyLabel(reason.setting));
  const part = reason.part ? propertyLabel(reason.part) : '';
  switch (reason.kind) {
    case 'notAllowed':
      return `${setting}, ${part}: not allowed`;
    case 'groupMembershipUnknown':
      return `${setting}, ${part}: allowed or blocked through a group whose members are not known here`;
    case 'appFamilyUnknown':
      return `${setting}, ${part}: whether this app is part of Office 365 is not known here`;
    case 'accessKindUnknown':
      return 'The sign-in log does not say whether this was B2B collaboration or direct connect, and only one of them would let it in';
    case 'trustWithdrawn':
      return `Conditional Access${reason.policy ? ` ("${reason.policy}")` : ''} asks for ${TRUST_WORDS[reason.part ?? ''] ?? 'more'}, and the other tenant's would no longer be trusted`;
  }
}

const VERDICT_WORDS: Readonly<Record<ImpactRow['verdict'], string>> = {
  blocked: 'would be blocked',
  mayBeBlocked: 'may be blocked',
  mfaAgain: 'would be asked for MFA again',
  unaffected: 'not affected',
};

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
export function describeImpact(evaluation: ImpactEvaluation, names: TenantNames): ImpactListRow[] {
  return evaluation.rows
    .filter((r) => r.verdict !== 'unaffected')
    .map((r) => ({
      user: r.user.userPrincipalName ?? r.user.displayName ?? r.user.id,
      app: r.app.displayName ?? r.app.id,
      organization: names(r.externalTenantId) ?? r.externalTenantId,
      direction: r.direction,
      lastSignIn: r.lastSignIn.toISOString(),
      verdict: VERDICT_WORDS[r.verdict],
      why: r.reasons.map(describeReason),
    }));
}
