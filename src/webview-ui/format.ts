/** Text formats shared by the table, chart and details pane. Times are shown in local time. */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2025-03-14 09:26:53` in local time: fixed width, so a column of times lines up and sorts by eye. */
export function localTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** ISO 8601 in UTC, as Graph reports it: the tooltip, for comparing with the admin center. */
export function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** The value a `datetime-local` input shows for an instant (local time, to the second). */
export function toDateTimeLocal(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return localTime(ms).replace(' ', 'T');
}

/** Parses a `datetime-local` value as local time; '' or garbage means "no bound". */
export function fromDateTimeLocal(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A chart bucket's start as an axis label. Buckets are aligned to UTC (bucketRows.ts), so a day is
 * labelled with its UTC date; an hour is an hour in any whole-hour zone, so it is shown locally.
 */
export function bucketLabel(ms: number, unit: 'hour' | 'day'): string {
  const d = new Date(ms);
  if (unit === 'day') return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} UTC`;
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
