import { isGuid } from '../policy/guid';
import type { LogColumn, LogFilters, LogSort } from './logRow';
import { field } from './looseJson';
import type { PanelState, PanelTarget } from './panelProtocol';
import {
  MAX_DAYS,
  MAX_ID_LENGTH,
  MAX_LIST_ITEMS,
  MAX_TEXT_LENGTH,
  isEnumValue,
} from './protocolLimits';

/*
 * Strict checks of what the webview sends: exact types, bounded sizes, known members. Each parser
 * builds a new object from the properties it knows, so extra properties (including `__proto__` or
 * `constructor` keys) are dropped, and only own properties are read (field in looseJson.ts).
 */

/** Keyed so that adding a LogColumn without listing it here fails to compile. */
const COLUMNS: Readonly<Record<LogColumn, true>> = {
  time: true,
  action: true,
  status: true,
  source: true,
  target: true,
  errorCode: true,
  cycleId: true,
};

export function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of at most `max` characters, or undefined. */
export function boundedString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

/** A non-empty id of at most MAX_ID_LENGTH characters, or undefined. */
export function parseId(value: unknown): string | undefined {
  const id = boundedString(value, MAX_ID_LENGTH);
  return id === '' ? undefined : id;
}

/** An optional property: absent or undefined is fine (`[undefined]`), anything else must parse. */
function optional<T>(
  value: unknown,
  parse: (v: unknown) => T | undefined,
): [T | undefined] | undefined {
  if (value === undefined) return [undefined];
  const parsed = parse(value);
  return parsed === undefined ? undefined : [parsed];
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function enumList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_LIST_ITEMS) return undefined;
  const items: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !isEnumValue(item)) return undefined;
    items.push(item);
  }
  return items;
}

export function parseLogFilters(value: unknown): LogFilters | undefined {
  if (!isRecord(value)) return undefined;
  const statuses = enumList(field(value, 'statuses'));
  const actions = enumList(field(value, 'actions'));
  const errorCode = boundedString(field(value, 'errorCode'), MAX_ID_LENGTH);
  const cycleId = boundedString(field(value, 'cycleId'), MAX_ID_LENGTH);
  const text = boundedString(field(value, 'text'), MAX_TEXT_LENGTH);
  const from = optional(field(value, 'from'), finiteNumber);
  const to = optional(field(value, 'to'), finiteNumber);
  if (
    !statuses ||
    !actions ||
    errorCode === undefined ||
    cycleId === undefined ||
    text === undefined ||
    !from ||
    !to
  )
    return undefined;
  return {
    statuses,
    actions,
    errorCode,
    cycleId,
    text,
    ...(from[0] !== undefined ? { from: from[0] } : {}),
    ...(to[0] !== undefined ? { to: to[0] } : {}),
  };
}

export function parseLogSort(value: unknown): LogSort | undefined {
  const column = field(value, 'column');
  const descending = field(value, 'descending');
  if (
    typeof column !== 'string' ||
    !Object.hasOwn(COLUMNS, column) ||
    typeof descending !== 'boolean'
  )
    return undefined;
  return { column: column as LogColumn, descending };
}

function guid(value: unknown): string | undefined {
  return typeof value === 'string' && isGuid(value) ? value : undefined;
}

function parseTarget(value: unknown): PanelTarget | undefined {
  const tenantId = guid(field(value, 'tenantId'));
  const servicePrincipalId = guid(field(value, 'servicePrincipalId'));
  const jobId = optional(field(value, 'jobId'), parseId);
  if (tenantId === undefined || servicePrincipalId === undefined || !jobId) return undefined;
  return { tenantId, servicePrincipalId, ...(jobId[0] !== undefined ? { jobId: jobId[0] } : {}) };
}

/** The state a webview saved (`setState`) or reports, or undefined when any part of it is not as expected. */
export function parsePanelState(value: unknown): PanelState | undefined {
  if (!isRecord(value)) return undefined;
  const target = parseTarget(field(value, 'target'));
  const filters = parseLogFilters(field(value, 'filters'));
  const sort = parseLogSort(field(value, 'sort'));
  const days = field(value, 'days');
  const live = field(value, 'live');
  const selectedId = optional(field(value, 'selectedId'), parseId);
  if (!target || !filters || !sort || !isDays(days) || typeof live !== 'boolean' || !selectedId)
    return undefined;
  return {
    target,
    filters,
    sort,
    days,
    live,
    ...(selectedId[0] !== undefined ? { selectedId: selectedId[0] } : {}),
  };
}

/** Whole days, 1 to MAX_DAYS. */
export function isDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DAYS;
}
