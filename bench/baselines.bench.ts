// The baseline checks for the five sandbox tenants against every shipped pack: how many Graph
// requests reading their data takes (20 ms latency per request), and how long evaluating the rules,
// computing the conflicts between the packs and writing the SARIF take. Run with `npm run bench`.
import * as path from 'path';
import { loadBaselinePacks } from '../src/core/baselines/baselinePack';
import { baselineSarif } from '../src/core/baselines/baselineSarif';
import { BASELINE_SOURCE_IDS } from '../src/core/baselines/baselineSources';
import { findConflicts } from '../src/core/baselines/conflicts';
import { evaluateTenant } from '../src/core/baselines/evaluateBaselines';
import { readBaselineData } from '../src/core/baselines/readBaselineData';
import { GraphClient } from '../src/core/graph/graphClient';
import { Sandbox, SANDBOX_TENANTS, startSandboxServer } from '../src/sandbox';
import { sandboxClient } from './sandboxClient';
import { benchSize } from './smoke';

const ROUNDS = benchSize(200, 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const packs = loadBaselinePacks(path.resolve(__dirname, '..'));
  const server = await startSandboxServer({ port: 0, sandbox: Sandbox.create({ latencyMs: 20 }) });
  try {
    let requests = 0;
    const started = performance.now();
    const tenants = await Promise.all(
      SANDBOX_TENANTS.map((t) => {
        const client = sandboxClient(server, t.tenantId, () => requests++);
        const beta = new GraphClient({
          tenantId: t.tenantId,
          baseUrl: server.url,
          apiVersion: 'beta',
          credential: {
            getToken: (scopes) =>
              Promise.resolve({
                token: server.sandbox.mintToken({
                  tenantId: t.tenantId,
                  scp: [scopes].flat().map((s) => s.replace(/^https:\/\/[^/]+\//, '')),
                }),
                expiresOnTimestamp: Date.now() + 3_600_000,
              }),
          },
          log: () => requests++,
        });
        return readBaselineData(client, {
          sources: BASELINE_SOURCE_IDS,
          beta,
          folder: t.defaultDomainName,
          displayName: t.displayName,
        });
      }),
    );
    const readMs = performance.now() - started;
    const rules = packs.reduce((n, p) => n + p.rules.length, 0);
    const evaluate: number[] = [];
    const conflicts: number[] = [];
    const sarif: number[] = [];
    let conflictCount = 0;
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      const results = tenants.map((data) => evaluateTenant(packs, data));
      evaluate.push(performance.now() - t);
      t = performance.now();
      const found = findConflicts(packs);
      conflicts.push(performance.now() - t);
      conflictCount = found.length;
      t = performance.now();
      baselineSarif(
        { packs, tenants: results, conflicts: found },
        { toolVersion: '0', exportRoot: '' },
      );
      sarif.push(performance.now() - t);
    }
    console.log(
      `baselines: ${tenants.length} tenants × ${packs.length} packs (${rules} rules): ` +
        `read ${requests} requests in ${readMs.toFixed(0)} ms at 20 ms latency; ` +
        `evaluate ${median(evaluate).toFixed(2)} ms, conflicts (${conflictCount}) ${median(conflicts).toFixed(2)} ms, ` +
        `SARIF ${median(sarif).toFixed(2)} ms (medians of ${ROUNDS})`,
    );
  } finally {
    await server.close();
  }
}

void main();
