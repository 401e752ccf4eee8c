import { plural } from '../plural';
import { ruleKey } from './baselinePack';
import { BASELINE_SOURCES } from './baselineSources';
import type { BaselineRun, RuleResult, RuleStatus } from './evaluateBaselines';
import { describeConflict, STATUS_LABELS, tenantHeading } from './reportText';
import { valueLabel } from './valueLabels';

const ORDER: readonly RuleStatus[] = ['failed', 'notChecked', 'passed'];
const WIDTH = Math.max(...Object.values(STATUS_LABELS).map((label) => label.length)) + 2;
const INDENT = ' '.repeat(2 + WIDTH);

/**
 * The run as plain text for a terminal, line by line: the enabled packs, then per tenant every
 * rule (failed first, each with the settings found and expected and its fix; not checked with
 * why; then passed), a total, and last the conflicts between the enabled packs. The lines hold
 * text from Graph and from files as it is: the caller makes each printable.
 */
export function baselineText(run: BaselineRun): string[] {
  const lines = [
    `Baselines: ${run.packs.map((p) => `${p.name} ${p.version} (${p.pack}, ${plural(p.rules.length, 'rule')})`).join('; ')}.`,
  ];
  const total: Record<RuleStatus, number> = { passed: 0, failed: 0, notChecked: 0 };
  for (const tenant of run.tenants) {
    const counts: Record<RuleStatus, number> = { passed: 0, failed: 0, notChecked: 0 };
    for (const result of tenant.results) counts[result.status]++;
    for (const status of ORDER) total[status] += counts[status];
    lines.push('', `${tenantHeading(tenant)}: ${summary(counts)}.`);
    for (const status of ORDER)
      for (const result of tenant.results.filter((r) => r.status === status))
        lines.push(...ruleLines(result));
  }
  lines.push(
    '',
    `${plural(run.tenants.length, 'tenant')}, ${plural(total.passed + total.failed + total.notChecked, 'rule check')}: ${summary(total)}.`,
    '',
  );
  if (run.conflicts.length === 0)
    lines.push('Conflicts between the enabled packs: none; they agree wherever they meet.');
  else lines.push(`Conflicts between the enabled packs (${run.conflicts.length}):`);
  for (const conflict of run.conflicts)
    lines.push(
      `  ${conflict.kind === 'incompatible' ? 'incompatible' : 'graded differently'}: ${describeConflict(conflict)}`,
    );
  return lines;
}

function summary(counts: Readonly<Record<RuleStatus, number>>): string {
  return ORDER.map((status) => `${counts[status]} ${STATUS_LABELS[status]}`).join(', ');
}

function ruleLines(result: RuleResult): string[] {
  const head = `  ${STATUS_LABELS[result.status].padEnd(WIDTH)}${ruleKey(result.rule)}  ${result.rule.title}`;
  if (result.status === 'passed') return [head];
  if (result.status === 'notChecked')
    return [head, ...result.missing.map((m) => `${INDENT}${m.detail}`)];
  return [
    head,
    ...result.findings.map(
      (f) =>
        `${INDENT}${BASELINE_SOURCES[f.data].title}: ${f.path} is ${valueLabel(f.path, f.actual ?? undefined)}; expected: ${f.expected}`,
    ),
    result.fix
      ? `${INDENT}fix: set ${result.fix.changes.flatMap((c) => c.settings).join(', ')}`
      : `${INDENT}no automatic fix: ${result.noFix ?? ''}`,
    ...result.missing.map((m) => `${INDENT}also not read: ${m.detail}`),
  ];
}
