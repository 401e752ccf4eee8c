/** OData string literal: single-quoted, with any single quote inside doubled (`'o''brien.com'`). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A value placed in a URL path (a key or a function parameter). encodeURIComponent leaves `'`, `(`
 * and `)` alone, which OData key and function syntax needs, and encodes `/`, `?`, `#`, spaces.
 */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

export type QueryValue = string | number | boolean | undefined;

/**
 * Query string from system query options. Keys are kept literal (`$filter`, not `%24filter`);
 * values are percent-encoded so quotes, spaces and `&` inside a filter survive. Undefined values
 * are left out.
 */
export function encodeQuery(query: Readonly<Record<string, QueryValue>>): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
}
