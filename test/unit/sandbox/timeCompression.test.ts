import assert from 'node:assert/strict';
import {
  CYCLE_DELAY_MS,
  CYCLE_INTERVAL_MS,
  DEFAULT_ANSWERS,
  Sandbox,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  startSandboxServer,
  type SandboxServer,
} from '../../../src/sandbox';
import { createSandbox, GraphTestClient, TestClock } from './graphTestClient';

const FAB = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
const JOB = `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/jobs/${FAB.jobId}`;
describe('sandbox time compression', () => {
  let server: SandboxServer;
  let token: string;
  // The sandbox's clock: cycles come due when it says so, however fast the machine is.
  const clock = new TestClock();
  before(async () => {
    server = await startSandboxServer({ port: 0, sandbox: Sandbox.create({ now: clock.now }) });
    token = server.sandbox.mintToken({ tenantId: SANDBOX_TENANT_IDS.contoso });
  });
  after(() => server.close());
  afterEach(() => server.sandbox.reset());
  afterEach(() => server.sandbox.setTimeCompression(1));

  const graph = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/v1.0${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  const settings = (body?: unknown) =>
    fetch(
      `${server.url}/_sandbox/settings`,
      body === undefined
        ? {}
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
    );

  it('is set and read through POST/GET /_sandbox/settings, and validated (400)', async () => {
    assert.equal((await (await settings()).json()).timeCompression, 1);
    const set = await settings({ timeCompression: 1000 });
    assert.equal(set.status, 200);
    assert.equal((await set.json()).timeCompression, 1000);
    assert.equal(server.sandbox.timeCompression, 1000);
    for (const bad of [
      { timeCompression: 0 },
      { timeCompression: 'fast' },
      { timeCompression: -5 },
      { speed: 2 },
    ]) {
      assert.equal((await settings(bad)).status, 400, JSON.stringify(bad));
    }
    assert.equal(server.sandbox.timeCompression, 1000);
  });

  it('sets and reads the answers where Microsoft leaves one open, validated (400); reset restores them', async () => {
    assert.deepEqual((await (await settings()).json()).answers, DEFAULT_ANSWERS);
    const set = await settings({
      answers: { syncSecrets: 'forbidden', alreadyExists: 'badRequest' },
    });
    assert.equal(set.status, 200);
    assert.deepEqual((await set.json()).answers, {
      ...DEFAULT_ANSWERS,
      syncSecrets: 'forbidden',
      alreadyExists: 'badRequest',
    });
    for (const bad of [
      { answers: { syncSecrets: 'maybe' } },
      { answers: { guess: 'x' } },
      { answers: [] },
    ]) {
      const refused = await settings(bad);
      assert.equal(refused.status, 400, JSON.stringify(bad));
      assert.match((await refused.json()).error.message, /answers/i);
    }
    assert.equal(server.sandbox.answers.syncSecrets, 'forbidden');
    assert.equal((await fetch(`${server.url}/_sandbox/reset`, { method: 'POST' })).status, 204);
    assert.deepEqual(server.sandbox.answers, DEFAULT_ANSWERS);
  });

  it('runs a started Fabrikam job 30 s / 1000 after the start at 1000x, logging new entries for its users', async () => {
    await settings({ timeCompression: 1000 });
    const since = clock.now();
    assert.equal((await graph(`${JOB}/pause`, { method: 'POST' })).status, 204);
    // A Watermark restart makes the next cycle a full one, so every assigned user is evaluated and logged.
    assert.equal(
      (
        await graph(`${JOB}/restart`, {
          method: 'POST',
          body: JSON.stringify({ criteria: { resetScope: 'Watermark' } }),
        })
      ).status,
      204,
    );
    assert.equal((await graph(`${JOB}/start`, { method: 'POST' })).status, 204);
    type Job = { status: { code: string; lastExecution: { timeBegan: string } } };
    const read = async (): Promise<Job> => (await (await graph(JOB)).json()) as Job;
    const ranSinceStart = (job: Job): boolean =>
      Date.parse(job.status.lastExecution.timeBegan) >= since;
    clock.advance(CYCLE_DELAY_MS / 1000 - 1);
    assert.equal(ranSinceStart(await read()), false, 'no cycle before the compressed delay');
    clock.advance(1);
    const job = await read();
    assert.ok(ranSinceStart(job), 'a cycle ran once 30 s / 1000 had passed');
    assert.equal(job.status.code, 'Active');
    // Newest first: the entries of the cycle that just ran carry its activity id as their cycleId.
    const cycleId = (job.status.lastExecution as { activityIdentifier?: string })
      .activityIdentifier;
    const logs = (await (
      await graph(`/auditLogs/provisioning?$filter=jobId eq '${FAB.jobId}'&$top=50`)
    ).json()) as { value: { jobId: string; cycleId: string }[] };
    const fresh = logs.value.filter((e) => e.cycleId === cycleId);
    assert.ok(
      cycleId && fresh.length > 0,
      `new provisioning-log entries for cycle ${String(cycleId)}`,
    );
    assert.ok(fresh.every((e) => e.jobId === FAB.jobId));
  });
});

describe('sandbox cycle schedule', () => {
  const cases: { compression: number; nextCycleWithinMs: number }[] = [
    { compression: 1, nextCycleWithinMs: CYCLE_INTERVAL_MS + 60_000 },
    { compression: 60, nextCycleWithinMs: CYCLE_INTERVAL_MS / 60 + 60_000 },
  ];
  for (const c of cases) {
    it(`repeats cycles every 40 minutes / ${c.compression}`, async () => {
      const clock = new TestClock();
      const { sandbox } = createSandbox({ now: clock.now, timeCompression: c.compression });
      const client = new GraphTestClient(sandbox, SANDBOX_TENANT_IDS.contoso);
      await client.post(`${JOB}/restart`, { criteria: { resetScope: 'Watermark' } });
      clock.advance(30_000 / c.compression + 1);
      const first = (await client.get(JOB)).body.status.lastExecution.timeBegan as string;
      clock.advance(c.nextCycleWithinMs);
      const second = (await client.get(JOB)).body.status.lastExecution.timeBegan as string;
      assert.notEqual(second, first, 'a second cycle ran');
      const gap = Date.parse(second) - Date.parse(first);
      assert.ok(
        gap >= CYCLE_INTERVAL_MS / c.compression && gap <= c.nextCycleWithinMs,
        `gap ${gap}`,
      );
    });
  }

  it('rejects a factor below 1 at creation', () => {
    assert.throws(() => Sandbox.create({ timeCompression: 0.5 }), RangeError);
  });
});

describe("sandbox DELETE of a configuration's service principal and application", () => {
  const cases: {
    name: string;
    path: (created: { application: { id: string }; servicePrincipal: { id: string } }) => string;
  }[] = [
    {
      name: 'DELETE /servicePrincipals/{id}',
      path: (c) => `/servicePrincipals/${c.servicePrincipal.id}`,
    },
    {
      name: 'DELETE /applications/{id} (takes the service principal with it)',
      path: (c) => `/applications/${c.application.id}`,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: 204, then 404`, async () => {
      const { sandbox } = createSandbox();
      const client = new GraphTestClient(sandbox, SANDBOX_TENANT_IDS.contoso);
      const created = (
        await client.post(
          '/applicationTemplates/518e5f48-1fc8-4c48-9387-9fdf28b0dfe7/instantiate',
          { displayName: 'Temp' },
        )
      ).body;
      assert.equal((await client.send('DELETE', c.path(created))).status, 204);
      assert.equal(
        (await client.get(`/servicePrincipals/${created.servicePrincipal.id}`)).status,
        404,
      );
      const again = await client.send('DELETE', c.path(created));
      assert.equal(again.status, 404);
      assert.equal(again.body.error.code, 'Request_ResourceNotFound');
    });
  }

  it('needs Application.ReadWrite.All', async () => {
    const { sandbox } = createSandbox();
    const reader = new GraphTestClient(sandbox, SANDBOX_TENANT_IDS.contoso, {
      scp: ['Application.Read.All'],
    });
    assert.equal(
      (await reader.send('DELETE', `/servicePrincipals/${FAB.servicePrincipalId}`)).status,
      403,
    );
  });
});
