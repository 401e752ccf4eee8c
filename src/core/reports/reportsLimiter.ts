import { RateLimiter, type RateLimiterClock } from '../sync/rateLimiter';

/**
 * Graph allows 5 identity-report requests (sign-ins, directory audits, provisioning logs) per 10 s
 * per tenant and app (graph-api.md §0). The window is a second longer, because Graph counts when a
 * request arrives and we count when it leaves.
 */
export const REPORTS_PER_WINDOW = 5;
export const REPORTS_WINDOW_MS = 11_000;

/** A tenant's identity-reports limiter: one per tenant, shared by every report read of it. */
export function reportsLimiter(clock?: RateLimiterClock): RateLimiter {
  return new RateLimiter(REPORTS_PER_WINDOW, REPORTS_WINDOW_MS, clock);
}
