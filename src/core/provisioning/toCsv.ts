import type { LogRow } from './logRow';

const COLUMNS: readonly (readonly [header: string, cell: (row: LogRow) => string])[] = [
  ['Time (UTC)', (r) => isoTime(r.time)],
  ['Status', (r) => r.status],
  ['Action', (r) => r.action],
  ['Identity type', (r) => r.identityType],
  ['Source name', (r) => r.sourceName],
  ['Source principal name', (r) => r.sourceUpn],
  ['Source id', (r) => r.sourceId],
  ['Target name', (r) => r.targetName],
  ['Target id', (r) => r.targetId],
  ['Error code', (r) => r.errorCode],
  ['Duration (ms)', (r) => String(r.durationMs)],
  ['Cycle id', (r) => r.cycleId],
  ['Change id', (r) => r.changeId],
  ['Job id', (r) => r.jobId],
  ['Entry id', (r) => r.id],
];

/** ISO 8601 in UTC, or '' for an entry without a (valid) time. */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return ms === 0 || Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection). The data
 * comes from another tenant, so such a cell gets a leading apostrophe, which makes spreadsheets
 * take it as text (OWASP's advice; tab and CR are on its list because some trim them first).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a field with a comma, a quote or a line break is quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV (RFC 4180: CRLF line ends, quoted fields as needed, a header row). It starts
 * with a byte order mark, without which Excel reads UTF-8 as the local code page and garbles
 * every non-ASCII name.
 */
export function toCsv(rows: readonly LogRow[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, cell]) => csvField(cell(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
