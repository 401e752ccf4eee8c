import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startSandboxServer, type SandboxServer } from '../../../src/sandbox';

interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, walked freely by the assertions
  readonly body: any;
}

describe('sandbox HTTP server: requests from web pages (CSRF, DNS rebinding)', () => {
  let server: SandboxServer;
  let port: number;
  let token: string;

  /** A request with exactly these headers (fetch would not send Host or Origin as given). */
  function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method, path, headers, setHost: !('host' in headers) },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const faultsInForce = async (): Promise<unknown> =>
    (await fetch(`${server.url}/_sandbox/faults`)).json();

  before(async () => {
    server = await startSandboxServer({ port: 0 });
    port = Number(new URL(server.url).port);
  });
  after(() => server.close());
  beforeEach(() => {
    server.sandbox.reset();
    token = server.sandbox.mintToken({ tenantId: 'contoso.onmicrosoft.com' });
  });

  it('refuses a control body that is not application/json (415) and changes nothing', async () => {
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      '',
    ]) {
      const answer = await send(
        'POST',
        '/_sandbox/faults',
        type ? { 'content-type': type } : {},
        JSON.stringify({ drop: { count: 5 } }),
      );
      assert.equal(answer.status, 415, type);
      assert.equal(answer.body.error.code, 'UnsupportedMediaType');
    }
    assert.deepEqual(await faultsInForce(), { latencyMs: 0 });
  });

  it('still takes a control POST without a body, as curl -X POST sends it', async () => {
    assert.equal((await send('POST', '/_sandbox/reset', {})).status, 204);
  });

  const foreignOrigins = [
    'http://evil.example',
    'https://evil.example:8787',
    'null',
    'http://127.0.0.1.evil.example',
  ];
  for (const origin of foreignOrigins) {
    it(`refuses control and Graph requests from the page origin ${origin} (403), before acting`, async () => {
      const reset = await send('POST', '/_sandbox/reset', { origin });
      const faults = await send(
        'POST',
        '/_sandbox/faults',
        { origin, 'content-type': 'application/json' },
        JSON.stringify({ drop: { count: 5 } }),
      );
      const mint = await send('GET', '/_sandbox/token?tenant=contoso.onmicrosoft.com', { origin });
      const graph = await send('GET', '/v1.0/policies/crossTenantAccessPolicy/partners', {
        origin,
        authorization: `Bearer ${token}`,
      });
      for (const answer of [reset, faults, mint, graph]) {
        assert.equal(answer.status, 403);
        assert.equal(answer.body.error.code, 'Forbidden');
        assert.match(answer.body.error.message, /Origin/);
      }
      assert.deepEqual(await faultsInForce(), { latencyMs: 0 });
    });
  }

  const foreignHosts = [
    'evil.example',
    'evil.example:8787',
    '127.0.0.1.nip.io:8787',
    'sandbox.attacker.test',
  ];
  for (const host of foreignHosts) {
    it(`refuses control and Graph requests addressed to Host ${host} (DNS rebinding, 403)`, async () => {
      const faults = await send(
        'POST',
        '/_sandbox/faults',
        { host, 'content-type': 'application/json' },
        JSON.stringify({ drop: { count: 5 } }),
      );
      const graph = await send('GET', '/v1.0/policies/crossTenantAccessPolicy', {
        host,
        authorization: `Bearer ${token}`,
      });
      for (const answer of [faults, graph]) {
        assert.equal(answer.status, 403);
        assert.match(answer.body.error.message, /Host/);
      }
      assert.deepEqual(await faultsInForce(), { latencyMs: 0 });
    });
  }

  it('serves the clients it is for: loopback Host names, no Origin or its own, a Graph X-Forwarded-Host', async () => {
    const cases: Record<string, string>[] = [
      {},
      { host: `127.0.0.1:${port}` },
      { host: `localhost:${port}` },
      { host: `LOCALHOST:${port}` },
      { host: `[::1]:${port}` },
      { host: '127.0.0.1' },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` },
      { host: `127.0.0.1:${port}`, 'x-forwarded-host': 'graph.microsoft.com' },
    ];
    for (const headers of cases) {
      const graph = await send('GET', '/v1.0/policies/crossTenantAccessPolicy', {
        ...headers,
        authorization: `Bearer ${token}`,
      });
      assert.equal(graph.status, 200, JSON.stringify(headers));
      const control = await send(
        'POST',
        '/_sandbox/faults',
        { ...headers, 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify({ latencyMs: 0 }),
      );
      assert.equal(control.status, 200, JSON.stringify(headers));
    }
  });
});
