import { badRequest, unsupportedQuery } from '../errors';
import type { JsonObject } from '../json';

type Clause = { readonly property?: string; readonly term: string };

/**
 * Compiles directory `$search` ("displayName:ada" AND "mail:contoso", …): each quoted clause
 * matches when a word of the property (or of any searchable property) starts with the term,
 * case-insensitively, as the directory's tokenised search does.
 */
export function compileSearch(
  text: string,
  properties: readonly string[],
): (item: JsonObject) => boolean {
  const tokens = text.match(/"[^"]*"|\S+/g) ?? [];
  const groups: Clause[][] = [[]];
  let expectClause = true;
  for (const token of tokens) {
    if (!expectClause) {
      if (token.toUpperCase() === 'OR') groups.push([]);
      else if (token.toUpperCase() !== 'AND')
        throw badRequest(`Invalid $search: expected AND or OR, found '${token}'.`);
      expectClause = true;
      continue;
    }
    if (!token.startsWith('"') || !token.endsWith('"') || token.length < 2)
      throw badRequest(
        'Invalid $search: each clause is a double-quoted string such as "displayName:ada".',
      );
    const inner = token.slice(1, -1);
    const colon = inner.indexOf(':');
    const property = colon > 0 ? inner.slice(0, colon) : undefined;
    if (
      property !== undefined &&
      !properties.some((p) => p.toLowerCase() === property.toLowerCase())
    )
      throw unsupportedQuery(`The property '${property}' does not support $search.`);
    groups[groups.length - 1].push({
      property: property && properties.find((p) => p.toLowerCase() === property.toLowerCase()),
      term: (colon > 0 ? inner.slice(colon + 1) : inner).toLowerCase(),
    });
    expectClause = false;
  }
  if (expectClause) throw badRequest('Invalid $search: a clause is missing.');
  const words = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value.toLowerCase(), ...value.toLowerCase().split(/[^\p{L}\p{N}]+/u)]
      : [];
  const matches = (item: JsonObject, clause: Clause): boolean =>
    (clause.property ? [clause.property] : properties).some((p) =>
      words(item[p]).some((w) => w.startsWith(clause.term)),
    );
  return (item) => groups.some((group) => group.every((clause) => matches(item, clause)));
}
