import { badRequest } from '../errors';
import type { JsonObject } from '../json';

/**
 * Parses `$select` against the properties of a type. Names match case-insensitively and come back
 * in their canonical spelling; an unknown name is a 400, as Graph answers.
 */
export function parseSelect(
  value: string | undefined,
  typeName: string,
  properties: readonly string[],
): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw badRequest('$select must name at least one property.');
  return names.map((name) => {
    const canonical = properties.find((p) => p.toLowerCase() === name.toLowerCase());
    if (!canonical)
      throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
    return canonical;
  });
}

/** Keeps the selected properties (and OData control information) in the object's own order. */
export function applySelect(
  object: JsonObject,
  selected: readonly string[] | undefined,
): JsonObject {
  if (!selected) return object;
  const out: JsonObject = {};
  for (const key of Object.keys(object)) {
    if (key.startsWith('@odata.') || selected.includes(key)) out[key] = object[key];
  }
  for (const key of selected) if (!(key in out)) out[key] = null;
  return out;
}
