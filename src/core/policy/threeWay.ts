import { isUnset, jsonEqual } from '../jsonEqual';
import { pathLabel, summarizeChanges } from './diffSummary';
import type { DocumentKindId } from './documentKinds';
import { cloneJson, comparable, isPlainObject, setAt, type JsonRecord } from './documentPaths';

/** Both sides changed the same property to different values since the draft was started. */
export interface Conflict {
  readonly path: string[];
  /** Readable, e.g. "B2B collaboration inbound › users and groups › access type". */
  readonly label: string;
  readonly base: unknown;
  readonly live: unknown;
  readonly draft: unknown;
}

export interface ThreeWayResult {
  /** Live differs from the version the draft started from. */
  readonly liveChanged: boolean;
  /** What changed in live since the base, in words. */
  readonly theirs: string[];
  readonly conflicts: Conflict[];
  /**
   * Live with the user's own changes (base → draft) reapplied; at each conflict it holds the live
   * value until resolveConflicts picks. Keys the document never shows (server-owned) are live's.
   */
  readonly merged: Record<string, unknown>;
}

/**
 * Rebases a draft onto the current live object. Graph has no ETags (graph-api.md §0), so the draft
 * remembers the live text it started from (`base`) and this is the only way to notice a colleague's
 * edit before a push overwrites it.
 *
 * Granularity: objects are merged property by property, so one admin changing
 * `inboundTrust.isMfaAccepted` and another `inboundTrust.isCompliantDeviceAccepted` merge cleanly;
 * arrays (target lists, allowedCloudEndpoints) are whole values. A property both sides changed to
 * different values is a conflict; both making the same change is not. Absent and `null` are the
 * same value (on a partner both mean "inherit").
 */
export function threeWay(
  kind: DocumentKindId,
  base: object,
  live: object,
  draft: object,
): ThreeWayResult {
  const b = comparable(kind, base);
  const l = comparable(kind, live);
  const d = comparable(kind, draft);
  const merged = cloneJson(live) as JsonRecord;
  const conflicts: Conflict[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(l), ...Object.keys(d)]))
    merge([key], b[key], l[key], d[key], merged, conflicts);
  return {
    liveChanged: !jsonEqual(b, l, 'unsetIsNull'),
    theirs: summarizeChanges(kind, b, l),
    conflicts,
    merged,
  };
}

function merge(
  path: string[],
  base: unknown,
  live: unknown,
  draft: unknown,
  merged: JsonRecord,
  conflicts: Conflict[],
): void {
  if (jsonEqual(base, draft, 'unsetIsNull')) return; // the user did not touch it: live stands
  if (jsonEqual(base, live, 'unsetIsNull') || jsonEqual(live, draft, 'unsetIsNull')) {
    // Only the user changed it, or both made the same change.
    setAt(merged, path, draft);
    return;
  }
  // An object of nothing but nulls is an unset setting (how Graph reads back a reset), not one to merge into.
  const nested =
    isPlainObject(live) &&
    isPlainObject(draft) &&
    !isUnset(live) &&
    !isUnset(draft) &&
    (isPlainObject(base) || base === null || base === undefined);
  if (nested) {
    const b = isPlainObject(base) ? base : {};
    for (const key of new Set([...Object.keys(b), ...Object.keys(live), ...Object.keys(draft)])) {
      merge([...path, key], b[key], live[key], draft[key], merged, conflicts);
    }
    return;
  }
  conflicts.push({
    path,
    label: pathLabel(path),
    base: base ?? null,
    live: live ?? null,
    draft: draft ?? null,
  });
}

/**
 * The merged document with every conflict decided: `choices` maps each conflict's `path.join('/')`
 * to the side that wins. Throws when a conflict has no choice, so nothing is decided silently.
 */
export function resolveConflicts(
  result: ThreeWayResult,
  choices: Readonly<Record<string, 'live' | 'draft'>>,
): Record<string, unknown> {
  const resolved = cloneJson(result.merged);
  const open = result.conflicts.filter(
    (conflict) => choices[conflict.path.join('/')] === undefined,
  );
  if (open.length > 0)
    throw new Error(
      `Choose live or draft for: ${open.map((conflict) => conflict.label).join('; ')}.`,
    );
  for (const conflict of result.conflicts) {
    setAt(
      resolved,
      conflict.path,
      choices[conflict.path.join('/')] === 'draft' ? conflict.draft : conflict.live,
    );
  }
  return resolved;
}
