import { badRequest } from '../errors';
import type { JsonObject } from '../json';

/** Graph limits the whole cross-tenant access policy (default + all partners) to 25 KB (graph-api.md §1). */
export const POLICY_SIZE_LIMIT_BYTES = 25 * 1024;

/** Size of the policy as stored: the default plus every partner's configured settings, as compact JSON. */
export function policySizeBytes(
  defaultConfiguration: JsonObject,
  partners: Iterable<JsonObject>,
): number {
  let size = Buffer.byteLength(JSON.stringify(defaultConfiguration));
  for (const p of partners) size += Buffer.byteLength(JSON.stringify(p));
  return size;
}

/** Throws the 400 a write gets when the resulting policy would exceed the limit. */
export function assertPolicySize(
  defaultConfiguration: JsonObject,
  partners: Iterable<JsonObject>,
): void {
  const size = policySizeBytes(defaultConfiguration, partners);
  if (size > POLICY_SIZE_LIMIT_BYTES) {
    throw badRequest(
      `The cross-tenant access policy would be ${size} bytes, over the maximum of ${POLICY_SIZE_LIMIT_BYTES} bytes (25 KB) for the default configuration and all partner configurations together.`,
    );
  }
}
