import assert from 'node:assert/strict';
import { abortError, sleep } from '../../../../src/core/graph/abort';
import { RateLimiter, type RateLimiterClock } from '../../../../src/core/sync/rateLimiter';

/** Virtual time: sleeps resolve on the next tick and move `now` forward (still abortable). */
function fakeClock(): RateLimiterClock & { sleeps: number[] } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      sleeps.push(ms);
      await sleep(0, signal);
      now += ms;
    },
  };
}

/** Virtual time that moves only when the test says: each sleep waits for `advance` (or its abort). */
function manualClock(): RateLimiterClock & { advance(ms: number): void; pending(): number[] } {
  let now = 0;
  const sleeping: { until: number; ms: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const entry = { until: now + ms, ms, wake: resolve };
        sleeping.push(entry);
        signal?.addEventListener(
          'abort',
          () => {
            sleeping.splice(sleeping.indexOf(entry), 1);
            reject(abortError(signal));
          },
          { once: true },
        );
      }),
    advance(ms) {
      now += ms;
      for (const entry of sleeping.filter((e) => e.until <= now)) {
        sleeping.splice(sleeping.indexOf(entry), 1);
        entry.wake();
      }
    },
    pending: () => sleeping.map((e) => e.ms),
  };
}

/** Lets every promise that can settle now do so (no time passes on the clock). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('RateLimiter', () => {
  const cases: {
    name: string;
    limit: number;
    windowMs: number;
    count: number;
    expectTimes: number[];
  }[] = [
    {
      name: 'five at once, the sixth after the window (provisionOnDemand)',
      limit: 5,
      windowMs: 10_000,
      count: 6,
      expectTimes: [0, 0, 0, 0, 0, 10_000],
    },
    { name: 'one per second', limit: 1, windowMs: 1000, count: 3, expectTimes: [0, 1000, 2000] },
    {
      name: 'two per window, seven calls',
      limit: 2,
      windowMs: 500,
      count: 7,
      expectTimes: [0, 0, 500, 500, 1000, 1000, 1500],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const clock = fakeClock();
      const start = clock.now();
      const limiter = new RateLimiter(c.limit, c.windowMs, clock);
      const times: number[] = [];
      await Promise.all(
        Array.from({ length: c.count }, () =>
          limiter.acquire().then(() => times.push(clock.now() - start)),
        ),
      );
      assert.deepEqual(times, c.expectTimes);
    });
  }

  it('reports the wait time of the next acquire', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, 10_000, clock);
    assert.equal(limiter.waitTime(), 0);
    await limiter.acquire();
    await limiter.acquire();
    assert.equal(limiter.waitTime(), 10_000);
  });

  it('rejects at once with an AbortError for an aborted signal, using no slot', async () => {
    const limiter = new RateLimiter(1, 1000, fakeClock());
    await assert.rejects(limiter.acquire(AbortSignal.abort()), { name: 'AbortError' });
    assert.equal(limiter.waitTime(), 0);
  });

  it('aborts a queued waiter without blocking the ones behind it', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, 1000, clock);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    let behindDone = false;
    const behind = limiter.acquire().then(() => (behindDone = true));
    await settle();
    assert.deepEqual(clock.pending(), [1000], 'the first waiter sleeps until the window ends');
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    await settle();
    // The one behind moved up at once: it now sleeps for the slot, and only one sleep is left.
    assert.deepEqual(clock.pending(), [1000]);
    assert.equal(behindDone, false);
    clock.advance(1000);
    await behind;
    assert.equal(clock.now(), 1000, 'served when the window ended, not a window later');
    assert.equal(limiter.waitTime(), 1000, 'the aborted waiter used no slot: only one was taken');
  });

  it('aborts a waiter that is still queued behind another', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1, 1000, clock);
    await limiter.acquire();
    const first = limiter.acquire();
    const controller = new AbortController();
    const second = limiter.acquire(controller.signal);
    controller.abort();
    await assert.rejects(second, { name: 'AbortError' });
    await first;
    const third = limiter.acquire();
    await third;
    assert.deepEqual(clock.sleeps, [1000, 1000]);
  });

  it('rejects invalid limits', () => {
    assert.throws(() => new RateLimiter(0, 1000), RangeError);
    assert.throws(() => new RateLimiter(1, 0), RangeError);
  });
});
