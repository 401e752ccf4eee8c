import assert from 'node:assert/strict';
import {
  FABRIKAM_SYNC_GROUP_ID,
  SANDBOX_TENANT_IDS,
  TAILSPIN_PILOT_GROUP_ID,
} from '../../../src/sandbox';
import {
  createSandbox,
  GraphTestClient,
  prop,
  readAll,
  TEST_EPOCH,
  type Body,
} from './graphTestClient';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
const SIGN_INS = '/auditLogs/signIns';
const DAY = 86_400_000;
const TEAMS = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

/** Property names of v1.0 signIn (cleanMetadata-v1.0.xml); `crossTenantAccessType` is beta-only. */
const SIGN_IN_V1 = [
  'id',
  'appDisplayName',
  'appId',
  'appliedConditionalAccessPolicies',
  'authenticationAppDeviceDetails',
  'clientAppUsed',
  'conditionalAccessStatus',
  'correlationId',
  'createdDateTime',
  'deviceDetail',
  'homeTenantId',
  'ipAddress',
  'isInteractive',
  'location',
  'resourceDisplayName',
  'resourceId',
  'resourceTenantId',
  'riskDetail',
  'riskEventTypes',
  'riskEventTypes_v2',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'servicePrincipalId',
  'servicePrincipalName',
  'status',
  'userAgent',
  'userDisplayName',
  'userId',
  'userPrincipalName',
];
const NESTED_V1: Readonly<Record<string, readonly string[]>> = {
  status: ['additionalDetails', 'errorCode', 'failureReason'],
  deviceDetail: [
    'browser',
    'deviceId',
    'displayName',
    'isCompliant',
    'isManaged',
    'operatingSystem',
    'trustType',
  ],
  location: ['city', 'countryOrRegion', 'geoCoordinates', 'state'],
};

function filtered(filter: string, extra = ''): string {
  return `${SIGN_INS}?$filter=${encodeURIComponent(filter)}${extra}`;
}

async function everything(tenant: string): Promise<Body[]> {
  const { sandbox, clock } = createSandbox();
  return (
    await readAll(new GraphTestClient(sandbox, tenant), SIGN_INS, {
      beforeEachPage: () => clock.advance(2_500),
    })
  ).values;
}

describe('sandbox sign-ins: seeded content', () => {
  const logs = new Map<string, Body[]>();
  before(async () => {
    for (const tenant of [contoso, fabrikam, tailspin, woodgrove])
      logs.set(tenant, await everything(tenant));
  });

  it('holds 30 days of v1.0 signIn events, newest first, without beta names', () => {
    for (const [tenant, events] of logs) {
      assert.ok(events.length > 50, `${tenant}: ${events.length}`);
      const times = events.map((e) => Date.parse(e.createdDateTime));
      assert.ok(times.every((t) => t < TEST_EPOCH && t > TEST_EPOCH - 31 * DAY));
      assert.ok(
        times.every((t, i) => i === 0 || times[i - 1] >= t),
        'newest first',
      );
      for (const e of events) {
        for (const key of Object.keys(e))
          assert.ok(SIGN_IN_V1.includes(key), `signIn has '${key}'`);
        for (const [name, allowed] of Object.entries(NESTED_V1))
          for (const key of Object.keys(e[name] ?? {}))
            assert.ok(allowed.includes(key), `${name}.${key}`);
      }
    }
  });

  it("is consistent with Tailspin's allow-list: only Contoso's pilot group gets in; others get AADSTS500213", async () => {
    const { sandbox } = createSandbox();
    const members = new Set(
      (
        await new GraphTestClient(sandbox, contoso).get(
          `/groups/${TAILSPIN_PILOT_GROUP_ID}/members?$top=999`,
        )
      ).body.value.map(prop('id')),
    );
    const fromContoso = logs.get(tailspin)!.filter((e) => e.homeTenantId === contoso);
    const ok = fromContoso.filter((e) => e.status.errorCode === 0);
    const refused = fromContoso.filter((e) => e.status.errorCode !== 0);
    assert.ok(ok.length > 20 && refused.length > 0, `${ok.length} ok, ${refused.length} refused`);
    assert.ok(
      ok.every((e) => members.has(e.userId)),
      'successful sign-ins are pilot members',
    );
    assert.ok(refused.every((e) => !members.has(e.userId) && e.status.errorCode === 500213));
    assert.ok(
      ok.every((e) => e.resourceTenantId === tailspin && e.conditionalAccessStatus === 'success'),
    );
    const first = Math.min(...fromContoso.map((e) => Date.parse(e.createdDateTime)));
    assert.ok(first > TEST_EPOCH - 21 * DAY, 'no sign-ins before Tailspin became a partner');
  });

  it("logs Contoso's users at Fabrikam and Tailspin, Fabrikam's at Contoso, and Teams with Northwind, in both tenants", () => {
    const contosoLog = logs.get(contoso)!;
    const pairs = new Set(contosoLog.map((e) => `${e.homeTenantId}→${e.resourceTenantId}`));
    for (const pair of [
      `${contoso}→${fabrikam}`,
      `${contoso}→${tailspin}`,
      `${fabrikam}→${contoso}`,
      `${contoso}→${northwind}`,
      `${northwind}→${contoso}`,
      `${contoso}→${contoso}`,
    ])
      assert.ok(pairs.has(pair), pair);
    assert.ok(
      contosoLog
        .filter((e) => e.homeTenantId === northwind || e.resourceTenantId === northwind)
        .every((e) => e.appId === TEAMS),
      'direct connect with Northwind is Teams only',
    );
    const inFabrikam = new Set(logs.get(fabrikam)!.map(prop('correlationId')));
    const outbound = contosoLog.filter((e) => e.resourceTenantId === fabrikam);
    assert.ok(
      outbound.every((e) => inFabrikam.has(e.correlationId)),
      'the resource tenant logs it too',
    );
    assert.ok(
      outbound.every((e) => e.appliedConditionalAccessPolicies.length === 0),
      "the home tenant's copy carries no resource policies",
    );
    const fromFabrikam = contosoLog.filter(
      (e) => e.homeTenantId === fabrikam && e.appDisplayName === 'Contoso Expense Portal',
    );
    assert.ok(fromFabrikam.length > 0);
    assert.ok(
      fromFabrikam.every((e): boolean =>
        e.appliedConditionalAccessPolicies.some((p: Body): boolean =>
          Boolean(p.enforcedGrantControls.includes('RequireCompliantDevice')),
        ),
      ),
    );
  });

  it("has Contoso's synced users at Fabrikam from the sync group", async () => {
    const { sandbox } = createSandbox();
    const members = new Set(
      (
        await new GraphTestClient(sandbox, contoso).get(
          `/groups/${FABRIKAM_SYNC_GROUP_ID}/members?$top=999`,
        )
      ).body.value.map(prop('id')),
    );
    const visitors = logs.get(fabrikam)!.filter((e) => e.homeTenantId === contoso);
    assert.ok(visitors.length > 100);
    assert.ok(visitors.every((e) => members.has(e.userId)));
  });
});

describe('sandbox sign-ins: query options', () => {
  it('needs Entra ID P1 or P2: Northwind (Free) gets the licence error, after the permission check', async () => {
    const { sandbox } = createSandbox();
    const denied = await new GraphTestClient(sandbox, northwind).get(SIGN_INS);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    assert.equal(
      denied.body.error.message,
      "Neither tenant is B2C or tenant doesn't have premium license",
    );
    const noScope = await new GraphTestClient(sandbox, northwind, {
      scp: ['Directory.Read.All'],
    }).get(SIGN_INS);
    assert.equal(noScope.body.error.code, 'Authorization_RequestDenied');
    const audits = await new GraphTestClient(sandbox, northwind).get('/auditLogs/directoryAudits');
    assert.equal(audits.status, 200, 'directory audits need no premium licence');
  });

  it('needs AuditLog.Read.All and Directory.Read.All', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso, { scp: ['Directory.Read.All'] }).get(
      SIGN_INS,
    );
    assert.equal(reply.status, 403);
    assert.match(reply.body.error.message, /Missing: AuditLog\.Read\.All/);
  });

  it('filters one day by createdDateTime ge/le, and by home and resource tenant', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const all = await everything(contoso);
    const from = new Date(TEST_EPOCH - 3 * DAY).toISOString();
    const to = new Date(TEST_EPOCH - 2 * DAY - 1).toISOString();
    const day = `createdDateTime ge ${from} and createdDateTime le ${to}`;
    const get = (path: string) => {
      clock.advance(2_500);
      return client.get(path);
    };
    const oneDay = await get(filtered(day));
    assert.deepEqual(
      oneDay.body.value.map(prop('id')),
      all.filter((e) => e.createdDateTime >= from && e.createdDateTime <= to).map(prop('id')),
    );
    const inbound = await get(filtered(`${day} and homeTenantId eq '${fabrikam}'`));
    assert.ok(inbound.body.value.length > 0);
    assert.ok(inbound.body.value.every((e: Body) => e.homeTenantId === fabrikam));
    const either = await get(
      filtered(`${day} and (homeTenantId eq '${tailspin}' or resourceTenantId eq '${tailspin}')`),
    );
    assert.deepEqual(
      either.body.value.map(prop('id')),
      oneDay.body.value.filter((e: Body) => e.resourceTenantId === tailspin).map(prop('id')),
    );
    const external = await get(filtered(`${day} and homeTenantId ne '${contoso}'`));
    assert.ok(external.body.value.every((e: Body) => e.homeTenantId !== contoso));
    const app = await get(filtered(`appId eq '${TEAMS}'`, '&$top=50'));
    assert.ok(app.body.value.every((e: Body) => e.appId === TEAMS));
    const bad = await get(filtered(`status/errorCode eq 0`));
    assert.equal(bad.status, 400);
  });

  it('pages by 1000 at most: $top above 1000 is a 400', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const first = await client.get(SIGN_INS);
    assert.equal(first.body.value.length, 1000);
    assert.ok(first.body['@odata.nextLink']);
    clock.advance(2_500);
    const small = await readAll(
      client,
      filtered(`createdDateTime ge ${new Date(TEST_EPOCH - DAY).toISOString()}`, '&$top=7'),
      {
        beforeEachPage: () => clock.advance(2_500),
      },
    );
    assert.ok(small.pages > 1);
    assert.equal(new Set(small.values.map(prop('id'))).size, small.values.length);
    clock.advance(2_500);
    assert.equal((await client.get(`${SIGN_INS}?$top=1001`)).status, 400);
  });

  it('is throttled with the other identity reports', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, tailspin);
    for (let i = 0; i < 5; i++) assert.equal((await client.get(`${SIGN_INS}?$top=1`)).status, 200);
    const throttled = await client.get('/auditLogs/directoryAudits?$top=1');
    assert.equal(throttled.status, 429);
  });

  it('takes posted sign-ins (benchmarks) and keeps them in the exported state', async () => {
    const { sandbox } = createSandbox();
    const [entry] = sandbox.appendSignIns(woodgrove, [
      { userId: 'u1', homeTenantId: contoso, resourceTenantId: woodgrove },
    ]);
    assert.equal(entry.createdDateTime, new Date(TEST_EPOCH).toISOString());
    const newest = await new GraphTestClient(sandbox, woodgrove).get(`${SIGN_INS}?$top=1`);
    assert.equal(newest.body.value[0].id, entry.id);
    assert.equal(sandbox.exportState().tenants[woodgrove].signIns!.length, 1);
  });
});
