import { escapeMarkdown, inlineCode } from '../policy/markdownText';
import type { explainOnDemand } from './provisioningErrors';
import { plural } from '../plural';

/** One subject provisioned on demand: what it was, and what came back (or why the call failed). */
export interface OnDemandOutcome {
  readonly subject: { readonly id: string; readonly name: string; readonly type: 'User' | 'Group' };
  readonly result?: ReturnType<typeof explainOnDemand>;
  readonly error?: string;
}

/** The results of a provision-on-demand run as Markdown; everything from Graph is escaped. */
export function onDemandMarkdown(
  configuration: string,
  outcomes: readonly OnDemandOutcome[],
  at: Date,
): string {
  const lines = [
    `# Provision on demand: ${escapeMarkdown(configuration)}`,
    '',
    `${at.toLocaleString()} · ${plural(outcomes.length, 'subject')}`,
    '',
  ];
  for (const o of outcomes) {
    lines.push(
      `## ${escapeMarkdown(o.subject.name)} (${o.subject.type.toLowerCase()})`,
      '',
      `Object id ${inlineCode(o.subject.id)}`,
      '',
    );
    if (o.error) {
      lines.push(`**The request failed:** ${escapeMarkdown(o.error)}`, '');
      continue;
    }
    const r = o.result!;
    lines.push(`**${escapeMarkdown(r.headline)}**`, '');
    if (r.reason)
      lines.push(
        `${escapeMarkdown(r.reason.meaning)}`,
        '',
        `**What to do:** ${escapeMarkdown(r.reason.remedy)}`,
        '',
      );
    if (r.steps.length) {
      lines.push('| Step | Status | Detail |', '|---|---|---|');
      for (const s of r.steps)
        lines.push(
          `| ${escapeMarkdown(s.name)} | ${escapeMarkdown(s.status)} | ${escapeMarkdown(s.detail ?? '')} |`,
        );
      lines.push('');
    }
    if (r.modified.length) {
      lines.push('| Attribute | Old | New |', '|---|---|---|');
      for (const m of r.modified)
        lines.push(
          `| ${escapeMarkdown(m.name)} | ${escapeMarkdown(String(m.oldValue ?? ''))} | ${escapeMarkdown(String(m.newValue ?? ''))} |`,
        );
      lines.push('');
    }
  }
  return lines.join('\n');
}
