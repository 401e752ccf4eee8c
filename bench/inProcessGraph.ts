import type { AccessToken } from '@azure/core-auth';
import { GraphClient } from '../src/core/graph/graphClient';
import { RateLimiter } from '../src/core/sync/rateLimiter';
import { Sandbox } from '../src/sandbox';

/**
 * The in-process sandbox with a virtual clock shared by the sandbox, our Graph client and the
 * reports limiters: a wait the reports limit imposes moves virtual time at once and is added up in
 * `waitedMs`, so a bench measures its work (and the sandbox's latency) in real time and reports
 * the limit's waits separately.
 */
export class VirtualGraph {
  private virtual: number;
  waitedMs = 0;
  requests = 0;
  readonly sandbox: Sandbox;

  constructor(anchorMs: number, latencyMs: number) {
    this.virtual = anchorMs;
    this.sandbox = Sandbox.create({ now: () => this.virtual, latencyMs });
  }

  now(): number {
    return this.virtual;
  }

  private readonly clock = {
    now: () => this.virtual,
    random: () => 0.5,
    sleep: (ms: number): Promise<void> => {
      this.waitedMs += ms;
      this.virtual += ms;
      return Promise.resolve();
    },
  };

  client(tenantId: string): GraphClient {
    return new GraphClient({
      tenantId,
      credential: {
        getToken: (scopes: string | string[]): Promise<AccessToken> =>
          Promise.resolve({
            token: this.sandbox.mintToken({
              tenantId,
              scp: [scopes].flat().map((s) => s.replace(/^https:\/\/[^/]+\//, '')),
            }),
            expiresOnTimestamp: this.virtual + 3_600_000,
          }),
      },
      fetch: (url, init) => this.sandbox.fetch(url, init),
      clock: this.clock,
      log: () => this.requests++,
    });
  }

  /** A tenant's identity-reports limiter, as the extension counts it (5 per 11 s). */
  limiter(): RateLimiter {
    return new RateLimiter(5, 11_000, this.clock);
  }
}
