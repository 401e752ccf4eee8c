import { jsonEqual } from '../jsonEqual';
import { toCanonicalText } from './canonical';
import { DOCUMENT_KINDS, type DocumentKindId } from './documentKinds';

/**
 * Property paths through policy documents, shared by the push plan, the three-way rebase, drift
 * and the CLI's diff. One notion of "the same value" for all of them: `jsonEqual` with
 * `'unsetIsNull'` (an absent property, an explicit `null` and an object of nothing but nulls send
 * the same thing).
 */

export type JsonRecord = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document as it is compared: what its canonical text holds (server-owned keys, keys the
 * location carries and `@odata.*` annotations dropped). A live object and the file exported from
 * it normalise to the same value.
 */
export function comparable(kind: DocumentKindId, document: object): JsonRecord {
  return JSON.parse(toCanonicalText(kind, document)) as JsonRecord;
}

/** Keys never sent to Graph for a kind: server-owned keys, keys its location carries, read-only keys. */
export function unsentKeys(kind: DocumentKindId): string[] {
  const entry = DOCUMENT_KINDS[kind];
  return [
    ...new Set([
      ...entry.serverOwnedKeys,
      ...entry.uriKeys.map((uriKey) => uriKey.key),
      ...entry.readOnlyKeys.map((readOnly) => readOnly.key),
    ]),
  ];
}

export interface LeafDifference {
  readonly path: string[];
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Every property that differs between two values, at leaf granularity: objects on both sides are
 * compared property by property; anything else (scalars, arrays such as target lists, an object
 * against null) is one difference at that path. Paths of an object come in key order, `before`'s
 * keys first.
 */
export function leafDifferences(
  before: unknown,
  after: unknown,
  path: string[] = [],
): LeafDifference[] {
  if (jsonEqual(before, after, 'unsetIsNull')) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => leafDifferences(before[key], after[key], [...path, key]));
  }
  return [{ path, before, after }];
}

/** The value at a path; undefined when a step is missing or not an object. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Sets the value at a path in place, creating objects on the way (replacing a null or scalar step);
 * `undefined` removes the property. The root itself (an empty path) cannot be set.
 */
export function setAt(root: JsonRecord, path: readonly string[], value: unknown): void {
  if (path.length === 0) throw new Error('setAt needs a non-empty path.');
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isPlainObject(next)) {
      const created: JsonRecord = {};
      defineKey(node, key, created);
      node = created;
    } else {
      node = next;
    }
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else defineKey(node, last, cloneJson(value));
}

/** A deep copy of a JSON value. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Assignment that keeps a key such as "__proto__" an ordinary property. */
function defineKey(target: JsonRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
