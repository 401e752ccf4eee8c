import type { LogRow } from './logRow';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Up to three days the chart shows hours (at most 73 bars), beyond that days. */
const HOURLY_SPAN = 72 * HOUR;
/**
 * Far more bars than 30 days of log need. It only bites when an entry claims a time years away
 * from the rest (hostile or garbled): the newest buckets are kept and older rows are omitted.
 */
const MAX_BUCKETS = 400;

export interface ChartBucket {
  /** Epoch ms, inclusive; aligned to a UTC hour or a UTC midnight. */
  readonly start: number;
  /** Epoch ms, exclusive: the next bucket's start. */
  readonly end: number;
  readonly success: number;
  readonly failure: number;
  readonly skipped: number;
  readonly warning: number;
  /** Any other status (unknownFutureValue, missing …). */
  readonly other: number;
}

export interface ChartData {
  readonly unit: 'hour' | 'day';
  /** Consecutive, oldest first, covering the range with no gaps (empty buckets included). */
  readonly buckets: readonly ChartBucket[];
  /** Rows not counted: without a time, outside the range, or before the oldest bucket kept. */
  readonly omitted: number;
}

export interface BucketOptions {
  /** Positions in `rows` to count (a `LogIndex` query result); all rows when absent. */
  readonly positions?: ArrayLike<number>;
  /**
   * The range to cover, epoch ms (`from` inclusive, `to` exclusive), for example the days loaded;
   * when absent, from the oldest to the newest row counted.
   */
  readonly range?: { readonly from: number; readonly to: number };
}

type Counts = { -readonly [K in keyof ChartBucket]: number };

/**
 * Rows per hour or per day and status, for the chart over the table. The unit is an hour when the
 * range spans at most 72 hours, else a day. Buckets are aligned to UTC (hours and midnights in
 * UTC, not the viewer's zone), so they do not shift with the viewer's zone or daylight saving.
 * Rows with time 0 (no parsable activityDateTime) are left out.
 */
export function bucketRows(rows: readonly LogRow[], options: BucketOptions = {}): ChartData {
  const picked = options.positions;
  const count = picked ? picked.length : rows.length;
  const at = (k: number): LogRow => rows[picked ? picked[k] : k];
  let first = options.range?.from ?? Infinity;
  let last = options.range ? options.range.to - 1 : -Infinity;
  if (!options.range) {
    for (let k = 0; k < count; k++) {
      const t = at(k).time;
      if (t === 0 || !Number.isFinite(t)) continue;
      if (t < first) first = t;
      if (t > last) last = t;
    }
  }
  if (!Number.isFinite(first) || !Number.isFinite(last) || first > last)
    return { unit: 'hour', buckets: [], omitted: count };
  const span = options.range ? options.range.to - options.range.from : last - first;
  const unit = span <= HOURLY_SPAN ? HOUR : DAY;
  const lastStart = Math.floor(last / unit) * unit;
  const firstStart = Math.max(
    Math.floor(first / unit) * unit,
    lastStart - (MAX_BUCKETS - 1) * unit,
  );
  const buckets: Counts[] = [];
  for (let start = firstStart; start <= lastStart; start += unit)
    buckets.push({
      start,
      end: start + unit,
      success: 0,
      failure: 0,
      skipped: 0,
      warning: 0,
      other: 0,
    });
  let omitted = 0;
  for (let k = 0; k < count; k++) {
    const row = at(k);
    const t = row.time;
    if (t === 0 || !Number.isFinite(t) || t < first || t > last || t < firstStart) {
      omitted++;
      continue;
    }
    const bucket = buckets[Math.floor((t - firstStart) / unit)];
    switch (row.status.toLowerCase()) {
      case 'success':
        bucket.success++;
        break;
      case 'failure':
        bucket.failure++;
        break;
      case 'skipped':
        bucket.skipped++;
        break;
      case 'warning':
        bucket.warning++;
        break;
      default:
        bucket.other++;
    }
  }
  return { unit: unit === HOUR ? 'hour' : 'day', buckets, omitted };
}
