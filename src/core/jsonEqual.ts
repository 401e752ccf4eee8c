/**
 * How `jsonEqual` treats a value that is not there:
 * - `'distinct'`: `null` is a value of its own; only an absent property and one holding `undefined`
 *   are the same (they serialise alike). What a PATCH is built from: `{"a": null}` is a request to
 *   inherit, `{}` sends nothing.
 * - `'absentIsNull'`: also an absent property (or `undefined`) equals `null`, at every depth. What
 *   the change summary reads: a document that leaves a setting out and one that writes `null` say
 *   the same thing.
 * - `'unsetIsNull'`: also an object holding nothing but unset values equals `null`, at every depth
 *   (Graph serves an unconfigured setting such as a partner's `automaticUserConsentSettings` as
 *   `{"inboundAllowed": null, "outboundAllowed": null}`, which is what storing `null` reads back
 *   as). What the push plan, the three-way rebase, drift and blast radius compare with. Empty arrays
 *   stay values: an empty target list means something.
 */
export type UnsetRule = 'distinct' | 'absentIsNull' | 'unsetIsNull';

/**
 * Structural equality of JSON values (as `JSON.parse` gives them, plus `undefined` for absent):
 * object key order does not matter, array order does; what counts as unset is `unset`'s rule.
 */
export function jsonEqual(a: unknown, b: unknown, unset: UnsetRule = 'distinct'): boolean {
  const x = normalise(a, unset);
  const y = normalise(b, unset);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) &&
      Array.isArray(y) &&
      x.length === y.length &&
      x.every((item, i) => jsonEqual(item, y[i], unset))
    );
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  for (const key of new Set([...Object.keys(xo), ...Object.keys(yo)]))
    if (!jsonEqual(xo[key], yo[key], unset)) return false;
  return true;
}

/** Null, absent, or a (non-array) object whose every property is unset. */
export function isUnset(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isUnset);
}

function normalise(value: unknown, unset: UnsetRule): unknown {
  if (unset === 'distinct') return value;
  if (unset === 'unsetIsNull') return isUnset(value) ? null : value;
  return value === undefined ? null : value;
}
