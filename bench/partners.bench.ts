// Loading a tenant's partners with names and sync flags: our loadPartnerOverview (partner list with
// $expand, names through $batch) next to the naive one-call-per-partner approach, against the HTTP
// sandbox with 20 ms latency per request. Requests are counted through the client's log sink, so
// retries would count too. Run with `npm run bench`.
import type { GraphClient } from '../src/core/graph/graphClient';
import { getIdentitySync } from '../src/core/graph/operations/identitySync';
import { getPartner, listPartners } from '../src/core/graph/operations/partners';
import { getDefaultConfiguration } from '../src/core/graph/operations/policy';
import { findTenantInformationByTenantId } from '../src/core/graph/operations/tenants';
import { loadPartnerOverview } from '../src/core/graph/partnerOverview';
import { SANDBOX_TENANT_IDS, startSandboxServer, type SandboxServer } from '../src/sandbox';
import { sandboxClient } from './sandboxClient';
import { benchSize } from './smoke';

const SIZES = benchSize([10, 100, 1000], [10]);
const LATENCY_MS = benchSize(20, 0);
// Woodgrove has no partners in the seed, so the tenant has exactly N.
const TENANT = SANDBOX_TENANT_IDS.woodgrove;

interface Run {
  readonly requests: number;
  readonly ms: number;
  /** tenantId → "name|syncAllowed", to check both approaches saw the same thing. */
  readonly seen: Map<string, string>;
}

function counted(server: SandboxServer): { client: GraphClient; count: () => number } {
  let requests = 0;
  const client = sandboxClient(server, TENANT, () => requests++);
  return { client, count: () => requests };
}

async function ours(server: SandboxServer): Promise<Run> {
  const { client, count } = counted(server);
  const started = performance.now();
  const overview = await loadPartnerOverview(client);
  const ms = performance.now() - started;
  return {
    requests: count(),
    ms,
    seen: new Map(
      overview.partners.map((p) => [p.tenantId, `${p.displayName}|${p.inboundSyncAllowed}`]),
    ),
  };
}

async function naive(server: SandboxServer): Promise<Run> {
  const { client, count } = counted(server);
  const started = performance.now();
  const seen = new Map<string, string>();
  await getDefaultConfiguration(client);
  for (const { tenantId } of await listPartners(client, { expandIdentitySync: false })) {
    await getPartner(client, tenantId);
    const sync = await getIdentitySync(client, tenantId);
    const info = await findTenantInformationByTenantId(client, tenantId);
    seen.set(tenantId, `${info.displayName}|${sync?.userSyncInbound?.isSyncAllowed === true}`);
  }
  return { requests: count(), ms: performance.now() - started, seen };
}

async function measure(n: number): Promise<{ n: number; ours: Run; naive: Run }> {
  const server = await startSandboxServer({ port: 0 });
  try {
    server.sandbox.addPartners(TENANT, n);
    const faults = await fetch(`${server.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: LATENCY_MS }),
    });
    if (!faults.ok) throw new Error(`Could not set the sandbox latency: ${faults.status}`);
    return { n, ours: await ours(server), naive: await naive(server) };
  } finally {
    await server.close();
  }
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

async function main(): Promise<void> {
  console.log(
    `Partners with names and sync flags; HTTP sandbox on 127.0.0.1, ${LATENCY_MS} ms latency per request.\n`,
  );
  const header = [
    'N',
    'budget 3+ceil(N/20)',
    'ours: requests',
    'ours: time',
    'within budget',
    'naive: requests',
    'naive: time',
    'same result',
  ];
  const rows: string[][] = [];
  for (const n of SIZES) {
    const r = await measure(n);
    const budget = 3 + Math.ceil(n / 20);
    rows.push([
      String(n),
      String(budget),
      String(r.ours.requests),
      `${Math.round(r.ours.ms)} ms`,
      r.ours.requests <= budget ? 'yes' : 'NO',
      String(r.naive.requests),
      `${Math.round(r.naive.ms)} ms`,
      same(r.ours.seen, r.naive.seen) ? 'yes' : 'NO',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
  for (const row of rows) console.log(line(row));
  if (rows.some((row) => row[4] !== 'yes' || row[7] !== 'yes')) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
