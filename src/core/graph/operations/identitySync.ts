import { isAlreadyExists } from '../alreadyExists';
import { GraphError } from '../graphError';
import type { Patch } from '../buildPatch';
import type { CallOptions, GraphClient } from '../graphClient';
import { pathSegment } from '../odata';
import type { IdentitySync } from '../types';

/** The body of a PUT or PATCH; `tenantId` is the key in the URL. */
export type IdentitySyncInput = Omit<IdentitySync, 'tenantId'>;

function path(partnerTenantId: string): string {
  return `/policies/crossTenantAccessPolicy/partners/${pathSegment(partnerTenantId)}/identitySynchronization`;
}

/**
 * The partner's inbound identity synchronization policy, or undefined when it has none (also when
 * the partner configuration itself does not exist). Microsoft documents no answer for this GET:
 * a 404 (as the PATCH of a missing policy is documented to answer) or the code
 * `Request_ResourceNotFound` with any status means "none".
 */
export async function getIdentitySync(
  client: GraphClient,
  partnerTenantId: string,
  options: CallOptions = {},
): Promise<IdentitySync | undefined> {
  try {
    return await client.request<IdentitySync>({
      operation: 'identitySync.get',
      method: 'GET',
      path: path(partnerTenantId),
      signal: options.signal,
    });
  } catch (err) {
    if (
      err instanceof GraphError &&
      (err.status === 404 || err.code.toLowerCase() === 'request_resourcenotfound')
    )
      return undefined;
    throw err;
  }
}

/** Creates the policy: PUT, 204; 409 `Request_MultipleObjectsWithSameKeyValue` when one exists. The partner configuration must exist. */
export async function createIdentitySync(
  client: GraphClient,
  partnerTenantId: string,
  policy: IdentitySyncInput,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'identitySync.create',
    method: 'PUT',
    path: path(partnerTenantId),
    body: policy,
    signal: options.signal,
  });
}

/** Updates the policy: PATCH, 204; 404 `Directory_ObjectNotFound` when there is none. */
export async function updateIdentitySync(
  client: GraphClient,
  partnerTenantId: string,
  patch: Patch<IdentitySyncInput>,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'identitySync.update',
    method: 'PATCH',
    path: path(partnerTenantId),
    body: patch,
    signal: options.signal,
  });
}

export async function deleteIdentitySync(
  client: GraphClient,
  partnerTenantId: string,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'identitySync.delete',
    method: 'DELETE',
    path: path(partnerTenantId),
    signal: options.signal,
  });
}

/**
 * Creates or updates, whichever applies: create is PUT and fails when the policy exists, update is
 * PATCH and fails when it does not (graph-api.md §4). GET decides; if another admin creates the
 * policy between our GET and PUT, the refusal (isAlreadyExists) turns into a PATCH.
 */
export async function setIdentitySync(
  client: GraphClient,
  partnerTenantId: string,
  policy: IdentitySyncInput,
  options: CallOptions = {},
): Promise<'created' | 'updated'> {
  const existing = await getIdentitySync(client, partnerTenantId, options);
  if (existing === undefined) {
    try {
      await createIdentitySync(client, partnerTenantId, policy, options);
      return 'created';
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  await updateIdentitySync(client, partnerTenantId, policy, options);
  return 'updated';
}
