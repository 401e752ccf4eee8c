// From "Start" to the first provisioning-log entry of the new cycle, through the same Graph calls the
// extension makes (start the job, read its status, read the logs filtered by job), against the HTTP
// sandbox with time compression 1000 (a 30 s start delay becomes 30 ms; real Entra takes minutes).
import { provisioningLogPages } from '../src/core/graph/operations/provisioningLogs';
import {
  getSyncJob,
  pauseSyncJob,
  restartSyncJob,
  startSyncJob,
} from '../src/core/graph/operations/syncJobs';
import { SANDBOX_SYNC_CONFIGURATIONS, startSandboxServer } from '../src/sandbox';
import { sandboxClient } from './sandboxClient';
import { benchSize } from './smoke';

const COMPRESSION = 1000;
const RUNS = benchSize(5, 1);
const {
  sourceTenantId: TENANT,
  servicePrincipalId: SP,
  jobId: JOB,
} = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;

async function main(): Promise<void> {
  const server = await startSandboxServer({ port: 0 });
  try {
    const set = await fetch(`${server.url}/_sandbox/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeCompression: COMPRESSION }),
    });
    if (!set.ok) throw new Error(`could not set time compression: ${set.status}`);
    let requests = 0;
    const client = sandboxClient(server, TENANT, () => requests++);
    const times: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await pauseSyncJob(client, SP, JOB);
      // A full resync, so the cycle has users to log.
      await restartSyncJob(client, SP, JOB, ['Watermark']);
      await pauseSyncJob(client, SP, JOB);
      const before = (await getSyncJob(client, SP, JOB)).status?.lastExecution?.activityIdentifier;
      requests = 0;
      const t0 = performance.now();
      await startSyncJob(client, SP, JOB);
      // The new cycle is the one whose activity identifier differs; its log entries carry it as cycleId.
      for (;;) {
        const cycle = (await getSyncJob(client, SP, JOB)).status?.lastExecution?.activityIdentifier;
        if (cycle && cycle !== before) {
          const first = await provisioningLogPages(client, {
            jobId: JOB,
            cycleId: cycle,
            pageSize: 1,
          }).next();
          if (!first.done && first.value.length) break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      times.push(performance.now() - t0);
      counts.push(requests);
    }
    const median = (xs: number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `\nStart → first provisioning-log entry of the new cycle (sandbox, time compression ${COMPRESSION}, median of ${RUNS}):`,
    );
    console.log(
      `  ${Math.round(median(times))} ms, ${median(counts)} Graph requests (start, status polls, one log page)`,
    );
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
