import type { PermissionRule } from '../auth/permissions';
import { ErrorResponse, unsupportedQuery } from '../errors';
import { odataContext, ok, type Route } from '../http/route';
import { compileFilter, type FilterProperty, type FilterSchema } from '../odata/filter';
import { keysetPage } from '../odata/keysetPage';
import { collectionBody } from '../odata/paging';

/**
 * Both lists need AuditLog.Read.All and Directory.Read.All, delegated or application (the List
 * directoryAudits and List signIns pages; graph-api.md §8).
 */
const AUDIT_LOG_READ: PermissionRule = {
  delegated: [['AuditLog.Read.All', 'Directory.Read.All']],
  application: [['AuditLog.Read.All', 'Directory.Read.All']],
};

const EQ: FilterProperty = { type: 'string', operators: ['eq'] };
const EQ_STARTSWITH: FilterProperty = { type: 'string', operators: ['eq', 'startswith'] };
/** Documented: eq, ge, le. Sandbox choice: gt and lt work too, as they do on provisioning logs. */
const TIME: FilterProperty = { type: 'datetime', operators: ['eq', 'ge', 'le', 'gt', 'lt'] };

/**
 * Filterable properties of directoryAudit, from its resource page. Sandbox choices: `category eq`
 * (not listed there, but the reference filters on it, baselines-and-history.md §2) and
 * case-insensitive string comparison (the page says nothing).
 */
const DIRECTORY_AUDIT_FILTER: FilterSchema = {
  resource: 'directoryAudit',
  caseInsensitive: true,
  caseFunctions: false,
  properties: {
    activityDateTime: TIME,
    activityDisplayName: EQ_STARTSWITH,
    category: EQ,
    correlationId: EQ,
    id: EQ,
    loggedByService: EQ,
    'initiatedBy/user/id': EQ,
    'initiatedBy/user/displayName': EQ,
    'initiatedBy/user/userPrincipalName': EQ_STARTSWITH,
    'initiatedBy/app/appId': EQ,
    'initiatedBy/app/displayName': EQ,
    'targetResources/id': { ...EQ, inCollection: 'targetResources' },
    'targetResources/displayName': { ...EQ_STARTSWITH, inCollection: 'targetResources' },
  },
};

/**
 * Filterable properties of signIn, from its resource page (createdDateTime eq/ge/le, ids eq,
 * names eq/startsWith). Sandbox choices where it says nothing: `homeTenantId` and
 * `resourceTenantId` with eq and ne (the client must also cope with a 400 for them), gt/lt on
 * createdDateTime, and case-insensitive strings.
 */
const SIGN_IN_FILTER: FilterSchema = {
  resource: 'signIn',
  caseInsensitive: true,
  caseFunctions: false,
  properties: {
    createdDateTime: TIME,
    id: EQ,
    userId: EQ,
    userPrincipalName: EQ_STARTSWITH,
    userDisplayName: EQ_STARTSWITH,
    appId: EQ,
    appDisplayName: EQ_STARTSWITH,
    correlationId: EQ,
    ipAddress: EQ_STARTSWITH,
    clientAppUsed: EQ,
    resourceId: EQ,
    resourceDisplayName: EQ,
    conditionalAccessStatus: {
      type: 'enum',
      operators: ['eq'],
      members: ['success', 'failure', 'notApplied', 'unknownFutureValue'],
    },
    isInteractive: { type: 'boolean', operators: ['eq'] },
    homeTenantId: { type: 'string', operators: ['eq', 'ne'] },
    resourceTenantId: { type: 'string', operators: ['eq', 'ne'] },
  },
};

function parseOrder(raw: string | undefined, property: string): 'asc' | 'desc' {
  if (raw === undefined) return 'desc';
  const match = new RegExp(`^\\s*${property}(?:\\s+(asc|desc))?\\s*$`, 'i').exec(raw);
  if (!match)
    throw unsupportedQuery(`$orderby supports only ${property} (asc or desc), not '${raw}'.`);
  return (match[1]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc';
}

/**
 * The error Graph sends when the tenant has no Microsoft Entra ID P1 or P2 for sign-in logs:
 * 403 `Authentication_RequestFromNonPremiumTenantOrB2CTenant` (the code MicrosoftDocs/azure-docs
 * #77948 documents for sign-in activity without a licence; the message is the one Graph sends).
 */
function noPremiumLicence(): ErrorResponse {
  return new ErrorResponse(
    403,
    'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    "Neither tenant is B2C or tenant doesn't have premium license",
  );
}

/** The identity-and-access reports (graph-api.md §0 throttling): directory audits and sign-ins. */
export const auditLogRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/auditLogs/directoryAudits',
    permission: AUDIT_LOG_READ,
    throttle: 'identityReports',
    query: ['$filter', '$top', '$orderby', '$skiptoken'],
    handle: (ctx) => {
      const filterText = ctx.query.get('$filter');
      const page = keysetPage(ctx.tenant.audits.all(), {
        kind: 'directoryAudits',
        url: ctx.url,
        skipToken: ctx.query.get('$skiptoken'),
        // Sandbox choice: no page size is documented; 100 by default, larger asks capped at 1000.
        top: ctx.query.top(100, 1000, true),
        order: parseOrder(ctx.query.get('$orderby'), 'activityDateTime'),
        filter:
          filterText === undefined ? undefined : compileFilter(filterText, DIRECTORY_AUDIT_FILTER),
      });
      return ok(collectionBody(odataContext(ctx, 'auditLogs/directoryAudits'), page));
    },
  },
  {
    method: 'GET',
    path: '/auditLogs/signIns',
    permission: AUDIT_LOG_READ,
    throttle: 'identityReports',
    query: ['$filter', '$top', '$orderby', '$skiptoken'],
    handle: (ctx) => {
      if (ctx.tenant.info.entraIdPlan === 'free') throw noPremiumLicence();
      const filterText = ctx.query.get('$filter');
      // "The maximum and default page size is 1,000 objects" (List signIns). A larger $top is a 400 (sandbox choice).
      const top = ctx.query.top(1000, 1000, false);
      const page = keysetPage(ctx.tenant.signIns.all(), {
        kind: 'signIns',
        url: ctx.url,
        skipToken: ctx.query.get('$skiptoken'),
        top,
        order: parseOrder(ctx.query.get('$orderby'), 'createdDateTime'),
        filter: filterText === undefined ? undefined : compileFilter(filterText, SIGN_IN_FILTER),
      });
      return ok(collectionBody(odataContext(ctx, 'auditLogs/signIns'), page));
    },
  },
];
