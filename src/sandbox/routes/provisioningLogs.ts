import { PERMISSIONS } from '../auth/permissions';
import { unsupportedQuery } from '../errors';
import { odataContext, ok, type Route } from '../http/route';
import { cloneJson, type JsonObject, str } from '../json';
import { compileFilter, type FilterProperty, type FilterSchema } from '../odata/filter';
import { collectionBody, nextLink } from '../odata/paging';
import { decodeSkipToken, encodeSkipToken } from '../odata/skipToken';
import { compareRowsDescending, type ProvisioningRow } from '../store/provisioningLogStore';

const EQ_CONTAINS: FilterProperty = { type: 'string', operators: ['eq', 'contains'] };
const enumOf = (members: readonly string[]): FilterProperty => ({
  type: 'enum',
  operators: ['eq', 'contains'],
  members,
});

/** Filterable properties of provisioningObjectSummary, with the operators graph-api.md §7 lists. Case-sensitive. */
const PROVISIONING_FILTER: FilterSchema = {
  resource: 'provisioningObjectSummary',
  caseInsensitive: false,
  caseFunctions: true,
  properties: {
    activityDateTime: { type: 'datetime', operators: ['eq', 'gt', 'lt'] },
    id: EQ_CONTAINS,
    changeId: EQ_CONTAINS,
    cycleId: EQ_CONTAINS,
    jobId: EQ_CONTAINS,
    tenantId: EQ_CONTAINS,
    'initiatedBy/id': EQ_CONTAINS,
    'initiatedBy/displayName': EQ_CONTAINS,
    'initiatedBy/initiatorType': enumOf(['user', 'application', 'system', 'unknownFutureValue']),
    provisioningAction: enumOf([
      'other',
      'create',
      'delete',
      'disable',
      'update',
      'stagedDelete',
      'unknownFutureValue',
    ]),
    'provisioningStatusInfo/status': enumOf([
      'success',
      'failure',
      'skipped',
      'warning',
      'unknownFutureValue',
    ]),
    'provisioningStatusInfo/errorInformation/errorCode': EQ_CONTAINS,
    'servicePrincipal/id': EQ_CONTAINS,
    'servicePrincipal/displayName': EQ_CONTAINS,
    'sourceIdentity/id': EQ_CONTAINS,
    'sourceIdentity/displayName': EQ_CONTAINS,
    'sourceIdentity/identityType': EQ_CONTAINS,
    'targetIdentity/id': EQ_CONTAINS,
    'targetIdentity/displayName': EQ_CONTAINS,
    'targetIdentity/identityType': EQ_CONTAINS,
    'sourceSystem/displayName': EQ_CONTAINS,
    'targetSystem/displayName': EQ_CONTAINS,
  },
};

const DEFAULT_PAGE = 100;
/** No documented maximum; the sandbox caps pages here, which a client following nextLink never notices. */
const MAX_PAGE = 1000;

function parseOrder(raw: string | undefined): 'asc' | 'desc' {
  if (raw === undefined) return 'desc';
  const match = /^\s*activityDateTime(?:\s+(asc|desc))?\s*$/i.exec(raw);
  if (!match)
    throw unsupportedQuery(`$orderby supports only activityDateTime (asc or desc), not '${raw}'.`);
  return (match[1]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc';
}

/** How many leading rows satisfy `before` (a predicate that holds for a prefix of the newest-first rows). */
function prefixLength(
  rows: readonly ProvisioningRow[],
  before: (row: ProvisioningRow) => boolean,
): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(rows[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first row after `key` in the requested order (rows are stored newest first; ascending walks backwards). */
function startAfter(
  rows: readonly ProvisioningRow[],
  key: { ms: number; id: string },
  order: 'asc' | 'desc',
): number {
  if (order === 'desc') return prefixLength(rows, (r) => compareRowsDescending(r, key) <= 0);
  return prefixLength(rows, (r) => compareRowsDescending(r, key) < 0) - 1;
}

/**
 * `GET /auditLogs/provisioning` (graph-api.md §7): case-sensitive `$filter`, `$orderby` on
 * activityDateTime, `$top`, and keyset paging — the opaque `$skiptoken` holds the position after the
 * last row served, so entries logged while a client pages cannot shift or repeat its pages.
 */
export const provisioningLogRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/auditLogs/provisioning',
    permission: PERMISSIONS.provisioningLogsRead,
    throttle: 'identityReports',
    query: ['$filter', '$top', '$orderby', '$skiptoken'],
    handle: (ctx) => {
      const filterText = ctx.query.get('$filter');
      const filter =
        filterText === undefined ? undefined : compileFilter(filterText, PROVISIONING_FILTER);
      const order = parseOrder(ctx.query.get('$orderby'));
      const top = ctx.query.top(DEFAULT_PAGE, MAX_PAGE, true);
      const rows = ctx.tenant.provisioning.all();
      const token = ctx.query.get('$skiptoken');
      let index = order === 'desc' ? 0 : rows.length - 1;
      if (token !== undefined) {
        const { ms, id } = decodeSkipToken('provisioning', token);
        index = startAfter(rows, { ms: Number(ms), id: str(id) }, order);
      }
      const step = order === 'desc' ? 1 : -1;
      const value: JsonObject[] = [];
      let last: ProvisioningRow | undefined;
      let more = false;
      for (; index >= 0 && index < rows.length; index += step) {
        const row = rows[index];
        if (filter && !filter(row.entry)) continue;
        if (value.length === top) {
          more = true;
          break;
        }
        value.push(cloneJson(row.entry));
        last = row;
      }
      const page =
        more && last
          ? {
              value,
              nextLink: nextLink(
                ctx.url,
                encodeSkipToken('provisioning', { ms: last.ms, id: last.id }),
              ),
            }
          : { value };
      return ok(collectionBody(odataContext(ctx, 'auditLogs/provisioning'), page));
    },
  },
];
