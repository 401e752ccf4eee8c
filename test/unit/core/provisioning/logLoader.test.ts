import assert from 'node:assert/strict';
import { abortError, sleep } from '../../../../src/core/graph/abort';
import type { FetchLike } from '../../../../src/core/graph/fetchMiddleware';
import { GraphClient } from '../../../../src/core/graph/graphClient';
import { GraphError, NetworkError } from '../../../../src/core/graph/graphError';
import { listAll } from '../../../../src/core/graph/paging';
import { provisioningLogCursor } from '../../../../src/core/graph/operations/provisioningLogs';
import type { RetryOptions } from '../../../../src/core/graph/retryPolicy';
import type { ProvisioningObjectSummary } from '../../../../src/core/graph/types';
import {
  LogLoader,
  PAGES_PER_STEP,
  type LoaderProgress,
} from '../../../../src/core/provisioning/logLoader';
import { RateLimiter, type RateLimiterClock } from '../../../../src/core/sync/rateLimiter';
import { SANDBOX_SYNC_CONFIGURATIONS, SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { fakeClock, graphErrorBody, json, recordingCredential } from '../graph/support/fakes';
import { SandboxFixture } from '../graph/support/sandbox';

const TENANT = '11111111-1111-1111-1111-111111111111';
const LOGS_URL = 'https://graph.microsoft.com/v1.0/auditLogs/provisioning';
/** Graph's identity-reports limit, as the panel's limiter uses it. */
const LIMIT = 5;
const WINDOW_MS = 10_000;

type Entry = ProvisioningObjectSummary;

/** `e0`, `e1`, … newest first, cut into pages of `pageSize` (one empty page for an empty log). */
function numbered(total: number, pageSize: number): Entry[][] {
  const entries = Array.from({ length: total }, (_, i): Entry => ({
    id: `e${i}`,
    activityDateTime: new Date(Date.UTC(2024, 4, 1) - i * 1000).toISOString(),
  }));
  const pages: Entry[][] = [];
  for (let i = 0; i < entries.length; i += pageSize) pages.push(entries.slice(i, i + pageSize));
  return pages.length ? pages : [[]];
}

const idsOf = (pages: readonly Entry[][]): string[] =>
  pages.flat().flatMap((e) => (typeof e.id === 'string' ? [e.id] : []));

/** A promise that only an abort ends (a request or a limiter wait that hangs until cancelled). */
function untilAborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) reject(abortError(signal));
    signal?.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}

/** Lets pending promise chains and timers of 0 ms run. */
async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Virtual time for the limiter: a sleep moves `now` at once, or with `hold` hangs until aborted. */
interface LimiterClock extends RateLimiterClock {
  readonly sleeps: number[];
  readonly holding: number;
  hold: boolean;
  advance(ms: number): void;
}

function limiterClock(): LimiterClock {
  let now = 1_000_000;
  let holding = 0;
  const clock: LimiterClock = {
    sleeps: [],
    hold: false,
    get holding() {
      return holding;
    },
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      clock.sleeps.push(ms);
      if (clock.hold) {
        holding++;
        try {
          await untilAborted(signal);
        } finally {
          holding--;
        }
      }
      await sleep(0, signal);
      now += ms;
    },
  };
  return clock;
}

type Answer = Response | Error | 'hold';

interface LogService {
  readonly fetch: FetchLike;
  /** The page index of every request sent, in order. */
  readonly requests: number[];
  /** The limiter clock's time of every request sent. */
  readonly sentAt: number[];
  /** Requests hanging until aborted. */
  readonly holding: number;
  /** Answers every request for `page` instead of serving it, while set. */
  fault?: { readonly page: number; readonly answer: () => Answer };
}

/** `GET /auditLogs/provisioning` over fixed pages; the opaque skiptoken `pN` names page N. */
function logService(pages: readonly Entry[][], now: () => number): LogService {
  let holding = 0;
  const service: LogService = {
    requests: [],
    sentAt: [],
    get holding() {
      return holding;
    },
    fetch: async (url, init) => {
      const page = Number(/[?&]\$skiptoken=p(\d+)/.exec(url)?.[1] ?? 0);
      service.requests.push(page);
      service.sentAt.push(now());
      init?.signal?.throwIfAborted();
      const answer = service.fault?.page === page ? service.fault.answer() : undefined;
      if (answer === 'hold') {
        holding++;
        try {
          return await untilAborted(init?.signal);
        } finally {
          holding--;
        }
      }
      if (answer instanceof Error) throw answer;
      if (answer) return answer;
      const next =
        page + 1 < pages.length
          ? {
              '@odata.nextLink': `${LOGS_URL}?$orderby=activityDateTime%20desc&$skiptoken=p${page + 1}`,
            }
          : {};
      return json(200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning',
        value: pages[page],
        ...next,
      });
    },
  };
  return service;
}

interface Setup {
  readonly pages: readonly Entry[][];
  readonly limit?: number;
  readonly windowMs?: number;
  readonly retry?: Partial<RetryOptions>;
}

/** A LogLoader over the real cursor and GraphClient, a scripted log service and a limiter on virtual time. */
function harness(setup: Setup) {
  const clock = limiterClock();
  const service = logService(setup.pages, () => clock.now());
  const client = new GraphClient({
    tenantId: TENANT,
    credential: recordingCredential(),
    fetch: service.fetch,
    clock: fakeClock(),
    retry: setup.retry,
  });
  const limiter = new RateLimiter(setup.limit ?? LIMIT, setup.windowMs ?? WINDOW_MS, clock);
  const progress: LoaderProgress[] = [];
  const batches: string[][] = [];
  const h = {
    clock,
    service,
    limiter,
    progress,
    batches,
    /** Called after each batch is recorded (a test may cancel from here). */
    afterEntries: undefined as ((batch: readonly Entry[]) => void) | undefined,
    loader: undefined as unknown as LogLoader,
    states: (): string[] =>
      progress.map((p) => (p.waitMs === undefined ? p.state : `${p.state}(${p.waitMs})`)),
    delivered: (): string[] => batches.flat(),
    last: (): LoaderProgress => progress[progress.length - 1],
  };
  h.loader = new LogLoader(provisioningLogCursor(client, { pageSize: 3 }), limiter, {
    onEntries: (entries) => {
      batches.push(entries.map((e) => e.id!));
      h.afterEntries?.(entries);
    },
    onProgress: (p) => progress.push(p),
  });
  return h;
}

/** Every id delivered exactly once, in log order. */
function assertEachOnce(delivered: readonly string[], expected: readonly string[]): void {
  assert.equal(
    new Set(delivered).size,
    delivered.length,
    `an entry was delivered twice: ${delivered.join(',')}`,
  );
  assert.deepEqual(delivered, expected);
}

describe('LogLoader', () => {
  describe('load(n)', () => {
    const cases: {
      name: string;
      pages: Entry[][];
      load: number;
      requests: number[];
      states: string[];
      loaded: number;
      more: boolean;
    }[] = [
      {
        name: 'load(1) reads the first page and pauses',
        pages: numbered(10, 3),
        load: 1,
        requests: [0],
        states: ['loading', 'paused'],
        loaded: 3,
        more: true,
      },
      {
        name: 'load(3) reads exactly three pages and pauses',
        pages: numbered(20, 3),
        load: 3,
        requests: [0, 1, 2],
        states: ['loading', 'loading', 'loading', 'paused'],
        loaded: 9,
        more: true,
      },
      {
        name: 'load(PAGES_PER_STEP) reads one rate-limit window without waiting',
        pages: numbered(30, 3),
        load: PAGES_PER_STEP,
        requests: [0, 1, 2, 3, 4],
        states: ['loading', 'loading', 'loading', 'loading', 'loading', 'paused'],
        loaded: 15,
        more: true,
      },
      {
        name: 'load(n) whose n-th page is the last one completes',
        pages: numbered(6, 3),
        load: 2,
        requests: [0, 1],
        states: ['loading', 'loading', 'complete'],
        loaded: 6,
        more: false,
      },
      {
        name: 'load(n) past the end stops at the last page',
        pages: numbered(7, 3),
        load: 5,
        requests: [0, 1, 2],
        states: ['loading', 'loading', 'loading', 'complete'],
        loaded: 7,
        more: false,
      },
      {
        name: 'load(Infinity) reads to the end, waiting for the limiter once per window',
        pages: numbered(36, 3),
        load: Infinity,
        requests: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        // prettier-ignore
        states: ['loading', 'loading', 'loading', 'loading', 'loading', 'waiting(10000)', 'loading', 'loading', 'loading', 'loading', 'loading', 'waiting(10000)', 'loading', 'loading', 'complete'],
        loaded: 36,
        more: false,
      },
      {
        name: 'load(Infinity) of an empty log asks once and completes',
        pages: [[]],
        load: Infinity,
        requests: [0],
        states: ['loading', 'complete'],
        loaded: 0,
        more: false,
      },
      {
        name: 'load(Infinity) goes on past an empty page that has a nextLink',
        pages: [[{ id: 'a' }], [], [{ id: 'b' }]],
        load: Infinity,
        requests: [0, 1, 2],
        states: ['loading', 'loading', 'loading', 'complete'],
        loaded: 2,
        more: false,
      },
      {
        name: 'load(0) reads nothing and pauses',
        pages: numbered(10, 3),
        load: 0,
        requests: [],
        states: ['paused'],
        loaded: 0,
        more: true,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const h = harness({ pages: c.pages });
        await h.loader.load(c.load);
        assert.deepEqual(h.service.requests, c.requests);
        assert.deepEqual(h.states(), c.states);
        assert.deepEqual(h.last(), {
          state: c.states[c.states.length - 1],
          loaded: c.loaded,
          more: c.more,
        });
        assertEachOnce(h.delivered(), idsOf(c.pages).slice(0, c.loaded));
        assert.ok(
          h.batches.every((b) => b.length > 0),
          'no empty onEntries',
        );
        assert.equal(h.loader.loaded, c.loaded);
        assert.equal(h.loader.more, c.more);
        assert.equal(h.loader.busy, false);
        assert.deepEqual(h.loader.progress(), h.last());
      });
    }

    it('reports the loaded count and whether more exists with every progress', async () => {
      const h = harness({ pages: numbered(7, 3) });
      await h.loader.load(2);
      await h.loader.load(2);
      assert.deepEqual(
        h.progress.map((p) => [p.state, p.loaded, p.more]),
        [
          ['loading', 0, true],
          ['loading', 3, true],
          ['paused', 6, true],
          ['loading', 6, true],
          ['complete', 7, false],
        ],
      );
    });

    it('continues where the previous load stopped, and sends nothing once complete', async () => {
      const pages = numbered(14, 3);
      const h = harness({ pages });
      await h.loader.load(2);
      await h.loader.load(2);
      assert.deepEqual(h.service.requests, [0, 1, 2, 3]);
      await h.loader.load(Infinity);
      assert.deepEqual(h.service.requests, [0, 1, 2, 3, 4]);
      assert.equal(h.last().state, 'complete');
      await h.loader.load(Infinity);
      assert.deepEqual(h.service.requests, [0, 1, 2, 3, 4], 'no request after the end');
      assert.deepEqual(h.last(), { state: 'complete', loaded: 14, more: false });
      assertEachOnce(h.delivered(), idsOf(pages));
    });
  });

  describe('rate limit progress', () => {
    const cases: {
      name: string;
      limit: number;
      windowMs: number;
      /** Slots taken before the load (another reader of the same tenant), then time moved on. */
      taken: number;
      elapsedMs: number;
      load: number;
      states: string[];
      /** When each request went out, relative to the start. */
      sentAt: number[];
      sleeps: number[];
    }[] = [
      {
        name: 'a full limiter: waits out the window, then loads',
        limit: 2,
        windowMs: 1000,
        taken: 2,
        elapsedMs: 0,
        load: 1,
        states: ['waiting(1000)', 'loading', 'paused'],
        sentAt: [1000],
        sleeps: [1000],
      },
      {
        name: 'a full limiter, partly elapsed: waits the rest',
        limit: 2,
        windowMs: 1000,
        taken: 2,
        elapsedMs: 400,
        load: 1,
        states: ['waiting(600)', 'loading', 'paused'],
        sentAt: [1000],
        sleeps: [600],
      },
      {
        name: 'one slot free: the first page goes at once, the second waits',
        limit: 2,
        windowMs: 1000,
        taken: 1,
        elapsedMs: 0,
        load: 2,
        states: ['loading', 'waiting(1000)', 'loading', 'paused'],
        sentAt: [0, 1000],
        sleeps: [1000],
      },
      {
        name: 'slots freed by time: no wait',
        limit: 1,
        windowMs: 1000,
        taken: 1,
        elapsedMs: 1000,
        load: 1,
        states: ['loading', 'paused'],
        sentAt: [1000],
        sleeps: [],
      },
      {
        name: 'one per window: every page after the first waits a whole window',
        limit: 1,
        windowMs: 500,
        taken: 0,
        elapsedMs: 0,
        load: 3,
        states: ['loading', 'waiting(500)', 'loading', 'waiting(500)', 'loading', 'paused'],
        sentAt: [0, 500, 1000],
        sleeps: [500, 500],
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const h = harness({ pages: numbered(30, 3), limit: c.limit, windowMs: c.windowMs });
        const start = h.clock.now();
        for (let i = 0; i < c.taken; i++) await h.limiter.acquire();
        h.clock.advance(c.elapsedMs);
        await h.loader.load(c.load);
        assert.deepEqual(h.states(), c.states);
        assert.deepEqual(
          h.service.sentAt.map((t) => t - start),
          c.sentAt,
          'no request before the limiter allowed it',
        );
        assert.deepEqual(h.clock.sleeps, c.sleeps);
        assert.ok(
          h.progress.filter((p) => p.state !== 'waiting').every((p) => p.waitMs === undefined),
          'waitMs only while waiting',
        );
      });
    }
  });

  describe('cancel', () => {
    const pages = numbered(15, 3);
    const cases: {
      name: string;
      limit?: number;
      /** Limiter slots already taken when the load starts. */
      taken?: number;
      /** Where the first load stops until cancelled. */
      stop:
        | { at: 'limiter wait' }
        | { at: 'request'; page: number }
        | { at: 'onEntries'; batch: number };
      load: number;
      /** Progress reported before the cancel. */
      before: string[];
      /** Requests sent by the first load (an aborted one included). */
      requests: number[];
      loaded: number;
      /** The page the next load asks for first. */
      resumeAt: number;
    }[] = [
      {
        name: 'while waiting for the limiter before the first page',
        limit: 1,
        taken: 1,
        stop: { at: 'limiter wait' },
        load: 3,
        before: ['waiting(10000)'],
        requests: [],
        loaded: 0,
        resumeAt: 0,
      },
      {
        name: 'while waiting for the limiter between pages',
        limit: 2,
        stop: { at: 'limiter wait' },
        load: Infinity,
        before: ['loading', 'loading', 'waiting(10000)'],
        requests: [0, 1],
        loaded: 6,
        resumeAt: 2,
      },
      {
        name: 'while the first page is in flight',
        stop: { at: 'request', page: 0 },
        load: PAGES_PER_STEP,
        before: ['loading'],
        requests: [0],
        loaded: 0,
        resumeAt: 0,
      },
      {
        name: 'while a later page is in flight',
        stop: { at: 'request', page: 2 },
        load: PAGES_PER_STEP,
        before: ['loading', 'loading', 'loading'],
        requests: [0, 1, 2],
        loaded: 6,
        resumeAt: 2,
      },
      {
        name: 'from onEntries, between two pages',
        stop: { at: 'onEntries', batch: 2 },
        load: Infinity,
        before: ['loading', 'loading'],
        requests: [0, 1],
        loaded: 6,
        resumeAt: 2,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const h = harness({ pages, limit: c.limit });
        for (let i = 0; i < (c.taken ?? 0); i++) await h.limiter.acquire();
        const stop = c.stop;
        if (stop.at === 'limiter wait') h.clock.hold = true;
        if (stop.at === 'request') h.service.fault = { page: stop.page, answer: () => 'hold' };
        let cancelledAt = -1;
        if (stop.at === 'onEntries') {
          h.afterEntries = () => {
            if (h.batches.length !== stop.batch) return;
            cancelledAt = h.progress.length;
            h.loader.cancel();
          };
        }
        const first = h.loader.load(c.load);
        if (stop.at !== 'onEntries') {
          await until(
            () => (stop.at === 'request' ? h.service.holding : h.clock.holding) === 1,
            stop.at,
          );
          assert.equal(h.loader.busy, true);
          cancelledAt = h.progress.length;
          h.loader.cancel();
        }
        await first;
        assert.deepEqual(h.states().slice(0, cancelledAt), c.before);
        // Between the cancel and the end, nothing but a 'loading' for the page it will not read.
        assert.deepEqual(
          h
            .states()
            .slice(cancelledAt)
            .filter((s) => s !== 'loading'),
          ['cancelled'],
        );
        assert.deepEqual(h.last(), { state: 'cancelled', loaded: c.loaded, more: true });
        assert.equal(h.loader.busy, false);
        await settle();
        assert.deepEqual(h.service.requests, c.requests, 'no request after the cancel');
        assert.equal(h.service.holding + h.clock.holding, 0, 'nothing left hanging');

        h.clock.hold = false;
        h.service.fault = undefined;
        h.afterEntries = undefined;
        await h.loader.load(Infinity);
        assert.equal(
          h.service.requests[c.requests.length],
          c.resumeAt,
          'resumes at the page that was cancelled',
        );
        assert.deepEqual(
          h.service.requests.slice(c.requests.length),
          [0, 1, 2, 3, 4].filter((p) => p >= c.resumeAt),
          'no page skipped or read again',
        );
        assert.deepEqual(h.last(), { state: 'complete', loaded: 15, more: false });
        assertEachOnce(h.delivered(), idsOf(pages));
      });
    }

    it('a cancelled limiter wait gives its slot to no one: the resumed load waits only the rest of the window', async () => {
      const h = harness({ pages: numbered(6, 3), limit: 1, windowMs: 1000 });
      await h.limiter.acquire();
      h.clock.hold = true;
      const first = h.loader.load(1);
      await until(() => h.clock.holding === 1, 'the limiter wait');
      h.loader.cancel();
      await first;
      assert.equal(h.limiter.waitTime(), 1000, 'the aborted waiter took no slot');
      h.clock.hold = false;
      h.clock.advance(250);
      await h.loader.load(1);
      assert.deepEqual(h.states(), [
        'waiting(1000)',
        'cancelled',
        'waiting(750)',
        'loading',
        'paused',
      ]);
    });

    const idle: { name: string; before: number }[] = [
      { name: 'before any load', before: 0 },
      { name: 'after a load has finished', before: 1 },
    ];
    for (const c of idle) {
      it(`does nothing when idle (${c.name})`, async () => {
        const h = harness({ pages: numbered(9, 3) });
        if (c.before) await h.loader.load(c.before);
        const reported = h.progress.length;
        h.loader.cancel();
        assert.equal(h.progress.length, reported, 'no progress for an idle cancel');
        await h.loader.load(1);
        assert.equal(h.last().state, 'paused');
        assert.deepEqual(h.service.requests, c.before ? [0, 1] : [0]);
      });
    }
  });

  describe('errors', () => {
    const pages = numbered(12, 3);
    const denied = (): Response =>
      json(
        403,
        graphErrorBody(
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        ),
      );
    const cases: {
      name: string;
      page: number;
      answer: () => Answer;
      /** Requests for the failing page by one load (the first try and the client's retries). */
      attempts: number;
      check: (error: unknown) => boolean;
      loaded: number;
    }[] = [
      {
        name: '403 on a later page (not retried)',
        page: 1,
        answer: denied,
        attempts: 1,
        check: (e) =>
          e instanceof GraphError && e.status === 403 && e.code === 'Authorization_RequestDenied',
        loaded: 3,
      },
      {
        name: '403 on the first page',
        page: 0,
        answer: denied,
        attempts: 1,
        check: (e) => e instanceof GraphError && e.status === 403,
        loaded: 0,
      },
      {
        name: '500 (not retried)',
        page: 2,
        answer: () => json(500, graphErrorBody('InternalServerError', 'boom')),
        attempts: 1,
        check: (e) => e instanceof GraphError && e.status === 500,
        loaded: 6,
      },
      {
        name: '503 after the retries',
        page: 1,
        answer: () => json(503, {}, { 'retry-after': '1' }),
        attempts: 3,
        check: (e) => e instanceof GraphError && e.status === 503 && e.attempts === 3,
        loaded: 3,
      },
      {
        name: '429 after the retries',
        page: 1,
        answer: () =>
          json(429, graphErrorBody('TooManyRequests', 'slow down'), { 'retry-after': '2' }),
        attempts: 3,
        check: (e) => e instanceof GraphError && e.status === 429 && e.retryAfterSeconds === 2,
        loaded: 3,
      },
      {
        name: 'a dropped connection after the retries',
        page: 1,
        answer: () => new TypeError('fetch failed', { cause: new Error('socket hang up') }),
        attempts: 3,
        check: (e) => e instanceof NetworkError,
        loaded: 3,
      },
      {
        name: 'a body that is not JSON',
        page: 1,
        answer: () => new Response('<html>', { status: 200 }),
        attempts: 1,
        check: (e) => e instanceof GraphError && e.code === 'InvalidResponseBody',
        loaded: 3,
      },
    ];
    for (const c of cases) {
      it(`reports ${c.name} as an error, and a later load retries that page`, async () => {
        const h = harness({ pages, retry: { maxRetries: 2 } });
        h.service.fault = { page: c.page, answer: c.answer };
        await h.loader.load(Infinity);
        const failed = [
          ...Array.from({ length: c.page }, (_, i) => i),
          ...Array.from({ length: c.attempts }, () => c.page),
        ];
        assert.deepEqual(h.service.requests, failed);
        assert.deepEqual(h.states(), [
          ...Array.from({ length: c.page + 1 }, () => 'loading'),
          'error',
        ]);
        const { error, ...rest } = h.last();
        assert.deepEqual(rest, { state: 'error', loaded: c.loaded, more: true });
        assert.ok(c.check(error), `unexpected error: ${String(error)}`);
        assert.equal(h.loader.progress().state, 'error');
        assert.equal(h.loader.busy, false);

        h.service.fault = undefined;
        await h.loader.load(Infinity);
        assert.deepEqual(
          h.service.requests.slice(failed.length),
          [0, 1, 2, 3].filter((p) => p >= c.page),
          'the failed page is asked for again, nothing skipped',
        );
        assert.deepEqual(h.last(), { state: 'complete', loaded: 12, more: false });
        assertEachOnce(h.delivered(), idsOf(pages));
      });
    }

    it('keeps failing the same page while it fails, without losing what is loaded', async () => {
      const h = harness({ pages: numbered(9, 3) });
      h.service.fault = { page: 1, answer: () => json(500, {}) };
      await h.loader.load(Infinity);
      await h.loader.load(Infinity);
      assert.deepEqual(h.service.requests, [0, 1, 1]);
      assert.deepEqual(h.states(), ['loading', 'loading', 'error', 'loading', 'error']);
      assert.equal(h.loader.loaded, 3);
      assert.deepEqual(h.delivered(), ['e0', 'e1', 'e2']);
    });
  });

  describe('admit', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    const cases: { name: string; calls: Entry[][]; fresh: Entry[][]; loaded: number }[] = [
      { name: 'returns new entries in order', calls: [[a, b, c]], fresh: [[a, b, c]], loaded: 3 },
      {
        name: 'keeps the first of an id repeated within one call',
        calls: [[a, b, { id: 'a', activityDateTime: 'later copy' }]],
        fresh: [[a, b]],
        loaded: 2,
      },
      {
        name: 'drops ids admitted by an earlier call',
        calls: [[a, b], [b, c], [a]],
        fresh: [[a, b], [c], []],
        loaded: 3,
      },
      {
        name: 'ignores entries without a string id',
        calls: [
          [
            {},
            { id: undefined },
            { id: null as unknown as string },
            { id: 42 as unknown as string },
            a,
          ],
        ],
        fresh: [[a]],
        loaded: 1,
      },
      { name: 'an empty call admits nothing', calls: [[]], fresh: [[]], loaded: 0 },
    ];
    for (const t of cases) {
      it(t.name, () => {
        const h = harness({ pages: [[]] });
        const fresh = t.calls.map((call) => h.loader.admit(call));
        assert.equal(fresh.length, t.fresh.length);
        fresh.forEach((got, i) => {
          assert.equal(got.length, t.fresh[i].length);
          got.forEach((e, j) => assert.equal(e, t.fresh[i][j], 'the same entry objects'));
        });
        assert.equal(h.loader.loaded, t.loaded);
        assert.equal(h.progress.length, 0, 'admit reports no progress');
      });
    }

    const walks: {
      name: string;
      admitted: Entry[];
      pages: Entry[][];
      batches: string[][];
      loaded: number;
    }[] = [
      {
        name: 'entries admitted by live mode are not delivered again by a page',
        admitted: [{ id: 'e1' }, { id: 'e4' }],
        pages: numbered(6, 3),
        batches: [
          ['e0', 'e2'],
          ['e3', 'e5'],
        ],
        loaded: 6,
      },
      {
        name: 'a page of nothing but known entries delivers nothing',
        admitted: [{ id: 'e0' }, { id: 'e1' }, { id: 'e2' }],
        pages: numbered(6, 3),
        batches: [['e3', 'e4', 'e5']],
        loaded: 6,
      },
      {
        name: 'an entry repeated on the next page (the log moved between pages) is delivered once',
        admitted: [],
        pages: [
          [{ id: 'a' }, { id: 'b' }],
          [{ id: 'b' }, { id: 'c' }],
        ],
        batches: [['a', 'b'], ['c']],
        loaded: 3,
      },
      {
        name: 'entries without an id in a page are not delivered',
        admitted: [],
        pages: [[{ id: 'a' }, {}, { activityDateTime: '2024-05-01T00:00:00Z' }]],
        batches: [['a']],
        loaded: 1,
      },
    ];
    for (const w of walks) {
      it(w.name, async () => {
        const h = harness({ pages: w.pages });
        h.loader.admit(w.admitted);
        await h.loader.load(Infinity);
        assert.deepEqual(h.batches, w.batches);
        assert.deepEqual(h.last(), { state: 'complete', loaded: w.loaded, more: false });
      });
    }
  });

  describe('concurrent loads', () => {
    const cases: { name: string; loads: number[]; requests: number[]; states: string[] }[] = [
      {
        name: 'two loads at once share one walk',
        loads: [2, 2],
        requests: [0, 1],
        states: ['loading', 'loading', 'paused'],
      },
      {
        name: 'a second, longer load joins the walk in flight (it does not extend it)',
        loads: [1, Infinity],
        requests: [0],
        states: ['loading', 'paused'],
      },
      {
        name: 'three loads at once share one walk',
        loads: [3, 1, 3],
        requests: [0, 1, 2],
        states: ['loading', 'loading', 'loading', 'paused'],
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const h = harness({ pages: numbered(30, 3) });
        const promises = c.loads.map((n) => h.loader.load(n));
        assert.equal(h.loader.busy, true);
        promises.slice(1).forEach((p) => assert.equal(p, promises[0], 'the same promise'));
        await Promise.all(promises);
        assert.deepEqual(h.service.requests, c.requests);
        assert.deepEqual(h.states(), c.states);
        assert.equal(h.loader.busy, false);
        await h.loader.load(1);
        assert.deepEqual(
          h.service.requests,
          [...c.requests, c.requests.length],
          'a load after the shared walk starts a new one',
        );
      });
    }

    it('a load that joins a walk waiting for the limiter ends with it when cancelled', async () => {
      const h = harness({ pages: numbered(30, 3), limit: 1 });
      await h.limiter.acquire();
      h.clock.hold = true;
      const first = h.loader.load(1);
      await until(() => h.clock.holding === 1, 'the limiter wait');
      const second = h.loader.load(5);
      assert.equal(second, first);
      h.loader.cancel();
      await Promise.all([first, second]);
      assert.deepEqual(h.states(), ['waiting(10000)', 'cancelled']);
      assert.deepEqual(h.service.requests, []);
    });
  });

  describe('against the HTTP sandbox', () => {
    const CONTOSO = SANDBOX_TENANT_IDS.contoso;
    let fx: SandboxFixture;
    before(async () => {
      fx = await SandboxFixture.start();
    });
    after(() => fx.close());
    beforeEach(() => fx.reset());

    /** Every entry the query matches, newest first, read in pages of 1000 (at most 5 requests, under the reports limit). */
    async function reference(servicePrincipalId?: string): Promise<string[]> {
      const cursor = provisioningLogCursor(fx.client(CONTOSO), {
        servicePrincipalId,
        pageSize: 1000,
      });
      const ids: string[] = [];
      while (!cursor.done) ids.push(...(await cursor.read()).map((e) => e.id!));
      // Let the sandbox's reports window pass before the loader starts.
      await fx.clock.sleep(WINDOW_MS);
      fx.log.length = 0;
      return ids;
    }

    function sandboxLoader(servicePrincipalId: string | undefined, pageSize: number) {
      const progress: LoaderProgress[] = [];
      const delivered: string[] = [];
      const hooks = { afterEntries: undefined as (() => void) | undefined };
      const loader = new LogLoader(
        provisioningLogCursor(fx.client(CONTOSO), { servicePrincipalId, pageSize }),
        new RateLimiter(LIMIT, WINDOW_MS, fx.clock),
        {
          onEntries: (entries) => {
            delivered.push(...entries.map((e) => e.id!));
            hooks.afterEntries?.();
          },
          onProgress: (p) => progress.push(p),
        },
      );
      return { loader, progress, delivered, hooks };
    }

    it('reads the whole Contoso log to the end in pages of 500, paced so Graph never throttles', async () => {
      const expected = await reference();
      assert.ok(expected.length > 4000 && expected.length < 5500, `${expected.length} entries`);
      const { loader, progress, delivered } = sandboxLoader(undefined, 500);
      await loader.load(Infinity);
      assertEachOnce(delivered, expected);
      assert.deepEqual(progress[progress.length - 1], {
        state: 'complete',
        loaded: expected.length,
        more: false,
      });
      assert.equal(fx.log.length, Math.ceil(expected.length / 500));
      assert.deepEqual(
        new Set(fx.log.map((e) => e.status)),
        new Set([200]),
        'no 429: the limiter kept within 5 per 10 s',
      );
      assert.deepEqual(
        progress.filter((p) => p.state === 'waiting').map((p) => p.waitMs),
        Array.from({ length: Math.floor((fx.log.length - 1) / LIMIT) }, () => WINDOW_MS),
      );
    });

    it('loads one job step by step, cancelled in between, with every entry once', async () => {
      const { servicePrincipalId } = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
      const expected = await reference(servicePrincipalId);
      assert.ok(expected.length > 800, `${expected.length} entries`);
      const { loader, progress, delivered, hooks } = sandboxLoader(servicePrincipalId, 100);
      await loader.load(PAGES_PER_STEP);
      assert.deepEqual(progress[progress.length - 1], { state: 'paused', loaded: 500, more: true });
      let pagesThisLoad = 0;
      hooks.afterEntries = () => {
        if (++pagesThisLoad === 2) loader.cancel();
      };
      await loader.load(Infinity);
      assert.equal(progress[progress.length - 1].state, 'cancelled');
      assert.equal(loader.loaded, 700);
      hooks.afterEntries = undefined;
      await loader.load(Infinity);
      assert.equal(progress[progress.length - 1].state, 'complete');
      assertEachOnce(delivered, expected);
      assert.equal(fx.log.length, Math.ceil(expected.length / 100), 'every page asked for once');
      assert.ok(fx.log.every((e) => e.status === 200));
    });

    it('reports a tenant that lacks consent for the log as an error, with nothing loaded', async () => {
      const denied = fx.client(CONTOSO, { credentialOptions: { scp: ['Policy.Read.All'] } });
      const progress: LoaderProgress[] = [];
      const limiter = new RateLimiter(LIMIT, WINDOW_MS, fx.clock);
      const failing = new LogLoader(provisioningLogCursor(denied, { pageSize: 100 }), limiter, {
        onEntries: () => undefined,
        onProgress: (p) => progress.push(p),
      });
      await failing.load(1);
      const { error, ...rest } = progress[progress.length - 1];
      assert.deepEqual(rest, { state: 'error', loaded: 0, more: true });
      assert.ok(error instanceof GraphError && error.status === 403, String(error));
    });

    it('listAll and the loader agree on the pages of one job (sanity check of the reference walk)', async () => {
      const { servicePrincipalId } = SANDBOX_SYNC_CONFIGURATIONS.tailspin;
      const all = await listAll<Entry>(fx.client(CONTOSO), {
        operation: 'provisioningLogs.list',
        method: 'GET',
        path: '/auditLogs/provisioning',
        query: { $filter: `servicePrincipal/id eq '${servicePrincipalId}'`, $top: 1000 },
      });
      await fx.clock.sleep(WINDOW_MS);
      const { loader, delivered } = sandboxLoader(servicePrincipalId, 250);
      await loader.load(Infinity);
      assertEachOnce(
        delivered,
        all.map((e) => e.id!),
      );
    });
  });
});
