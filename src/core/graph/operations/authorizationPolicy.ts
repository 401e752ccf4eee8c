import type { CallOptions, GraphClient } from '../graphClient';
import type { AuthorizationPolicy } from '../types';

/**
 * The tenant's authorization policy: who may invite guests (`allowInvitesFrom`) and the guest role
 * (`guestUserRoleId`). v1.0 documents a singleton (`…/authorizationPolicy/$entity`), beta and older
 * documentation a collection holding the one policy; either answer is read as the policy.
 */
export async function getAuthorizationPolicy(
  client: GraphClient,
  options: CallOptions = {},
): Promise<AuthorizationPolicy> {
  const body = await client.request<AuthorizationPolicy | { value?: AuthorizationPolicy[] }>({
    operation: 'authorizationPolicy.get',
    method: 'GET',
    path: '/policies/authorizationPolicy',
    signal: options.signal,
  });
  if ('value' in body && Array.isArray(body.value)) {
    if (body.value.length !== 1)
      throw new Error(
        `Graph returned ${body.value.length} authorization policies for tenant ${client.tenantId}; a tenant has exactly one.`,
      );
    return body.value[0];
  }
  return body as AuthorizationPolicy;
}
