import { permissionFor, type GraphOperation } from '../auth/operationPermissions';
import { isCancellation } from '../describeError';
import type { CallOptions, GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import { getAuthorizationPolicy } from '../graph/operations/authorizationPolicy';
import { listB2bManagementPolicies } from '../graph/operations/b2bManagementPolicies';
import { getNetworkAccessCrossTenantAccess } from '../graph/operations/networkAccessSettings';
import { getDefaultConfiguration, getPolicy } from '../graph/operations/policy';
import type { JsonRecord } from '../policy/documentPaths';
import { b2bManagementPolicyData } from './b2bManagementPolicyData';
import {
  BASELINE_SOURCES,
  capitalise,
  type BaselineSourceId,
  type SourceState,
  type TenantBaselineData,
} from './baselineSources';

export interface BaselineReadRequest extends CallOptions {
  /** The sources the enabled packs read (sourcesNeeded). */
  readonly sources: readonly BaselineSourceId[];
  /** A beta client for the same tenant, or 'off' when beta reads are turned off. */
  readonly beta: GraphClient | 'off';
  /** The tenant's folder in an export, which report locations point into. */
  readonly folder: string;
  readonly displayName?: string;
}

const OPERATIONS: Readonly<Record<BaselineSourceId, GraphOperation>> = {
  default: 'default.get',
  policy: 'policy.get',
  authorizationPolicy: 'authorizationPolicy.get',
  b2bManagementPolicy: 'b2bManagementPolicies.list',
  globalSecureAccess: 'networkAccessCrossTenantAccess.get',
};

/**
 * Reads what the rules need from one tenant, one request per source (at most five, in parallel).
 * A source that cannot be read becomes unavailable with the reason (permission, licence, beta off,
 * error), so its rules are not checked rather than passed. Cancelling rejects with the AbortError.
 */
export async function readBaselineData(
  client: GraphClient,
  request: BaselineReadRequest,
): Promise<TenantBaselineData> {
  const options: CallOptions = { signal: request.signal };
  const read = async (source: BaselineSourceId): Promise<SourceState> => {
    const api = BASELINE_SOURCES[source].api;
    if (api === 'beta' && request.beta === 'off')
      return {
        state: 'unavailable',
        reason: 'betaOff',
        detail: `${capitalise(BASELINE_SOURCES[source].title)} is only in the beta API, and beta reads are turned off.`,
      };
    const beta = request.beta === 'off' ? client : request.beta;
    try {
      return { state: 'available', value: await readSource(source, client, beta, options) };
    } catch (err) {
      if (isCancellation(err)) throw err;
      return unavailable(source, err);
    }
  };
  const entries = await Promise.all(
    request.sources.map(async (source) => [source, await read(source)] as const),
  );
  return {
    tenantId: client.tenantId,
    displayName: request.displayName,
    folder: request.folder,
    sources: Object.fromEntries(entries),
  };
}

async function readSource(
  source: BaselineSourceId,
  client: GraphClient,
  beta: GraphClient,
  options: CallOptions,
): Promise<JsonRecord> {
  switch (source) {
    case 'default':
      return withoutAnnotations(await getDefaultConfiguration(client, options));
    case 'policy':
      return withoutAnnotations(await getPolicy(client, options));
    case 'authorizationPolicy':
      return withoutAnnotations(await getAuthorizationPolicy(client, options));
    case 'b2bManagementPolicy':
      return b2bManagementPolicyData(await listB2bManagementPolicies(beta, options));
    case 'globalSecureAccess':
      return withoutAnnotations(await getNetworkAccessCrossTenantAccess(beta, options));
  }
}

function withoutAnnotations(value: object): JsonRecord {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('@odata.')));
}

/**
 * Why a read failed, in one sentence. Graph documents no status for a tenant without Global
 * Secure Access, so any refusal of that read other than a permission error is taken as the
 * licence or the feature being off.
 */
function unavailable(source: BaselineSourceId, err: unknown): SourceState {
  const title = BASELINE_SOURCES[source].title;
  if (!(err instanceof GraphError))
    return {
      state: 'unavailable',
      reason: 'error',
      detail: `Reading ${title} failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  const permission = permissionFor(OPERATIONS[source]);
  const denied = err.status === 401 || err.code === 'Authorization_RequestDenied';
  if (source === 'globalSecureAccess' && !denied && [400, 403, 404].includes(err.status))
    return {
      state: 'unavailable',
      reason: 'licence',
      detail: `Global Secure Access is not licensed or not turned on in this tenant (Graph answered ${err.status} ${err.code}).`,
    };
  if (denied || err.status === 403)
    return {
      state: 'unavailable',
      reason: 'permissionDenied',
      detail: `Reading ${title} needs the permission ${permission.permissions.join(' and ')}${permission.role ? ` and the role ${permission.role}` : ''}.`,
    };
  return {
    state: 'unavailable',
    reason: 'error',
    detail: `Reading ${title} failed (${err.status} ${err.code}): ${err.message}`,
  };
}
