import { escapeMarkdown, inlineCode } from '../policy/markdownText';
import { noAutomaticFix } from './baselineFix';
import { ruleSourceUrl } from './baselinePack';
import { type BaselinePack } from './baselineRule';
import type { BaselineRun, RuleResult, TenantResults } from './evaluateBaselines';
import { describeConflict, tenantHeading } from './reportText';

/**
 * The run as a Markdown report for people: the packs and their versions, a table per tenant of
 * passed / failed / not checked per pack, each failure with the settings found and expected, each
 * rule not checked with why, the conflicts between the enabled packs, and the rules that have no
 * automatic fix. Everything that comes from Graph or a pack is escaped.
 */
export function baselineMarkdown(run: BaselineRun): string {
  const packOf = (result: RuleResult): BaselinePack =>
    run.packs.find((p) => p.pack === result.rule.pack && p.version === result.rule.packVersion)!;
  const lines: string[] = ['# Baseline report', '', '## Baselines', ''];
  for (const pack of run.packs)
    lines.push(
      `- ${escapeMarkdown(pack.name)} ${inlineCode(pack.version)} (${inlineCode(pack.pack)}): ${pack.rules.length} rules from ${inlineCode(pack.repository)} at ${inlineCode(pack.commit.slice(0, 12))}`,
    );
  for (const tenant of run.tenants) lines.push('', ...tenantSection(tenant, run.packs, packOf));
  lines.push('', '## Conflicts between the enabled baselines', '');
  if (run.conflicts.length === 0)
    lines.push('None: the enabled baselines agree wherever they meet.');
  for (const conflict of run.conflicts)
    lines.push(
      `- **${conflict.kind === 'incompatible' ? 'Incompatible' : 'Graded differently'}**: ${escapeMarkdown(describeConflict(conflict))}`,
    );
  lines.push('', '## Rules without an automatic fix', '');
  for (const pack of run.packs)
    for (const rule of pack.rules) {
      const reason = noAutomaticFix(rule);
      if (reason)
        lines.push(
          `- ${escapeMarkdown(pack.name)} ${inlineCode(rule.id)}: ${escapeMarkdown(reason)}`,
        );
    }
  lines.push('');
  return lines.join('\n');
}

function tenantSection(
  tenant: TenantResults,
  packs: readonly BaselinePack[],
  packOf: (result: RuleResult) => BaselinePack,
): string[] {
  const lines = [
    `## ${escapeMarkdown(tenantHeading(tenant))}`,
    '',
    '| Baseline | Passed | Failed | Not checked |',
    '|---|---:|---:|---:|',
  ];
  for (const pack of packs) {
    const own = tenant.results.filter(
      (r) => r.rule.pack === pack.pack && r.rule.packVersion === pack.version,
    );
    const count = (status: RuleResult['status']): number =>
      own.filter((r) => r.status === status).length;
    lines.push(
      `| ${escapeMarkdown(pack.name)} ${inlineCode(pack.version)} | ${count('passed')} | ${count('failed')} | ${count('notChecked')} |`,
    );
  }
  const failed = tenant.results.filter((r) => r.status === 'failed');
  const notChecked = tenant.results.filter((r) => r.status === 'notChecked');
  if (failed.length > 0) lines.push('', '### Failed', '');
  for (const result of failed) {
    lines.push(`- ${ruleHeading(result, packOf(result))}`);
    for (const f of result.findings)
      lines.push(
        `  - ${inlineCode(f.path)} is ${inlineCode(JSON.stringify(f.actual))}; expected: ${escapeMarkdown(f.expected)}`,
      );
    lines.push(
      result.fix
        ? `  - Fix: set ${result.fix.changes.flatMap((c) => c.settings.map(inlineCode)).join(', ')}`
        : `  - No automatic fix: ${escapeMarkdown(result.noFix ?? '')}`,
    );
  }
  if (notChecked.length > 0) lines.push('', '### Not checked', '');
  for (const result of notChecked)
    lines.push(
      `- ${ruleHeading(result, packOf(result))}: ${escapeMarkdown(result.missing.map((m) => m.detail).join(' '))}`,
    );
  return lines;
}

function ruleHeading(result: RuleResult, pack: BaselinePack): string {
  // The link target comes from a pack file: percent-encoded so it cannot end the link early.
  const url = encodeURI(ruleSourceUrl(pack, result.rule)).replace(
    /[()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `**${escapeMarkdown(pack.name)} ${escapeMarkdown(pack.version)} · ${escapeMarkdown(result.rule.id)}** ${escapeMarkdown(result.rule.title)} ([source](${url}))`;
}
