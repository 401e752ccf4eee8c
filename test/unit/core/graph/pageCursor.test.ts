import assert from 'node:assert/strict';
import { abortError } from '../../../../src/core/graph/abort';
import type { FetchLike } from '../../../../src/core/graph/fetchMiddleware';
import { GraphClient, type GraphRequestSpec } from '../../../../src/core/graph/graphClient';
import { GraphError, NetworkError } from '../../../../src/core/graph/graphError';
import { PageCursor } from '../../../../src/core/graph/paging';
import {
  fakeClock,
  graphErrorBody,
  json,
  recordingCredential,
  type RecordedRequest,
} from './support/fakes';

const TENANT = '11111111-1111-1111-1111-111111111111';
const V1 = 'https://graph.microsoft.com/v1.0';
const LOGS = '/auditLogs/provisioning';

interface Item {
  readonly id: string;
}

type Answer = Response | Error | 'hold';

/**
 * A fetch that answers each request from `answer` (by index) and records it. `'hold'` keeps the
 * request in flight until its signal aborts.
 */
function service(answer: (request: RecordedRequest, index: number) => Answer) {
  const calls: RecordedRequest[] = [];
  let holding = 0;
  const fetch: FetchLike = async (input, init) => {
    const request = {
      url: input,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
    };
    calls.push(request);
    init?.signal?.throwIfAborted();
    const result = answer(request, calls.length - 1);
    if (result === 'hold') {
      holding++;
      try {
        return await new Promise<never>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(abortError(init.signal!)), {
            once: true,
          }),
        );
      } finally {
        holding--;
      }
    }
    if (result instanceof Error) throw result;
    return result;
  };
  const client = new GraphClient({
    tenantId: TENANT,
    credential: recordingCredential(),
    fetch,
    clock: fakeClock(),
    retry: { maxRetries: 1 },
  });
  return {
    client,
    calls,
    get holding() {
      return holding;
    },
  };
}

function spec(extra: Partial<GraphRequestSpec> = {}): GraphRequestSpec & { method: 'GET' } {
  return {
    operation: 'provisioningLogs.list',
    path: LOGS,
    query: { $top: 2 },
    ...extra,
    method: 'GET',
  };
}

const page = (ids: string[], nextLink?: string): Response =>
  json(200, {
    value: ids.map((id) => ({ id })),
    ...(nextLink === undefined ? {} : { '@odata.nextLink': nextLink }),
  });

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('PageCursor', () => {
  describe('follows @odata.nextLink exactly as sent', () => {
    const cases: { name: string; links: string[] }[] = [
      { name: 'a percent-encoded $skiptoken', links: [`${V1}${LOGS}?$top=2&$skiptoken=X%3D%3D`] },
      {
        name: 'parameters in an unusual order, with an encoded $filter',
        links: [`${V1}${LOGS}?$skiptoken=abc&$filter=jobId%20eq%20%27j%2B1%27&$top=2`],
      },
      {
        name: 'a $skip link (not every API uses $skiptoken)',
        links: [`${V1}${LOGS}?$top=2&$skip=2`],
      },
      {
        name: 'a page size other than the one asked for',
        links: [`${V1}${LOGS}?$top=999&$skiptoken=big`],
      },
      {
        name: 'non-ASCII and reserved characters left encoded',
        links: [`${V1}${LOGS}?$skiptoken=%E2%9C%93%2F%3F%26x`],
      },
      {
        name: 'a different path under the same version',
        links: [`${V1}/auditLogs/provisioning/$delta?$deltatoken=1`],
      },
      {
        name: 'several links in a row, each followed as sent',
        links: [
          `${V1}${LOGS}?$skiptoken=one`,
          `${V1}${LOGS}?$skiptoken=two%3D`,
          `${V1}${LOGS}?$top=2&$skiptoken=three`,
        ],
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const s = service((_r, i) => page([`item${i}`], c.links[i]));
        const cursor = new PageCursor<Item>(s.client, spec());
        const items: string[] = [];
        while (!cursor.done) items.push(...(await cursor.read()).map((e) => e.id));
        assert.equal(
          s.calls[0].url,
          `${V1}${LOGS}?$top=2`,
          'the first page is built from path and query',
        );
        assert.deepEqual(
          s.calls.slice(1).map((r) => r.url),
          c.links,
        );
        assert.deepEqual(
          items,
          c.links.concat('').map((_l, i) => `item${i}`),
        );
      });
    }

    it('sends the spec headers and token with every page, but not its query again', async () => {
      const link = `${V1}${LOGS}?$skiptoken=abc`;
      const s = service((_r, i) => page(['x'], i === 0 ? link : undefined));
      const cursor = new PageCursor<Item>(
        s.client,
        spec({
          headers: { ConsistencyLevel: 'eventual' },
          query: { $top: 2, $filter: "jobId eq 'j'" },
        }),
      );
      await cursor.read();
      await cursor.read();
      assert.equal(s.calls[1].url, link);
      assert.deepEqual(
        s.calls.map((r) => r.headers.get('consistencylevel')),
        ['eventual', 'eventual'],
      );
      assert.deepEqual(
        s.calls.map((r) => r.headers.get('authorization')),
        ['Bearer token-1', 'Bearer token-1'],
      );
    });

    it('refuses a nextLink outside the client origin, sends nothing, and stays there', async () => {
      const s = service(() => page(['a'], `https://evil.example/v1.0${LOGS}?$skiptoken=1`));
      const cursor = new PageCursor<Item>(s.client, spec());
      await cursor.read();
      await assert.rejects(cursor.read(), /Refusing to send/);
      await assert.rejects(cursor.read(), /Refusing to send/);
      assert.equal(s.calls.length, 1);
      assert.equal(cursor.done, false);
    });
  });

  describe('done', () => {
    const cases: { name: string; bodies: Response[]; reads: string[][]; doneAfter: boolean[] }[] = [
      {
        name: 'one page without a nextLink',
        bodies: [page(['a', 'b'])],
        reads: [['a', 'b']],
        doneAfter: [true],
      },
      {
        name: 'three pages',
        bodies: [
          page(['a'], `${V1}${LOGS}?$skiptoken=1`),
          page(['b'], `${V1}${LOGS}?$skiptoken=2`),
          page(['c']),
        ],
        reads: [['a'], ['b'], ['c']],
        doneAfter: [false, false, true],
      },
      {
        name: 'an empty page with a nextLink is not the end',
        bodies: [page([], `${V1}${LOGS}?$skiptoken=1`), page(['b'])],
        reads: [[], ['b']],
        doneAfter: [false, true],
      },
      { name: 'an empty collection', bodies: [page([])], reads: [[]], doneAfter: [true] },
      { name: 'a page without value', bodies: [json(200, {})], reads: [[]], doneAfter: [true] },
      {
        name: 'a null nextLink',
        bodies: [json(200, { value: [{ id: 'a' }], '@odata.nextLink': null })],
        reads: [['a']],
        doneAfter: [true],
      },
      {
        name: 'an empty nextLink',
        bodies: [json(200, { value: [{ id: 'a' }], '@odata.nextLink': '' })],
        reads: [['a']],
        doneAfter: [true],
      },
      {
        name: 'an empty body (204)',
        bodies: [json(204, undefined)],
        reads: [[]],
        doneAfter: [true],
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const s = service((_r, i) => c.bodies[i]);
        const cursor = new PageCursor<Item>(s.client, spec());
        assert.equal(cursor.done, false, 'not done before the first read');
        for (let i = 0; i < c.reads.length; i++) {
          assert.deepEqual(
            (await cursor.read()).map((e) => e.id),
            c.reads[i],
          );
          assert.equal(cursor.done, c.doneAfter[i], `done after read ${i + 1}`);
        }
        assert.deepEqual(await cursor.read(), [], 'a read once done is empty');
        assert.deepEqual(await cursor.read(AbortSignal.abort()), [], 'even with an aborted signal');
        assert.equal(s.calls.length, c.reads.length, 'and sends nothing');
      });
    }
  });

  describe('a failed read keeps the position', () => {
    const second = `${V1}${LOGS}?$skiptoken=p2`;
    const cases: {
      name: string;
      failOn: 0 | 1;
      answer: () => Answer;
      attempts: number;
      check: (e: unknown) => boolean;
    }[] = [
      {
        name: '403',
        failOn: 1,
        answer: () =>
          json(403, graphErrorBody('Authorization_RequestDenied', 'Insufficient privileges')),
        attempts: 1,
        check: (e) => e instanceof GraphError && e.status === 403,
      },
      {
        name: '500',
        failOn: 1,
        answer: () => json(500, {}),
        attempts: 1,
        check: (e) => e instanceof GraphError && e.status === 500,
      },
      {
        name: '503 after the retries',
        failOn: 1,
        answer: () => json(503, {}, { 'retry-after': '1' }),
        attempts: 2,
        check: (e) => e instanceof GraphError && e.status === 503,
      },
      {
        name: '429 after the retries',
        failOn: 1,
        answer: () => json(429, {}, { 'retry-after': '1' }),
        attempts: 2,
        check: (e) => e instanceof GraphError && e.status === 429,
      },
      {
        name: 'a dropped connection after the retries',
        failOn: 1,
        answer: () => new TypeError('fetch failed'),
        attempts: 2,
        check: (e) => e instanceof NetworkError,
      },
      {
        name: 'a body that is not JSON',
        failOn: 1,
        answer: () => new Response('<html>', { status: 200 }),
        attempts: 1,
        check: (e) => e instanceof GraphError && e.code === 'InvalidResponseBody',
      },
      {
        name: '403 on the first page',
        failOn: 0,
        answer: () => json(403, graphErrorBody('Authorization_RequestDenied', 'no')),
        attempts: 1,
        check: (e) => e instanceof GraphError && e.status === 403,
      },
    ];
    for (const c of cases) {
      it(`${c.name}: the next read asks for the same page again`, async () => {
        let failing = true;
        const s = service((r) => {
          const onSecond = r.url === second;
          if (failing && (c.failOn === 1) === onSecond) return c.answer();
          return onSecond ? page(['c']) : page(['a', 'b'], second);
        });
        const cursor = new PageCursor<Item>(s.client, spec());
        if (c.failOn === 1) await cursor.read();
        const before = s.calls.length;
        await assert.rejects(cursor.read(), (e) => c.check(e));
        const failedUrl = s.calls[before].url;
        assert.equal(s.calls.length - before, c.attempts);
        assert.equal(cursor.done, false);
        await assert.rejects(
          cursor.read(),
          (e) => c.check(e),
          'still failing: still the same page',
        );
        assert.ok(s.calls.slice(before).every((r) => r.url === failedUrl));
        failing = false;
        const retried = s.calls.length;
        assert.deepEqual(
          (await cursor.read()).map((e) => e.id),
          c.failOn === 1 ? ['c'] : ['a', 'b'],
        );
        assert.equal(s.calls[retried].url, failedUrl);
        if (c.failOn === 0)
          assert.deepEqual(
            (await cursor.read()).map((e) => e.id),
            ['c'],
          );
        assert.equal(cursor.done, true);
      });
    }
  });

  describe('signals', () => {
    type SignalKind = 'none' | 'live' | 'aborted' | 'abort in flight';
    const cases: {
      name: string;
      specSignal: 'none' | 'live' | 'aborted';
      reads: { signal: SignalKind; outcome: 'page 1' | 'page 2' | 'abort' }[];
      /** Requests sent, by page. */
      sent: number[];
      specAborted: boolean;
    }[] = [
      {
        name: 'an aborted per-read signal fails only that read, sending nothing',
        specSignal: 'live',
        reads: [
          { signal: 'aborted', outcome: 'abort' },
          { signal: 'none', outcome: 'page 1' },
        ],
        sent: [1],
        specAborted: false,
      },
      {
        name: 'a per-read signal aborted in flight fails only that read; the next read asks for the same page',
        specSignal: 'live',
        reads: [
          { signal: 'none', outcome: 'page 1' },
          { signal: 'abort in flight', outcome: 'abort' },
          { signal: 'none', outcome: 'page 2' },
        ],
        sent: [1, 2, 2],
        specAborted: false,
      },
      {
        name: 'a live per-read signal overrides an aborted spec signal for that read only',
        specSignal: 'aborted',
        reads: [
          { signal: 'live', outcome: 'page 1' },
          { signal: 'none', outcome: 'abort' },
          { signal: 'live', outcome: 'page 2' },
        ],
        sent: [1, 2],
        specAborted: true,
      },
      {
        name: 'without a spec signal, a per-read abort in flight does not stick',
        specSignal: 'none',
        reads: [
          { signal: 'abort in flight', outcome: 'abort' },
          { signal: 'none', outcome: 'page 1' },
          { signal: 'live', outcome: 'page 2' },
        ],
        sent: [1, 1, 2],
        specAborted: false,
      },
    ];
    const secondUrl = `${V1}${LOGS}?$skiptoken=p2`;
    for (const c of cases) {
      it(c.name, async () => {
        let holdNext = false;
        const s = service((r) => {
          if (holdNext) {
            holdNext = false;
            return 'hold';
          }
          return r.url === secondUrl ? page(['p2']) : page(['p1'], secondUrl);
        });
        const specController = new AbortController();
        if (c.specSignal === 'aborted') specController.abort();
        const cursor = new PageCursor<Item>(
          s.client,
          spec(c.specSignal === 'none' ? {} : { signal: specController.signal }),
        );
        for (const [i, read] of c.reads.entries()) {
          const controller = new AbortController();
          if (read.signal === 'aborted') controller.abort();
          holdNext = read.signal === 'abort in flight';
          const result = cursor.read(read.signal === 'none' ? undefined : controller.signal);
          if (read.signal === 'abort in flight') {
            await until(() => s.holding === 1, 'the request in flight');
            controller.abort();
          }
          if (read.outcome === 'abort')
            await assert.rejects(result, { name: 'AbortError' }, `read ${i + 1}`);
          else
            assert.deepEqual(
              (await result).map((e) => e.id),
              [read.outcome === 'page 1' ? 'p1' : 'p2'],
              `read ${i + 1}`,
            );
        }
        assert.deepEqual(
          s.calls.map((r) => (r.url === secondUrl ? 2 : 1)),
          c.sent,
        );
        assert.equal(
          specController.signal.aborted,
          c.specAborted,
          'a per-read abort leaves the spec signal alone',
        );
        assert.equal(s.holding, 0);
      });
    }

    it('the spec signal also governs the pages after the first', async () => {
      const s = service((r) => (r.url === secondUrl ? page(['p2']) : page(['p1'], secondUrl)));
      const controller = new AbortController();
      const cursor = new PageCursor<Item>(s.client, spec({ signal: controller.signal }));
      await cursor.read();
      controller.abort();
      await assert.rejects(cursor.read(), { name: 'AbortError' });
      assert.equal(s.calls.length, 1, 'nothing sent after the abort');
      assert.equal(cursor.done, false);
      assert.deepEqual(
        (await cursor.read(new AbortController().signal)).map((e) => e.id),
        ['p2'],
      );
    });
  });
});
