/** JSON values as the sandbox stores and serves them: plain data, safe to clone and persist. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy, so a stored document can never be changed through a value handed out in a response. */
export function cloneJson<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** Reads an object property, or undefined when it is absent, null or not an object. */
export function objectProp(
  object: JsonObject | null | undefined,
  key: string,
): JsonObject | undefined {
  const value = object?.[key];
  return isJsonObject(value) ? value : undefined;
}

/** The text of a scalar JSON value; '' for null, absent, objects and arrays. */
export function str(value: Json | undefined): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}
