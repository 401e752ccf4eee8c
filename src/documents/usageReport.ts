import * as vscode from 'vscode';
import { usageCounts, type UsageResult, type UsageRow } from '../core/impact/partnershipUsage';
import { usageMarkdown, type UsageSection } from './impactMarkdown';

function period(days: number): string {
  return days === 1
    ? vscode.l10n.t('in the last day')
    : vscode.l10n.t('in the last {0} days', days);
}

function users(n: number): string {
  return n === 1 ? vscode.l10n.t('1 user') : vscode.l10n.t('{0} users', n);
}

function apps(n: number): string {
  return n === 1 ? vscode.l10n.t('1 app') : vscode.l10n.t('{0} apps', n);
}

/**
 * "Who uses this partnership?" in words: who of `partner` signed in to `who` and who of `who`
 * signed in to `partner`, each direction with its one line and its rows.
 */
export function usageReport(
  who: string,
  partner: string,
  result: Extract<UsageResult, { kind: 'read' }>,
): { readonly title: string; readonly markdown: string } {
  const when = period(result.windowDays);
  const section = (
    direction: UsageRow['direction'],
    heading: string,
    line: (users: string, apps: string) => string,
    none: string,
  ): UsageSection => {
    const rows = result.rows.filter((r) => r.direction === direction);
    const counts = usageCounts(rows);
    const refused =
      counts.refusedUsers > 0
        ? ` ${vscode.l10n.t('{0} of them only failed to sign in.', counts.refusedUsers)}`
        : '';
    return {
      heading,
      line: rows.length === 0 ? none : `${line(users(counts.users), apps(counts.apps))}${refused}`,
      rows,
    };
  };
  const sections = [
    section(
      'inbound',
      vscode.l10n.t('Users of {0} signing in to {1}', partner, who),
      (u, a) =>
        vscode.l10n.t('{0} from {1} signed in to {2} of {3} {4}.', u, partner, a, who, when),
      vscode.l10n.t('No user of {0} signed in to {1} {2}.', partner, who, when),
    ),
    section(
      'outbound',
      vscode.l10n.t('Users of {0} signing in to {1}', who, partner),
      (u, a) => vscode.l10n.t('{0} of {1} signed in to {2} of {3} {4}.', u, who, a, partner, when),
      vscode.l10n.t('No user of {0} signed in to {1} {2}.', who, partner, when),
    ),
  ];
  const title = vscode.l10n.t('Who uses the partnership with {0}', partner);
  const intro = [
    vscode.l10n.t(
      'From the sign-in logs of {0} {1}, read {2} UTC.',
      who,
      when,
      new Date().toISOString().slice(0, 16).replace('T', ' '),
    ),
    ...(result.truncated ? [vscode.l10n.t('Only part of the sign-ins could be read.')] : []),
  ];
  return { title, markdown: usageMarkdown(title, intro, sections) };
}
