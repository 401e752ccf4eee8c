import type { JsonRecord } from '../policy/documentPaths';
import { deriveFix, type BaselineFix } from './baselineFix';
import type { BaselinePack, BaselineRule } from './baselineRule';
import { findConflicts, type BaselineConflict } from './conflicts';
import {
  BASELINE_SOURCES,
  capitalise,
  sourceState,
  type BaselineSourceId,
  type TenantBaselineData,
  type UnavailableReason,
} from './baselineSources';
import {
  checksOf,
  checkPasses,
  describeCheck,
  evaluateExpectation,
  failingChecks,
  valueAtPath,
  type Check,
  type Truth,
} from './expectation';

export type RuleStatus = 'passed' | 'failed' | 'notChecked';

/** One setting a failed rule points at: where it is, what it holds, what the rule wants. */
export interface BaselineFinding {
  readonly data: BaselineSourceId;
  /** Dot path of the setting in that document (settingRange finds it in the text). */
  readonly path: string;
  /** The value found; null when the setting is not set. */
  readonly actual: unknown;
  /** What the rule wants of it, in words. */
  readonly expected: string;
}

/** Data a rule needed and did not get. */
export interface MissingData {
  readonly data: BaselineSourceId;
  readonly reason: UnavailableReason;
  readonly detail: string;
}

export interface RuleResult {
  readonly rule: BaselineRule;
  readonly status: RuleStatus;
  /** Failed: the settings that fail. */
  readonly findings: readonly BaselineFinding[];
  /** Not checked: why. Failed: data that could not be read besides (the failure does not depend on it). */
  readonly missing: readonly MissingData[];
  /** Failed, with an unambiguous fix. */
  readonly fix?: BaselineFix;
  /** Failed, without an automatic fix: why. */
  readonly noFix?: string;
}

export interface TenantResults {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly folder: string;
  /** Pack by pack, rule by rule, in the order of the packs given. */
  readonly results: readonly RuleResult[];
}

function truthIn(data: TenantBaselineData, overrides?: ReadonlyMap<BaselineSourceId, JsonRecord>) {
  return (check: Check): Truth => {
    const state = sourceState(data, check.data);
    if (state.state === 'unavailable') return 'unknown';
    if (state.omitted?.includes(check.path.split('.')[0])) return 'unknown';
    const value = overrides?.get(check.data) ?? state.value;
    return checkPasses(check, valueAtPath(value, check.path));
  };
}

/** Why the data a check reads is missing, or undefined when it is there. */
function missingFor(data: TenantBaselineData, check: Check): MissingData | undefined {
  const state = sourceState(data, check.data);
  if (state.state === 'unavailable')
    return { data: check.data, reason: state.reason, detail: state.detail };
  const top = check.path.split('.')[0];
  if (state.omitted?.includes(top))
    return {
      data: check.data,
      reason: 'notFetched',
      detail: `This copy of ${BASELINE_SOURCES[check.data].title} does not hold ${top}.`,
    };
  return undefined;
}

function missingData(data: TenantBaselineData, checks: readonly Check[]): MissingData[] {
  const seen = new Set<string>();
  const missing: MissingData[] = [];
  for (const check of checks) {
    const entry = missingFor(data, check);
    if (!entry || seen.has(entry.detail)) continue;
    seen.add(entry.detail);
    missing.push(entry);
  }
  return missing;
}

/**
 * One rule against one tenant's data. Passed only when every check could be read and the
 * expectation holds; failed when what was read already fails it (the findings say where and what
 * is expected); otherwise not checked, with the reason for each piece of missing data.
 */
export function evaluateRule(rule: BaselineRule, data: TenantBaselineData): RuleResult {
  const checks = checksOf(rule.expect);
  const truth = truthIn(data);
  const verdict = evaluateExpectation(rule.expect, truth);
  const missing = missingData(data, checks);
  if (verdict === true && missing.length === 0)
    return { rule, status: 'passed', findings: [], missing };
  if (verdict !== false) return { rule, status: 'notChecked', findings: [], missing };
  const failing = failingChecks(rule.expect, truth);
  const findings = failing.map(({ check, negated }): BaselineFinding => {
    const state = sourceState(data, check.data);
    const actual = state.state === 'available' ? valueAtPath(state.value, check.path) : undefined;
    return {
      data: check.data,
      path: check.path,
      actual: actual === undefined ? null : actual,
      expected: describeCheck(check, negated),
    };
  });
  const answer = deriveFix(
    failing,
    (source) => {
      const state = sourceState(data, source);
      return state.state === 'available' ? state.value : undefined;
    },
    (fixed) => evaluateExpectation(rule.expect, truthIn(data, fixed)) !== false,
  );
  return {
    rule,
    status: 'failed',
    findings,
    missing,
    ...('fix' in answer ? { fix: answer.fix } : { noFix: answer.reason }),
  };
}

/** Every rule of the packs against one tenant. */
export function evaluateTenant(
  packs: readonly BaselinePack[],
  data: TenantBaselineData,
): TenantResults {
  return {
    tenantId: data.tenantId,
    displayName: data.displayName,
    folder: data.folder,
    results: packs.flatMap((pack) => pack.rules.map((rule) => evaluateRule(rule, data))),
  };
}

/** The sources the packs read, so only those are fetched. */
export function sourcesNeeded(packs: readonly BaselinePack[]): BaselineSourceId[] {
  const needed = new Set(
    packs.flatMap((pack) => pack.rules.flatMap((rule) => checksOf(rule.expect).map((c) => c.data))),
  );
  return (Object.keys(BASELINE_SOURCES) as BaselineSourceId[]).filter((id) => needed.has(id));
}

/** "Not checked: the B2B management policy was not read (beta reads are off)." */
export function describeMissing(missing: readonly MissingData[]): string {
  return missing.map((m) => capitalise(m.detail)).join(' ');
}

/** The results of the enabled packs for every tenant, with the conflicts between the packs. */
export interface BaselineRun {
  readonly packs: readonly BaselinePack[];
  readonly tenants: readonly TenantResults[];
  readonly conflicts: readonly BaselineConflict[];
}

export function evaluateBaselines(
  packs: readonly BaselinePack[],
  tenants: readonly TenantBaselineData[],
): BaselineRun {
  return {
    packs,
    tenants: tenants.map((data) => evaluateTenant(packs, data)),
    conflicts: findConflicts(packs),
  };
}
