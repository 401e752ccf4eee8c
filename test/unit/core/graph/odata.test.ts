import assert from 'node:assert/strict';
import { encodeQuery, odataString, pathSegment } from '../../../../src/core/graph/odata';
import { provisioningLogFilter } from '../../../../src/core/graph/operations/provisioningLogs';
import { tenantInformationByIdUrl } from '../../../../src/core/graph/operations/tenants';

describe('OData literals and queries', () => {
  it('quotes strings and doubles single quotes', () => {
    assert.equal(odataString('contoso.com'), "'contoso.com'");
    assert.equal(odataString("o'brien.com"), "'o''brien.com'");
    assert.equal(odataString("''"), "''''''");
  });

  it('keeps OData key syntax in path segments and encodes the rest', () => {
    assert.equal(pathSegment("'o''brien/x y'"), "'o''brien%2Fx%20y'");
    assert.equal(
      tenantInformationByIdUrl('6babcaad-604b-40ac-a9d7-9fd97c0b779f'),
      "/tenantRelationships/findTenantInformationByTenantId(tenantId='6babcaad-604b-40ac-a9d7-9fd97c0b779f')",
    );
  });

  it('encodes query values but not the $ of system query options', () => {
    assert.equal(
      encodeQuery({ $filter: "startswith(displayName,'a&b')", $top: 5, $select: undefined }),
      "$filter=startswith(displayName%2C'a%26b')&$top=5",
    );
  });

  it('builds provisioning log filters with eq, gt/lt and unquoted dates', () => {
    const filter = provisioningLogFilter({
      servicePrincipalId: 'sp-1',
      jobId: "Azure2Azure.x'y",
      status: 'failure',
      action: 'create',
      after: new Date('2023-07-30T00:00:00Z'),
      before: new Date('2023-07-31T00:00:00Z'),
    });
    assert.equal(
      filter,
      "servicePrincipal/id eq 'sp-1' and jobId eq 'Azure2Azure.x''y' and provisioningStatusInfo/status eq 'failure' and provisioningAction eq 'create'" +
        ' and activityDateTime gt 2023-07-30T00:00:00Z and activityDateTime lt 2023-07-31T00:00:00Z',
    );
    assert.equal(provisioningLogFilter({}), undefined);
    assert.equal(
      provisioningLogFilter({ jobId: 'j', cycleId: "c'1" }),
      "jobId eq 'j' and cycleId eq 'c''1'",
    );
  });
});
