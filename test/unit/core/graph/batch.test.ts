import assert from 'node:assert/strict';
import { batch, type BatchRequest } from '../../../../src/core/graph/batch';
import { GraphClient, type GraphClientOptions } from '../../../../src/core/graph/graphClient';
import { tenantInformationBatchRequest } from '../../../../src/core/graph/operations/tenants';
import {
  fakeClock,
  graphErrorBody,
  json,
  recordingCredential,
  scriptedFetch,
  type RecordedRequest,
} from './support/fakes';

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

interface InnerResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A $batch endpoint: answers each inner request with `answer`, in reverse order (Graph may use any order). */
function batchServer(
  answer: (inner: InnerRequest, batchIndex: number) => InnerResponse,
  options: Partial<GraphClientOptions> = {},
) {
  const batches: InnerRequest[][] = [];
  const fetched = scriptedFetch((r: RecordedRequest) => {
    assert.equal(r.url, 'https://graph.microsoft.com/v1.0/$batch');
    const requests = (JSON.parse(r.body ?? '{}') as { requests: InnerRequest[] }).requests;
    batches.push(requests);
    return json(200, {
      responses: requests.map((q) => ({ id: q.id, ...answer(q, batches.length - 1) })).reverse(),
    });
  });
  const clock = fakeClock();
  const credential = recordingCredential();
  const client = new GraphClient({
    tenantId: 'home',
    credential,
    fetch: fetched.fetch,
    clock,
    ...options,
  });
  return { client, batches, clock, credential, calls: fetched.calls };
}

const lookups = (n: number): BatchRequest[] =>
  Array.from({ length: n }, (_, i) => tenantInformationBatchRequest(`t${i}`));
const tenantOf = (url: string): string => /tenantId='([^']*)'/.exec(url)?.[1] ?? '';

describe('batch', () => {
  it('sends at most 20 per batch and returns results in request order, matched by id', async () => {
    const { client, batches } = batchServer((q) => ({
      status: 200,
      body: { tenantId: tenantOf(q.url), displayName: `Tenant ${tenantOf(q.url)}` },
    }));
    const results = await batch<{ displayName: string }>(client, lookups(45));
    assert.deepEqual(
      batches.map((b) => b.length),
      [20, 20, 5],
    );
    assert.equal(results.length, 45);
    assert.deepEqual(
      results.map((r) => r.body?.displayName),
      Array.from({ length: 45 }, (_, i) => `Tenant t${i}`),
    );
    assert.ok(
      batches.every((b) => b.every((q) => !q.url.startsWith('/v1.0') && q.method === 'GET')),
    );
  });

  it('retries only the items throttled inside the batch, after their own Retry-After', async () => {
    const { client, batches, clock } = batchServer((q, b) =>
      b === 0 && ['t1', 't3'].includes(tenantOf(q.url))
        ? {
            status: 429,
            headers: { 'Retry-After': q.url.includes('t3') ? '4' : '2' },
            body: graphErrorBody('TooManyRequests', 'throttled'),
          }
        : { status: 200, body: { tenantId: tenantOf(q.url) } },
    );
    const results = await batch<{ tenantId: string }>(client, lookups(5));
    assert.deepEqual(
      batches.map((b) => b.map((q) => tenantOf(q.url))),
      [
        ['t0', 't1', 't2', 't3', 't4'],
        ['t1', 't3'],
      ],
    );
    assert.deepEqual(clock.sleeps, [4000]);
    assert.deepEqual(
      results.map((r) => [r.status, r.attempts]),
      [
        [200, 1],
        [200, 2],
        [200, 1],
        [200, 2],
        [200, 1],
      ],
    );
  });

  it('reports each item with its own status and a GraphError for failures', async () => {
    const { client } = batchServer((q) =>
      tenantOf(q.url) === 't1'
        ? {
            status: 404,
            headers: { 'Content-Type': 'application/json' },
            body: graphErrorBody('Directory_ObjectNotFound', 'Tenant not found', 'inner-req'),
          }
        : { status: 200, body: { tenantId: tenantOf(q.url) } },
    );
    const [ok, missing] = await batch(client, lookups(2));
    assert.equal(ok.status, 200);
    assert.equal(ok.error, undefined);
    assert.equal(missing.status, 404);
    assert.equal(missing.body, undefined);
    assert.equal(missing.error?.code, 'Directory_ObjectNotFound');
    assert.equal(missing.error?.requestId, 'inner-req');
    assert.equal(missing.error?.operation, 'tenantInfo.byTenantId');
    assert.equal(
      missing.error?.url,
      "https://graph.microsoft.com/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='t1')",
    );
  });

  it('gives up on an item throttled past the retry bounds', async () => {
    const { client, batches } = batchServer(
      () => ({
        status: 429,
        headers: { 'retry-after': '1' },
        body: graphErrorBody('TooManyRequests', 'throttled'),
      }),
      {
        retry: { maxRetries: 2 },
      },
    );
    const [r] = await batch(client, lookups(1));
    assert.equal(batches.length, 3);
    assert.equal(r.status, 429);
    assert.equal(r.error?.retryAfterSeconds, 1);
    assert.equal(r.attempts, 3);
  });

  it('adds the inner Content-Type for bodies and asks for the largest bundle of its items', async () => {
    const { client, batches, credential } = batchServer(() => ({ status: 204 }));
    await batch(client, [
      {
        operation: 'partner.update',
        method: 'PATCH',
        url: '/policies/crossTenantAccessPolicy/partners/p1',
        body: { inboundTrust: null },
      },
      {
        operation: 'partner.get',
        method: 'GET',
        url: '/policies/crossTenantAccessPolicy/partners/p2',
      },
    ]);
    assert.deepEqual(batches[0][0].headers, { 'Content-Type': 'application/json' });
    assert.deepEqual(batches[0][0].body, { inboundTrust: null });
    assert.equal(batches[0][1].headers, undefined);
    assert.ok(
      credential.calls[0].scopes.includes(
        'https://graph.microsoft.com/Policy.ReadWrite.CrossTenantAccess',
      ),
    );
  });

  it('rejects duplicate ids before sending anything', async () => {
    const { client, calls } = batchServer(() => ({ status: 200 }));
    await assert.rejects(
      batch(client, [
        tenantInformationBatchRequest('a', 'x'),
        tenantInformationBatchRequest('b', 'x'),
      ]),
      /Duplicate \$batch request id "x"/,
    );
    assert.equal(calls.length, 0);
  });

  it('stops between batches when aborted', async () => {
    const controller = new AbortController();
    const { client, batches } = batchServer(() => {
      controller.abort();
      return { status: 200, body: {} };
    });
    await assert.rejects(
      batch(client, lookups(60), { signal: controller.signal, concurrency: 1 }),
      { name: 'AbortError' },
    );
    assert.equal(batches.length, 1);
  });
});
