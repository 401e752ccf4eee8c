// Expanding a tenant in the Tenants view, through the same code the tree runs (TenantData: the base
// policy and the partner overview for "Cross-tenant access", sync configurations and their jobs for
// "Cross-tenant synchronization"), against the HTTP sandbox with 20 ms latency per request and a
// tenant with 1,000 partners. Requests are counted through the client's log sink. Median of 5 runs.
import { TenantData } from '../src/host/tenants/tenantData';
import type { TenantConnections } from '../src/host/tenants/tenantConnections';
import { SANDBOX_TENANT_IDS, startSandboxServer } from '../src/sandbox';
import { sandboxClient } from './sandboxClient';

const PARTNERS = 1000;
const LATENCY_MS = 20;
const RUNS = 5;
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
      // TenantData only asks its connections for the tenant's client.
      const data = new TenantData({ client: () => client } as unknown as TenantConnections);
      const record = { tenantId: TENANT, cloud: 'global', auth: 'sandbox' } as const;
      let t = performance.now();
      const access = await data.access(record);
      const accessRun: [number, number] = [performance.now() - t, requests];
      if (access.overview.partners.length !== PARTNERS)
        throw new Error(`expected ${PARTNERS} partners, got ${access.overview.partners.length}`);
      requests = 0;
      t = performance.now();
      await data.sync(record);
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
