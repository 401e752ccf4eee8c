import { cloneJson, type JsonObject, str } from '../json';
import { compareRowsDescending } from '../store/provisioningLogStore';
import type { EventRow } from '../store/eventLog';
import type { FilterPredicate } from './filter';
import { nextLink, type Page } from './paging';
import { decodeSkipToken, encodeSkipToken } from './skipToken';

/** How many leading rows satisfy `before` (a predicate that holds for a prefix of the newest-first rows). */
function prefixLength(rows: readonly EventRow[], before: (row: EventRow) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(rows[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface KeysetQuery {
  /** Tags the continuation token, so a token from another collection is refused. */
  readonly kind: string;
  readonly url: URL;
  readonly skipToken: string | undefined;
  readonly top: number;
  readonly order: 'asc' | 'desc';
  readonly filter: FilterPredicate | undefined;
}

/**
 * One page of a time-ordered log with keyset paging: the opaque `$skiptoken` holds the position
 * after the last row served, so entries logged while a client pages cannot shift or repeat its
 * pages. `rows` are newest first; an ascending walk goes backwards through them.
 */
export function keysetPage(rows: readonly EventRow[], query: KeysetQuery): Page {
  const { order, top, filter } = query;
  let index = order === 'desc' ? 0 : rows.length - 1;
  if (query.skipToken !== undefined) {
    const { ms, id } = decodeSkipToken(query.kind, query.skipToken);
    const key = { ms: Number(ms), id: str(id) };
    index =
      order === 'desc'
        ? prefixLength(rows, (r) => compareRowsDescending(r, key) <= 0)
        : prefixLength(rows, (r) => compareRowsDescending(r, key) < 0) - 1;
  }
  const step = order === 'desc' ? 1 : -1;
  const value: JsonObject[] = [];
  let last: EventRow | undefined;
  for (; index >= 0 && index < rows.length; index += step) {
    const row = rows[index];
    if (filter && !filter(row.entry)) continue;
    if (value.length === top) {
      return {
        value,
        nextLink: nextLink(query.url, encodeSkipToken(query.kind, { ms: last!.ms, id: last!.id })),
      };
    }
    value.push(cloneJson(row.entry));
    last = row;
  }
  return { value };
}
