import * as vscode from 'vscode';
import type { ImpactWords, TrustWord } from '../core/impact/impactWords';

const TRUST: Readonly<Record<TrustWord, () => string>> = {
  mfa: () => vscode.l10n.t('MFA'),
  compliantDevice: () => vscode.l10n.t('a compliant device'),
  hybridJoinedDevice: () => vscode.l10n.t('a hybrid joined device'),
  more: () => vscode.l10n.t('more'),
};

/** The impact preview's words, translated. */
export function impactWords(): ImpactWords {
  return {
    notNarrowing: vscode.l10n.t('This change does not narrow access, so no sign-ins were checked.'),
    notInLogs: vscode.l10n.t(
      'This change narrows tenant restrictions, which no sign-in of this tenant can show, so no sign-ins were checked.',
    ),
    unavailable: (reason, tenant) =>
      reason === 'licence'
        ? vscode.l10n.t(
            'Sign-in logs of {0} are unavailable (no Microsoft Entra ID P1 or P2 licence), so who this change would block is not known.',
            tenant,
          )
        : vscode.l10n.t(
            'Sign-in logs of {0} could not be read (they need AuditLog.Read.All and Directory.Read.All and a role such as Reports Reader), so who this change would block is not known.',
            tenant,
          ),
    restrictionsToo: vscode.l10n.t(
      'Tenant restrictions narrow too, which no sign-in of this tenant can show.',
    ),
    partial: vscode.l10n.t('Only part of the sign-ins could be read.'),
    period: (days) =>
      days === 1 ? vscode.l10n.t('in the last day') : vscode.l10n.t('in the last {0} days', days),
    noSignIns: (period) =>
      vscode.l10n.t('No sign-ins the change is about {0}, so none would be blocked.', period),
    users: (n) => (n === 1 ? vscode.l10n.t('1 user') : vscode.l10n.t('{0} users', n)),
    apps: (n) => (n === 1 ? vscode.l10n.t('1 app') : vscode.l10n.t('{0} apps', n)),
    organizations: (n) =>
      n === 1 ? vscode.l10n.t('1 organization') : vscode.l10n.t('{0} organizations', n),
    inbound: (users, organization, apps) =>
      vscode.l10n.t('{0} from {1} signed in to {2}', users, organization, apps),
    outbound: (users, apps, organization) =>
      users === 1
        ? vscode.l10n.t('1 of your users signed in to {0} of {1}', apps, organization)
        : vscode.l10n.t('{0} of your users signed in to {1} of {2}', users, apps, organization),
    both: (first, second) => vscode.l10n.t('{0} and {1}', first, second),
    line: (who, period, outcomes) =>
      vscode.l10n.t('{0} {1}; {2}.', who, period, outcomes.join(vscode.l10n.t(', '))),
    blocked: (n) => vscode.l10n.t('{0} of them would be blocked', n),
    mayBeBlocked: (n, unknowns) =>
      unknowns.length > 0
        ? vscode.l10n.t('{0} may be blocked ({1})', n, unknowns.join(vscode.l10n.t(', ')))
        : vscode.l10n.t('{0} may be blocked', n),
    mfaAgain: (n) => vscode.l10n.t('{0} would be asked for MFA here again', n),
    noneBlocked: vscode.l10n.t('none of them would be blocked'),
    unknownMembership: vscode.l10n.t('group membership not known'),
    unknownAppFamily: vscode.l10n.t('app families not known'),
    unknownAccessKind: vscode.l10n.t('B2B collaboration or direct connect not known'),
    notAllowed: (setting, part) => vscode.l10n.t('{0}, {1}: not allowed', setting, part),
    membershipReason: (setting, part) =>
      vscode.l10n.t(
        '{0}, {1}: allowed or blocked through a group whose members are not known here',
        setting,
        part,
      ),
    appFamilyReason: (setting, part) =>
      vscode.l10n.t(
        '{0}, {1}: whether this app is part of Office 365 is not known here',
        setting,
        part,
      ),
    accessKindReason: vscode.l10n.t(
      'The sign-in log does not say whether this was B2B collaboration or direct connect, and only one of them would let it in',
    ),
    trustReason: (policy, what) =>
      policy
        ? vscode.l10n.t(
            'Conditional Access ("{0}") asks for {1}, and the other tenant\'s would no longer be trusted',
            policy,
            TRUST[what](),
          )
        : vscode.l10n.t(
            "Conditional Access asks for {0}, and the other tenant's would no longer be trusted",
            TRUST[what](),
          ),
    verdict: (verdict) =>
      verdict === 'blocked'
        ? vscode.l10n.t('would be blocked')
        : verdict === 'mayBeBlocked'
          ? vscode.l10n.t('may be blocked')
          : verdict === 'mfaAgain'
            ? vscode.l10n.t('would be asked for MFA again')
            : vscode.l10n.t('not affected'),
  };
}
