import assert from 'node:assert/strict';
import { sleep } from '../../../../src/core/graph/abort';
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
    const clock: RateLimiterClock = {
      now: () => 0,
      sleep: (ms, signal) => sleep(ms > 0 ? 60_000 : 0, signal),
    };
    const limiter = new RateLimiter(1, 1000, clock);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(waiting, { name: 'AbortError' });
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
