import { isJsonObject, type Json, type JsonObject } from '../json';

/**
 * The audit log's encoding of `accessType` in cross-tenant settings: 1 = allowed, 2 = blocked
 * (the Sentinel rules in baselines-and-history.md §2 decode it so).
 */
const ACCESS_TYPE_CODES: Readonly<Record<string, number>> = { allowed: 1, blocked: 2 };

function encodeAccessTypes(value: Json): Json {
  if (Array.isArray(value)) return value.map(encodeAccessTypes);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value))
    out[key] =
      key === 'accessType' && typeof v === 'string' && v in ACCESS_TYPE_CODES
        ? ACCESS_TYPE_CODES[v]
        : encodeAccessTypes(v);
  return out;
}

/**
 * A setting as `modifiedProperty.oldValue`/`newValue` carry it: a JSON string (`"\"<guid>\""` for
 * a string, `"true"`, `"{…}"`), null for a value that is not set. Sandbox choices where Microsoft
 * documents nothing: keys keep Graph's camelCase names and `targetType` stays a string; only
 * `accessType` is numeric, as the Sentinel rules show.
 */
export function encodeAuditValue(value: Json | undefined): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(encodeAccessTypes(value));
}

/** Deep equality of two stored JSON values (absent = null). */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface ModifiedProperty extends JsonObject {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

/** The properties that differ between two stored documents (absent = null), in `keys` order. */
export function modifiedProperties(
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  keys: readonly string[],
): ModifiedProperty[] {
  return keys
    .filter((key) => !sameJson(before?.[key], after?.[key]))
    .map((key) => ({
      displayName: key,
      oldValue: encodeAuditValue(before?.[key]),
      newValue: encodeAuditValue(after?.[key]),
    }));
}

/** Every top-level key of either document, known ones first in `order`, then the rest sorted. */
export function keysOf(order: readonly string[], ...docs: (JsonObject | undefined)[]): string[] {
  const present = new Set(docs.flatMap((d) => (d ? Object.keys(d) : [])));
  const known = order.filter((k) => present.has(k));
  const rest = [...present].filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}
