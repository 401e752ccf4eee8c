import { parseGraphDateTime } from './dateTime';
import type { StringKeyStringValuePair } from './types';

export type ProvisioningOutcome = 'success' | 'failure' | 'skipped' | 'warning' | 'unknown';

export interface ProvisionOnDemandStep {
  readonly name: string;
  /** Lower-cased: `import`, `scoping`, `matching`, `export`, … (the service capitalises them here). */
  readonly type: string;
  readonly status: ProvisioningOutcome;
  readonly description: string;
  readonly timestamp?: Date;
  /** Values as strings; nested JSON is kept as text. */
  readonly details: Readonly<Record<string, string>>;
}

export interface ModifiedAttribute {
  readonly displayName: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export interface ProvisionOnDemandResult {
  readonly outcome: ProvisioningOutcome;
  /** `Create`, `Update`, `Other`, … as the service sends it. */
  readonly action?: string;
  readonly steps: readonly ProvisionOnDemandStep[];
  readonly modifiedProperties: readonly ModifiedAttribute[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** `RedundantExport`, `NotEffectivelyEntitled`, … when the subject was skipped. */
  readonly skipReason?: string;
  /** The subject as the service names it (usually the UPN). */
  readonly reportableIdentifier?: string;
  /** The strings as received, for a "view raw" display. */
  readonly raw: { readonly key: string; readonly value: string };
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function outcome(v: unknown): ProvisioningOutcome {
  switch (typeof v === 'string' ? v.toLowerCase() : '') {
    case 'success':
    case 'succeeded':
      return 'success';
    case 'failure':
    case 'failed':
    case 'error':
      return 'failure';
    case 'skipped':
      return 'skipped';
    case 'warning':
      return 'warning';
    default:
      return 'unknown';
  }
}

function asString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  return JSON.stringify(v);
}

function step(raw: Obj): ProvisionOnDemandStep {
  const details: Record<string, string> = {};
  if (isObj(raw.details))
    for (const [k, v] of Object.entries(raw.details)) details[k] = asString(v);
  return {
    name: text(raw.name) ?? '',
    type: (text(raw.type) ?? text(raw.provisioningStepType) ?? '').toLowerCase(),
    status: outcome(raw.status),
    description: text(raw.description) ?? '',
    timestamp: parseGraphDateTime(text(raw.timestamp)),
    details,
  };
}

/** The worst step status decides when the service states no overall result. */
function outcomeOfSteps(steps: readonly ProvisionOnDemandStep[]): ProvisioningOutcome {
  for (const o of ['failure', 'skipped', 'warning'] as const)
    if (steps.some((s) => s.status === o)) return o;
  return steps.length > 0 && steps.every((s) => s.status === 'success') ? 'success' : 'unknown';
}

/**
 * Reads a `provisionOnDemand` answer. Both strings hold JSON (graph-api.md §11.11), in one of two
 * documented shapes: `key` = `{"result", "details": {errorCode, errorMessage}}` with `value` = one
 * report object, or (cross-tenant sync) `key` = a .NET type name with `value` = an array of
 * `{provisioningSteps}`. Anything missing or not JSON leaves the matching fields empty instead of
 * throwing: the raw strings are kept for display.
 */
export function parseProvisionOnDemandResult(
  pair: StringKeyStringValuePair,
): ProvisionOnDemandResult {
  const rawKey = pair.key ?? '';
  const rawValue = pair.value ?? '';
  const key = tryJson(rawKey);
  const value = tryJson(rawValue);
  const reports = (Array.isArray(value) ? value : [value]).filter(isObj);

  const steps: ProvisionOnDemandStep[] = [];
  const modifiedProperties: ModifiedAttribute[] = [];
  let action: string | undefined;
  let reportableIdentifier: string | undefined;
  let statusInfo: Obj | undefined;
  for (const report of reports) {
    if (Array.isArray(report.provisioningSteps))
      steps.push(...report.provisioningSteps.filter(isObj).map(step));
    if (Array.isArray(report.modifiedProperties)) {
      for (const m of report.modifiedProperties.filter(isObj)) {
        modifiedProperties.push({
          displayName: text(m.displayName) ?? '',
          oldValue: text(m.oldValue) ?? null,
          newValue: text(m.newValue) ?? null,
        });
      }
    }
    action ??= text(report.action);
    reportableIdentifier ??= text(report.reportableIdentifier);
    if (isObj(report.statusInfo)) statusInfo ??= report.statusInfo;
  }

  const keyDetails = isObj(key) && isObj(key.details) ? key.details : {};
  const stated = isObj(key) ? outcome(key.result) : outcome(statusInfo?.status);
  const result = stated !== 'unknown' ? stated : outcomeOfSteps(steps);
  const failedStep = steps.find((s) => s.status === 'failure');
  const errorCode = text(keyDetails.errorCode) ?? text(statusInfo?.errorCode);
  const skipReason =
    steps.map((s) => s.details.SkipReason).find((r) => r) ??
    (result === 'skipped' ? errorCode : undefined);
  return {
    outcome: result,
    action,
    steps,
    modifiedProperties,
    errorCode,
    errorMessage:
      text(keyDetails.errorMessage) ?? text(statusInfo?.reason) ?? failedStep?.description,
    skipReason,
    reportableIdentifier,
    raw: { key: rawKey, value: rawValue },
  };
}
