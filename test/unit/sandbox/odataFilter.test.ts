import assert from 'node:assert/strict';
import { ErrorResponse } from '../../../src/sandbox/errors';
import { compileFilter, type FilterSchema } from '../../../src/sandbox/odata/filter';
import { parseFunctionSegment } from '../../../src/sandbox/odata/literal';
import { compileSearch } from '../../../src/sandbox/odata/search';

const LOGS: FilterSchema = {
  resource: 'provisioningObjectSummary',
  caseInsensitive: false,
  caseFunctions: true,
  properties: {
    activityDateTime: { type: 'datetime', operators: ['eq', 'gt', 'lt'] },
    jobId: { type: 'string', operators: ['eq', 'contains'] },
    'servicePrincipal/id': { type: 'string', operators: ['eq', 'contains'] },
    'servicePrincipal/displayName': { type: 'string', operators: ['eq', 'contains'] },
    'provisioningStatusInfo/status': {
      type: 'enum',
      operators: ['eq', 'contains'],
      members: ['success', 'failure', 'skipped'],
    },
  },
};

const entry = (at: string, status: string, sp = 'Fabrikam Retail') => ({
  activityDateTime: at,
  jobId: 'Azure2Azure.abc.123',
  servicePrincipal: { id: 'B3E1-sp', displayName: sp },
  provisioningStatusInfo: { status },
});

function status(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ErrorResponse, String(e));
    return e.status;
  }
  return 0;
}

describe('sandbox OData $filter', () => {
  it('compares unquoted date literals as instants (gt/lt, date-only = midnight UTC)', () => {
    const f = compileFilter(
      'activityDateTime gt 2023-07-30 and activityDateTime lt 2023-07-31',
      LOGS,
    );
    assert.equal(f(entry('2023-07-30T10:00:00Z', 'success')), true);
    assert.equal(f(entry('2023-07-31T00:00:01Z', 'success')), false);
    assert.equal(
      compileFilter(
        'activityDateTime gt 2023-07-30T09:59:59.5Z',
        LOGS,
      )(entry('2023-07-30T10:00:00Z', 'success')),
      true,
    );
  });

  it('rejects a quoted date for a DateTimeOffset property (400)', () => {
    assert.equal(
      status(() => compileFilter("activityDateTime gt '2023-07-30'", LOGS)),
      400,
    );
  });

  it('is case-sensitive for provisioning logs unless tolower() is used', () => {
    const e = entry('2023-07-30T10:00:00Z', 'failure');
    assert.equal(
      compileFilter("contains(servicePrincipal/displayName, 'fabrikam')", LOGS)(e),
      false,
    );
    assert.equal(
      compileFilter("contains(tolower(servicePrincipal/displayName), 'fabrikam')", LOGS)(e),
      true,
    );
    assert.equal(compileFilter("contains(tolower(servicePrincipal/id), 'b3e1')", LOGS)(e), true);
  });

  it('evaluates the walkthrough query: parentheses, or, and', () => {
    const f = compileFilter(
      "((contains(tolower(servicePrincipal/id), 'b3e1') or contains(tolower(servicePrincipal/displayName), 'b3e1')) and activityDateTime gt 2023-07-30 and activityDateTime lt 2023-07-31)",
      LOGS,
    );
    assert.equal(f(entry('2023-07-30T10:00:00Z', 'failure')), true);
    assert.equal(f(entry('2023-08-30T10:00:00Z', 'failure')), false);
  });

  it('supports not and eq on enums; an unknown enum member is a 400', () => {
    const f = compileFilter("not (provisioningStatusInfo/status eq 'success')", LOGS);
    assert.equal(f(entry('2023-07-30T10:00:00Z', 'failure')), true);
    assert.equal(f(entry('2023-07-30T10:00:00Z', 'success')), false);
    assert.equal(
      status(() => compileFilter("provisioningStatusInfo/status eq 'Failure'", LOGS)),
      400,
    );
  });

  it('rejects unknown properties, unsupported operators and functions', () => {
    assert.equal(
      status(() => compileFilter("cycleId eq 'x'", LOGS)),
      400,
    );
    assert.equal(
      status(() => compileFilter('activityDateTime ge 2023-07-30', LOGS)),
      400,
    );
    assert.equal(
      status(() => compileFilter("startswith(jobId, 'Azure')", LOGS)),
      400,
    );
    assert.equal(
      status(() => compileFilter("substringof('a', jobId)", LOGS)),
      400,
    );
  });

  it('reports syntax errors as 400', () => {
    for (const bad of [
      "jobId eq 'unterminated",
      'jobId eq',
      "(jobId eq 'a'",
      "jobId 'a'",
      'jobId eq ?',
    ])
      assert.equal(
        status(() => compileFilter(bad, LOGS)),
        400,
        bad,
      );
  });

  it('reads doubled quotes inside string literals', () => {
    const f = compileFilter("servicePrincipal/displayName eq 'O''Brien Ltd'", LOGS);
    assert.equal(f(entry('2023-07-30T10:00:00Z', 'success', "O'Brien Ltd")), true);
  });

  it('compares directory strings case-insensitively with startswith', () => {
    const users: FilterSchema = {
      resource: 'User',
      caseInsensitive: true,
      caseFunctions: false,
      properties: { displayName: { type: 'string', operators: ['eq', 'startswith'] } },
    };
    assert.equal(
      compileFilter("startswith(displayName,'ADA')", users)({ displayName: 'Ada Lovelace' }),
      true,
    );
    assert.equal(
      status(() => compileFilter("startswith(tolower(displayName),'ada')", users)),
      400,
    );
  });
});

describe('sandbox OData function segments and $search', () => {
  it('parses quoted parameters with doubled quotes', () => {
    const call = parseFunctionSegment(
      "findTenantInformationByDomainName(domainName='o''brien.example')",
    );
    assert.equal(call?.name, 'findTenantInformationByDomainName');
    assert.equal(call?.args.get('domainName'), "o'brien.example");
  });

  it('rejects unquoted string parameters', () => {
    assert.throws(
      () => parseFunctionSegment('findTenantInformationByTenantId(tenantId=abc)'),
      (e: unknown) => e instanceof ErrorResponse && e.status === 400,
    );
  });

  it('matches $search clauses on word prefixes, with AND and OR', () => {
    const s = compileSearch('"displayName:lov" AND "mail:contoso"', ['displayName', 'mail']);
    assert.equal(s({ displayName: 'Ada Lovelace', mail: 'ada@contoso.com' }), true);
    assert.equal(s({ displayName: 'Ada Lovelace', mail: 'ada@fabrikam.com' }), false);
    assert.equal(
      compileSearch('"displayName:zed" OR "displayName:ada"', ['displayName'])({
        displayName: 'Ada Lovelace',
      }),
      true,
    );
  });
});

describe('sandbox OData $filter: lambda operators over a collection', () => {
  const AUDITS: FilterSchema = {
    resource: 'directoryAudit',
    caseInsensitive: true,
    caseFunctions: false,
    properties: {
      category: { type: 'string', operators: ['eq'] },
      'targetResources/id': { type: 'string', operators: ['eq'], inCollection: 'targetResources' },
      'targetResources/displayName': {
        type: 'string',
        operators: ['eq', 'startswith'],
        inCollection: 'targetResources',
      },
    },
  };
  const event = (...ids: string[]) => ({
    category: 'CrossTenantAccessSettings',
    targetResources: ids.map((id) => ({ id, displayName: `Policy for ${id}` })),
  });

  const cases: readonly [string, object, boolean][] = [
    ["targetResources/any(t: t/id eq 'a')", event('b', 'A'), true],
    ["targetResources/any(t: t/id eq 'a')", event('b'), false],
    ["targetResources/any(t: t/id eq 'a')", { category: 'x' }, false],
    ["targetResources/all(t: startswith(t/displayName, 'Policy'))", event('a', 'b'), true],
    ["targetResources/all(x: x/id eq 'a')", event('a', 'b'), false],
    [
      "category eq 'CrossTenantAccessSettings' and targetResources/any(t: t/id eq 'b' or t/id eq 'c')",
      event('c'),
      true,
    ],
    ["not targetResources/any(t: t/id eq 'a')", event('b'), true],
  ];
  for (const [filter, item, expected] of cases)
    it(`${filter} → ${String(expected)} for ${JSON.stringify(item)}`, () => {
      assert.equal(compileFilter(filter, AUDITS)(item as never), expected);
    });

  const refused: readonly string[] = [
    "targetResources/id eq 'a'",
    "targetResources/any(t: t/type eq 'Policy')",
    "targetResources/any(t: id eq 'a')",
    "category/any(t: t/id eq 'a')",
    "targetResources/any(t: targetResources/any(u: u/id eq 'a'))",
    "targetResources/any(t t/id eq 'a')",
  ];
  for (const filter of refused)
    it(`refuses ${filter} (400)`, () => {
      assert.equal(
        status(() => compileFilter(filter, AUDITS)),
        400,
      );
    });
});
