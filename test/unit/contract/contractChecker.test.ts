import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkLog, CLIENT_PRODUCT } from '../../contract/checkLog';
import { ContractChecker, type Exchange } from '../../contract/contractChecker';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
const PARTNER = `${PARTNERS}/7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58`;
const SP = '/servicePrincipals/b3e1c7a9-52d4-4a8e-9f16-0c2d7e5b4a31';
const JOB = `${SP}/synchronization/jobs/Azure2Azure.2f4a9c1e6b3d4e8a9c710d5e8b3f6a24.8c5e2b71`;
const B2B = {
  usersAndGroups: { accessType: 'allowed', targets: [{ target: 'AllUsers', targetType: 'user' }] },
  applications: {
    accessType: 'blocked',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

const checker = new ContractChecker();

function check(
  method: string,
  pathAndQuery: string,
  body?: unknown,
  answer?: { status: number; body: unknown },
): { templates: string[]; violations: string[]; unchecked?: string } {
  const exchange: Exchange = {
    method,
    url: pathAndQuery.startsWith('http') ? pathAndQuery : `${GRAPH}${pathAndQuery}`,
    requestBody: body === undefined ? '' : JSON.stringify(body),
    status: answer?.status ?? 204,
    responseBody: answer?.body,
  };
  return checker.check(exchange);
}

describe('contract check against the v1.0 metadata', () => {
  it("is made from Microsoft's metadata at the commit the README names", () => {
    const { repository, commit, path: file } = checker.metadata.source;
    assert.deepEqual(
      [repository, file],
      ['microsoftgraph/msgraph-metadata', 'clean_v10_metadata/cleanMetadata.xml'],
    );
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    assert.ok(readme.includes(`\`${commit}\``), `the README names ${commit}`);
  });

  describe('requests our client sends pass', () => {
    const valid: [string, string, unknown?][] = [
      ['GET', '/policies/crossTenantAccessPolicy'],
      [
        'PATCH',
        '/policies/crossTenantAccessPolicy',
        { allowedCloudEndpoints: ['microsoftonline.us'] },
      ],
      ['GET', `${PARTNERS}?$expand=identitySynchronization&$top=10&$skiptoken=abc`],
      ['POST', PARTNERS, { tenantId: '9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60', inboundTrust: null }],
      ['PATCH', PARTNER, { b2bCollaborationInbound: B2B, automaticUserConsentSettings: null }],
      ['DELETE', PARTNER],
      [
        'PUT',
        `${PARTNER}/identitySynchronization`,
        { displayName: 'Woodgrove', userSyncInbound: { isSyncAllowed: true } },
      ],
      ['PATCH', '/policies/crossTenantAccessPolicy/default', { b2bDirectConnectOutbound: B2B }],
      ['POST', '/policies/crossTenantAccessPolicy/default/resetToSystemDefault'],
      ['GET', "/tenantRelationships/findTenantInformationByDomainName(domainName='o''brien.com')"],
      [
        'GET',
        "/users?$filter=startswith(displayName,'A')&$top=5&$select=id,displayName,userPrincipalName,mail",
      ],
      [
        'GET',
        "/servicePrincipals?$filter=applicationTemplateId eq '518e5f48-1fc8-4c48-9387-9fdf28b0dfe7'&$select=id,appId,appRoles",
      ],
      [
        'POST',
        `${JOB}/restart`,
        { criteria: { resetScope: 'Watermark, Escrows, QuarantineState' } },
      ],
      [
        'POST',
        `${JOB}/provisionOnDemand`,
        { parameters: [{ ruleId: 'r', subjects: [{ objectId: 'o', objectTypeName: 'User' }] }] },
      ],
      [
        'POST',
        `${SP}/synchronization/jobs/validateCredentials`,
        {
          templateId: 'Azure2Azure',
          useSavedCredentials: false,
          credentials: [{ key: 'CompanyId', value: 'x' }],
        },
      ],
      ['PUT', `${SP}/synchronization/secrets`, { value: [{ key: 'SyncAll', value: 'false' }] }],
      ['DELETE', `${SP}/appRoleAssignedTo/SWHW-1qsTt-w8CRODpF8Etrq6emaH6Lb3NloJzsZbr4`],
      [
        'GET',
        "/auditLogs/provisioning?$filter=servicePrincipal/id eq 'x' and provisioningStatusInfo/status eq 'failure' and activityDateTime gt 2025-03-01T00:00:00Z&$orderby=activityDateTime desc&$top=500",
      ],
      // The Entra walkthrough's query: tolower, contains, or.
      [
        'GET',
        "/auditLogs/provisioning?$filter=((contains(tolower(servicePrincipal/id), 'x') or contains(tolower(servicePrincipal/displayName), 'x')) and activityDateTime gt 2023-07-30 and activityDateTime lt 2023-07-31)",
      ],
      [
        'GET',
        "/users?$filter=identities/any(i: i/issuer eq 'contoso.com' and startswith(i/issuerAssignedId,'a'))",
      ],
      [
        'GET',
        '/servicePrincipals?$filter=appOwnerOrganizationId eq f8cdef31-a31e-4b4a-93e4-5f571e91255a and tags/any()',
      ],
      [
        'POST',
        '/$batch',
        {
          requests: [
            {
              id: '1',
              method: 'GET',
              url: "/tenantRelationships/findTenantInformationByTenantId(tenantId='7b1e5d93')",
            },
            {
              id: '2',
              method: 'PATCH',
              url: PARTNER.slice(1),
              headers: { 'Content-Type': 'application/json' },
              body: { isServiceProvider: true },
            },
          ],
        },
      ],
    ];
    for (const [method, url, body] of valid) {
      it(`${method} ${url.slice(0, 90)}`, () => {
        assert.deepEqual(check(method, url, body).violations, []);
      });
    }
  });

  describe('violations name the method, the path and the exact problem', () => {
    const invalid: [string, string, string, unknown, RegExp][] = [
      [
        'a property the type does not have',
        'PATCH',
        PARTNER,
        { inboundTrust: { isMfaAccepted: true, isDeviceAccepted: true } },
        /^PATCH \/v1\.0\/policies\/crossTenantAccessPolicy\/partners\/7b1e5d93-[^:]+: body\.inboundTrust\.isDeviceAccepted: not a property of crossTenantAccessPolicyInboundTrust in v1\.0 \(it has isCompliantDeviceAccepted, isHybridAzureADJoinedDeviceAccepted, isMfaAccepted\)$/,
      ],
      [
        'a property in the wrong case',
        'POST',
        PARTNERS,
        { TenantId: 'x' },
        /: body\.TenantId: not a property of crossTenantAccessPolicyConfigurationPartner in v1\.0 \(did you mean tenantId\?\)$/,
      ],
      [
        'a property outside the metadata in a request (documented only as returned)',
        'PATCH',
        PARTNER,
        { crossCloudMeetingConfiguration: { inboundAllowed: true } },
        /: body\.crossCloudMeetingConfiguration: not a property of crossTenantAccessPolicyConfigurationPartner in v1\.0/,
      ],
      [
        'a wrong enum member',
        'PATCH',
        PARTNER,
        {
          b2bCollaborationInbound: {
            ...B2B,
            usersAndGroups: { ...B2B.usersAndGroups, accessType: 'allow' },
          },
        },
        /: body\.b2bCollaborationInbound\.usersAndGroups\.accessType: "allow" is not a member of crossTenantAccessPolicyTargetConfigurationAccessType: allowed, blocked, unknownFutureValue$/,
      ],
      [
        'a wrong primitive kind',
        'PUT',
        `${PARTNER}/identitySynchronization`,
        { userSyncInbound: { isSyncAllowed: 'true' } },
        /: body\.userSyncInbound\.isSyncAllowed: "true" is not a boolean \(Edm\.Boolean\)$/,
      ],
      [
        'null for a collection',
        'PATCH',
        '/policies/crossTenantAccessPolicy',
        { allowedCloudEndpoints: null },
        /^PATCH \/v1\.0\/policies\/crossTenantAccessPolicy: body\.allowedCloudEndpoints: null is not a collection \(Collection\(Edm\.String\)\)$/,
      ],
      [
        'null for a non-nullable property',
        'POST',
        PARTNERS,
        { tenantId: null },
        /: body\.tenantId: null for a non-nullable Edm\.String$/,
      ],
      [
        'a flags enum with a member it lacks',
        'POST',
        `${JOB}/restart`,
        { criteria: { resetScope: 'Watermark, Everything' } },
        /^POST \/v1\.0\/servicePrincipals\/[^:]+\/restart: body\.criteria\.resetScope: "Watermark, Everything" is not a comma-separated list of members of the flags enum synchronizationJobRestartScope: None, ConnectorDataStore, Escrows, Watermark, QuarantineState, Full, ForceDeletes \("Everything"\)$/,
      ],
      [
        'a flags enum as an array',
        'POST',
        `${JOB}/restart`,
        { criteria: { resetScope: ['Watermark'] } },
        /: body\.criteria\.resetScope: \["Watermark"\] is not a member name of synchronizationJobRestartScope/,
      ],
      [
        'an action with a parameter it does not take',
        'POST',
        `${JOB}/restart`,
        { criteria: { resetScope: 'Full' }, force: true },
        /\/restart: body\.force: not a parameter of the action restart \(it has criteria\)$/,
      ],
      [
        'an unknown navigation property',
        'GET',
        `${PARTNER}/identitySync`,
        undefined,
        /^GET \/v1\.0\/policies\/crossTenantAccessPolicy\/partners\/[^:]+\/identitySync: identitySync is not a property, navigation property or bound operation of crossTenantAccessPolicyConfigurationPartner in v1\.0/,
      ],
      [
        'an entity set v1.0 lacks',
        'GET',
        '/crossTenantPolicies',
        undefined,
        /^GET \/v1\.0\/crossTenantPolicies: crossTenantPolicies is neither an entity set nor a singleton of v1\.0$/,
      ],
      [
        'a navigation v1.0 has but the extract does not reach',
        'GET',
        `${SP}/synchronization/templates`,
        undefined,
        /: the navigation templates \(to Collection\(synchronizationTemplate\)\) is outside the extract \(add the path to ENTRY_PATHS in scripts\/extract-graph-metadata\.mjs and rerun it\)$/,
      ],
      [
        'a method that does not fit an action',
        'GET',
        `${JOB}/start`,
        undefined,
        /^GET \/v1\.0\/servicePrincipals\/[^:]+\/start: GET does not fit the action start \(POST\)$/,
      ],
      [
        'a method that does not fit a collection',
        'PATCH',
        PARTNERS,
        { isServiceProvider: true },
        /^PATCH \/v1\.0\/policies\/crossTenantAccessPolicy\/partners: PATCH does not fit a collection of crossTenantAccessPolicyConfigurationPartner \(GET, POST\)$/,
      ],
      [
        'a function with a parameter it does not take',
        'GET',
        "/tenantRelationships/findTenantInformationByTenantId(tenantId='x',id='y')",
        undefined,
        /findTenantInformationByTenantId has no parameter id \(it has tenantId\)$/,
      ],
      [
        'a function string argument without quotes',
        'GET',
        '/tenantRelationships/findTenantInformationByTenantId(tenantId=7b1e5d93)',
        undefined,
        /tenantId=7b1e5d93 is not a quoted string literal/,
      ],
      [
        'a $select of a property the type lacks',
        'GET',
        '/servicePrincipals?$select=id,publisherName',
        undefined,
        /^GET \/v1\.0\/servicePrincipals: \$select: publisherName is not a property of servicePrincipal in v1\.0$/,
      ],
      [
        'a $filter path through a property the type lacks',
        'GET',
        "/auditLogs/provisioning?$filter=servicePrincipal/appId eq 'x'",
        undefined,
        /^GET \/v1\.0\/auditLogs\/provisioning: \$filter: servicePrincipal\/appId: appId is not a property of provisioningServicePrincipal in v1\.0 \(it has displayName, id\)$/,
      ],
      [
        'a $filter inside a lambda naming a property the element lacks',
        'GET',
        "/users?$filter=identities/any(i: i/domain eq 'x')",
        undefined,
        /\$filter: domain is not a property of objectIdentity in v1\.0/,
      ],
      [
        'a $filter comparing an enum with a string that is no member',
        'GET',
        "/auditLogs/provisioning?$filter=provisioningStatusInfo/status eq 'failed'",
        undefined,
        /\$filter: provisioningStatusInfo\/status eq 'failed': "failed" is not a member of provisioningResult: success, failure, skipped, warning, unknownFutureValue$/,
      ],
      [
        'a $filter function OData does not have',
        'GET',
        "/users?$filter=beginswith(displayName,'a')",
        undefined,
        /\$filter: beginswith\(\) is not an OData function$/,
      ],
      [
        'an $orderby of a property the type lacks',
        'GET',
        '/auditLogs/provisioning?$orderby=activityTime desc',
        undefined,
        /\$orderby: activityTime is not a property of provisioningObjectSummary in v1\.0/,
      ],
      [
        'an $expand of a structural property',
        'GET',
        `${PARTNERS}?$expand=inboundTrust`,
        undefined,
        /\$expand: inboundTrust is not a navigation property of crossTenantAccessPolicyConfigurationPartner$/,
      ],
      [
        'a batch item with a wrong property',
        'POST',
        '/$batch',
        {
          requests: [
            { id: '1', method: 'GET', url: PARTNERS },
            {
              id: '2',
              method: 'PATCH',
              url: PARTNER,
              headers: { 'content-type': 'application/json' },
              body: { isServiceProvder: true },
            },
          ],
        },
        /^POST \/v1\.0\/\$batch › item 2: PATCH \/policies\/crossTenantAccessPolicy\/partners\/[^:]+: body\.isServiceProvder: not a property of crossTenantAccessPolicyConfigurationPartner in v1\.0/,
      ],
      [
        'a batch item that repeats the version',
        'POST',
        '/$batch',
        { requests: [{ id: '1', method: 'GET', url: '/v1.0/organization' }] },
        /^POST \/v1\.0\/\$batch › item 1: GET \/v1\.0\/organization: \$batch urls do not repeat the version$/,
      ],
      [
        'a batch item with a body and no Content-Type',
        'POST',
        '/$batch',
        { requests: [{ id: '1', method: 'POST', url: PARTNERS, body: { tenantId: 'x' } }] },
        /item 1: POST \/policies\/crossTenantAccessPolicy\/partners: an item with a body needs its own Content-Type header$/,
      ],
    ];
    for (const [what, method, url, body, expected] of invalid) {
      it(what, () => {
        const { violations } = check(method, url, body);
        assert.equal(violations.length, 1, violations.join('\n'));
        assert.match(violations[0], expected);
      });
    }
  });

  describe('/beta', () => {
    it('is a violation outside the allowlist', () => {
      const { violations, unchecked } = check(
        'GET',
        'https://graph.microsoft.com/beta/auditLogs/signIns',
      );
      assert.equal(unchecked, undefined);
      assert.deepEqual(violations, [
        'GET /beta/auditLogs/signIns: /beta is not in the allowlist (test/contract/allowlists.ts BETA_ALLOWLIST): use v1.0, or add the path with the reason v1.0 cannot serve it',
      ]);
    });

    it('is reported as unchecked with its reason inside the allowlist', () => {
      const allowing = new ContractChecker(checker.metadata, [
        {
          method: 'GET',
          path: '/auditLogs/signIns/{}',
          reason: 'crossTenantAccessType is beta-only',
        },
      ]);
      const report = allowing.check({
        method: 'GET',
        url: 'https://graph.microsoft.com/beta/auditLogs/signIns/abc?$select=madeUp',
        status: 200,
        responseBody: { madeUp: true },
      });
      assert.deepEqual(report, {
        templates: ['GET /beta/auditLogs/signIns/abc'],
        violations: [],
        unchecked: 'crossTenantAccessType is beta-only',
      });
    });
  });

  describe('answers use only v1.0 names', () => {
    const answer = (method: string, url: string, body: unknown, status = 200): string[] =>
      check(method, url, undefined, { status, body }).violations;

    it('flags a beta-only property of a directory object (its type is open only for extensions)', () => {
      assert.deepEqual(
        answer('GET', '/organization', {
          value: [{ id: 'o', displayName: 'Contoso', directorySizeQuota: { used: 1, total: 2 } }],
        }),
        [
          'GET /v1.0/organization: answer value[0].directorySizeQuota: not a property of organization in v1.0',
        ],
      );
    });

    it('accepts the null collections Graph documents (an organization read with User.Read alone)', () => {
      assert.deepEqual(
        answer('GET', '/organization', {
          value: [{ id: 'o', displayName: 'Contoso', businessPhones: null, assignedPlans: null }],
        }),
        [],
      );
    });

    it('accepts directory and schema extensions on directory objects', () => {
      assert.deepEqual(
        answer('GET', '/users?$select=id', {
          value: [
            {
              id: 'u',
              extension_0123456789abcdef0123456789abcdef_costCenter: '42',
              contoso_course: {},
            },
          ],
        }),
        [],
      );
    });

    it('accepts the properties Microsoft documents outside the metadata on partners, and nothing else', () => {
      const violations = answer('GET', PARTNER, {
        tenantId: 'p',
        crossCloudMeetingConfiguration: { inboundAllowed: false, outboundAllowed: false },
        protectedContentSharing: {},
        groupSyncInbound: { isSyncAllowed: true },
      });
      assert.equal(violations.length, 1, violations.join('\n'));
      assert.match(
        violations[0],
        /^GET \/v1\.0\/policies\/crossTenantAccessPolicy\/partners\/[^:]+: answer groupSyncInbound: not a property of crossTenantAccessPolicyConfigurationPartner in v1\.0/,
      );
    });

    it('accepts any property of an open complex type (detailsInfo) and checks the rest of a log entry', () => {
      const entry = {
        id: 'e',
        activityDateTime: '2025-03-14T12:00:00Z',
        provisioningAction: 'create',
        provisioningSteps: [
          {
            name: 'EntryImportAdd',
            provisioningStepType: 'import',
            status: 'success',
            details: { Anything: 'goes' },
          },
        ],
        provisioningStatusInfo: { status: 'succeeded' },
      };
      assert.deepEqual(answer('GET', '/auditLogs/provisioning', { value: [entry, entry] }), [
        'GET /v1.0/auditLogs/provisioning: answer value[0].provisioningStatusInfo.status: "succeeded" is not a member of provisioningResult: success, failure, skipped, warning, unknownFutureValue',
        'GET /v1.0/auditLogs/provisioning: answer value[1].provisioningStatusInfo.status: "succeeded" is not a member of provisioningResult: success, failure, skipped, warning, unknownFutureValue',
      ]);
    });

    it("checks each batch item's answer against its own path", () => {
      const violations = check(
        'POST',
        '/$batch',
        {
          requests: [
            {
              id: 'A',
              method: 'GET',
              url: "/tenantRelationships/findTenantInformationByTenantId(tenantId='t')",
            },
          ],
        },
        {
          status: 200,
          body: {
            responses: [{ id: 'a', status: 200, body: { tenantId: 't', tenantName: 'Contoso' } }],
          },
        },
      ).violations;
      assert.deepEqual(violations, [
        "POST /v1.0/$batch › item 1: GET /tenantRelationships/findTenantInformationByTenantId(tenantId='t'): answer tenantName: not a property of tenantInformation in v1.0 (it has defaultDomainName, displayName, federationBrandName, tenantId)",
      ]);
    });

    it('does not check error answers against the resource type', () => {
      assert.deepEqual(
        answer('GET', PARTNER, { error: { code: 'NotFound', message: 'x' } }, 404),
        [],
      );
    });
  });

  describe('a recording', () => {
    it('checks only the requests of our client, by its User-Agent, and counts the rest', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-contract-'));
      try {
        const file = path.join(dir, 'log.jsonl');
        const line = (userAgent: string | undefined, url: string): string =>
          JSON.stringify({
            method: 'GET',
            url: `${GRAPH}${url}`,
            headers: userAgent ? { 'user-agent': userAgent } : {},
            requestBody: '',
            status: 200,
            responseBody: null,
          });
        fs.writeFileSync(
          file,
          [
            line(`${CLIENT_PRODUCT}9.9.9`, PARTNERS),
            line(`${CLIENT_PRODUCT}9.9.9`, `${PARTNERS}?$select=nope`),
            line(undefined, '/not/a/real/path'),
            line('curl/8', `${PARTNERS}?$top=-1`),
          ].join('\n'),
        );
        const summary = await checkLog(file, checker);
        assert.equal(summary.checked, 2);
        assert.equal(summary.others, 2);
        assert.deepEqual([...summary.templates], [[`GET ${PARTNERS}`, 2]]);
        const examples = [...summary.violations.values()].map((v) => v.example);
        assert.equal(examples.length, 1, examples.join('\n'));
        assert.match(
          examples[0],
          /^GET \/v1\.0\/policies\/crossTenantAccessPolicy\/partners: \$select: nope is not a property of crossTenantAccessPolicyConfigurationPartner in v1\.0/,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
