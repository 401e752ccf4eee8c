/**
 * Defensive reads of JSON that came from another tenant: any field may be missing, null or of the
 * wrong type, and none of these reads may throw. Only own properties are read, so a key such as
 * `__proto__` or `constructor` in the data never reaches `Object.prototype`.
 */

/** The property when `value` is a non-array object that has it as its own, else undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Strings as they are; finite numbers and booleans in their usual spelling; anything else ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
    return String(value);
  return '';
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A nested value shown as text: scalars as `asText`, objects and arrays as compact JSON. */
function detailText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return asText(value);
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}

/**
 * The `details` of a step or identity (an open type that Graph fills with a string map) as
 * key/value pairs, in the order sent. A value that is not a string is shown as text or JSON.
 */
export function detailEntries(details: unknown): [string, string][] {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return [];
  return Object.entries(details).map(([k, v]) => [k, detailText(v)]);
}

/** A value of `details` by key; the exact key first, then any case (import steps say `userPrincipalName`, identities `UserPrincipalName`). */
export function detailValue(details: unknown, key: string): string {
  const exact = field(details, key);
  if (exact !== undefined) return asText(exact);
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return '';
  const lower = key.toLowerCase();
  for (const k of Object.keys(details))
    if (k.toLowerCase() === lower) return asText((details as Record<string, unknown>)[k]);
  return '';
}
