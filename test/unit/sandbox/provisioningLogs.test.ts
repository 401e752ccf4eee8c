import assert from 'node:assert/strict';
import {
  HOSTILE_USERS,
  Sandbox,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
} from '../../../src/sandbox';
import {
  createSandbox,
  GraphTestClient,
  readAll,
  TEST_EPOCH,
  TestClock,
  type Body,
  prop,
  props,
} from './graphTestClient';

const { contoso, fabrikam } = SANDBOX_TENANT_IDS;
const LOGS = '/auditLogs/provisioning';
const DAY = 86_400_000;

/** All seeded entries of Contoso, read once (pages of 1000, the clock moved so the rate limit never trips). */
async function everything(): Promise<Body[]> {
  const { sandbox, clock } = createSandbox();
  return (
    await readAll(new GraphTestClient(sandbox, contoso), `${LOGS}?$top=1000`, {
      beforeEachPage: () => clock.advance(2_500),
    })
  ).values;
}

describe('sandbox provisioning logs: seeded content', () => {
  let all: Body[];
  before(async () => {
    all = await everything();
  });

  it('holds several thousand entries of both sync jobs over the last 30 days, newest first', () => {
    assert.ok(all.length > 3000, `${all.length} entries`);
    const times = all.map((e) => Date.parse(e.activityDateTime));
    assert.ok(times.every((t) => t <= TEST_EPOCH && t >= TEST_EPOCH - 30 * DAY));
    assert.ok(
      times.every((t, i) => i === 0 || times[i - 1] >= t),
      'ordered by activityDateTime desc',
    );
    assert.deepEqual(
      new Set(all.map(prop('jobId'))),
      new Set([
        SANDBOX_SYNC_CONFIGURATIONS.fabrikam.jobId,
        SANDBOX_SYNC_CONFIGURATIONS.tailspin.jobId,
      ]),
    );
    assert.equal(new Set(all.map(prop('id'))).size, all.length);
  });

  it('has successes, skips and failures with the documented cross-tenant sync error codes', () => {
    const statuses = new Set(all.map(prop('provisioningStatusInfo.status')));
    assert.deepEqual([...statuses].sort(), ['failure', 'skipped', 'success']);
    const codes = new Set(
      all
        .filter((e) => e.provisioningStatusInfo.status === 'failure')
        .map(prop('provisioningStatusInfo.errorInformation.errorCode')),
    );
    for (const code of [
      'AzureDirectoryB2BManagementPolicyCheckFailure',
      'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
      'InvitationCreationFailureInvalidPropertyValue',
      'AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService',
    ]) {
      assert.ok(codes.has(code), code);
    }
    const actions = new Set(all.map(prop('provisioningAction')));
    for (const action of ['create', 'update', 'other', 'disable', 'delete'])
      assert.ok(actions.has(action), action);
    const failure = all.find((e) => e.provisioningStatusInfo.status === 'failure');
    assert.ok(
      ['failure', 'nonServiceFailure'].includes(
        failure.provisioningStatusInfo.errorInformation.errorCategory,
      ),
    );
  });

  it('records the documented skip reasons and step sequences', () => {
    const reasons = new Set(
      all
        .flatMap((e) => (e.provisioningSteps as Body[]).map(prop('details.SkipReason')))
        .filter(Boolean),
    );
    for (const reason of ['RedundantExport', 'NotEffectivelyEntitled', 'EntityTypeNotSupported'])
      assert.ok(reasons.has(reason), reason);
    const outOfScope = all.find((e) =>
      e.provisioningSteps.some(
        (s: Body) => s.details['Scoping filter evaluation passed'] === 'False',
      ),
    );
    assert.deepEqual(JSON.parse(outOfScope.provisioningSteps[1].details.ScopeEvaluationResult), {
      "Filter external users.alternativeSecurityIds EQUALS 'None'": false,
    });
    const create = all.find(
      (e) => e.provisioningAction === 'create' && e.provisioningStatusInfo.status === 'success',
    );
    assert.deepEqual(
      create.provisioningSteps.map(props('name', 'provisioningStepType', 'status')),
      [
        ['EntryImportAdd', 'import', 'success'],
        ['EntrySynchronizationScoping', 'scoping', 'success'],
        ['EntrySynchronizationAdd', 'matching', 'success'],
        ['EntryExportAdd', 'export', 'success'],
      ],
    );
    assert.equal(create.targetSystem.displayName, 'Azure Active Directory (target tenant)');
    assert.deepEqual(Object.keys(create.targetSystem.details).sort(), [
      'ApplicationId',
      'ServicePrincipalDisplayName',
      'ServicePrincipalId',
    ]);
    assert.deepEqual(create.initiatedBy, {
      id: '',
      displayName: 'Azure AD Provisioning Service',
      initiatorType: 'system',
    });
    assert.equal(create.tenantId, contoso);
  });

  it('carries hostile markup and script payloads in names and attribute values', () => {
    const text = JSON.stringify(all);
    for (const h of HOSTILE_USERS)
      assert.ok(
        all.some((e) => e.sourceIdentity.displayName === h.displayName),
        h.displayName,
      );
    for (const payload of [
      '<img src=x onerror=alert(1)>',
      "<script>alert('xss')</script>",
      '"><svg/onload=alert(document.domain)>',
    ])
      assert.ok(text.includes(JSON.stringify(payload).slice(1, -1)), payload);
    assert.ok(
      all.some((e) =>
        e.provisioningStatusInfo.errorInformation?.reason?.includes('<img src=x onerror=alert(2)>'),
      ),
      'an error reason quotes a hostile mail value',
    );
  });

  it('is deterministic for a seed and anchor, and differs for another seed', async () => {
    const { sandbox } = createSandbox();
    const again = (await new GraphTestClient(sandbox, contoso).get(`${LOGS}?$top=200`)).body.value;
    assert.deepEqual(again, all.slice(0, 200));
    const other = Sandbox.create({ now: () => TEST_EPOCH, seed: 7 });
    const first = (await new GraphTestClient(other, contoso).get(`${LOGS}?$top=5`)).body.value;
    assert.notDeepEqual(first.map(prop('id')), all.slice(0, 5).map(prop('id')));
  });
});

describe('sandbox provisioning logs: queries', () => {
  it('filters on jobId, servicePrincipal/id, status and action (eq)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const tail = SANDBOX_SYNC_CONFIGURATIONS.tailspin;
    const reply = await client.get(
      `${LOGS}?$filter=jobId eq '${tail.jobId}' and provisioningStatusInfo/status eq 'failure' and provisioningAction eq 'create'&$top=50`,
    );
    assert.equal(reply.body.value.length, 50);
    assert.ok(
      reply.body.value.every(
        (e: Body) =>
          e.jobId === tail.jobId &&
          e.provisioningStatusInfo.status === 'failure' &&
          e.provisioningAction === 'create',
      ),
    );
    const bySp = await client.get(
      `${LOGS}?$filter=servicePrincipal/id eq '${tail.servicePrincipalId}'&$top=5`,
    );
    assert.ok(
      bySp.body.value.every((e: Body) => e.servicePrincipal.id === tail.servicePrincipalId),
    );
  });

  it('runs the documented walkthrough query: tolower, contains, or, and, unquoted dates', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const spId = SANDBOX_SYNC_CONFIGURATIONS.fabrikam.servicePrincipalId;
    const from = new Date(TEST_EPOCH - 3 * DAY).toISOString().slice(0, 10);
    const to = new Date(TEST_EPOCH - 2 * DAY).toISOString().slice(0, 10);
    const filter = `((contains(tolower(servicePrincipal/id), '${spId}') or contains(tolower(servicePrincipal/displayName), '${spId}')) and activityDateTime gt ${from} and activityDateTime lt ${to})`;
    const reply = await client.get(
      `${LOGS}?$filter=${encodeURIComponent(filter)}&$top=500&$orderby=activityDateTime desc`,
    );
    assert.equal(reply.status, 200);
    assert.ok(reply.body.value.length > 10);
    assert.ok(
      reply.body.value.every(
        (e: Body) =>
          e.servicePrincipal.id === spId && e.activityDateTime > from && e.activityDateTime < to,
      ),
    );
  });

  it('is case-sensitive without tolower()', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.get(`${LOGS}?$filter=contains(servicePrincipal/displayName, 'fabrikam')`)).body
        .value.length,
      0,
    );
    assert.ok(
      (
        await client.get(
          `${LOGS}?$filter=contains(servicePrincipal/displayName, 'Fabrikam')&$top=3`,
        )
      ).body.value.length > 0,
    );
  });

  it('orders ascending on request and rejects other $orderby and ge/le', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const asc = (await client.get(`${LOGS}?$orderby=activityDateTime asc&$top=20`)).body.value.map(
      prop('activityDateTime'),
    );
    assert.deepEqual(asc, [...asc].sort());
    assert.ok(Date.parse(asc[0]) < TEST_EPOCH - 29 * DAY);
    assert.equal((await client.get(`${LOGS}?$orderby=jobId`)).status, 400);
    assert.equal((await client.get(`${LOGS}?$filter=activityDateTime ge 2025-01-01`)).status, 400);
    clock.advance(10_000);
    assert.equal(
      (await client.get(`${LOGS}?$filter=cycleId eq 'x' and tenantId eq '${contoso}'`)).status,
      200,
    );
  });

  it('pages through a filtered set with an opaque $skiptoken in @odata.nextLink, in both orders', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const filter = `$filter=provisioningStatusInfo/status eq 'failure'`;
    const desc = await readAll(client, `${LOGS}?${filter}&$top=100`, {
      beforeEachPage: () => clock.advance(2_500),
    });
    const asc = await readAll(client, `${LOGS}?${filter}&$top=100&$orderby=activityDateTime asc`, {
      beforeEachPage: () => clock.advance(2_500),
    });
    assert.ok(desc.pages > 2);
    assert.equal(new Set(desc.values.map(prop('id'))).size, desc.values.length);
    assert.deepEqual(asc.values.map(prop('id')), desc.values.map(prop('id')).reverse());
    const first = await client.get(`${LOGS}?$top=3`);
    assert.match(
      first.body['@odata.nextLink'],
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/auditLogs\/provisioning\?\$top=3&\$skiptoken=[A-Za-z0-9_-]+$/,
    );
    clock.advance(10_000);
    assert.equal((await client.get(`${LOGS}?$skiptoken=garbage`)).status, 400);
  });

  it('keeps paging stable when entries are logged between pages', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const page1 = await client.get(`${LOGS}?$top=50`);
    sandbox.appendProvisioningLogs(contoso, [
      { jobId: 'late', activityDateTime: new Date(TEST_EPOCH + 1000).toISOString() },
    ]);
    const page2 = await client.get(page1.body['@odata.nextLink']);
    clock.advance(10_000);
    const fresh = await client.get(`${LOGS}?$top=51`);
    assert.equal(fresh.body.value[0].jobId, 'late');
    assert.deepEqual(
      [...page1.body.value, ...page2.body.value].map(prop('id')),
      [...fresh.body.value.slice(1), ...page2.body.value].map(prop('id')).slice(0, 100),
    );
  });

  it('allows 5 requests per 10 s per tenant, then 429 with Retry-After and the error body', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (let i = 0; i < 5; i++) assert.equal((await client.get(`${LOGS}?$top=1`)).status, 200);
    clock.advance(4_000);
    const throttled = await client.get(`${LOGS}?$top=1`);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '6');
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.ok(throttled.body.error.innerError['request-id']);
    assert.equal(
      (await new GraphTestClient(sandbox, fabrikam).get(`${LOGS}?$top=1`)).status,
      200,
      'another tenant has its own budget',
    );
    clock.advance(6_000);
    assert.equal((await client.get(`${LOGS}?$top=1`)).status, 200);
  });
});

describe('sandbox provisioning logs: clock', () => {
  it('uses the injected clock for the anchor of the seeded history', async () => {
    const clock = new TestClock();
    clock.current = Date.parse('2024-01-10T08:30:45Z');
    const sandbox = Sandbox.create({ now: clock.now });
    const newest = (await new GraphTestClient(sandbox, contoso).get(`${LOGS}?$top=1`)).body
      .value[0];
    assert.ok(Date.parse(newest.activityDateTime) <= Date.parse('2024-01-10T08:30:00Z'));
    assert.ok(Date.parse(newest.activityDateTime) > Date.parse('2024-01-09T08:30:00Z'));
  });
});
