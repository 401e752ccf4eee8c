import assert from 'node:assert/strict';
import { describeError } from '../../../../src/core/describeError';
import { batch } from '../../../../src/core/graph/batch';
import { GraphError, NetworkError } from '../../../../src/core/graph/graphError';
import {
  createPartner,
  getPartner,
  partnerPages,
  updatePartner,
} from '../../../../src/core/graph/operations/partners';
import { getPolicy } from '../../../../src/core/graph/operations/policy';
import { tenantInformationBatchRequest } from '../../../../src/core/graph/operations/tenants';
import { pages } from '../../../../src/core/graph/paging';
import type { Partner } from '../../../../src/core/graph/types';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS } from '../../../../src/sandbox';
import { SandboxFixture } from './support/sandbox';

const CONTOSO = SANDBOX_TENANT_IDS.contoso;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

describe('Graph layer against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  describe('retries', () => {
    it('waits out 429s with Retry-After and succeeds', async () => {
      await fx.setFaults({ throttle: { count: 2, retryAfterSeconds: 3 } });
      const policy = await getPolicy(fx.client(CONTOSO));
      assert.equal(typeof policy.id, 'string');
      assert.deepEqual(
        fx.log.map((e) => e.status),
        [429, 429, 200],
      );
      assert.deepEqual(fx.clock.sleeps, [3000, 3000]);
    });

    it('retries 503 and succeeds', async () => {
      await fx.setFaults({ unavailable: { count: 1, retryAfterSeconds: 1 } });
      await getPolicy(fx.client(CONTOSO));
      assert.deepEqual(
        fx.log.map((e) => e.status),
        [503, 200],
      );
      assert.deepEqual(fx.clock.sleeps, [1000]);
    });

    it('stops after maxRetries with a GraphError that says when to try again', async () => {
      await fx.setFaults({ throttle: { count: 10, retryAfterSeconds: 2 } });
      const err = await getPolicy(fx.client(CONTOSO, { retry: { maxRetries: 2 } })).then(
        () => assert.fail('expected a 429'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 429);
      assert.equal(err.attempts, 3);
      assert.equal(fx.log.length, 3);
      assert.match(
        describeError(err).summary,
        new RegExp(`throttling requests to tenant ${CONTOSO}\\. Try again in 2 s\\.`),
      );
    });

    it('stops at the time budget without sleeping through a long Retry-After', async () => {
      await fx.setFaults({ throttle: { count: 5, retryAfterSeconds: 120 } });
      await assert.rejects(
        getPolicy(fx.client(CONTOSO, { retry: { maxTotalMs: 30_000 } })),
        (e: GraphError) => e.status === 429 && e.retryAfterSeconds === 120,
      );
      assert.equal(fx.log.length, 1);
      assert.deepEqual(fx.clock.sleeps, []);
    });

    it('resends a GET whose connection dropped, but not a POST', async () => {
      await fx.setFaults({ drop: { count: 1 } });
      await getPolicy(fx.client(CONTOSO));
      assert.deepEqual(
        fx.log.map((e) => e.status),
        [0, 200],
      );
      await fx.setFaults({ drop: { count: 1 } });
      const err = await createPartner(fx.client(CONTOSO), {
        tenantId: SANDBOX_TENANT_IDS.woodgrove,
      }).then(
        () => assert.fail('expected a network error'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof NetworkError && err.status === 0);
      assert.deepEqual(
        fx.log.slice(2).map((e) => [e.method, e.status]),
        [['POST', 0]],
        'the POST was not sent again',
      );
      // A connection lost during a POST may have delivered it: the user is told to check first.
      assert.match(
        describeError(err).summary,
        new RegExp(
          `^The connection to Microsoft Graph broke during POST /policies/crossTenantAccessPolicy/partners for tenant ${CONTOSO}: .* It may have been carried out: refresh and check before trying again\\.$`,
        ),
      );
    });

    it('stops during a retry wait when aborted', async () => {
      await fx.setFaults({ throttle: { count: 100, retryAfterSeconds: 30 } });
      const controller = new AbortController();
      const client = fx.client(CONTOSO, {
        clock: {
          ...fx.clock,
          sleep: (_ms, signal) =>
            new Promise<void>((_resolve, reject) =>
              signal?.addEventListener('abort', () => reject(signal.reason as Error)),
            ),
        },
      });
      const pending = getPolicy(client, { signal: controller.signal });
      while (fx.log.length === 0) await new Promise((r) => setTimeout(r, 5));
      controller.abort();
      await assert.rejects(pending, { name: 'AbortError' });
      assert.equal(fx.log.length, 1);
    });
  });

  describe('paging', () => {
    it('follows every @odata.nextLink unchanged until the last page', async () => {
      fx.sandbox.addPartners(CONTOSO, 23);
      const sent: string[] = [];
      const links: (string | undefined)[] = [];
      const client = fx.client(CONTOSO, {
        fetch: async (url, init) => {
          sent.push(url);
          const response = await fetch(url, init);
          links.push(
            ((await response.clone().json()) as { '@odata.nextLink'?: string })['@odata.nextLink'],
          );
          return response;
        },
      });
      const sizes: number[] = [];
      const ids = new Set<string>();
      for await (const page of pages<Partner>(client, {
        operation: 'partners.list',
        method: 'GET',
        path: PARTNERS,
        query: { $top: 10, $expand: 'identitySynchronization' },
      })) {
        sizes.push(page.length);
        for (const p of page) ids.add(p.tenantId);
      }
      const total = (
        await fx.client(CONTOSO).request<{ value: Partner[] }>({
          operation: 'partners.list',
          method: 'GET',
          path: PARTNERS,
        })
      ).value.length;
      assert.ok(total > 23);
      assert.equal(ids.size, total);
      assert.deepEqual(sizes, [10, 10, total - 20]);
      assert.deepEqual(
        sent.slice(1),
        links.slice(0, -1),
        'each request after the first is the previous nextLink, byte for byte',
      );
      assert.equal(links.at(-1), undefined);
    });

    it('stops between pages when aborted', async () => {
      fx.sandbox.addPartners(CONTOSO, 30);
      const controller = new AbortController();
      let seen = 0;
      await assert.rejects(
        (async () => {
          for await (const page of pages<Partner>(fx.client(CONTOSO), {
            operation: 'partners.list',
            method: 'GET',
            path: PARTNERS,
            query: { $top: 5 },
            signal: controller.signal,
          })) {
            seen += page.length;
            controller.abort();
          }
        })(),
        { name: 'AbortError' },
      );
      assert.equal(seen, 5);
      assert.equal(fx.log.length, 1);
    });

    it('lists partners with their identity synchronization expanded', async () => {
      const partners: Partner[] = [];
      for await (const page of partnerPages(fx.client(CONTOSO))) partners.push(...page);
      assert.ok(partners.length >= 1);
      assert.ok(partners.every((p) => 'identitySynchronization' in p));
      assert.ok(fx.log[0].url.includes('$expand=identitySynchronization'));
    });
  });

  describe('batching', () => {
    it('splits more than 20 requests, keeps order and reports mixed statuses per item', async () => {
      const known = SANDBOX_TENANTS.map((t) => t.tenantId);
      const unknown = '00000000-0000-4000-8000-000000000001';
      const ids = [
        ...Array.from({ length: 42 }, (_, i) => known[i % known.length]),
        unknown,
        'not-a-guid',
      ];
      const results = await batch<{ tenantId: string; displayName: string }>(
        fx.client(CONTOSO),
        ids.map((id) => tenantInformationBatchRequest(id)),
      );
      assert.deepEqual(
        fx.log.map((e) => [e.operation, e.method]),
        [
          ['batch', 'POST'],
          ['batch', 'POST'],
          ['batch', 'POST'],
        ],
      );
      assert.equal(results.length, 44);
      results.slice(0, 42).forEach((r, i) => assert.equal(r.body?.tenantId, ids[i]));
      assert.equal(results[0].body?.displayName, SANDBOX_TENANTS[0].displayName);
      assert.equal(results[42].status, 404);
      assert.equal(results[42].error?.code, 'Directory_ObjectNotFound');
      assert.equal(results[43].status, 400);
      assert.equal(results[43].error?.tenantId, CONTOSO);
    });

    it('retries items throttled inside a batch after their Retry-After', async () => {
      await fx.setFaults({
        throttle: { count: 3, retryAfterSeconds: 2, pathPrefix: '/tenantRelationships' },
      });
      const ids = SANDBOX_TENANTS.map((t) => t.tenantId);
      const results = await batch<{ tenantId: string }>(
        fx.client(CONTOSO),
        ids.map((id) => tenantInformationBatchRequest(id)),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        ids.map(() => 200),
      );
      assert.deepEqual(
        results.map((r) => r.body?.tenantId),
        ids,
      );
      assert.equal(results.filter((r) => r.attempts === 2).length, 3);
      assert.equal(fx.log.length, 2, 'one batch, then one with the three throttled items');
      assert.deepEqual(fx.clock.sleeps, [2000]);
    });
  });

  describe('errors', () => {
    it('400: a partner without tenantId is rejected, with the message from Graph', async () => {
      const err = await createPartner(fx.client(CONTOSO), {} as Partner).then(
        () => assert.fail('expected 400'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 400);
      assert.ok(err.requestId, 'request id from the error body');
      assert.match(
        describeError(err).summary,
        /^Microsoft Graph rejected the request to create a partner configuration in tenant /,
      );
    });

    it('401: an expired token asks the user to sign in again', async () => {
      const client = fx.client(CONTOSO, { credentialOptions: { expiresInSeconds: -60 } });
      const err = await getPolicy(client).then(
        () => assert.fail('expected 401'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 401);
      assert.equal(err.code, 'InvalidAuthenticationToken');
      assert.equal(
        describeError(err).summary,
        `Your sign-in to tenant ${CONTOSO} has expired or was revoked. Sign in again to tenant ${CONTOSO}.`,
      );
    });

    it('403: a missing scope becomes "missing permission X (or role Y) in tenant Z"', async () => {
      const client = fx.client(CONTOSO, { credentialOptions: { scp: ['Policy.Read.All'] } });
      const err = await updatePartner(client, SANDBOX_TENANT_IDS.fabrikam, {
        inboundTrust: null,
      }).then(
        () => assert.fail('expected 403'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 403);
      assert.equal(err.code, 'Authorization_RequestDenied');
      const d = describeError(err);
      assert.match(
        d.summary,
        new RegExp(
          `^Missing permission Policy\\.ReadWrite\\.CrossTenantAccess \\(or role Security Administrator\\) in tenant ${CONTOSO} to update a partner configuration\\.`,
        ),
      );
      assert.match(
        d.detail,
        /request: PATCH http:\/\/127\.0\.0\.1:\d+\/v1\.0\/policies\/crossTenantAccessPolicy\/partners\//,
      );
      assert.match(d.detail, /request-id: [0-9a-f-]{36}/);
      assert.match(d.detail, /client-request-id: [0-9a-f-]{36}/);
    });

    it('404: a partner that does not exist', async () => {
      const err = await getPartner(fx.client(CONTOSO), '00000000-0000-4000-8000-000000000002').then(
        () => assert.fail('expected 404'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 404);
      assert.match(describeError(err).summary, /no longer exists in tenant .*Refresh/);
    });

    it('409: creating a partner that exists', async () => {
      const err = await createPartner(fx.client(CONTOSO), {
        tenantId: SANDBOX_TENANT_IDS.fabrikam,
      }).then(
        () => assert.fail('expected 409'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 409);
      assert.equal(err.code, 'Request_MultipleObjectsWithSameKeyValue');
    });

    it('never logs a token', async () => {
      await fx.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 } });
      const client = fx.client(CONTOSO, { credentialOptions: { scp: ['Policy.Read.All'] } });
      await getPolicy(client);
      await updatePartner(client, SANDBOX_TENANT_IDS.fabrikam, { inboundTrust: null }).catch(
        () => undefined,
      );
      const text = JSON.stringify(fx.log);
      assert.ok(fx.log.length === 3);
      assert.ok(!text.includes('eyJ') && !/bearer/i.test(text), text);
    });
  });
});
