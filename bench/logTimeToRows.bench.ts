// The log panel's time to first rows: from asking for a configuration's log to the first page of
// rows ready for the webview (request through our Graph client and the report limiter, entries to
// rows), against the HTTP sandbox with 20 ms per request.
import { provisioningLogCursor } from '../src/core/graph/operations/provisioningLogs';
import { LogLoader } from '../src/core/provisioning/logLoader';
import { toLogRow } from '../src/core/provisioning/toLogRow';
import { RateLimiter } from '../src/core/sync/rateLimiter';
import { SANDBOX_SYNC_CONFIGURATIONS, startSandboxServer } from '../src/sandbox';
import { sandboxClient } from './sandboxClient';
import { benchSize } from './smoke';

const RUNS = benchSize(5, 1);

async function main(): Promise<void> {
  const server = await startSandboxServer();
  server.sandbox.faults.set({ latencyMs: 20 });
  const config = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let requests = 0;
      const client = sandboxClient(server, config.sourceTenantId, () => requests++);
      const started = performance.now();
      let firstRows = 0;
      const loader = new LogLoader(
        provisioningLogCursor(client, {
          servicePrincipalId: config.servicePrincipalId,
          after: new Date(Date.now() - 7 * 86_400_000),
          pageSize: 500,
        }),
        new RateLimiter(5, 11_000),
        {
          onEntries: (entries) => {
            if (firstRows) return;
            entries.map(toLogRow);
            firstRows = performance.now() - started;
          },
          onProgress: () => undefined,
        },
      );
      await loader.load(1);
      times.push(firstRows);
      if (run === 0) console.log(`  first page: ${loader.loaded} rows, ${requests} request(s)`);
    }
    times.sort((a, b) => a - b);
    console.log(
      `time to first rows (500 per page, 20 ms per request): median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms over ${RUNS} runs`,
    );
  } finally {
    await server.close();
  }
}

void main();
