import { plural } from '../plural';
import type { Verdict } from './evaluateImpact';

/** The trusted claims a withdrawn inbound trust asks for again. */
export type TrustWord = 'mfa' | 'compliantDevice' | 'hybridJoinedDevice' | 'more';

/**
 * Everything the impact preview says, so the extension can say it with its translations (core
 * knows no vscode.l10n) and the CLI in English. Setting names come from core's property labels.
 */
export interface ImpactWords {
  readonly notNarrowing: string;
  readonly notInLogs: string;
  /** The tenant's sign-in logs cannot be read: no P1/P2 licence, or a permission or role missing. */
  unavailable(reason: 'licence' | 'permission', tenant: string): string;
  /** Appended when tenant restrictions narrow too. */
  readonly restrictionsToo: string;
  /** Appended when the page bound stopped the read. */
  readonly partial: string;
  /** "in the last 7 days". */
  period(days: number): string;
  noSignIns(period: string): string;
  /** "3 users", "1 app", "2 organizations". */
  users(n: number): string;
  apps(n: number): string;
  organizations(n: number): string;
  /** "3 users from Fabrikam signed in to 2 apps". */
  inbound(users: string, organization: string, apps: string): string;
  /** "2 of your users signed in to 1 app of Fabrikam". */
  outbound(users: number, apps: string, organization: string): string;
  both(first: string, second: string): string;
  /** The whole line: who signed in, when, and what the change does to them. */
  line(who: string, period: string, outcomes: readonly string[]): string;
  blocked(n: number): string;
  mayBeBlocked(n: number, unknowns: readonly string[]): string;
  mfaAgain(n: number): string;
  readonly noneBlocked: string;
  /** Why "may be": what is not known here. */
  readonly unknownMembership: string;
  readonly unknownAppFamily: string;
  readonly unknownAccessKind: string;

  /** Why one row would be (or may be) blocked. */
  notAllowed(setting: string, part: string): string;
  membershipReason(setting: string, part: string): string;
  appFamilyReason(setting: string, part: string): string;
  readonly accessKindReason: string;
  trustReason(policy: string | undefined, what: TrustWord): string;
  verdict(verdict: Verdict): string;
}

const TRUST: Readonly<Record<TrustWord, string>> = {
  mfa: 'MFA',
  compliantDevice: 'a compliant device',
  hybridJoinedDevice: 'a hybrid joined device',
  more: 'more',
};

const VERDICTS: Readonly<Record<Verdict, string>> = {
  blocked: 'would be blocked',
  mayBeBlocked: 'may be blocked',
  mfaAgain: 'would be asked for MFA again',
  unaffected: 'not affected',
};

/** The words in English: the CLI's, and the default of core's describers. */
export const ENGLISH_IMPACT_WORDS: ImpactWords = {
  notNarrowing: 'This change does not narrow access, so no sign-ins were checked.',
  notInLogs:
    'This change narrows tenant restrictions, which no sign-in of this tenant can show, so no sign-ins were checked.',
  unavailable: (reason, tenant) =>
    reason === 'licence'
      ? `Sign-in logs of ${tenant} are unavailable (no Microsoft Entra ID P1 or P2 licence), so who this change would block is not known.`
      : `Sign-in logs of ${tenant} could not be read (they need AuditLog.Read.All and Directory.Read.All and a role such as Reports Reader), so who this change would block is not known.`,
  restrictionsToo: 'Tenant restrictions narrow too, which no sign-in of this tenant can show.',
  partial: 'Only part of the sign-ins could be read.',
  period: (days) => (days === 1 ? 'in the last day' : `in the last ${days} days`),
  noSignIns: (period) => `No sign-ins the change is about ${period}, so none would be blocked.`,
  users: (n) => plural(n, 'user'),
  apps: (n) => plural(n, 'app'),
  organizations: (n) => plural(n, 'organization'),
  inbound: (users, organization, apps) => `${users} from ${organization} signed in to ${apps}`,
  outbound: (users, apps, organization) =>
    `${users} of your users signed in to ${apps} of ${organization}`,
  both: (first, second) => `${first} and ${second}`,
  line: (who, period, outcomes) => `${who} ${period}; ${outcomes.join(', ')}.`,
  blocked: (n) => `${n} of them would be blocked`,
  mayBeBlocked: (n, unknowns) =>
    `${n} may be blocked${unknowns.length > 0 ? ` (${unknowns.join(', ')})` : ''}`,
  mfaAgain: (n) => `${n} would be asked for MFA here again`,
  noneBlocked: 'none of them would be blocked',
  unknownMembership: 'group membership not known',
  unknownAppFamily: 'app families not known',
  unknownAccessKind: 'B2B collaboration or direct connect not known',
  notAllowed: (setting, part) => `${setting}, ${part}: not allowed`,
  membershipReason: (setting, part) =>
    `${setting}, ${part}: allowed or blocked through a group whose members are not known here`,
  appFamilyReason: (setting, part) =>
    `${setting}, ${part}: whether this app is part of Office 365 is not known here`,
  accessKindReason:
    'The sign-in log does not say whether this was B2B collaboration or direct connect, and only one of them would let it in',
  trustReason: (policy, what) =>
    `Conditional Access${policy ? ` ("${policy}")` : ''} asks for ${TRUST[what]}, and the other tenant's would no longer be trusted`,
  verdict: (verdict) => VERDICTS[verdict],
};
