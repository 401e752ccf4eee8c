import { ruleKey } from './baselinePack';
import type { BaselineConflict } from './conflicts';
import type { RuleStatus, TenantResults } from './evaluateBaselines';
import { oneLine } from '../policy/markdownText';

/** "Contoso Group (2f4a9c1e-…)": the organization's name first, its id for the unambiguous part. */
export function tenantHeading(tenant: Pick<TenantResults, 'tenantId' | 'displayName'>): string {
  const name = tenant.displayName === undefined ? '' : oneLine(tenant.displayName);
  return name === '' || name === tenant.tenantId ? tenant.tenantId : `${name} (${tenant.tenantId})`;
}

export const STATUS_LABELS: Readonly<Record<RuleStatus, string>> = {
  passed: 'passed',
  failed: 'failed',
  notChecked: 'not checked',
};

/** One sentence naming both rules and what each asks. */
export function describeConflict(conflict: BaselineConflict): string {
  const [a, b] = conflict.rules;
  const [wantA, wantB] = conflict.requirements;
  const head =
    conflict.kind === 'incompatible'
      ? `${ruleKey(a)} and ${ruleKey(b)} cannot both pass`
      : `${ruleKey(a)} and ${ruleKey(b)} grade the same settings differently`;
  const both = conflict.bothPass ? ` Both pass when ${conflict.bothPass}.` : '';
  return `${head}: ${ruleKey(a)} wants ${wantA}; ${ruleKey(b)} wants ${wantB}.${both}`;
}
