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
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection), the
 * full-width forms too (East Asian input methods type them). The data comes from another tenant,
 * so such a cell gets a leading apostrophe, which makes spreadsheets take it as text (OWASP's
 * advice; tab, CR and LF are on the list because some applications trim them first).
 */
const FORMULA_START = /^(?=[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20])/;
/**
 * A spreadsheet may also split one field into cells: on `;` (Excel's list separator in much of
 * Europe, which ignores the comma), on a comma or tab when it guesses the separator, and on line
 * breaks. So a formula character at the start of any such part, after optional spaces, gets the
 * apostrophe too: `Bob;=1+2;x` is written `Bob;'=1+2;x`.
 */
const FORMULA_AFTER_SEPARATOR = /([;,\t\r\n] *)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
/** RFC 4180 quotes a field with a comma, a quote or a line break; `;` and tab too, for the splitters above. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

function csvField(value: string): string {
  const safe = value.replace(FORMULA_AFTER_SEPARATOR, "$1'").replace(FORMULA_START, "'");
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
