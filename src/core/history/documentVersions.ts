import { toCanonicalText } from '../policy/canonical';
import type { HistoryEntry } from './historyEntry';

/** The documents whose versions a history can rebuild. */
export type VersionedKind = 'partner' | 'default' | 'identitySync' | 'policy';

type Doc = Record<string, unknown>;

/**
 * A document before and after one change (null: it did not exist). `verified`: rebuilt from the
 * live document back through every later change, each of which matched. `asLogged`: rebuilt from
 * what the log recorded (a deletion, and what came before it), which nothing can check. `unknown`:
 * it cannot be rebuilt, and `reason` says why.
 */
export type DocumentVersion =
  | { readonly kind: 'verified'; readonly before: Doc | null; readonly after: Doc | null }
  | {
      readonly kind: 'asLogged';
      readonly before: Doc | null;
      readonly after: Doc | null;
      readonly reason: string;
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/** A value for comparison: absent = null, an object of nulls (an unset automatic-consent setting) = null. */
function normal(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normal);
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value as Doc)
    .filter(([key]) => !key.includes('@odata.'))
    .map(([key, v]) => [key, normal(v)] as const)
    .filter(([, v]) => v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? null : Object.fromEntries(entries);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

function at(entry: HistoryEntry): string {
  return entry.time.toISOString();
}

/**
 * Every entry's before and after of one document (a partner, the default, a partner's identity
 * sync or the policy), from the live document (`current`, null when it does not exist now) and the
 * entries about that document, in any order. Walks back from now: each change's logged new values
 * must be what the document held at that point, and its old values give the version before. A
 * mismatch (a change outside the window or not logged) or a value the log did not let us read
 * stops the walk: that entry and older ones are `unknown`, with the reason.
 */
export function documentVersions(
  current: Doc | null,
  entries: readonly HistoryEntry[],
): Map<string, DocumentVersion> {
  const sorted = [...entries].sort(
    (a, b) => b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : -1),
  );
  const out = new Map<string, DocumentVersion>();
  let state: Doc | null = current ? structuredClone(current) : null;
  let stopped: string | undefined;
  let logged: string | undefined;
  const stop = (reason: string): void => {
    stopped = reason;
  };
  for (const entry of sorted) {
    if (!entry.succeeded) {
      out.set(entry.id, { kind: 'unknown', reason: 'The change failed; nothing was changed.' });
      continue;
    }
    if (stopped === undefined && entry.changes.some((c) => !c.decoded))
      stop(
        `The log entry of ${at(entry)} could not be read completely, so this and earlier versions cannot be rebuilt.`,
      );
    const changes = entry.changes.filter((c) => c.property !== 'tenantId');
    const matches =
      entry.operation === 'delete'
        ? state === null
        : state !== null && changes.every((c) => same(state![c.property], c.after));
    if (stopped === undefined && !matches)
      stop(
        `The settings differ from what the log recorded at ${at(entry)}: they were changed without a log entry in this window, so this and earlier versions cannot be rebuilt.`,
      );
    if (stopped !== undefined) {
      out.set(entry.id, { kind: 'unknown', reason: stopped });
      continue;
    }
    const after = state;
    let before: Doc | null;
    if (entry.operation === 'add') {
      before = null;
    } else if (entry.operation === 'delete') {
      const tenantId = entry.changes.find((c) => c.property === 'tenantId')?.before;
      before = Object.fromEntries([
        ...(typeof tenantId === 'string' ? [['tenantId', tenantId] as const] : []),
        ...changes.map((c) => [c.property, c.before] as const),
      ]);
      logged ??=
        'Rebuilt from what the log recorded when it was deleted; a setting the log did not record is shown as not set.';
    } else {
      before = structuredClone(after!);
      for (const c of changes) before[c.property] = c.before ?? null;
    }
    out.set(
      entry.id,
      logged === undefined
        ? { kind: 'verified', before, after }
        : { kind: 'asLogged', before, after, reason: logged },
    );
    state = before;
  }
  return out;
}

/** A version as our canonical document text (what drafts and diffs compare); null when it did not exist. */
export function versionText(kind: VersionedKind, document: Doc | null): string | null {
  return document === null ? null : toCanonicalText(kind, document);
}
