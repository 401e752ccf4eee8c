import { odataDateTime } from '../graph/dateTime';
import type { GraphClient } from '../graph/graphClient';
import { odataString } from '../graph/odata';
import type { SignIn } from '../graph/types';
import { walkReports, type ReportQuery, type ReportWalkProgress } from '../reports/reportWalk';
import type { RateLimiter } from '../sync/rateLimiter';
import { OTHER_ORGANIZATIONS, type Direction, type ImpactPlan } from './narrowing';

const DAY = 86_400_000;
/** Entra keeps sign-ins for 30 days. */
export const SIGN_IN_RETENTION_DAYS = 30;
/** The documented default and maximum page size of List signIns. */
const PAGE_SIZE = 1000;
/** Bound on pages: a million sign-ins is more than any preview needs; beyond it the result says it is partial. */
const MAX_PAGES = 1000;

/** Whose sign-ins to read: for some partners or for every other organization, in some directions. */
export interface SignInScope {
  readonly tenantId: string;
  readonly directions: ReadonlySet<Direction>;
  /** Partner tenant ids, or undefined for every organization but the tenant itself. */
  readonly partnerTenantIds?: readonly string[];
}

/** The scope a plan needs: its partners, or everyone when the organizations without a partner entry are narrowed. */
export function scopeOf(plan: ImpactPlan): SignInScope {
  const everyone = plan.narrowing.has(OTHER_ORGANIZATIONS);
  return {
    tenantId: plan.tenantId,
    directions: plan.directions,
    partnerTenantIds: everyone ? undefined : [...plan.narrowing.keys()],
  };
}

/** The direction of a sign-in in `tenantId`'s log, or undefined when it did not cross tenants. */
export function directionIn(tenantId: string, signIn: SignIn): Direction | undefined {
  const home = (signIn.homeTenantId ?? '').toLowerCase();
  const resource = (signIn.resourceTenantId ?? '').toLowerCase();
  const own = tenantId.toLowerCase();
  if (!home || !resource || home === resource) return undefined;
  if (resource === own) return 'inbound';
  if (home === own) return 'outbound';
  return undefined;
}

/** The other tenant of a crossing sign-in. */
export function externalTenantOf(direction: Direction, signIn: SignIn): string {
  return (
    (direction === 'inbound' ? signIn.homeTenantId : signIn.resourceTenantId) ?? ''
  ).toLowerCase();
}

/** Whether a sign-in is one the scope asks for (applied to every page, whatever Graph filtered). */
export function inScope(scope: SignInScope, signIn: SignIn): boolean {
  const direction = directionIn(scope.tenantId, signIn);
  if (!direction || !scope.directions.has(direction)) return false;
  return (
    !scope.partnerTenantIds ||
    scope.partnerTenantIds.some((p) => p.toLowerCase() === externalTenantOf(direction, signIn))
  );
}

/** The tenant-id clause of the scope, for servers that filter on home and resource tenant. */
function tenantClause(scope: SignInScope): string {
  const inbound = scope.directions.has('inbound');
  const outbound = scope.directions.has('outbound');
  const clauses = (field: string, op: 'eq' | 'ne', ids: readonly string[]): string[] =>
    ids.map((id) => `${field} ${op} ${odataString(id.toLowerCase())}`);
  const parts = scope.partnerTenantIds
    ? [
        ...(inbound ? clauses('homeTenantId', 'eq', scope.partnerTenantIds) : []),
        ...(outbound ? clauses('resourceTenantId', 'eq', scope.partnerTenantIds) : []),
      ]
    : [
        ...(inbound ? clauses('homeTenantId', 'ne', [scope.tenantId]) : []),
        ...(outbound ? clauses('resourceTenantId', 'ne', [scope.tenantId]) : []),
      ];
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

/** One day of the window, `[from, to)`. */
export interface DaySlice {
  readonly from: Date;
  readonly to: Date;
}

/** A window length in whole days, 1 to the 30 days Entra keeps. */
export function windowDays(days: number): number {
  return Math.min(
    SIGN_IN_RETENTION_DAYS,
    Math.max(1, Math.floor(Number.isFinite(days) ? days : 1)),
  );
}

/** The window as days, newest first, ending at `now`. */
export function daySlices(now: Date, days: number): DaySlice[] {
  const count = windowDays(days);
  return Array.from({ length: count }, (_, i) => ({
    from: new Date(now.getTime() - (i + 1) * DAY),
    to: new Date(now.getTime() - i * DAY),
  }));
}

/**
 * One query per day (long filtered sign-in queries time out, baselines-and-history.md §4:
 * query one day at a time, filter on the server, follow nextLink): `createdDateTime ge/le` as
 * documented, with the home/resource tenant clause first. Microsoft documents no filter on those
 * tenant ids, so each day falls back to the time alone, filtered here instead.
 */
export function signInQueries(scope: SignInScope, slices: readonly DaySlice[]): ReportQuery[] {
  const tenants = scope.directions.size > 0 ? tenantClause(scope) : undefined;
  return slices.map(({ from, to }) => {
    const time = `createdDateTime ge ${odataDateTime(from)} and createdDateTime le ${new Date(to.getTime() - 1).toISOString()}`;
    return tenants ? [`${time} and ${tenants}`, time] : [time];
  });
}

export interface LoadSignInsRequest {
  readonly client: GraphClient;
  readonly limiter: RateLimiter;
  readonly scope: SignInScope;
  readonly now: Date;
  readonly days: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReportWalkProgress & { readonly signIns: number }) => void;
}

export interface SignInsResult {
  readonly signIns: SignIn[];
  readonly requests: number;
  readonly pages: number;
  readonly truncated: boolean;
  /** Filters Graph refused, so the tenant clause was applied here instead. */
  readonly refusedFilters: readonly string[];
}

/** The scope's sign-ins of the last `days` days, day by day, within the reports limit, cancellable. */
export async function loadSignIns(request: LoadSignInsRequest): Promise<SignInsResult> {
  const { scope } = request;
  const slices = daySlices(request.now, request.days);
  const from = slices[slices.length - 1].from.getTime();
  const to = request.now.getTime();
  const seen = new Set<string>();
  const signIns: SignIn[] = [];
  const result = await walkReports<SignIn>({
    client: request.client,
    limiter: request.limiter,
    operation: 'signIns.list',
    path: '/auditLogs/signIns',
    options: { $top: PAGE_SIZE },
    queries: signInQueries(scope, slices),
    maxPages: MAX_PAGES,
    signal: request.signal,
    onPage: (page, progress) => {
      for (const s of page) {
        const at = Date.parse(s.createdDateTime ?? '');
        const id = s.id ?? '';
        if (!(at >= from && at < to) || seen.has(id) || !inScope(scope, s)) continue;
        seen.add(id);
        signIns.push(s);
      }
      request.onProgress?.({ ...progress, signIns: signIns.length });
    },
  });
  return {
    signIns,
    requests: result.requests,
    pages: result.pages,
    truncated: result.truncated,
    refusedFilters: result.refusedFilters,
  };
}
