import { GraphClient } from '../../../../src/core/graph/graphClient';
import type { GraphLogEntry } from '../../../../src/core/graph/loggingMiddleware';
import type { FetchLike } from '../../../../src/core/graph/fetchMiddleware';
import { RateLimiter } from '../../../../src/core/sync/rateLimiter';
import { Sandbox } from '../../../../src/sandbox';
import { fakeClock, type FakeClock } from '../graph/support/fakes';
import { sandboxCredential } from '../graph/support/sandbox';

/** A fixed anchor, so the seeded history is the same on every run. */
export const ANCHOR = Date.parse('2025-03-14T12:00:00Z');

/**
 * The in-process sandbox and our Graph client over it, sharing one fake clock with the reports
 * limiter: the limiter's waits move time for the sandbox's own rate limit too, so nothing waits
 * for real. `wrap` stands in for a Graph that answers some requests differently.
 */
export class InProcessGraph {
  readonly clock: FakeClock = fakeClock(ANCHOR);
  readonly sandbox = Sandbox.create({ now: () => this.clock.now() });
  readonly log: GraphLogEntry[] = [];

  client(tenantId: string, wrap?: (fetch: FetchLike) => FetchLike): GraphClient {
    const base: FetchLike = (url, init) => this.sandbox.fetch(url, init);
    return new GraphClient({
      tenantId,
      credential: sandboxCredential(this.sandbox, tenantId, () => this.clock.now()),
      fetch: wrap ? wrap(base) : base,
      clock: this.clock,
      log: (e) => this.log.push(e),
    });
  }

  /** The identity-reports limiter of one tenant: 5 per 11 s, as the extension counts. */
  limiter(): RateLimiter {
    return new RateLimiter(5, 11_000, this.clock);
  }

  /** Requests sent to one path, by URL. */
  requests(path: string): GraphLogEntry[] {
    return this.log.filter((e) => new URL(e.url).pathname.endsWith(path));
  }
}

/** A Graph that refuses filters matching `pattern` with 400, as a Graph without that filter would. */
export function refusingFilters(pattern: RegExp): (fetch: FetchLike) => FetchLike {
  return (fetch) => (url, init) => {
    const filter = new URL(url).searchParams.get('$filter') ?? '';
    if (pattern.test(filter))
      return Promise.resolve(
        new Response(
          JSON.stringify({
            error: {
              code: 'Request_UnsupportedQuery',
              message: 'Unsupported or invalid query filter clause specified.',
              innerError: {
                date: '2025-03-14T12:00:00',
                'request-id': 'r',
                'client-request-id': 'c',
              },
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
      );
    return fetch(url, init);
  };
}
