import { jsonEqual } from '../jsonEqual';

/** A PATCH body for T: some of its top-level properties, each a whole new value or null (= inherit from the default). */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

/** Keys and server-computed properties; never sent in a PATCH. */
export const SERVER_OWNED_PROPERTIES: readonly string[] = [
  'id',
  'tenantId',
  'isServiceDefault',
  'isInMultiTenantOrganization',
  'identitySynchronization',
  'deletedDateTime',
];

/**
 * The minimal PATCH that turns `before` (a fresh GET) into `after` (the edited document).
 *
 * Graph merges a PATCH at the top level only; a nested object that is sent replaces the stored one
 * (graph-api.md §3), so sending just the changed leaf would silently reset its siblings to null —
 * to inheriting from the default. Hence: only changed top-level properties are emitted, each one
 * whole as it is in `after`; a property that is null or missing in `after` but set in `before` is
 * emitted as `null`, which returns it to inheriting. Arrays compare in order. `@odata.*`
 * annotations and `readOnly` properties (default: SERVER_OWNED_PROPERTIES) are never emitted, even
 * when they differ.
 */
export function buildPatch<T extends object>(
  before: T,
  after: T,
  readOnly: readonly string[] = SERVER_OWNED_PROPERTIES,
): Patch<T> {
  const skip = new Set(readOnly);
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (skip.has(key) || key.includes('@odata.')) continue;
    const next = now[key] ?? null;
    if (!jsonEqual(was[key] ?? null, next)) patch[key] = next;
  }
  return patch as Patch<T>;
}
