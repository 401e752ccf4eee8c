// Expanding a tenant in the Tenants view, through the same code the tree runs (TenantData calls
// loadAccessData for "Cross-tenant access" and loadSyncData for "Cross-tenant synchronization";
// TenantData itself only caches, and needs a VS Code host for its change event), against the HTTP sandbox with 20 ms latency per request and a
// tenant with 1,000 partners. Requests are counted through the client's log sink. Median of 5 runs.
import { loadAccessData, loadSyncData } from '../src/core/graph/tenantTreeData';
import { SANDBOX_TENANT_IDS, startSandboxServer } from '../src/sandbox';
import { benchSize } from './smoke';
import { sandboxClient } from './sandboxClient';

const PARTNERS = benchSize(1000, 10);
const LATENCY_MS = benchSize(20, 0);
const RUNS = benchSize(5, 1);
const TENANT = SANDBOX_TENANT_IDS.woodgrove;

async function main(): Promise<void> {
  const server = await startSandboxServer({ port: 0 });
  try {
    server.sandbox.addPartners(TENANT, PARTNERS);
    server.sandbox.faults.set({ latencyMs: LATENCY_MS });
    const results: { access: [number, number]; sync: [number, number] }[] = [];
    for (let i = 0; i < RUNS; i++) {
      let requests = 0;
      const client = sandboxClient(server, TENANT, () => requests++);
      let t = performance.now();
      const access = await loadAccessData(client);
      const accessRun: [number, number] = [performance.now() - t, requests];
      if (access.overview.partners.length !== PARTNERS)
        throw new Error(`expected ${PARTNERS} partners, got ${access.overview.partners.length}`);
      requests = 0;
      t = performance.now();
      await loadSyncData(client);
      results.push({ access: accessRun, sync: [performance.now() - t, requests] });
    }
    const median = (xs: number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const budget = 3 + Math.ceil(PARTNERS / 20);
    console.log(
      `\nExpanding a tenant with ${PARTNERS} partners (${LATENCY_MS} ms latency per request, median of ${RUNS}):`,
    );
    console.log(
      `  Cross-tenant access:          ${Math.round(median(results.map((r) => r.access[0])))} ms, ${median(results.map((r) => r.access[1]))} Graph requests (budget ${budget})`,
    );
    console.log(
      `  Cross-tenant synchronization: ${Math.round(median(results.map((r) => r.sync[0])))} ms, ${median(results.map((r) => r.sync[1]))} Graph requests`,
    );
    if (median(results.map((r) => r.access[1])) > budget) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
