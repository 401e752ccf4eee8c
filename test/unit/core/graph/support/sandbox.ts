import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { GraphClient, type GraphClientOptions } from '../../../../../src/core/graph/graphClient';
import type { GraphLogEntry } from '../../../../../src/core/graph/loggingMiddleware';
import {
  Sandbox,
  startSandboxServer,
  type FaultSettings,
  type SandboxAnswers,
  type SandboxServer,
} from '../../../../../src/sandbox';
import { fakeClock, type FakeClock } from './fakes';

/** `https://graph.microsoft.com/Policy.Read.All` → `Policy.Read.All`, the form a token's scp carries. */
export function permissionName(scope: string): string {
  return scope.replace(/^https?:\/\/[^/]+\//, '');
}

export interface SandboxCredentialOptions {
  /** Grant exactly these instead of what the client asks for (a tenant that lacks consent). */
  readonly scp?: readonly string[];
  readonly expiresInSeconds?: number;
}

/** Mints sandbox tokens for one tenant, with the scopes the client asks for. */
export function sandboxCredential(
  sandbox: Sandbox,
  tenantId: string,
  now: () => number,
  options: SandboxCredentialOptions = {},
): TokenCredential {
  return {
    getToken(scopes: string | string[]): Promise<AccessToken> {
      const expiresInSeconds = options.expiresInSeconds ?? 3600;
      const token = sandbox.mintToken({
        tenantId,
        scp: options.scp ?? [scopes].flat().map(permissionName),
        expiresInSeconds,
      });
      return Promise.resolve({ token, expiresOnTimestamp: now() + expiresInSeconds * 1000 });
    },
  };
}

/**
 * The HTTP sandbox on a free port, sharing a fake clock with the clients so that Retry-After waits
 * (and the sandbox's own rate-limit windows) pass without real time going by.
 */
export class SandboxFixture {
  readonly log: GraphLogEntry[] = [];

  private constructor(
    readonly server: SandboxServer,
    readonly clock: FakeClock,
  ) {}

  static async start(): Promise<SandboxFixture> {
    const clock = fakeClock(Date.now());
    const server = await startSandboxServer({
      port: 0,
      sandbox: Sandbox.create({ now: () => clock.now() }),
    });
    return new SandboxFixture(server, clock);
  }

  get sandbox(): Sandbox {
    return this.server.sandbox;
  }

  client(
    tenantId: string,
    options: Partial<GraphClientOptions> & { credentialOptions?: SandboxCredentialOptions } = {},
  ): GraphClient {
    const { credentialOptions, ...rest } = options;
    return new GraphClient({
      tenantId,
      credential: sandboxCredential(
        this.sandbox,
        tenantId,
        () => this.clock.now(),
        credentialOptions,
      ),
      baseUrl: this.server.url,
      clock: this.clock,
      log: (e) => this.log.push(e),
      ...rest,
    });
  }

  /** Through the documented control endpoint, as any HTTP client would. */
  async setFaults(faults: FaultSettings): Promise<void> {
    const response = await fetch(`${this.server.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    if (!response.ok)
      throw new Error(`POST /_sandbox/faults: ${response.status} ${await response.text()}`);
  }

  /** Through the documented control endpoint: the other plausible answer where Microsoft leaves one open. */
  async setAnswers(answers: Partial<SandboxAnswers>): Promise<void> {
    const response = await fetch(`${this.server.url}/_sandbox/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    if (!response.ok)
      throw new Error(`POST /_sandbox/settings: ${response.status} ${await response.text()}`);
  }

  /** Fresh seeded state, no faults, empty log: every test starts from the same tenants. */
  reset(): void {
    this.sandbox.reset();
    this.log.length = 0;
    this.clock.sleeps.length = 0;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
