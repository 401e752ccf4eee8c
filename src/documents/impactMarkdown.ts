import * as vscode from 'vscode';
import type { ImpactListRow } from '../core/impact/describeImpact';
import type { UsageRow } from '../core/impact/partnershipUsage';
import { escapeMarkdown } from '../core/policy/markdownText';

/** A time as people compare them in a list: "2025-03-14 11:05 UTC". */
function when(time: string | Date): string {
  const at = new Date(time);
  return Number.isNaN(at.getTime())
    ? '—'
    : vscode.l10n.t('{0} UTC', at.toISOString().slice(0, 16).replace('T', ' '));
}

/** A table cell of text from Graph or from words that carry it: literal, on one line. */
const cell = (text: string): string => escapeMarkdown(text) || '—';

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${headers.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/**
 * Who a push would affect, for the document "Show Who Is Affected" opens: the one line, then one
 * row per user and app with the last sign-in and why the change would stop it.
 */
export function affectedMarkdown(
  heading: string,
  line: string,
  rows: readonly ImpactListRow[],
): string {
  const direction = (r: ImpactListRow): string =>
    r.direction === 'inbound'
      ? vscode.l10n.t('their user, signing in here')
      : vscode.l10n.t('your user, signing in there');
  return [
    `# ${escapeMarkdown(heading)}`,
    '',
    escapeMarkdown(line),
    '',
    ...table(
      [
        vscode.l10n.t('User'),
        vscode.l10n.t('App'),
        vscode.l10n.t('Organization'),
        vscode.l10n.t('Direction'),
        vscode.l10n.t('Last sign-in'),
        vscode.l10n.t('Outcome'),
        vscode.l10n.t('Why'),
      ],
      rows.map((r) => [
        cell(r.user),
        cell(r.app),
        cell(r.organization),
        cell(direction(r)),
        cell(when(r.lastSignIn)),
        cell(r.verdict),
        r.why.map(cell).join('<br>') || '—',
      ]),
    ),
    '',
  ].join('\n');
}

/** One direction's part of the usage report: its heading, its one line, and its table. */
export interface UsageSection {
  readonly heading: string;
  readonly line: string;
  readonly rows: readonly UsageRow[];
}

/**
 * "Who uses this partnership?" as a document: a section per direction (who from the partner
 * signed in here, who of ours signed in there), each user at each app with their sign-ins,
 * failed attempts and the last one.
 */
export function usageMarkdown(
  heading: string,
  intro: readonly string[],
  sections: readonly UsageSection[],
): string {
  const lines = [`# ${escapeMarkdown(heading)}`, '', ...intro.map(escapeMarkdown), ''];
  for (const section of sections) {
    lines.push(`## ${escapeMarkdown(section.heading)}`, '', escapeMarkdown(section.line), '');
    if (section.rows.length === 0) continue;
    lines.push(
      ...table(
        [
          vscode.l10n.t('User'),
          vscode.l10n.t('Name'),
          vscode.l10n.t('App'),
          vscode.l10n.t('Sign-ins'),
          vscode.l10n.t('Failed'),
          vscode.l10n.t('Last attempt'),
          vscode.l10n.t('Last failure'),
        ],
        section.rows.map((r) => [
          cell(r.user.userPrincipalName ?? r.user.id),
          cell(r.user.displayName ?? ''),
          cell(r.app.displayName ?? r.app.id),
          String(r.signIns),
          String(r.failures),
          cell(when(r.lastSignIn)),
          cell(r.lastFailure ?? ''),
        ]),
      ),
      '',
    );
  }
  return lines.join('\n');
}
