import type { LogColumn, LogFilters, LogRow, LogSort } from './logRow';

/** Newest first: how Graph returns the log and how the panel opens. */
export const DEFAULT_SORT: LogSort = { column: 'time', descending: true };

type TextColumn = Exclude<LogColumn, 'time'>;

/** Between fields of a haystack, so a needle cannot match across two of them by accident. */
const SEP = '\u0000';
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** The text filter's haystack: source and target names, ids and principal name, lower case. */
function haystackOf(row: LogRow): string {
  return `${row.sourceName}${SEP}${row.sourceUpn}${SEP}${row.sourceId}${SEP}${row.targetName}${SEP}${row.targetId}`.toLowerCase();
}

/**
 * A sort key that orders like people expect without `Intl.Collator` (which takes about 100 ms for
 * 50,000 distinct names): lower case, accents dropped so "Émile" sorts with "Emile". Plain ASCII,
 * the common case, skips the normalisation.
 */
function sortKey(value: string): string {
  const lower = value.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
}

/**
 * Each row's rank in the order of `keyOf` (equal keys share a rank). Sorting by ranks compares
 * integers: comparing the strings themselves takes five times as long when many rows share a
 * value (the same user in every cycle). Only distinct values are folded and sorted.
 */
function rankRows(rows: readonly LogRow[], keyOf: (row: LogRow) => string): Int32Array {
  const slotOf = new Map<string, number>();
  const values: string[] = [];
  const ranks = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = keyOf(rows[i]);
    let slot = slotOf.get(value);
    if (slot === undefined) {
      slot = values.length;
      slotOf.set(value, slot);
      values.push(value);
    }
    ranks[i] = slot;
  }
  const keys = values.map(sortKey);
  const order = values
    .map((_, slot) => slot)
    .sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rankOfSlot = new Int32Array(values.length);
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && keys[order[k]] !== keys[order[k - 1]]) rank++;
    rankOfSlot[order[k]] = rank;
  }
  for (let i = 0; i < ranks.length; i++) ranks[i] = rankOfSlot[ranks[i]];
  return ranks;
}

const KEY_OF: Readonly<Record<TextColumn, (row: LogRow) => string>> = {
  action: (r) => r.action,
  status: (r) => r.status,
  source: (r) => r.sourceName || r.sourceUpn || r.sourceId,
  target: (r) => r.targetName || r.targetId,
  errorCode: (r) => r.errorCode,
  cycleId: (r) => r.cycleId,
};

/** A lower-case set of the picked values, or undefined for "any". */
function lowerSet(values: readonly string[]): ReadonlySet<string> | undefined {
  return values.length === 0 ? undefined : new Set(values.map((v) => v.toLowerCase()));
}

function bound(value: number | undefined, otherwise: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : otherwise;
}

/**
 * The rows of one panel with what filtering needs precomputed once per row (a lower-case haystack
 * of the searched fields, lower-case status, action and error code), so a query over 50,000 rows
 * is one tight loop of comparisons. The precomputing happens as pages arrive (under a millisecond
 * per page of 500), not on the first search, which would pay for all rows at once.
 * Ranks for sorting by a text column are built on the first sort by it, until the rows change.
 * Query results are positions in `rows`; `prepend` shifts them, so query again after a change.
 */
export class LogIndex {
  private all: LogRow[] = [];
  private haystacks: string[] = [];
  private statuses: string[] = [];
  private actions: string[] = [];
  private codes: string[] = [];
  /** Per column, built on the first sort by it and dropped when the rows change. */
  private readonly ranks = new Map<TextColumn, Int32Array>();

  constructor(rows: readonly LogRow[] = []) {
    this.append(rows);
  }

  get rows(): readonly LogRow[] {
    return this.all;
  }

  get size(): number {
    return this.all.length;
  }

  /** The row at a position a query returned. */
  row(position: number): LogRow {
    return this.all[position];
  }

  /** Drops every row (a reload or a new time range). */
  clear(): void {
    this.all = [];
    this.haystacks = [];
    this.statuses = [];
    this.actions = [];
    this.codes = [];
    this.ranks.clear();
  }

  /** Older rows (the next page). */
  append(rows: readonly LogRow[]): void {
    for (const row of rows) {
      this.all.push(row);
      this.haystacks.push(haystackOf(row));
      this.statuses.push(row.status.toLowerCase());
      this.actions.push(row.action.toLowerCase());
      this.codes.push(row.errorCode.trim().toLowerCase());
    }
    this.ranks.clear();
  }

  /** Newer rows (live mode), in front of everything loaded. */
  prepend(rows: readonly LogRow[]): void {
    this.all = [...rows, ...this.all];
    this.haystacks = [...rows.map(haystackOf), ...this.haystacks];
    this.statuses = [...rows.map((r) => r.status.toLowerCase()), ...this.statuses];
    this.actions = [...rows.map((r) => r.action.toLowerCase()), ...this.actions];
    this.codes = [...rows.map((r) => r.errorCode.trim().toLowerCase()), ...this.codes];
    this.ranks.clear();
  }

  /**
   * Positions of the rows that pass every filter, sorted. Statuses, actions and the error code
   * compare case-insensitively; the cycle id exactly; the text is a case-insensitive substring
   * (trimmed) of source and target names, ids and principal name; `from` is inclusive, `to`
   * exclusive. Sorting is stable: rows with equal keys keep their order in `rows`.
   */
  query(filters: LogFilters, sort: LogSort = DEFAULT_SORT): Int32Array {
    const rows = this.all;
    const statuses = lowerSet(filters.statuses);
    const actions = lowerSet(filters.actions);
    const code = filters.errorCode.trim().toLowerCase();
    const cycle = filters.cycleId.trim();
    const needle = filters.text.trim().toLowerCase();
    const haystacks = this.haystacks;
    const from = bound(filters.from, -Infinity);
    const to = bound(filters.to, Infinity);
    const out = new Int32Array(rows.length);
    let count = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.time < from || row.time >= to) continue;
      if (statuses !== undefined && !statuses.has(this.statuses[i])) continue;
      if (actions !== undefined && !actions.has(this.actions[i])) continue;
      if (code !== '' && this.codes[i] !== code) continue;
      if (cycle !== '' && row.cycleId !== cycle) continue;
      if (needle !== '' && !haystacks[i].includes(needle)) continue;
      out[count++] = i;
    }
    return this.sort(out.slice(0, count), sort);
  }

  private sort(positions: Int32Array, sort: LogSort): Int32Array {
    const direction = sort.descending ? -1 : 1;
    // The position breaks ties, which keeps the sort stable whatever the engine's algorithm.
    if (sort.column === 'time') {
      const rows = this.all;
      return positions.sort((a, b) => (rows[a].time - rows[b].time) * direction || a - b);
    }
    const ranks = this.ranksOf(sort.column);
    return positions.sort((a, b) => (ranks[a] - ranks[b]) * direction || a - b);
  }

  private ranksOf(column: TextColumn): Int32Array {
    let ranks = this.ranks.get(column);
    if (ranks === undefined) {
      ranks = rankRows(this.all, KEY_OF[column]);
      this.ranks.set(column, ranks);
    }
    return ranks;
  }
}

/** Positions in `rows` of the rows that pass `filters`, sorted: a one-off query (an export), without keeping an index. */
export function filterRows(
  rows: readonly LogRow[],
  filters: LogFilters,
  sort: LogSort = DEFAULT_SORT,
): Int32Array {
  return new LogIndex(rows).query(filters, sort);
}
