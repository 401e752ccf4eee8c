import { GRAPH_TYPES, type GraphTypeName } from '../policy/graphTypes';

/** The audit log's numeric `accessType`: 1 = allowed, 2 = blocked (baselines-and-history.md §2). */
const ACCESS_TYPES: Readonly<Record<number, string>> = { 1: 'allowed', 2: 'blocked' };
const TARGET_TYPES = new Set(['user', 'group', 'application']);
/** Bounds against hostile or broken values: how deep and how long a value may be. */
const MAX_DEPTH = 8;
const MAX_LENGTH = 200_000;

export type DecodedValue =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly raw: string };

class Undecodable extends Error {}

/** A JSON object's keys matched to the Graph type's names, case-insensitively, values decoded within. */
function canonical(value: unknown, type: GraphTypeName | undefined, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Undecodable();
  if (Array.isArray(value)) return value.map((item) => canonical(item, type, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const shapes = type ? GRAPH_TYPES[type] : [];
  const entries = Object.entries(value as Record<string, unknown>).map(([key, v]) => {
    const shape = shapes.find((s) => s.name.toLowerCase() === key.toLowerCase());
    const name = shape?.name ?? key;
    const decoded =
      name === 'accessType'
        ? accessType(v)
        : name === 'targetType'
          ? targetType(v)
          : canonical(v, shape?.type, depth + 1);
    return [name, decoded] as const;
  });
  // fromEntries defines properties, so a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries(entries);
}

function accessType(v: unknown): unknown {
  if (v === null) return null;
  if (typeof v === 'number' && v in ACCESS_TYPES) return ACCESS_TYPES[v];
  if (typeof v === 'string' && ['allowed', 'blocked'].includes(v.toLowerCase()))
    return v.toLowerCase();
  throw new Undecodable();
}

/** Graph's names for a target type; any other encoding (a number nobody documents) is not guessed. */
function targetType(v: unknown): unknown {
  if (v === null) return null;
  if (typeof v === 'string' && TARGET_TYPES.has(v.toLowerCase())) return v.toLowerCase();
  throw new Undecodable();
}

/** JSON text, or JSON text inside a JSON string (some values arrive quoted twice). */
function parse(text: string): unknown {
  let value: unknown = JSON.parse(text);
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) value = JSON.parse(value);
  return value;
}

/**
 * A `modifiedProperty` value as the setting it stands for. The log writes values as JSON text
 * (`"\"<guid>\""`, `"true"`, `"{…}"`) with `accessType` as a number; key casing is not trusted,
 * and a value that is not JSON is kept as text for string properties. `type` is the Graph type
 * of the property (undefined for a scalar or an unknown property).
 */
export function decodeAuditValue(
  raw: string | null | undefined,
  type: GraphTypeName | undefined,
  scalar: boolean,
): DecodedValue {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  if (raw.length > MAX_LENGTH) return { ok: false, raw: raw.slice(0, 200) };
  let value: unknown;
  try {
    value = parse(raw);
  } catch {
    // A bare string (a display name written without quotes) is still that string.
    return scalar ? { ok: true, value: raw } : { ok: false, raw };
  }
  try {
    return { ok: true, value: canonical(value, type, 0) };
  } catch (e) {
    if (e instanceof Undecodable) return { ok: false, raw };
    throw e;
  }
}
