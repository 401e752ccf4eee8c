import type { CallOptions, GraphClient } from '../graphClient';
import type { Patch } from '../buildPatch';
import type { CrossTenantAccessPolicy, DefaultConfiguration } from '../types';

const POLICY = '/policies/crossTenantAccessPolicy';
const DEFAULT = `${POLICY}/default`;

/** The policy root: display name and allowedCloudEndpoints (the partners and the default have their own calls). */
export function getPolicy(
  client: GraphClient,
  options: CallOptions = {},
): Promise<CrossTenantAccessPolicy> {
  return client.request({
    operation: 'policy.get',
    method: 'GET',
    path: POLICY,
    signal: options.signal,
  });
}

/** 204. `allowedCloudEndpoints` is replaced wholesale, so send the full array. */
export async function updatePolicy(
  client: GraphClient,
  patch: Pick<CrossTenantAccessPolicy, 'displayName' | 'allowedCloudEndpoints'>,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'policy.update',
    method: 'PATCH',
    path: POLICY,
    body: patch,
    signal: options.signal,
  });
}

export function getDefaultConfiguration(
  client: GraphClient,
  options: CallOptions = {},
): Promise<DefaultConfiguration> {
  return client.request({
    operation: 'default.get',
    method: 'GET',
    path: DEFAULT,
    signal: options.signal,
  });
}

/** 204. Build the body with buildPatch: nested settings are replaced wholesale. */
export async function updateDefaultConfiguration(
  client: GraphClient,
  patch: Patch<DefaultConfiguration>,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'default.update',
    method: 'PATCH',
    path: DEFAULT,
    body: patch,
    signal: options.signal,
  });
}

/** 204; afterwards `isServiceDefault` is true again and the values are Microsoft's current defaults. */
export async function resetDefaultConfiguration(
  client: GraphClient,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'default.reset',
    method: 'POST',
    path: `${DEFAULT}/resetToSystemDefault`,
    signal: options.signal,
  });
}
