import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { NetworkError, RequestTimeoutError } from './graphError';
import { discardBody, RequestContext } from './requestContext';
import {
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
  type Clock,
  type RetryOptions,
} from './retryPolicy';

/**
 * Repeats a request that Graph throttled (429), could not serve (503) or timed out on (504, only
 * when idempotent), and an idempotent request whose connection failed. Waits as `Retry-After`
 * says, else backs off exponentially with jitter; bounded in count and in total time. A request
 * that timed out is sent once more at most. When the
 * bounds are reached the last response is passed on, and the client turns it into a GraphError
 * that still carries its Retry-After. Waits end at once when the request is aborted.
 */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly options: RetryOptions,
    private readonly clock: Clock,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('RetryMiddleware has no next middleware');
    const ctx = RequestContext.of(context);
    const started = this.clock.now();
    let timeouts = 0;
    for (let attempt = 1; ; attempt++) {
      ctx.attempts = attempt;
      let failure: NetworkError | undefined;
      try {
        await this.next.execute(context);
      } catch (err) {
        // A dropped connection may have delivered the request: repeat only what is safe to repeat.
        if (!(err instanceof NetworkError) || !ctx.idempotent) throw err;
        // A server that let a whole request timeout pass twice is not going to answer the third.
        if (err instanceof RequestTimeoutError && ++timeouts > 1) throw err;
        failure = err;
      }
      const response = context.response;
      if (!failure && (!response || !isRetryableStatus(response.status, ctx.idempotent))) return;
      const retryAfter = response
        ? parseRetryAfter(response.headers.get('retry-after'), this.clock.now())
        : undefined;
      const delay = nextRetryDelay(
        attempt,
        retryAfter,
        this.clock.now() - started,
        this.options,
        () => this.clock.random(),
      );
      if (delay === undefined) {
        if (failure) throw failure;
        return;
      }
      if (response) await discardBody(response);
      context.response = undefined;
      await this.clock.sleep(delay, ctx.signal);
    }
  }
}
