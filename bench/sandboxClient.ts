import type { AccessToken } from '@azure/core-auth';
import { GraphClient } from '../src/core/graph/graphClient';
import type { SandboxServer } from '../src/sandbox';

/**
 * Our Graph client for one tenant of the HTTP sandbox, with the sandbox's tokens for exactly the
 * scopes asked for; `onRequest` is called for every HTTP attempt (the benches count them).
 */
export function sandboxClient(
  server: SandboxServer,
  tenantId: string,
  onRequest: () => void,
): GraphClient {
  return new GraphClient({
    tenantId,
    baseUrl: server.url,
    credential: {
      getToken: (scopes: string | string[]): Promise<AccessToken> =>
        Promise.resolve({
          token: server.sandbox.mintToken({
            tenantId,
            scp: [scopes].flat().map((s) => s.replace(/^https:\/\/[^/]+\//, '')),
          }),
          expiresOnTimestamp: Date.now() + 3_600_000,
        }),
    },
    log: onRequest,
  });
}
