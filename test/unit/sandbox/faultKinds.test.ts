import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SANDBOX_TENANT_IDS, startSandboxServer, type SandboxServer } from '../../../src/sandbox';
import { createSandbox, GRAPH } from './graphTestClient';

const { contoso, woodgrove } = SANDBOX_TENANT_IDS;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

describe('sandbox faults: hang, truncate, loopNextLink (in-process fetch)', () => {
  it('hang: the request is never answered until the client aborts, then the next one is', async () => {
    const { sandbox } = createSandbox();
    const headers = { authorization: `Bearer ${sandbox.mintToken({ tenantId: contoso })}` };
    sandbox.faults.set({ hang: { count: 1 } });
    const abort = new AbortController();
    let settled = false;
    const pending = sandbox
      .fetch(`${GRAPH}${PARTNERS}`, { headers, signal: abort.signal })
      .finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(settled, false, 'still waiting');
    abort.abort();
    await assert.rejects(
      pending,
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
    assert.equal(sandbox.faults.current.hang, undefined, 'used up');
    assert.equal((await sandbox.fetch(`${GRAPH}${PARTNERS}`, { headers })).status, 200);
  });

  it('truncate: the write happens, the status arrives, and reading the body fails half way', async () => {
    const { sandbox } = createSandbox();
    const headers = {
      authorization: `Bearer ${sandbox.mintToken({ tenantId: contoso })}`,
      'content-type': 'application/json',
    };
    sandbox.faults.set({ truncate: { count: 1 } });
    const created = await sandbox.fetch(`${GRAPH}${PARTNERS}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ tenantId: woodgrove }),
    });
    assert.equal(created.status, 201);
    await assert.rejects(created.text(), TypeError);
    assert.equal(
      (await sandbox.fetch(`${GRAPH}${PARTNERS}/${woodgrove}`, { headers })).status,
      200,
      'the partner was created',
    );
  });

  it('loopNextLink: a collection page links to itself, N times, then pages normally', async () => {
    const { sandbox } = createSandbox();
    const headers = { authorization: `Bearer ${sandbox.mintToken({ tenantId: contoso })}` };
    sandbox.faults.set({ loopNextLink: { count: 2 } });
    const url = `${GRAPH}${PARTNERS}?$top=1`;
    for (let i = 0; i < 2; i++) {
      const page = (await (await sandbox.fetch(url, { headers })).json()) as Record<
        string,
        unknown
      >;
      assert.equal(page['@odata.nextLink'], url);
    }
    const normal = (await (await sandbox.fetch(url, { headers })).json()) as Record<
      string,
      unknown
    >;
    assert.notEqual(normal['@odata.nextLink'], url);
    const single = await sandbox.fetch(`${GRAPH}/policies/crossTenantAccessPolicy`, { headers });
    sandbox.faults.set({ loopNextLink: { count: 1 } });
    assert.equal(((await single.json()) as Record<string, unknown>)['@odata.nextLink'], undefined);
    assert.deepEqual(sandbox.faults.current.loopNextLink, { count: 1 }, 'objects are not pages');
  });

  it('validates the counts', () => {
    const { sandbox } = createSandbox();
    for (const bad of [{ hang: { count: -1 } }, { truncate: { count: 1.5 } }, { loopNextLink: {} }])
      assert.throws(() => sandbox.faults.set(bad as never), TypeError, JSON.stringify(bad));
  });
});

describe('sandbox faults: hang and truncate over HTTP', () => {
  let server: SandboxServer;
  before(async () => {
    server = await startSandboxServer({ port: 0 });
  });
  after(() => server.close());

  it('hang keeps the socket open without an answer; truncate sends half the declared body', async () => {
    const token = server.sandbox.mintToken({ tenantId: contoso });
    const get = (): Promise<{
      status: number;
      declared: number;
      received: number;
      aborted: boolean;
    }> =>
      new Promise((resolve, reject) => {
        const req = request(`${server.url}/v1.0${PARTNERS}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        req.setTimeout(300, () => req.destroy(new Error('no answer')));
        req.on('error', reject);
        req.on('response', (res) => {
          let received = 0;
          res.on('data', (c: Buffer) => (received += c.length));
          const done = (aborted: boolean) => () =>
            resolve({
              status: res.statusCode ?? 0,
              declared: Number(res.headers['content-length']),
              received,
              aborted,
            });
          res.on('end', done(false));
          res.on('aborted', done(true));
          res.on('error', () => undefined);
        });
        req.end();
      });
    server.sandbox.faults.set({ hang: { count: 1 } });
    await assert.rejects(get(), /no answer/);
    server.sandbox.faults.set({ truncate: { count: 1 } });
    const cut = await get();
    assert.equal(cut.status, 200);
    assert.equal(cut.aborted, true, JSON.stringify(cut));
    assert.ok(cut.received > 0 && cut.received < cut.declared, JSON.stringify(cut));
    const whole = await get();
    assert.equal(whole.aborted, false, 'the next response is whole');
  });
});
