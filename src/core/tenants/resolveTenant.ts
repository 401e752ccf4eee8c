import { getCloud, type CloudName } from '../auth/clouds';
import { isCancellation } from '../describeError';
import { isGuid } from '../policy/guid';

export type FetchLike = (input: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** A verified domain name, as Entra accepts it (labels of letters, digits and hyphens). */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class TenantInputError extends Error {
  override readonly name = 'TenantInputError';
}

/** Checks what the user typed in "Add Tenant": a tenant id (GUID) or a domain; returns a message or undefined. */
export function validateTenantInput(input: string): string | undefined {
  const v = input.trim();
  if (!v) return 'Enter a tenant id (GUID) or a verified domain such as contoso.onmicrosoft.com.';
  if (isGuid(v) || DOMAIN.test(v)) return undefined;
  if (/^[0-9a-f-]{30,40}$/i.test(v)) return 'This looks like a tenant id but is not a valid GUID.';
  return 'Not a tenant id (GUID) or a domain name.';
}

/**
 * Finds the tenant id of a domain without any token, from the tenant's OpenID configuration
 * document at the cloud's login authority (its `issuer` carries the tenant id). This works before
 * the user has signed in to that tenant, and in every cloud, unlike Graph's tenant lookup functions.
 */
export async function resolveTenantId(
  input: string,
  cloud: CloudName,
  fetchFn: FetchLike,
  signal?: AbortSignal,
  authority?: string,
): Promise<string> {
  const v = input.trim();
  const invalid = validateTenantInput(v);
  if (invalid) throw new TenantInputError(invalid);
  if (isGuid(v)) return v.toLowerCase();
  const base = (authority ?? getCloud(cloud).loginAuthority).replace(/\/$/, '');
  let res: Response;
  try {
    res = await fetchFn(`${base}/${encodeURIComponent(v)}/v2.0/.well-known/openid-configuration`, {
      signal,
    });
  } catch (err) {
    if (isCancellation(err)) throw err;
    // fetch says only "fetch failed": name the host that was asked, why, and what usually fixes it.
    const host = new URL(base).host;
    throw new Error(
      `Could not reach ${host} to look up ${v} (${networkReason(err)}). Check the network connection and VS Code's proxy setting (http.proxy); behind a firewall, allow ${host}.`,
    );
  }
  if (res.status === 400 || res.status === 404) {
    throw new TenantInputError(
      `No Entra tenant uses the domain ${v} in the ${getCloud(cloud).displayName} cloud.`,
    );
  }
  if (!res.ok) throw new Error(`Looking up ${v} at ${base} failed with HTTP ${res.status}.`);
  const doc = (await res.json()) as { issuer?: unknown };
  const id =
    typeof doc.issuer === 'string' ? /\/([0-9a-f-]{36})\//i.exec(doc.issuer)?.[1] : undefined;
  if (!id || !isGuid(id))
    throw new Error(`The OpenID configuration of ${v} has no tenant id in its issuer.`);
  return id.toLowerCase();
}

/** Node's fetch puts the socket's reason (ENOTFOUND, ECONNREFUSED, a certificate) in `cause`. */
function networkReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? err.cause.message : err.message;
}
