import { cloneJson, leafDifferences, setAt, type JsonRecord } from '../policy/documentPaths';
import { settingPath } from '../policy/settingLocation';
import { BASELINE_SOURCES, capitalise, type BaselineSourceId } from './baselineSources';
import type { BaselineRule } from './baselineRule';
import { checkContexts, describeCheck, type FailingCheck } from './expectation';

/** The change to one document that a fix writes into its draft. */
export interface BaselineChange {
  readonly data: BaselineSourceId;
  /** Only the leaves that change, nested as in the document (applyPatchToText merges it). */
  readonly patch: JsonRecord;
  /** The dot paths of the settings it changes. */
  readonly settings: readonly string[];
}

/** A fix: the changes that make the rule pass, one per document. */
export interface BaselineFix {
  readonly changes: readonly BaselineChange[];
}

/** The value a check writes, when exactly one value passes it; otherwise why there is none. */
export function fixValue(failing: FailingCheck): { value: unknown } | { reason: string } {
  const { check, negated, choice } = failing;
  const source = BASELINE_SOURCES[check.data];
  if (!source.writable)
    return {
      reason: `${capitalise(source.title)} can only be read here (${source.api} API): change it in the Microsoft Entra admin center.`,
    };
  if (choice)
    return { reason: `There is more than one way to pass: choose which setting to change.` };
  if (negated)
    return { reason: `More than one value passes (${describeCheck(check, true)}): choose one.` };
  if ('equals' in check) return { value: check.equals };
  // The special targets a pack requires (AllUsers, AllApplications) must stand alone in their list.
  if ('includes' in check) return { value: [check.includes] };
  if ('oneOf' in check)
    return { reason: `More than one value passes (${describeCheck(check)}): choose one.` };
  if ('nonEmpty' in check)
    return { reason: `${check.path} needs entries that only you can choose.` };
  return { reason: `${check.path} is set by Microsoft Entra, not by a setting you write.` };
}

/**
 * Why a rule never gets an automatic fix (no failing check of it could be fixed, whatever the
 * data), or undefined when some failures of it can be. Decided from the expectation alone, so a
 * report can list the rules that have none.
 */
export function noAutomaticFix(rule: BaselineRule): string | undefined {
  const answers = checkContexts(rule.expect).map(fixValue);
  if (answers.some((answer) => 'value' in answer)) return undefined;
  return (answers[0] as { reason: string }).reason;
}

/**
 * The fix for a failed rule's failing checks when it is unambiguous: every failing check has
 * exactly one passing value in a document we may write. `values` holds the documents as read;
 * `passes` re-evaluates the rule on the fixed documents, and a fix that does not make the rule
 * pass (or leave it undecided for want of other data) is not offered.
 */
export function deriveFix(
  failing: readonly FailingCheck[],
  values: (data: BaselineSourceId) => JsonRecord | undefined,
  passes: (fixed: ReadonlyMap<BaselineSourceId, JsonRecord>) => boolean,
): { fix: BaselineFix } | { reason: string } {
  const fixed = new Map<BaselineSourceId, JsonRecord>();
  const written = new Map<string, unknown>();
  for (const entry of failing) {
    const answer = fixValue(entry);
    if ('reason' in answer) return answer;
    const key = `${entry.check.data}:${entry.check.path}`;
    if (written.has(key) && JSON.stringify(written.get(key)) !== JSON.stringify(answer.value))
      return { reason: `The rule asks two things of ${entry.check.path}: choose one.` };
    written.set(key, answer.value);
    let document = fixed.get(entry.check.data);
    if (!document) {
      const original = values(entry.check.data);
      if (!original)
        return { reason: `${capitalise(BASELINE_SOURCES[entry.check.data].title)} was not read.` };
      document = cloneJson(original);
      fixed.set(entry.check.data, document);
    }
    setAt(document, settingPath(entry.check.path), answer.value);
  }
  if (!passes(fixed)) return { reason: 'No single change makes the rule pass.' };
  // In the order of the rule's checks, not of the document's keys, so a fix reads the same
  // whether the data came from Graph or from an export (canonical key order).
  const checked = [...written.keys()];
  const rank = (data: BaselineSourceId, path: string): number => {
    const i = checked.findIndex(
      (key) => key === `${data}:${path}` || `${data}:${path}`.startsWith(`${key}.`),
    );
    return i < 0 ? checked.length : i;
  };
  const changes: BaselineChange[] = [];
  for (const [data, document] of fixed) {
    const differences = leafDifferences(values(data), document)
      .map((difference) => ({ difference, rank: rank(data, difference.path.join('.')) }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ difference }) => difference);
    const patch: JsonRecord = {};
    for (const difference of differences) setAt(patch, difference.path, difference.after);
    changes.push({ data, patch, settings: differences.map((d) => d.path.join('.')) });
  }
  return { fix: { changes } };
}
