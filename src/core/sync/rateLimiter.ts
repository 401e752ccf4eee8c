import { abortError, sleep as abortableSleep } from '../graph/abort';

/** Time for the limiter; tests pass a fake whose sleep moves `now`. */
export interface RateLimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `promise`, or an AbortError as soon as `signal` aborts (a queued waiter leaves at once). */
function untilOrAbort(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

const realClock: RateLimiterClock = { now: () => Date.now(), sleep: abortableSleep };

/**
 * A sliding-window limiter: at most `limit` acquisitions in any `windowMs` (provisionOnDemand: 5
 * per 10 s). Waiters are served in order; an aborted waiter rejects with an AbortError and gives
 * up its place without using a slot.
 */
export class RateLimiter {
  /** When the granted slots were taken, oldest first (only those still inside the window). */
  private readonly granted: number[] = [];
  /** The tail of the queue: each acquire waits for the one before it. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: RateLimiterClock = realClock,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('limit must be a positive integer.');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be positive.');
  }

  /** How long an acquire now would wait (0 when a slot is free). */
  waitTime(): number {
    const now = this.clock.now();
    this.prune(now);
    return this.granted.length < this.limit ? 0 : this.granted[0] + this.windowMs - now;
  }

  /** Resolves when a slot is taken; rejects with an AbortError if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const previous = this.tail;
    const mine = untilOrAbort(previous, signal).then(() => this.take(signal));
    // The next waiter queues behind this one whether it succeeds or is aborted.
    this.tail = mine.catch(() => undefined);
    return mine;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const wait = this.waitTime();
      if (wait <= 0) {
        this.granted.push(this.clock.now());
        return;
      }
      await this.clock.sleep(wait, signal);
    }
  }

  private prune(now: number): void {
    while (this.granted.length > 0 && this.granted[0] + this.windowMs <= now) this.granted.shift();
  }
}
