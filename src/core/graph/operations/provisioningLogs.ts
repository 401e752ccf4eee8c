import { odataDateTime } from '../dateTime';
import type { CallOptions, GraphClient, GraphRequestSpec } from '../graphClient';
import { odataString } from '../odata';
import { PageCursor, pages } from '../paging';
import type { ProvisioningObjectSummary } from '../types';

export interface ProvisioningLogQuery {
  readonly servicePrincipalId?: string;
  readonly jobId?: string;
  /** One sync cycle (the job's lastExecution.activityIdentifier). */
  readonly cycleId?: string;
  /** `success`, `failure`, `skipped`, `warning`: lower case, filters are case-sensitive. */
  readonly status?: string;
  /** `create`, `update`, `delete`, `disable`, `stagedDelete`, `other`. */
  readonly action?: string;
  /** Entries strictly after this time. */
  readonly after?: Date;
  /** Entries strictly before this time. */
  readonly before?: Date;
  /** Page size (the docs state no maximum; the Entra walkthrough uses 500). */
  readonly pageSize?: number;
}

/**
 * The `$filter` for a log query. Only operators the docs list for these properties are used: `eq`,
 * and `gt`/`lt` for time (not `ge`/`le`), with date literals unquoted.
 */
export function provisioningLogFilter(query: ProvisioningLogQuery): string | undefined {
  const clauses: string[] = [];
  if (query.servicePrincipalId !== undefined)
    clauses.push(`servicePrincipal/id eq ${odataString(query.servicePrincipalId)}`);
  if (query.jobId !== undefined) clauses.push(`jobId eq ${odataString(query.jobId)}`);
  if (query.cycleId !== undefined) clauses.push(`cycleId eq ${odataString(query.cycleId)}`);
  if (query.status !== undefined)
    clauses.push(`provisioningStatusInfo/status eq ${odataString(query.status)}`);
  if (query.action !== undefined)
    clauses.push(`provisioningAction eq ${odataString(query.action)}`);
  if (query.after !== undefined) clauses.push(`activityDateTime gt ${odataDateTime(query.after)}`);
  if (query.before !== undefined)
    clauses.push(`activityDateTime lt ${odataDateTime(query.before)}`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

function provisioningLogSpec(
  query: ProvisioningLogQuery,
  options: CallOptions,
): GraphRequestSpec & { method: 'GET' } {
  return {
    operation: 'provisioningLogs.list',
    method: 'GET',
    path: '/auditLogs/provisioning',
    query: {
      $filter: provisioningLogFilter(query),
      $orderby: 'activityDateTime desc',
      $top: query.pageSize,
    },
    signal: options.signal,
  };
}

/**
 * Provisioning log entries, newest first, one page at a time. The reports API allows only about
 * 5 requests per 10 s per tenant, so pages are fetched as the consumer asks for them, never ahead.
 */
export function provisioningLogPages(
  client: GraphClient,
  query: ProvisioningLogQuery = {},
  options: CallOptions = {},
): AsyncGenerator<ProvisioningObjectSummary[], void, undefined> {
  return pages<ProvisioningObjectSummary>(client, provisioningLogSpec(query, options));
}

/** The same walk as a cursor that a cancelled or failed page does not lose (the log panel's "load more"). */
export function provisioningLogCursor(
  client: GraphClient,
  query: ProvisioningLogQuery = {},
): PageCursor<ProvisioningObjectSummary> {
  return new PageCursor<ProvisioningObjectSummary>(client, provisioningLogSpec(query, {}));
}
