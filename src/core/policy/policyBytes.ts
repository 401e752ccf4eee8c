/** Graph refuses a change that would make the whole cross-tenant access policy (default + all partners) exceed 25 KB. */
export const POLICY_SIZE_LIMIT_BYTES = 25 * 1024;

/**
 * Our estimate of what an object adds to the policy size: its compact JSON in UTF-8, without
 * `@odata.*` annotations. Graph does not document how it measures, so callers treat this as an
 * estimate and warn with a margin rather than refuse.
 */
export function policyBytes(value: unknown): number {
  const json =
    JSON.stringify(value, (key, item: unknown) => (key.includes('@odata.') ? undefined : item)) ??
    '';
  return new TextEncoder().encode(json).length;
}
