import { isAbortError } from '../graph/abort';
import type { GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import type { RateLimiter } from '../sync/rateLimiter';
import { evaluateImpact, type ImpactEvaluation } from './evaluateImpact';
import { loadSignIns, scopeOf, windowDays } from './loadSignIns';
import { planImpact, type ImpactPlan, type NarrowingAspect, type TenantAccess } from './narrowing';
import type { GroupMembership } from './targetMatching';

/** Sign-in logs through Graph need Microsoft Entra ID P1 or P2; without, Graph answers this code. */
export const NO_PREMIUM_LICENCE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

/**
 * What the impact preview found. `notNarrowing`: the change lets in at least everyone it did, so
 * no log was read. `notInLogs`: what it narrows (tenant restrictions) cannot be seen in this
 * tenant's sign-ins. `unavailable`: the logs could not be read (no P1/P2 licence, or no
 * permission) — never a count of zero. `evaluated`: the list of who would be hit.
 */
export type ImpactResult =
  | { readonly kind: 'notNarrowing'; readonly plan: ImpactPlan }
  | { readonly kind: 'notInLogs'; readonly plan: ImpactPlan }
  | {
      readonly kind: 'unavailable';
      readonly plan: ImpactPlan;
      readonly reason: 'licence' | 'permission';
      readonly error: GraphError;
    }
  | {
      readonly kind: 'evaluated';
      readonly plan: ImpactPlan;
      readonly evaluation: ImpactEvaluation;
      readonly requests: number;
      /** The page bound stopped the read: the list is not complete. */
      readonly truncated: boolean;
    };

export interface PreviewImpactRequest {
  readonly client: GraphClient;
  /** The tenant's identity-reports limiter, shared with every other report read of the tenant. */
  readonly limiter: RateLimiter;
  readonly before: TenantAccess;
  readonly after: TenantAccess;
  readonly days: number;
  readonly now: Date;
  readonly membership?: GroupMembership;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly requests: number; readonly signIns: number }) => void;
}

/** Why the sign-in logs could not be read, when that is the licence or a permission; else undefined. */
export function unavailableReason(error: unknown): 'licence' | 'permission' | undefined {
  if (!(error instanceof GraphError)) return undefined;
  if (error.code === NO_PREMIUM_LICENCE) return 'licence';
  if (error.status === 403 || error.status === 401) return 'permission';
  return undefined;
}

function isSignInAspect(aspect: NarrowingAspect): boolean {
  return aspect.setting !== 'tenantRestrictions';
}

/**
 * The impact preview of a change of one tenant's settings, from `before` to `after`: classify
 * first (a change that narrows nothing reads nothing), then read the sign-ins of the last `days`
 * days that the narrowed settings are about, one query per day within the reports limit, and judge
 * them locally. Licence and permission failures are results; any other failure, and a cancel, throw.
 */
export async function previewImpact(request: PreviewImpactRequest): Promise<ImpactResult> {
  const plan = planImpact(request.client.tenantId, request.before, request.after);
  const aspects = [...plan.narrowing.values()].flat();
  if (aspects.length === 0) return { kind: 'notNarrowing', plan };
  if (!aspects.some(isSignInAspect)) return { kind: 'notInLogs', plan };
  try {
    const read = await loadSignIns({
      client: request.client,
      limiter: request.limiter,
      scope: scopeOf(plan),
      now: request.now,
      days: request.days,
      signal: request.signal,
      onProgress: request.onProgress,
    });
    const evaluation = evaluateImpact({
      plan,
      before: request.before,
      after: request.after,
      signIns: read.signIns,
      windowDays: windowDays(request.days),
      membership: request.membership,
    });
    return {
      kind: 'evaluated',
      plan,
      evaluation,
      requests: read.requests,
      truncated: read.truncated,
    };
  } catch (error) {
    if (isAbortError(error)) throw error;
    const reason = unavailableReason(error);
    if (reason && error instanceof GraphError) return { kind: 'unavailable', plan, reason, error };
    throw error;
  }
}
