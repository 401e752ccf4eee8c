import { odataDateTime } from '../graph/dateTime';
import type { GraphClient } from '../graph/graphClient';
import { odataString } from '../graph/odata';
import type { DirectoryAudit } from '../graph/types';
import { walkReports, type ReportQuery, type ReportWalkProgress } from '../reports/reportWalk';
import type { RateLimiter } from '../sync/rateLimiter';
import { CONFIGURATION_ACTIVITIES, HISTORY_CATEGORIES } from './auditCategories';

/** Entra keeps directory audits for 30 days; a longer window reads nothing more. */
export const AUDIT_RETENTION_DAYS = 30;
/** Entries per request: no maximum is documented; bigger pages mean fewer of the 5 requests per 10 s. */
const PAGE_SIZE = 500;
/** The bound on pages per tenant: 200 pages of 500 are far more than a month of settings changes. */
const MAX_PAGES = 200;

export interface AuditWindow {
  readonly from: Date;
  readonly to: Date;
}

export interface LoadDirectoryAuditsRequest {
  readonly client: GraphClient;
  readonly limiter: RateLimiter;
  readonly window: AuditWindow;
  readonly signal?: AbortSignal;
  /** Each page as it arrives (already filtered to the history's categories and window). */
  readonly onPage?: (events: readonly DirectoryAudit[], progress: ReportWalkProgress) => void;
}

export interface DirectoryAuditsResult {
  /** Newest first, each event once. */
  readonly events: DirectoryAudit[];
  readonly requests: number;
  readonly truncated: boolean;
}

const CATEGORIES = new Set<string>(Object.values(HISTORY_CATEGORIES));
const ACTIVITIES = new Set(CONFIGURATION_ACTIVITIES);

/** Whether an event belongs to the history: its category, and for provisioning a configuration change. */
export function isHistoryEvent(event: DirectoryAudit): boolean {
  if (!CATEGORIES.has(event.category ?? '')) return false;
  return (
    event.category !== HISTORY_CATEGORIES.provisioning ||
    ACTIVITIES.has(event.activityDisplayName ?? '')
  );
}

/**
 * The queries for one window: one per category over the whole window (these categories hold few
 * events, so the one-day slicing the reference advises for sign-ins is not needed), with
 * `activityDateTime ge/le` as documented. `category eq` is what the reference filters on but the
 * resource page does not list, so each query falls back to the window alone; provisioning first
 * asks for the configuration activities only (`or` of `activityDisplayName eq`).
 */
export function directoryAuditQueries(window: AuditWindow): ReportQuery[] {
  const time = `activityDateTime ge ${odataDateTime(window.from)} and activityDateTime le ${odataDateTime(window.to)}`;
  const category = (name: string): string => `category eq ${odataString(name)}`;
  const activities = CONFIGURATION_ACTIVITIES.map(
    (a) => `activityDisplayName eq ${odataString(a)}`,
  ).join(' or ');
  return Object.values(HISTORY_CATEGORIES).map((name) =>
    name === HISTORY_CATEGORIES.provisioning
      ? [`${category(name)} and (${activities}) and ${time}`, `${category(name)} and ${time}`, time]
      : // The same levels for every category: what the levels mean must not depend on the query.
        [`${category(name)} and ${time}`, `${category(name)} and ${time}`, time],
  );
}

/**
 * A tenant's history events for a window, within its reports limit, cancellable: the queries of
 * directoryAuditQueries, paged, filtered again here (Graph may have been asked less), newest first.
 */
export async function loadDirectoryAudits(
  request: LoadDirectoryAuditsRequest,
): Promise<DirectoryAuditsResult> {
  const { window } = request;
  const from = window.from.getTime();
  const to = window.to.getTime();
  const seen = new Set<string>();
  const keep = (event: DirectoryAudit): boolean => {
    const at = Date.parse(event.activityDateTime ?? '');
    const id = event.id ?? '';
    if (!(at >= from && at <= to) || !isHistoryEvent(event) || seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  const kept: DirectoryAudit[] = [];
  const result = await walkReports<DirectoryAudit>({
    client: request.client,
    limiter: request.limiter,
    operation: 'directoryAudits.list',
    path: '/auditLogs/directoryAudits',
    options: { $orderby: 'activityDateTime desc', $top: PAGE_SIZE },
    queries: directoryAuditQueries(window),
    maxPages: MAX_PAGES,
    signal: request.signal,
    onPage: (items, progress) => {
      const fresh = items.filter(keep);
      kept.push(...fresh);
      if (fresh.length > 0) request.onPage?.(fresh, progress);
    },
  });
  kept.sort(
    (a, b) =>
      Date.parse(b.activityDateTime ?? '') - Date.parse(a.activityDateTime ?? '') ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
  return { events: kept, requests: result.requests, truncated: result.truncated };
}
