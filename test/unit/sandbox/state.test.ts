import assert from 'node:assert/strict';
import {
  AZURE2AZURE_USER_RULE_ID,
  FABRIKAM_SYNC_GROUP_ID,
  Sandbox,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  type SandboxState,
} from '../../../src/sandbox';
import { ErrorResponse } from '../../../src/sandbox/errors';
import {
  createSandbox,
  GraphTestClient,
  TEST_EPOCH,
  TestClock,
  type Body,
} from './graphTestClient';

const { contoso, fabrikam } = SANDBOX_TENANT_IDS;
const FAB = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

describe('sandbox state and persistence', () => {
  it('exports a tiny state when nothing changed: seed, anchor, no tenants', () => {
    const { sandbox } = createSandbox();
    const state = sandbox.exportState();
    assert.deepEqual(state, {
      version: 1,
      seed: state.seed,
      anchor: new Date(TEST_EPOCH).toISOString(),
      benchmarkTenants: 0,
      tenants: {},
    });
  });

  it('persists changes (policy, jobs, on-demand logs, appended logs) in well under 1 MB and restores them', async () => {
    const { sandbox, clock } = createSandbox();
    const source = new GraphTestClient(sandbox, contoso);
    await new GraphTestClient(sandbox, fabrikam).patch(`${PARTNERS}/${contoso}`, {
      inboundTrust: null,
    });
    await source.post(
      `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs/${FAB.jobId}/restart`,
      { criteria: { resetScope: 'Watermark' } },
    );
    clock.advance(60_000);
    await source.post(
      `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs/${FAB.jobId}/provisionOnDemand`,
      {
        parameters: [
          {
            ruleId: AZURE2AZURE_USER_RULE_ID,
            subjects: [{ objectId: FABRIKAM_SYNC_GROUP_ID, objectTypeName: 'Group' }],
          },
        ],
      },
    );
    sandbox.appendProvisioningLogs(contoso, [{ id: 'appended', jobId: 'x' }]);
    const before = (await source.get('/auditLogs/provisioning?$top=400')).body.value;

    const state = JSON.parse(JSON.stringify(sandbox.exportState())) as SandboxState;
    const size = JSON.stringify(state).length;
    assert.ok(size < 1_000_000, `${size} bytes`);
    assert.deepEqual(Object.keys(state.tenants).sort(), [contoso, fabrikam].sort());

    const restored = Sandbox.create({ state, now: clock.now });
    assert.equal(
      (await new GraphTestClient(restored, fabrikam).get(`${PARTNERS}/${contoso}`)).body
        .inboundTrust,
      null,
    );
    const restoredSource = new GraphTestClient(restored, contoso);
    assert.deepEqual(
      (await restoredSource.get('/auditLogs/provisioning?$top=400')).body.value,
      before,
      'seeded, cycle, on-demand and appended entries all come back',
    );
    assert.deepEqual(
      (
        await restoredSource.get(
          `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs/${FAB.jobId}`,
        )
      ).body,
      (
        await source.get(
          `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs/${FAB.jobId}`,
        )
      ).body,
    );
    assert.deepEqual(restored.exportState(), state, 'restored changes are exported again');
  });

  it('calls onDidChange after writes, not after reads; dispose stops it', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    let calls = 0;
    const subscription = sandbox.onDidChange(() => calls++);
    await client.get(PARTNERS);
    assert.equal(calls, 0);
    await client.patch(`${PARTNERS}/${fabrikam}`, { isServiceProvider: true });
    assert.equal(calls, 1);
    await client.patch(`${PARTNERS}/${fabrikam}`, { isServiceProvider: 'yes' });
    assert.equal(calls, 1, 'a rejected write changes nothing');
    sandbox.addPartners(contoso, 1);
    assert.equal(calls, 2);
    subscription.dispose();
    await client.patch(`${PARTNERS}/${fabrikam}`, { isServiceProvider: false });
    assert.equal(calls, 2);
  });

  it('reset() brings back the seeded tenants, clears faults and notifies', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    let calls = 0;
    sandbox.onDidChange(() => calls++);
    await client.delete(`${PARTNERS}/${SANDBOX_TENANT_IDS.northwind}`);
    sandbox.faults.set({ unavailable: { count: 3 } });
    sandbox.reset();
    assert.equal(calls, 2);
    assert.deepEqual(sandbox.faults.current, { latencyMs: 0 });
    assert.equal((await client.get(`${PARTNERS}/${SANDBOX_TENANT_IDS.northwind}`)).status, 200);
    assert.deepEqual(sandbox.exportState().tenants, {});
  });

  it('refuses a state of another version and tokens for unknown tenants', () => {
    assert.throws(
      () => Sandbox.create({ state: { version: 2 } as unknown as SandboxState }),
      TypeError,
    );
    const { sandbox } = createSandbox();
    assert.throws(
      () => sandbox.mintToken({ tenantId: 'nowhere.example' }),
      (e: unknown) =>
        e instanceof ErrorResponse &&
        e.status === 404 &&
        e.message === "'nowhere.example' is not a sandbox tenant id or domain.",
    );
  });
});

// How fast these answer is measured in bench/partners.bench.ts (npm run bench), not here.
describe('sandbox at benchmark sizes', () => {
  it('adds 1000 resolvable partners, listed with $expand=identitySynchronization and kept in exported state', async () => {
    const clock = new TestClock();
    const sandbox = Sandbox.create({ now: clock.now });
    const added = sandbox.addPartners(contoso, 1000);
    assert.equal(added.length, 1000);
    const client = new GraphTestClient(sandbox, contoso);
    const list = await client.get(`${PARTNERS}?$expand=identitySynchronization`);
    assert.equal(list.body.value.length, 1003);
    assert.equal(
      list.body.value.filter((p: Body) => p.identitySynchronization !== null).length,
      334,
    );
    const info = await client.get(
      `/tenantRelationships/findTenantInformationByTenantId(tenantId='${added[999].tenantId}')`,
    );
    assert.equal(info.body.displayName, added[999].displayName);
    const state = sandbox.exportState();
    assert.ok(JSON.stringify(state).length < 1_000_000);
    assert.equal(
      (
        await new GraphTestClient(Sandbox.create({ state, now: clock.now }), contoso).get(
          `${PARTNERS}?$select=tenantId`,
        )
      ).body.value.length,
      1003,
    );
  });

  it('answers a $batch of 20 tenant lookups, each 200', async () => {
    const { sandbox } = createSandbox();
    const tenants = sandbox.addPartners(contoso, 20);
    const client = new GraphTestClient(sandbox, contoso);
    const body = {
      requests: tenants.map((t, i) => ({
        id: String(i),
        method: 'GET',
        url: `/tenantRelationships/findTenantInformationByTenantId(tenantId='${t.tenantId}')`,
      })),
    };
    const reply = await client.post('/$batch', body);
    assert.equal(reply.body.responses.length, 20);
    assert.ok(reply.body.responses.every((r: Body) => r.status === 200));
  });
});
