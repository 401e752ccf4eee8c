import { hasPermission, PERMISSIONS, type Principal } from '../auth/permissions';
import { resourceNotFound } from '../errors';
import { odataContext, ok, type Route, type RouteContext } from '../http/route';
import type { JsonObject } from '../json';
import { collectionBody } from '../odata/paging';
import { applySelect, parseSelect } from '../odata/select';
import type { SandboxTenant } from '../seed/tenants';

/** The tenant's organization object, with the properties the documented sample has. */
function organizationObject(info: SandboxTenant): JsonObject {
  const domains = [info.defaultDomainName, ...info.customDomains];
  return {
    id: info.tenantId,
    deletedDateTime: null,
    businessPhones: ['+1 425 555 0100'],
    city: info.city,
    country: null,
    countryLetterCode: info.countryLetterCode,
    createdDateTime: info.createdDateTime,
    defaultUsageLocation: info.countryLetterCode,
    displayName: info.displayName,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    partnerTenantType: null,
    postalCode: null,
    preferredLanguage: 'en',
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: null,
    street: null,
    technicalNotificationMails: [`admin@${info.defaultDomainName}`],
    tenantType: 'AAD',
    assignedPlans: [
      {
        assignedDateTime: info.createdDateTime,
        capabilityStatus: 'Enabled',
        service: 'AADPremiumService',
        servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d',
      },
      {
        assignedDateTime: info.createdDateTime,
        capabilityStatus: 'Enabled',
        service: 'exchange',
        servicePlanId: '113feb6c-3fe4-4440-bddc-54d774bf0318',
      },
    ],
    privacyProfile: { contactEmail: '', statementUrl: '' },
    provisionedPlans: [
      { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'exchange' },
    ],
    verifiedDomains: domains.map((name, i) => ({
      capabilities: 'Email, OfficeCommunicationsOnline',
      isDefault: i === 0,
      isInitial: i === 0,
      name,
      type: 'Managed',
    })),
  };
}

const ORGANIZATION_PROPERTIES = Object.keys(
  organizationObject({
    tenantId: '',
    displayName: '',
    defaultDomainName: '',
    cloud: 'global',
    description: '',
    customDomains: [],
    federationBrandName: null,
    countryLetterCode: '',
    city: '',
    createdDateTime: '',
  }),
);

/** Delegated User.Read alone sees only id, displayName and verifiedDomains; the rest is null (graph-api.md §5). */
function visible(org: JsonObject, principal: Principal): JsonObject {
  if (hasPermission(principal, 'Organization.Read.All')) return org;
  return Object.fromEntries(
    Object.entries(org).map(([k, v]) => [
      k,
      k === 'id' || k === 'displayName' || k === 'verifiedDomains' ? v : null,
    ]),
  );
}

function present(ctx: RouteContext): JsonObject {
  const select = parseSelect(
    ctx.query.get('$select'),
    'microsoft.graph.organization',
    ORGANIZATION_PROPERTIES,
  );
  return applySelect(visible(organizationObject(ctx.tenant.info), ctx.principal), select);
}

export const organizationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/organization',
    permission: PERMISSIONS.organizationRead,
    query: ['$select'],
    handle: (ctx) =>
      ok(collectionBody(odataContext(ctx, 'organization'), { value: [present(ctx)] })),
  },
  {
    method: 'GET',
    path: '/organization/{organizationId}',
    permission: PERMISSIONS.organizationRead,
    query: ['$select'],
    handle: (ctx) => {
      if (ctx.params.organizationId.toLowerCase() !== ctx.tenant.tenantId.toLowerCase())
        throw resourceNotFound(ctx.params.organizationId);
      return ok({ '@odata.context': odataContext(ctx, 'organization/$entity'), ...present(ctx) });
    },
  },
];
