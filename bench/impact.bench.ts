// Impact preview: 100,000 sign-ins against one change (the budget in DESIGN.md: evaluation
// ≤ 200 ms; requests ≤ one per day of the window per tenant, plus pages). The sign-ins are
// generated in the sandbox's v1.0 shape over 7 days in Woodgrove's log (which holds no other
// cross-tenant sign-ins, so the request budget can be counted exactly): Contoso's users (a third
// of them in an allow-listed group), other tenants' users, Teams and other apps, some outbound.
// The change narrows Woodgrove's inbound B2B collaboration for Contoso to that group.
import { loadavg } from 'node:os';
import type { SignIn } from '../src/core/graph/types';
import { getDefaultConfiguration } from '../src/core/graph/operations/policy';
import { impactSummaryLine } from '../src/core/impact/describeImpact';
import { evaluateImpact } from '../src/core/impact/evaluateImpact';
import { planImpact, type TenantAccess } from '../src/core/impact/narrowing';
import { previewImpact } from '../src/core/impact/previewImpact';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS } from '../src/sandbox';
import { VirtualGraph } from './inProcessGraph';
import { benchSize } from './smoke';

const SIGN_INS = benchSize(100_000, 1_000);
const DAYS = 7;
const RUNS = benchSize(9, 1);
/** Runs before measuring, so the figures are of compiled code, not of the first interpretation. */
const WARM_UP = benchSize(2, 0);
const BUDGET_MS = 200;
const ANCHOR = Date.parse('2025-03-14T12:00:00Z');
const DAY = 86_400_000;
const { contoso, woodgrove, fabrikam, northwind } = SANDBOX_TENANT_IDS;
const TEAMS = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const GROUP = 'bench-pilot-group';

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function signIns(): SignIn[] {
  const next = random(17);
  const apps = [TEAMS, ...Array.from({ length: 19 }, (_, i) => `app-${i}`)];
  const homes = [contoso, contoso, contoso, fabrikam, northwind, woodgrove];
  return Array.from({ length: SIGN_INS }, (_, i) => {
    const home = homes[Math.floor(next() * homes.length)];
    const outbound = home === woodgrove;
    const user = `${home.slice(0, 8)}-user-${Math.floor(next() * 3000)}`;
    const app = apps[Math.floor(next() * apps.length)];
    return {
      id: `bench-${i}`,
      createdDateTime: new Date(ANCHOR - 1 - Math.floor(next() * DAYS * DAY)).toISOString(),
      userId: user,
      userPrincipalName: `${user}@example.com`,
      userDisplayName: user,
      appId: app,
      appDisplayName: app,
      homeTenantId: home,
      resourceTenantId: outbound ? contoso : woodgrove,
      conditionalAccessStatus: 'success',
      status: {
        errorCode: next() < 0.03 ? 500213 : 0,
        failureReason: null,
        additionalDetails: null,
      },
      appliedConditionalAccessPolicies: [
        {
          id: 'ca',
          displayName: 'Require MFA for guests',
          enforcedGrantControls: ['Mfa'],
          enforcedSessionControls: [],
          result: 'success',
        },
      ],
    };
  });
}

const pilot = (userId: string): boolean => Number(userId.split('-').pop()) % 3 === 0;

async function main(): Promise<void> {
  const graph = new VirtualGraph(ANCHOR, 0);
  const client = graph.client(woodgrove);
  // Woodgrove with Contoso as a partner that inherits everything, before the change.
  const before: TenantAccess = {
    defaults: await getDefaultConfiguration(client),
    partners: [{ tenantId: contoso }],
  };
  const after: TenantAccess = {
    ...before,
    partners: before.partners.map((p) =>
      p.tenantId === contoso
        ? {
            ...p,
            b2bCollaborationInbound: {
              usersAndGroups: {
                accessType: 'allowed',
                targets: [{ target: GROUP, targetType: 'group' }],
              },
              applications: {
                accessType: 'allowed',
                targets: [{ target: 'AllApplications', targetType: 'application' }],
              },
            },
          }
        : p,
    ),
  };
  // As they arrive from Graph: parsed from JSON text.
  const data = JSON.parse(JSON.stringify(signIns())) as SignIn[];
  const membership = (groupId: string, userId: string): boolean | undefined =>
    groupId === GROUP ? pilot(userId) : undefined;

  // The evaluation alone, on sign-ins already read.
  const plan = planImpact(woodgrove, before, after);
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = performance.now();
    const evaluation = evaluateImpact({
      plan,
      before,
      after,
      signIns: data,
      windowDays: DAYS,
      membership,
    });
    if (run >= WARM_UP) times.push(performance.now() - started);
    rows = evaluation.rows.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const [load] = loadavg();
  console.log(
    `impact evaluation of ${SIGN_INS} sign-ins against one change: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms over ${RUNS} runs (${rows} distinct user/app pairs; budget ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'within' : 'OVER'}; load average ${load.toFixed(1)})`,
  );

  // The whole preview through Graph: the same sign-ins in Tailspin's log, read day by day.
  graph.sandbox.appendSignIns(woodgrove, data as never);
  graph.requests = 0;
  graph.waitedMs = 0;
  const started = performance.now();
  const result = await previewImpact({
    client,
    limiter: graph.limiter(),
    before,
    after,
    days: DAYS,
    now: new Date(graph.now()),
    membership,
  });
  const elapsed = performance.now() - started;
  if (result.kind !== 'evaluated') throw new Error(`unexpected ${result.kind}`);
  const now = graph.now();
  const perDay = Array.from(
    { length: DAYS },
    (_, d) =>
      data.filter((s) => {
        const at = Date.parse(s.createdDateTime!);
        return s.homeTenantId === contoso && at >= ANCHOR - (d + 1) * DAY && at < ANCHOR - d * DAY;
      }).length,
  );
  const budget = DAYS + perDay.reduce((sum, n) => sum + Math.max(0, Math.ceil(n / 1000) - 1), 0);
  const names = (id: string) => SANDBOX_TENANTS.find((t) => t.tenantId === id)?.displayName;
  console.log(`  ${impactSummaryLine(result, 'Woodgrove Bank', names)}`);
  console.log(
    `  requests: ${result.requests} (budget: ${DAYS} days + the pages beyond each day's first = ${budget}: ${result.requests <= budget ? 'within' : 'OVER'}); read and judged in ${elapsed.toFixed(0)} ms, plus ${(graph.waitedMs / 1000).toFixed(0)} s of the reports limit (5 per 10 s); virtual time ${((now - ANCHOR) / 1000).toFixed(0)} s`,
  );
}

void main();
