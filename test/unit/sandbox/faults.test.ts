import assert from 'node:assert/strict';
import { Sandbox, SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { createSandbox, GRAPH, GraphTestClient } from './graphTestClient';

const { contoso, woodgrove } = SANDBOX_TENANT_IDS;
const POLICY = '/policies/crossTenantAccessPolicy';

describe('sandbox fault injection (in-process fetch)', () => {
  it('adds latency to Graph requests; clear() restores the configured base latency', async () => {
    // The sandbox's waits, held until the test lets them go: what it asked for, not how long it took.
    const waits: { ms: number; done: () => void }[] = [];
    const sleep = (ms: number): Promise<void> =>
      new Promise((resolve) => waits.push({ ms, done: resolve }));
    const { sandbox } = createSandbox({ latencyMs: 0, sleep });
    const client = new GraphTestClient(sandbox, contoso);
    sandbox.faults.set({ latencyMs: 60 });
    let answered = false;
    const reply = client.get(POLICY).then((r) => ((answered = true), r));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      waits.map((w) => w.ms),
      [60],
      'latency applied',
    );
    assert.equal(answered, false, 'no answer before the latency has passed');
    waits[0].done();
    assert.equal((await reply).status, 200);
    sandbox.faults.clear();
    assert.equal((await client.get(POLICY)).status, 200);
    assert.equal(waits.length, 1, 'latency cleared: the next request does not wait');
    const slow = Sandbox.create({ latencyMs: 40, sleep });
    assert.equal(slow.faults.current.latencyMs, 40);
    const slowReply = new GraphTestClient(slow, contoso).get(POLICY);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(waits.at(-1)?.ms, 40, 'the base latency applies from the start');
    waits.at(-1)!.done();
    assert.equal((await slowReply).status, 200);
  });

  it('returns 429 with Retry-After for the next N requests, optionally only under a path prefix', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    sandbox.faults.set({
      throttle: { count: 2, retryAfterSeconds: 4, pathPrefix: '/v1.0/policies' },
    });
    assert.equal((await client.get('/organization')).status, 200, 'outside the prefix');
    for (let i = 0; i < 2; i++) {
      const throttled = await client.get(POLICY);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '4');
      assert.equal(throttled.body.error.code, 'TooManyRequests');
      assert.ok(throttled.headers.get('request-id'));
    }
    assert.equal((await client.get(POLICY)).status, 200);
    assert.equal(sandbox.faults.current.throttle, undefined, 'the burst is used up');
  });

  it('throttles only the method given: the reads before a PATCH pass, the PATCH gets the 429', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    sandbox.faults.set({ throttle: { count: 1, retryAfterSeconds: 1, method: 'patch' } });
    assert.equal((await client.get(`${POLICY}/default`)).status, 200);
    const throttled = await client.patch(`${POLICY}/default`, { inboundTrust: null });
    assert.equal(throttled.status, 429);
    assert.equal(sandbox.faults.current.throttle, undefined);
    assert.throws(
      () =>
        sandbox.faults.set({ throttle: { count: 1, retryAfterSeconds: 1, method: 1 as never } }),
      /throttle\.method must be a string/,
    );
  });

  it('returns 503, with Retry-After when configured', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    sandbox.faults.set({ unavailable: { count: 1, retryAfterSeconds: 2 } });
    const first = await client.get(POLICY);
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('retry-after'), '2');
    assert.equal(first.body.error.code, 'ServiceUnavailable');
    sandbox.faults.set({ unavailable: { count: 1 } });
    assert.equal((await client.get(POLICY)).headers.get('retry-after'), null);
    assert.equal((await client.get(POLICY)).status, 200);
  });

  it('drops the connection: fetch rejects with a TypeError, and the write did not happen', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    sandbox.faults.set({ drop: { count: 1 } });
    await assert.rejects(
      client.post(`${POLICY}/partners`, { tenantId: woodgrove }),
      (e: unknown) => e instanceof TypeError && e.message === 'fetch failed',
    );
    assert.equal((await client.get(`${POLICY}/partners/${woodgrove}`)).status, 404);
  });

  it('rejects with an AbortError DOMException when the signal aborts (already, or during latency)', async () => {
    const { sandbox } = createSandbox();
    const token = sandbox.mintToken({ tenantId: contoso });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const early = new AbortController();
    early.abort();
    await assert.rejects(
      sandbox.fetch(`${GRAPH}${POLICY}/partners`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ tenantId: woodgrove }),
        signal: early.signal,
      }),
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
    // An hour of latency, far beyond the test's timeout: the request can only end by the abort.
    sandbox.faults.set({ latencyMs: 3_600_000 });
    const late = new AbortController();
    const pending = sandbox.fetch(`${GRAPH}${POLICY}`, { headers, signal: late.signal });
    setImmediate(() => late.abort());
    await assert.rejects(
      pending,
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
    sandbox.faults.clear();
    assert.equal(
      (await sandbox.fetch(`${GRAPH}${POLICY}/partners/${woodgrove}`, { headers })).status,
      404,
      'the aborted POST changed nothing',
    );
  });

  it('leaves the control endpoints alone and validates fault settings', async () => {
    const { sandbox } = createSandbox();
    sandbox.faults.set({ unavailable: { count: 5 }, drop: { count: 0 } });
    assert.equal((await sandbox.fetch('http://sandbox/_sandbox/tenants')).status, 200);
    assert.throws(
      () => sandbox.faults.set({ throttle: { count: -1, retryAfterSeconds: 1 } }),
      TypeError,
    );
    const bad = await sandbox.fetch('http://sandbox/_sandbox/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unavailable: { count: 'many' } }),
    });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, 'Request_BadRequest');
  });
});
