import { isAbortError } from '../graph/abort';
import type { GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import type { SignIn } from '../graph/types';
import type { RateLimiter } from '../sync/rateLimiter';
import { directionIn, externalTenantOf, loadSignIns, windowDays } from './loadSignIns';
import type { Direction } from './narrowing';
import { unavailableReason } from './previewImpact';

/** One user at one app across the partnership, in one direction, over the window. */
export interface UsageRow {
  readonly direction: Direction;
  readonly user: {
    readonly id: string;
    readonly userPrincipalName?: string;
    readonly displayName?: string;
  };
  readonly app: { readonly id: string; readonly displayName?: string };
  /** Successful sign-ins. */
  readonly signIns: number;
  /** Attempts that failed (refused by cross-tenant access settings, MFA not done, …). */
  readonly failures: number;
  /** The latest attempt, successful or not. */
  readonly lastSignIn: Date;
  /** Why the latest failure failed, as the log says it. */
  readonly lastFailure?: string;
}

/**
 * Who from the partner signed in here (inbound) and who of ours signed in there (outbound), per
 * user and app, from `tenantId`'s sign-ins: every direction's rows, the most recent first. Sign-ins
 * with another tenant, or that did not cross tenants, are left out.
 */
export function partnershipUsage(
  tenantId: string,
  partnerTenantId: string,
  signIns: Iterable<SignIn>,
): UsageRow[] {
  const partner = partnerTenantId.toLowerCase();
  interface Agg {
    direction: Direction;
    userId: string;
    userPrincipalName?: string;
    userDisplayName?: string;
    appId: string;
    appDisplayName?: string;
    signIns: number;
    failures: number;
    last: number;
    lastFailureAt: number;
    lastFailure?: string;
  }
  const groups = new Map<string, Agg>();
  for (const s of signIns) {
    const direction = directionIn(tenantId, s);
    if (!direction || externalTenantOf(direction, s) !== partner) continue;
    const userId = (s.userId ?? '').toLowerCase();
    const appId = (s.appId ?? '').toLowerCase();
    if (!userId || !appId) continue;
    const key = `${direction}|${userId}|${appId}`;
    let agg = groups.get(key);
    if (!agg) {
      agg = {
        direction,
        userId,
        appId,
        signIns: 0,
        failures: 0,
        last: -Infinity,
        lastFailureAt: -Infinity,
      };
      groups.set(key, agg);
    }
    const at = Date.parse(s.createdDateTime ?? '');
    const failed = (s.status?.errorCode ?? 0) !== 0;
    if (failed) {
      agg.failures++;
      if (at > agg.lastFailureAt) {
        agg.lastFailureAt = at;
        agg.lastFailure = s.status?.failureReason ?? `error ${s.status?.errorCode}`;
      }
    } else agg.signIns++;
    if (at > agg.last || agg.last === -Infinity) {
      agg.last = Number.isNaN(at) ? agg.last : at;
      agg.userPrincipalName = s.userPrincipalName ?? agg.userPrincipalName;
      agg.userDisplayName = s.userDisplayName ?? agg.userDisplayName;
      agg.appDisplayName = s.appDisplayName ?? agg.appDisplayName;
    }
  }
  return [...groups.values()]
    .map((a): UsageRow => ({
      direction: a.direction,
      user: {
        id: a.userId,
        userPrincipalName: a.userPrincipalName,
        displayName: a.userDisplayName,
      },
      app: { id: a.appId, displayName: a.appDisplayName },
      signIns: a.signIns,
      failures: a.failures,
      lastSignIn: new Date(a.last),
      ...(a.lastFailure !== undefined ? { lastFailure: a.lastFailure } : {}),
    }))
    .sort(
      (a, b) =>
        (a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1) ||
        b.lastSignIn.getTime() - a.lastSignIn.getTime(),
    );
}

/** The distinct users and apps of some rows, and how many of them only failed. */
export function usageCounts(rows: readonly UsageRow[]): {
  readonly users: number;
  readonly apps: number;
  readonly refusedUsers: number;
} {
  const users = new Set(rows.map((r) => r.user.id));
  const succeeded = new Set(rows.filter((r) => r.signIns > 0).map((r) => r.user.id));
  return {
    users: users.size,
    apps: new Set(rows.map((r) => r.app.id)).size,
    refusedUsers: [...users].filter((u) => !succeeded.has(u)).length,
  };
}

export type UsageResult =
  | {
      readonly kind: 'read';
      readonly windowDays: number;
      readonly rows: readonly UsageRow[];
      readonly requests: number;
      /** The page bound stopped the read: the list is not complete. */
      readonly truncated: boolean;
    }
  | {
      readonly kind: 'unavailable';
      readonly reason: 'licence' | 'permission';
      readonly error: GraphError;
    };

export interface PartnershipUsageRequest {
  readonly client: GraphClient;
  /** The tenant's identity-reports limiter, shared with every other report read of the tenant. */
  readonly limiter: RateLimiter;
  readonly partnerTenantId: string;
  readonly days: number;
  readonly now: Date;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly requests: number; readonly signIns: number }) => void;
}

/**
 * "Who uses this partnership?": the tenant's sign-ins with one partner, both directions, over the
 * last `days` days, read as the impact preview reads them (one query per day, filtered on the
 * partner's tenant id, within the reports limit, cancellable). Licence and permission failures
 * are results; any other failure, and a cancel, throw.
 */
export async function readPartnershipUsage(request: PartnershipUsageRequest): Promise<UsageResult> {
  const tenantId = request.client.tenantId;
  try {
    const read = await loadSignIns({
      client: request.client,
      limiter: request.limiter,
      scope: {
        tenantId,
        directions: new Set<Direction>(['inbound', 'outbound']),
        partnerTenantIds: [request.partnerTenantId],
      },
      now: request.now,
      days: request.days,
      signal: request.signal,
      onProgress: request.onProgress,
    });
    return {
      kind: 'read',
      windowDays: windowDays(request.days),
      rows: partnershipUsage(tenantId, request.partnerTenantId, read.signIns),
      requests: read.requests,
      truncated: read.truncated,
    };
  } catch (error) {
    if (isAbortError(error)) throw error;
    const reason = unavailableReason(error);
    if (reason && error instanceof GraphError) return { kind: 'unavailable', reason, error };
    throw error;
  }
}
