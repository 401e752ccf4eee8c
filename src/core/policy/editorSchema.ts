/**
 * The schema VS Code's JSON service is given (package.json `jsonValidation`, written to
 * `dist/schemas/` by the build): the same properties, descriptions, completions and snippets as the
 * file in `schemas/`, but nothing that judges a value. The JSON service reports every schema
 * violation as a warning, while our own checks (core/policy/checkDocument) report the same
 * violations with the severity push and the CLI go by (an enum violation is an error): if both
 * judged, Problems would list one finding twice, with two severities, and the push refusal would
 * count what Problems does not show.
 */

/** Keywords that only describe, kept as they are. */
const DESCRIBING = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'markdownDescription',
  'default',
  'examples',
  'defaultSnippets',
  'readOnly',
  'doNotSuggest',
  'suggestSortText',
]);

/**
 * Keywords that judge a value but also drive completions (the enum members, `true`/`false`, `{}`).
 * They move into `anyOf: [<them>, {}]`: the JSON service still offers what they list (it collects
 * completions from every alternative), and the empty alternative accepts anything, so nothing is
 * reported.
 */
const OFFERING = new Set(['type', 'enum', 'const', 'enumDescriptions', 'markdownEnumDescriptions']);

/** Keywords whose values are maps of subschemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

/** Keywords whose values are lists of subschemas (each list becomes one `allOf` member). */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/**
 * The editor's version of one schema (a whole file, or any subschema). Every other keyword
 * (required, pattern, uniqueItems, format, minItems, additionalProperties: false, …) is left out:
 * our checks report it.
 */
export function editorSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  const offered: Record<string, unknown> = {};
  const allOf: unknown[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (DESCRIBING.has(key)) out[key] = value;
    else if (OFFERING.has(key)) offered[key] = value;
    else if (SCHEMA_MAPS.has(key))
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, sub]) => [
          name,
          editorSchema(sub),
        ]),
      );
    else if (key === 'items')
      out.items = Array.isArray(value) ? value.map(editorSchema) : editorSchema(value);
    // A schema for unlisted properties describes them; `false` only judges.
    else if (key === 'additionalProperties' && typeof value === 'object')
      out.additionalProperties = editorSchema(value);
    else if (key === 'allOf') allOf.push(...(value as unknown[]).map(editorSchema));
    // Once its alternatives judge nothing, several match every value, which `oneOf` reports.
    else if (SCHEMA_LISTS.has(key)) allOf.push({ anyOf: (value as unknown[]).map(editorSchema) });
  }
  if (Object.keys(offered).length > 0) out.anyOf = [offered, {}];
  if (allOf.length > 0) out.allOf = allOf;
  return out;
}
