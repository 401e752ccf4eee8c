import assert from 'node:assert/strict';
import { describeError } from '../../../../src/core/describeError';
import { GraphClient } from '../../../../src/core/graph/graphClient';
import { GraphError } from '../../../../src/core/graph/graphError';
import { createPartner, listPartners } from '../../../../src/core/graph/operations/partners';
import { getPolicy } from '../../../../src/core/graph/operations/policy';
import { listAll, PageCursor } from '../../../../src/core/graph/paging';
import type { Partner } from '../../../../src/core/graph/types';
import { SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { fakeClock, recordingCredential } from './support/fakes';
import { SandboxFixture } from './support/sandbox';

const { contoso, woodgrove } = SANDBOX_TENANT_IDS;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

/** The error a promise rejects with (fails when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
}

describe('Graph client time limits and paging bounds (issue 14, defect 7)', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  describe('a server that never answers', () => {
    it('times a GET out after the request timeout and sends it again', async () => {
      await fx.setFaults({ hang: { count: 1 } });
      const policy = await getPolicy(fx.client(contoso, { limits: { requestTimeoutMs: 150 } }));
      assert.equal(typeof policy.id, 'string');
      assert.deepEqual(
        fx.log.map((e) => e.status),
        [0, 200],
      );
      assert.match(fx.log[0].error ?? '', /did not answer within 0\.15 s/);
    });

    it('gives up with a RequestTimeout error after a second timeout, and says so in one line', async () => {
      await fx.setFaults({ hang: { count: 10 } });
      const err = await failure(
        getPolicy(
          fx.client(contoso, { limits: { requestTimeoutMs: 100 }, retry: { maxRetries: 5 } }),
        ),
      );
      assert.ok(err instanceof GraphError, String(err));
      assert.equal(err.code, 'RequestTimeout');
      assert.equal(err.attempts, 2);
      const { summary, cancelled } = describeError(err);
      assert.equal(cancelled, false);
      assert.match(
        summary,
        /did not answer GET \/policies\/crossTenantAccessPolicy .*within 0\.1 s/,
      );
      assert.doesNotMatch(summary, /\n/);
    });

    it('does not send a POST again after a timeout, and says it may have been carried out', async () => {
      await fx.setFaults({ hang: { count: 1 } });
      const err = await failure(
        createPartner(fx.client(contoso, { limits: { requestTimeoutMs: 100 } }), {
          tenantId: woodgrove,
        }),
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.code, 'RequestTimeout');
      assert.equal(fx.log.length, 1, 'sent once');
      assert.match(describeError(err).summary, /may have been carried out/);
    });

    it('ends one operation at its deadline, retries included, with a DeadlineExceeded error', async () => {
      // Slow 429s: each attempt takes 100 ms, and the retries would go on for 5 s.
      await fx.setFaults({ latencyMs: 100, throttle: { count: 50, retryAfterSeconds: 0 } });
      const err = await failure(
        getPolicy(
          fx.client(contoso, {
            limits: { requestTimeoutMs: 1_000, deadlineMs: 250 },
            retry: { maxRetries: 50 },
          }),
        ),
      );
      assert.ok(err instanceof GraphError, String(err));
      assert.equal(err.code, 'DeadlineExceeded');
      assert.ok(fx.log.length <= 3, `${fx.log.length} attempts`);
      assert.match(describeError(err).summary, /0\.25 s/);
    });

    it('stops every request of a client when its own signal aborts, with that reason', async () => {
      await fx.setFaults({ hang: { count: 1 } });
      const stop = new AbortController();
      const client = fx.client(contoso, { signal: stop.signal });
      setTimeout(() => stop.abort(new Error('the command ran out of time')), 50);
      const err = await failure(getPolicy(client));
      assert.ok(err instanceof Error);
      assert.equal(err.message, 'the command ran out of time');
    });
  });

  describe('a connection that drops mid-body', () => {
    it('reads a GET again', async () => {
      await fx.setFaults({ truncate: { count: 1 } });
      const partners = await listPartners(fx.client(contoso));
      assert.ok(partners.length >= 3);
      assert.deepEqual(
        fx.log.map((e) => e.status),
        [0, 200],
      );
    });

    it('does not send a POST again: the partner exists once and the error says to check', async () => {
      await fx.setFaults({ truncate: { count: 1 } });
      const err = await failure(createPartner(fx.client(contoso), { tenantId: woodgrove }));
      assert.ok(err instanceof GraphError && err.status === 0, String(err));
      assert.equal(fx.log.length, 1);
      const after = await listPartners(fx.client(contoso));
      assert.equal(after.filter((p) => p.tenantId === woodgrove).length, 1);
    });
  });

  describe('paging', () => {
    it('stops at a repeated @odata.nextLink instead of following it forever', async () => {
      await fx.setFaults({ loopNextLink: { count: 100_000 } });
      const err = await failure(listPartners(fx.client(contoso)));
      assert.ok(err instanceof GraphError, String(err));
      assert.equal(err.code, 'RepeatedNextLink');
      // The looping page links to itself: seen at once (or at the second page, had Graph
      // written the link in another spelling than we sent).
      assert.ok(fx.log.length <= 2, `${fx.log.length} requests`);
      assert.match(describeError(err).summary, /same next-page link/);
    });

    it('stops at the page cap with a clear error', async () => {
      const client = fx.client(contoso, { limits: { maxPages: 2 } });
      const err = await failure(
        listAll<Partner>(client, {
          operation: 'partners.list',
          method: 'GET',
          path: PARTNERS,
          query: { $top: 1 },
        }),
      );
      assert.ok(err instanceof GraphError, String(err));
      assert.equal(err.code, 'TooManyPages');
      assert.equal(fx.log.length, 2);
      assert.match(describeError(err).summary, /after 2 pages/);
    });

    it('a cursor keeps its bound across reads', async () => {
      const cursor = new PageCursor<Partner>(fx.client(contoso, { limits: { maxPages: 2 } }), {
        operation: 'partners.list',
        method: 'GET',
        path: PARTNERS,
        query: { $top: 1 },
      });
      await cursor.read();
      await cursor.read();
      const err = await failure(cursor.read());
      assert.ok(err instanceof GraphError && err.code === 'TooManyPages');
    });

    it('pages normally within the bounds', async () => {
      const all = await listAll<Partner>(fx.client(contoso, { limits: { maxPages: 10 } }), {
        operation: 'partners.list',
        method: 'GET',
        path: PARTNERS,
        query: { $top: 1 },
      });
      assert.ok(all.length >= 3);
    });
  });
});

describe('Graph client: answers of an unexpected shape (issue 14, defect 10)', () => {
  const TENANT = '11111111-1111-1111-1111-111111111111';
  function clientAnswering(body: string): GraphClient {
    return new GraphClient({
      tenantId: TENANT,
      credential: recordingCredential(),
      clock: fakeClock(),
      fetch: () =>
        Promise.resolve(
          new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
        ),
    });
  }

  for (const body of ['null', '"text"', '42', '[1,2]', '{"value": null, "@odata.nextLink": 7}']) {
    it(`turns ${body} into one InvalidResponseBody error, not a TypeError later`, async () => {
      const client = clientAnswering(body);
      const err = await failure(body.startsWith('{') ? listPartners(client) : getPolicy(client));
      assert.ok(err instanceof GraphError, String(err));
      assert.equal(err.code, 'InvalidResponseBody');
      const { summary } = describeError(err);
      assert.match(summary, /not a Graph answer/);
      assert.doesNotMatch(summary, /Cannot read properties/);
    });
  }
});
