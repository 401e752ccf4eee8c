import { buildPatch, SERVER_OWNED_PROPERTIES } from '../graph/buildPatch';
import { jsonEqual } from '../jsonEqual';
import { cannotInherit } from './cannotInherit';
import { summarizeChanges } from './diffSummary';
import type { DocumentKindId } from './documentKinds';
import { comparable, unsentKeys, type JsonRecord } from './documentPaths';

export interface PushPlan {
  readonly kind: DocumentKindId;
  /**
   * The request body. For the cross-tenant access documents (policy, default, partner, identity
   * sync) the minimal PATCH: only changed top-level properties, each whole (Graph replaces nested
   * objects), `null` where the draft drops a setting (on a partner: back to inheriting the
   * default; never for the default settings, see `cannotInherit`). Server-owned, read-only and location-carried keys are never in it. For a sync schema,
   * which Graph only replaces with PUT, the whole draft.
   */
  readonly patch: Record<string, unknown>;
  /** What the push changes, in words (summarizeChanges from live to draft); empty when nothing does. */
  readonly changes: string[];
  /**
   * Default settings: the settings the draft writes as `null` or left out (see cannotInherit).
   * They are never in `patch`; a push with any of them is refused. Empty for every other kind.
   */
  readonly cannotInherit: string[];
  /** Nothing to send. */
  readonly empty: boolean;
}

/**
 * What pushing `draft` over `live` (a fresh GET) sends. The draft is the object parsed from a
 * document (parseDocument), the live object is what Graph returned, annotations included.
 */
export function planPush(kind: DocumentKindId, live: object, draft: object): PushPlan {
  const changes = summarizeChanges(kind, live, draft);
  if (kind === 'syncSchema') {
    const patch = { ...(draft as JsonRecord) };
    return {
      kind,
      patch,
      changes,
      cannotInherit: [],
      empty: jsonEqual(comparable(kind, live), comparable(kind, draft), 'unsetIsNull'),
    };
  }
  const readOnly = [...new Set([...SERVER_OWNED_PROPERTIES, ...unsentKeys(kind)])];
  const built = buildPatch(live as JsonRecord, draft as JsonRecord, readOnly) as JsonRecord;
  // buildPatch compares strictly; a nested `null` and a missing field are the same stored value, so
  // a property that differs only that way is not worth a request.
  const was = live as JsonRecord;
  const refused = kind === 'default' ? cannotInherit(live, draft) : [];
  const patch = Object.fromEntries(
    Object.entries(built).filter(
      ([key, value]) => !jsonEqual(was[key], value, 'unsetIsNull') && !refused.includes(key),
    ),
  );
  return {
    kind,
    patch,
    changes,
    cannotInherit: refused,
    empty: Object.keys(patch).length === 0,
  };
}
