/**
 * A GUID as Graph writes object and tenant ids: 8-4-4-4-12 hexadecimal digits, any case, no braces.
 * The source text, for patterns that find GUIDs inside longer text.
 */
export const GUID_TEXT =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const GUID_PATTERN = new RegExp(`^${GUID_TEXT}$`);

/** The one check that a whole string is a GUID (an object id, a tenant id). */
export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}
