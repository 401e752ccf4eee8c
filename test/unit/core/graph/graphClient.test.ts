import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleep } from '../../../../src/core/graph/abort';
import { batch } from '../../../../src/core/graph/batch';
import { GraphClient, type GraphClientOptions } from '../../../../src/core/graph/graphClient';
import { GraphError, NetworkError } from '../../../../src/core/graph/graphError';
import {
  formatGraphLogEntry,
  type GraphLogEntry,
} from '../../../../src/core/graph/loggingMiddleware';
import { listAll, pages } from '../../../../src/core/graph/paging';
import {
  fakeClock,
  graphErrorBody,
  json,
  recordingCredential,
  scriptedFetch,
  type RecordedRequest,
} from './support/fakes';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

function client(
  answer: (r: RecordedRequest, i: number) => Response | Error,
  options: Partial<GraphClientOptions> = {},
) {
  const { fetch, calls } = scriptedFetch(answer);
  const credential = recordingCredential();
  const clock = fakeClock();
  const log: GraphLogEntry[] = [];
  const c = new GraphClient({
    tenantId: TENANT,
    credential,
    fetch,
    clock,
    log: (e) => log.push(e),
    ...options,
  });
  return { c, calls, credential, clock, log };
}

describe('GraphClient', () => {
  describe('requests and tokens', () => {
    it('sends the bearer token of the operation bundle, for this tenant, with a client-request-id', async () => {
      const { c, calls, credential } = client(() => json(200, { tenantId: 'p1' }));
      const body = await c.request({
        operation: 'partner.get',
        method: 'GET',
        path: `${PARTNERS}/p1`,
      });
      assert.deepEqual(body, { tenantId: 'p1' });
      assert.equal(calls[0].url, `https://graph.microsoft.com/v1.0${PARTNERS}/p1`);
      assert.equal(calls[0].headers.get('authorization'), 'Bearer token-1');
      assert.match(calls[0].headers.get('client-request-id') ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(credential.calls[0].options?.tenantId, TENANT);
      assert.ok(credential.calls[0].scopes.includes('https://graph.microsoft.com/Policy.Read.All'));
      assert.ok(
        !credential.calls[0].scopes.includes(
          'https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess',
        ),
      );
    });

    it('names itself in a User-Agent with our version on reads, writes, next links and $batch', async () => {
      const next = `https://graph.microsoft.com/v1.0${PARTNERS}?$skiptoken=X`;
      const { c, calls } = client((r, i) =>
        r.method === 'PATCH'
          ? json(204, undefined)
          : r.url.endsWith('$batch')
            ? json(200, { responses: [{ id: '1', status: 200, body: { tenantId: 'p1' } }] })
            : json(200, i === 0 ? { value: [], '@odata.nextLink': next } : { value: [] }),
      );
      await listAll(c, { operation: 'partners.list', method: 'GET', path: PARTNERS });
      await c.request({
        operation: 'partner.update',
        method: 'PATCH',
        path: `${PARTNERS}/p1`,
        body: { isServiceProvider: true },
      });
      await batch(c, [{ operation: 'partner.get', method: 'GET', url: `${PARTNERS}/p1` }]);
      const { version } = JSON.parse(
        fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'),
      ) as { version: string };
      assert.deepEqual(
        calls.map(
          (r) => `${r.method} ${r.url.replace(/^.*\/v1\.0/, '')} ${r.headers.get('user-agent')}`,
        ),
        [
          `GET ${PARTNERS} CrossTenantExplorer/${version}`,
          `GET ${PARTNERS}?$skiptoken=X CrossTenantExplorer/${version}`,
          `PATCH ${PARTNERS}/p1 CrossTenantExplorer/${version}`,
          `POST /$batch CrossTenantExplorer/${version}`,
        ],
      );
    });

    it('asks for the edit bundle just in time, then serves browse calls with that token', async () => {
      const { c, credential } = client((r) =>
        r.method === 'PATCH' ? json(204, undefined) : json(200, {}),
      );
      await c.request({ operation: 'partner.get', method: 'GET', path: `${PARTNERS}/p1` });
      await c.request({ operation: 'partner.get', method: 'GET', path: `${PARTNERS}/p1` });
      assert.equal(credential.calls.length, 1, 'browse token cached');
      await c.request({
        operation: 'partner.update',
        method: 'PATCH',
        path: `${PARTNERS}/p1`,
        body: { inboundTrust: null },
      });
      assert.equal(credential.calls.length, 2);
      assert.ok(
        credential.calls[1].scopes.includes(
          'https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess',
        ),
      );
      await c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS });
      assert.equal(credential.calls.length, 2, 'the edit token covers browse');
    });

    it('asks the credential once for requests that start together', async () => {
      const { c, calls, credential } = client(() => json(200, {}));
      await Promise.all(
        [1, 2, 3].map(() =>
          c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS }),
        ),
      );
      assert.equal(credential.calls.length, 1);
      assert.deepEqual(
        calls.map((r) => r.headers.get('authorization')),
        ['Bearer token-1', 'Bearer token-1', 'Bearer token-1'],
      );
    });

    it('asks again for a request whose shared token call was cancelled by another', async () => {
      let asked = 0;
      const credential = {
        getToken: (_scopes: string | string[], options?: { abortSignal?: AbortSignal }) => {
          asked++;
          return new Promise<{ token: string; expiresOnTimestamp: number }>((resolve, reject) => {
            const timer = setTimeout(
              () => resolve({ token: `t${asked}`, expiresOnTimestamp: Date.now() + 3_600_000 }),
              20,
            );
            options?.abortSignal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new DOMException('aborted', 'AbortError'));
            });
          });
        },
      };
      const { fetch, calls } = scriptedFetch(() => json(200, {}));
      const c = new GraphClient({ tenantId: TENANT, credential, fetch });
      const controller = new AbortController();
      const first = c.request({
        operation: 'partners.list',
        method: 'GET',
        path: PARTNERS,
        signal: controller.signal,
      });
      const second = c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS });
      setTimeout(() => controller.abort(), 5);
      await assert.rejects(first, { name: 'AbortError' });
      await second;
      assert.equal(asked, 2);
      assert.deepEqual(
        calls.map((r) => r.headers.get('authorization')),
        ['Bearer t2'],
      );
    });

    it('uses the national cloud host for URLs and scopes', async () => {
      const { c, calls, credential } = client(() => json(200, {}), { cloud: 'usGovDoD' });
      await c.request({
        operation: 'default.get',
        method: 'GET',
        path: '/policies/crossTenantAccessPolicy/default',
      });
      assert.equal(
        calls[0].url,
        'https://dod-graph.microsoft.us/v1.0/policies/crossTenantAccessPolicy/default',
      );
      assert.ok(
        credential.calls[0].scopes.every((s) => s.startsWith('https://dod-graph.microsoft.us/')),
      );
    });

    it('answers a claims challenge once with the decoded claims', async () => {
      const claims = '{"access_token":{"nbf":{"essential":true,"value":"1"}}}';
      const challenge = `Bearer error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`;
      const { c, calls, credential } = client((_r, i) =>
        i === 0
          ? json(401, graphErrorBody('InvalidAuthenticationToken', 'claims'), {
              'www-authenticate': challenge,
            })
          : json(200, {}),
      );
      await c.request({
        operation: 'policy.get',
        method: 'GET',
        path: '/policies/crossTenantAccessPolicy',
      });
      assert.equal(calls.length, 2);
      assert.equal(credential.calls[1].options?.claims, claims);
      assert.equal(calls[1].headers.get('authorization'), 'Bearer token-2');
    });

    it('surfaces a plain 401 and asks the credential again next time', async () => {
      const { c, calls, credential } = client((_r, i) =>
        i === 0
          ? json(
              401,
              graphErrorBody(
                'InvalidAuthenticationToken',
                'Lifetime validation failed, the token is expired.',
              ),
            )
          : json(200, {}),
      );
      await assert.rejects(
        c.request({
          operation: 'policy.get',
          method: 'GET',
          path: '/policies/crossTenantAccessPolicy',
        }),
        (e: GraphError) => e.status === 401 && e.code === 'InvalidAuthenticationToken',
      );
      assert.equal(calls.length, 1, 'no blind retry');
      await c.request({
        operation: 'policy.get',
        method: 'GET',
        path: '/policies/crossTenantAccessPolicy',
      });
      assert.equal(credential.calls.length, 2);
    });

    it('passes a credential failure through unchanged and sends nothing', async () => {
      class SignInNeeded extends Error {}
      const failure = new SignInNeeded('sign in first');
      const { fetch, calls } = scriptedFetch(() => json(200, {}));
      const c = new GraphClient({
        tenantId: TENANT,
        fetch,
        credential: { getToken: () => Promise.reject(failure) },
      });
      await assert.rejects(
        c.request({
          operation: 'policy.get',
          method: 'GET',
          path: '/policies/crossTenantAccessPolicy',
        }),
        (e) => e === failure,
      );
      assert.equal(calls.length, 0);
    });

    it('rejects a non-JSON success body with a GraphError', async () => {
      const { c } = client(() => new Response('<html>', { status: 200 }));
      await assert.rejects(
        c.request({
          operation: 'policy.get',
          method: 'GET',
          path: '/policies/crossTenantAccessPolicy',
        }),
        (e: GraphError) => e.code === 'InvalidResponseBody',
      );
    });
  });

  describe('retries', () => {
    it('waits as Retry-After says (seconds), then succeeds', async () => {
      const { c, calls, clock, log } = client((_r, i) =>
        i < 2
          ? json(429, graphErrorBody('TooManyRequests', 'slow down'), { 'retry-after': '3' })
          : json(200, { ok: true }),
      );
      assert.deepEqual(
        await c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS }),
        { ok: true },
      );
      assert.equal(calls.length, 3);
      assert.deepEqual(clock.sleeps, [3000, 3000]);
      assert.deepEqual(
        log.map((e) => [e.status, e.attempt]),
        [
          [429, 1],
          [429, 2],
          [200, 3],
        ],
      );
      assert.equal(
        new Set(calls.map((r) => r.headers.get('client-request-id'))).size,
        1,
        'one logical request',
      );
    });

    it('reads Retry-After as an HTTP date', async () => {
      const { c, clock } = client((_r, i) =>
        i === 0
          ? json(
              503,
              {},
              { 'retry-after': new Date(Date.parse('2024-05-01T10:00:07Z')).toUTCString() },
            )
          : json(200, {}),
      );
      await c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS });
      assert.deepEqual(clock.sleeps, [7000]);
    });

    it('backs off with jitter when there is no Retry-After', async () => {
      const { c, clock } = client((_r, i) => (i < 3 ? json(503, {}) : json(200, {})), {
        retry: { baseDelayMs: 1000 },
      });
      await c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS });
      assert.deepEqual(clock.sleeps, [750, 1500, 3000]);
    });

    it('gives up after maxRetries with a 429 GraphError that keeps Retry-After', async () => {
      const { c, calls } = client(
        () =>
          json(429, graphErrorBody('TooManyRequests', 'Too many requests'), { 'retry-after': '2' }),
        { retry: { maxRetries: 2 } },
      );
      await assert.rejects(
        c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS }),
        (e: GraphError) => e.status === 429 && e.retryAfterSeconds === 2 && e.attempts === 3,
      );
      assert.equal(calls.length, 3);
    });

    it('does not start a wait that would end after maxTotalMs', async () => {
      const { c, calls, clock } = client(() => json(429, {}, { 'retry-after': '50' }), {
        retry: { maxTotalMs: 10_000 },
      });
      await assert.rejects(
        c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS }),
        (e: GraphError) => e.retryAfterSeconds === 50,
      );
      assert.equal(calls.length, 1);
      assert.deepEqual(clock.sleeps, []);
    });

    it('retries a 504 for GET and PATCH but never for POST', async () => {
      const gateway = (_r: RecordedRequest, i: number): Response =>
        i === 0 ? json(504, {}) : json(200, {});
      const get = client(gateway);
      await get.c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS });
      assert.equal(get.calls.length, 2);
      const patch = client(gateway);
      await patch.c.request({
        operation: 'partner.update',
        method: 'PATCH',
        path: `${PARTNERS}/p1`,
        body: {},
      });
      assert.equal(patch.calls.length, 2);
      const post = client(gateway);
      await assert.rejects(
        post.c.request({
          operation: 'partner.create',
          method: 'POST',
          path: PARTNERS,
          body: { tenantId: 'p1' },
        }),
        (e: GraphError) => e.status === 504,
      );
      assert.equal(post.calls.length, 1);
    });

    it('retries 429 for POST (not processed)', async () => {
      const { c, calls } = client((_r, i) =>
        i === 0 ? json(429, {}, { 'retry-after': '1' }) : json(201, { tenantId: 'p1' }),
      );
      await c.request({
        operation: 'partner.create',
        method: 'POST',
        path: PARTNERS,
        body: { tenantId: 'p1' },
      });
      assert.equal(calls.length, 2);
      assert.equal(calls[1].body, '{"tenantId":"p1"}');
    });

    it('retries a dropped connection for GET, and surfaces it as NetworkError for POST', async () => {
      const drop = (_r: RecordedRequest, i: number): Response | Error =>
        i === 0
          ? new TypeError('fetch failed', { cause: new Error('socket hang up') })
          : json(200, {});
      const get = client(drop);
      await get.c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS });
      assert.equal(get.calls.length, 2);
      assert.deepEqual(
        get.log.map((e) => e.status),
        [0, 200],
      );
      const post = client(drop);
      await assert.rejects(
        post.c.request({
          operation: 'syncJob.start',
          method: 'POST',
          path: '/servicePrincipals/s/synchronization/jobs/j/start',
        }),
        (e: unknown) =>
          e instanceof NetworkError && e.status === 0 && e.message.includes('socket hang up'),
      );
      assert.equal(post.calls.length, 1);
    });

    it('stops a retry wait as soon as the request is aborted', async () => {
      const { fetch, calls } = scriptedFetch(() => json(429, {}, { 'retry-after': '30' }));
      const controller = new AbortController();
      const asked: number[] = [];
      // The real, abortable timer, aborted once the client is waiting on it: 30 s is beyond the
      // test's timeout, so only the abort can end the wait in time.
      const clock = {
        ...fakeClock(),
        sleep: (ms: number, signal?: AbortSignal): Promise<void> => {
          asked.push(ms);
          const waiting = sleep(ms, signal);
          controller.abort();
          return waiting;
        },
      };
      const c = new GraphClient({
        tenantId: TENANT,
        credential: recordingCredential(),
        fetch,
        clock,
      });
      await assert.rejects(
        c.request({
          operation: 'partners.list',
          method: 'GET',
          path: PARTNERS,
          signal: controller.signal,
        }),
        (e: Error) => e.name === 'AbortError',
      );
      assert.deepEqual(asked, [30_000], "the wait was the answer's Retry-After");
      assert.equal(calls.length, 1, 'nothing was sent after the abort');
    });

    it('sends nothing when already aborted', async () => {
      const { c, calls } = client(() => json(200, {}));
      await assert.rejects(
        c.request({
          operation: 'partners.list',
          method: 'GET',
          path: PARTNERS,
          signal: AbortSignal.abort(),
        }),
        { name: 'AbortError' },
      );
      assert.equal(calls.length, 0);
    });
  });

  describe('paging', () => {
    it('follows @odata.nextLink exactly as sent', async () => {
      const next = `https://graph.microsoft.com/v1.0${PARTNERS}?$skiptoken=X%3D%3D&$expand=identitySynchronization&$top=2`;
      const { c, calls } = client((_r, i) =>
        i === 0
          ? json(200, { value: [{ tenantId: 'a' }, { tenantId: 'b' }], '@odata.nextLink': next })
          : json(200, { value: [{ tenantId: 'c' }] }),
      );
      const all = await listAll<{ tenantId: string }>(c, {
        operation: 'partners.list',
        method: 'GET',
        path: PARTNERS,
        query: { $expand: 'identitySynchronization' },
      });
      assert.deepEqual(
        all.map((p) => p.tenantId),
        ['a', 'b', 'c'],
      );
      assert.equal(calls[1].url, next);
      assert.equal(calls[1].headers.get('authorization'), 'Bearer token-1');
    });

    it('refuses a nextLink to another origin (it would carry the token)', async () => {
      const { c, calls } = client(() =>
        json(200, {
          value: [],
          '@odata.nextLink': `https://evil.example/v1.0${PARTNERS}?$skiptoken=1`,
        }),
      );
      await assert.rejects(
        listAll(c, { operation: 'partners.list', method: 'GET', path: PARTNERS }),
        /Refusing to send/,
      );
      assert.equal(calls.length, 1);
    });

    it('stops between pages when aborted', async () => {
      const { c, calls } = client(() =>
        json(200, {
          value: [{}],
          '@odata.nextLink': `https://graph.microsoft.com/v1.0${PARTNERS}?$skiptoken=n`,
        }),
      );
      const controller = new AbortController();
      const seen: unknown[][] = [];
      await assert.rejects(
        (async () => {
          for await (const page of pages(c, {
            operation: 'partners.list',
            method: 'GET',
            path: PARTNERS,
            signal: controller.signal,
          })) {
            seen.push(page);
            controller.abort();
          }
        })(),
        { name: 'AbortError' },
      );
      assert.equal(seen.length, 1);
      assert.equal(calls.length, 1);
    });
  });

  describe('logging and writes', () => {
    it('logs every attempt with ids and timing but never the token', async () => {
      const { c, log } = client((_r, i) =>
        i === 0
          ? json(503, {}, { 'retry-after': '0' })
          : json(200, {}, { 'request-id': 'srv-req' }),
      );
      await c.request({
        operation: 'partners.list',
        method: 'GET',
        path: PARTNERS,
        query: { $filter: "x eq 'client_secret=hunter2'" },
      });
      assert.equal(log.length, 2);
      assert.equal(log[1].requestId, 'srv-req');
      assert.equal(log[1].operation, 'partners.list');
      assert.equal(log[1].tenantId, TENANT);
      assert.ok(!JSON.stringify(log).includes('token-1'));
      assert.ok(!JSON.stringify(log).includes('hunter2'));
    });

    it('formats a log entry as one line for the log channel', () => {
      const base = {
        tenantId: TENANT,
        operation: 'partner.get',
        method: 'GET',
        url: 'https://graph.microsoft.com/v1.0/x',
        durationMs: 41,
        clientRequestId: 'c-1',
        write: false,
      };
      assert.equal(
        formatGraphLogEntry({ ...base, status: 429, attempt: 2, requestId: 'r-1' }),
        `GET https://graph.microsoft.com/v1.0/x → 429 (41 ms) partner.get tenant=${TENANT} attempt=2 request-id=r-1 client-request-id=c-1`,
      );
      assert.equal(
        formatGraphLogEntry({ ...base, status: 0, attempt: 1, error: 'socket hang up' }),
        `GET https://graph.microsoft.com/v1.0/x → failed: socket hang up (41 ms) partner.get tenant=${TENANT} client-request-id=c-1`,
      );
    });

    it('sends writes to one tenant one at a time, reads alongside', async () => {
      let inFlight = 0;
      let maxWrites = 0;
      const releases: (() => void)[] = [];
      const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
        const write = init?.method !== 'GET';
        if (write) maxWrites = Math.max(maxWrites, ++inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        if (write) inFlight--;
        return json(204, undefined);
      };
      const c = new GraphClient({ tenantId: TENANT, credential: recordingCredential(), fetch });
      const done = Promise.all([
        c.request({
          operation: 'partner.update',
          method: 'PATCH',
          path: `${PARTNERS}/a`,
          body: {},
        }),
        c.request({
          operation: 'partner.update',
          method: 'PATCH',
          path: `${PARTNERS}/b`,
          body: {},
        }),
        c.request({ operation: 'partners.list', method: 'GET', path: PARTNERS }),
      ]);
      for (let i = 0; i < 3; i++) {
        while (releases.length === 0) await new Promise((r) => setTimeout(r, 1));
        if (i === 0) {
          await new Promise((r) => setTimeout(r, 10));
          assert.equal(
            releases.length,
            2,
            'first write and the read are in flight, the second write waits',
          );
        }
        releases.shift()!();
      }
      await done;
      assert.equal(maxWrites, 1);
    });
  });
});
