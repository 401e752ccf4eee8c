// History across tenants: 5,000 directory audit events spread over five tenants (on top of their
// seeded history), read through our Graph client and each tenant's reports limiter from the
// in-process sandbox at 20 ms per request, decoded and merged into one time line. Prints the
// requests, the time to the first rows and to the merged time line, and separately how long the
// reports limit (5 requests per 10 s per tenant) makes a reader wait.
import { describeHistoryEntry } from '../src/core/history/describeHistoryEntry';
import { historyWindow, loadHistories } from '../src/core/history/loadHistory';
import { filterTimeline, mergeTimelines } from '../src/core/history/timeline';
import { SANDBOX_TENANTS } from '../src/sandbox';
import { VirtualGraph } from './inProcessGraph';
import { benchSize } from './smoke';

const ANCHOR = Date.parse('2025-03-14T12:00:00Z');
const DAY = 86_400_000;
const EVENTS = benchSize(5_000, 50);
const RUNS = benchSize(3, 1);

const access = (type: number): string =>
  JSON.stringify({
    usersAndGroups: { accessType: type, targets: [{ target: 'AllUsers', targetType: 'user' }] },
    applications: {
      accessType: type,
      targets: [{ target: 'AllApplications', targetType: 'application' }],
    },
  });

/** The n-th extra event of a tenant: mostly partner changes, some default, identity sync and sync configuration ones. */
function event(tenantIndex: number, n: number, partnerId: string): Record<string, unknown> {
  const at = new Date(
    ANCHOR - 60_000 - ((n * 7919 + tenantIndex * 104729) % (29 * DAY)),
  ).toISOString();
  const actor = {
    user: {
      id: `u${n % 7}`,
      displayName: null,
      userPrincipalName: `admin${n % 7}@example.com`,
      ipAddress: null,
    },
    app: null,
  };
  const kind = n % 10;
  if (kind < 7)
    return {
      category: 'CrossTenantAccessSettings',
      activityDisplayName: 'Update a partner cross-tenant access setting',
      activityDateTime: at,
      operationType: 'Update',
      initiatedBy: actor,
      targetResources: [
        {
          id: partnerId,
          displayName: `CrossTenantAccessPolicy for ${partnerId}`,
          type: 'Policy',
          modifiedProperties: [
            {
              displayName: 'b2bCollaborationInbound',
              oldValue: access(1 + (n % 2)),
              newValue: access(2 - (n % 2)),
            },
          ],
        },
      ],
    };
  if (kind === 7)
    return {
      category: 'CrossTenantAccessSettings',
      activityDisplayName: 'Update the company default cross-tenant access setting',
      activityDateTime: at,
      operationType: 'Update',
      initiatedBy: actor,
      targetResources: [
        {
          id: 'p',
          displayName: 'CrossTenantAccessPolicyConfigurationDefault',
          type: 'Policy',
          modifiedProperties: [
            {
              displayName: 'inboundTrust',
              oldValue: '{"isMfaAccepted":false}',
              newValue: '{"isMfaAccepted":true}',
            },
          ],
        },
      ],
    };
  if (kind === 8)
    return {
      category: 'CrossTenantIdentitySyncSettings',
      activityDisplayName: 'Update a partner cross-tenant identity sync setting',
      activityDateTime: at,
      operationType: 'Update',
      initiatedBy: actor,
      targetResources: [
        {
          id: partnerId,
          displayName: `CrossTenantIdentitySyncPolicyPartner for ${partnerId}`,
          type: 'Policy',
          modifiedProperties: [
            {
              displayName: 'userSyncInbound',
              oldValue: '{"isSyncAllowed":false}',
              newValue: '{"isSyncAllowed":true}',
            },
          ],
        },
      ],
    };
  return {
    category: 'ProvisioningManagement',
    activityDisplayName: 'Update attribute mappings or scope',
    activityDateTime: at,
    operationType: 'Update',
    initiatedBy: actor,
    targetResources: [
      {
        id: 'sp-1',
        displayName: 'Sync to partner',
        type: 'ServicePrincipal',
        modifiedProperties: [],
      },
    ],
  };
}

interface Run {
  requests: number;
  first: number;
  merged: number;
  waited: number;
  entries: number;
  pair: number;
}

async function run(): Promise<Run> {
  const graph = new VirtualGraph(ANCHOR, 20);
  SANDBOX_TENANTS.forEach((tenant, t) => {
    const partner = SANDBOX_TENANTS[(t + 1) % SANDBOX_TENANTS.length].tenantId;
    const count = EVENTS / SANDBOX_TENANTS.length;
    graph.sandbox.appendDirectoryAudits(
      tenant.tenantId,
      Array.from({ length: count }, (_, n) => event(t, n, partner) as never),
    );
  });
  graph.requests = 0;
  const started = performance.now();
  let first = 0;
  const histories = await loadHistories(
    SANDBOX_TENANTS.map((t) => ({ client: graph.client(t.tenantId), limiter: graph.limiter() })),
    historyWindow(new Date(graph.now()), 30),
    undefined,
    (_tenant, entries) => {
      if (first === 0 && entries.length > 0) first = performance.now() - started;
    },
  );
  const names = (id: string) => SANDBOX_TENANTS.find((t) => t.tenantId === id)?.displayName;
  const timeline = mergeTimelines(histories.map((h) => ('entries' in h ? h.entries : [])));
  for (const entry of timeline) describeHistoryEntry(entry, names);
  const merged = performance.now() - started;
  const [contoso, , , tailspin] = SANDBOX_TENANTS.map((t) => t.tenantId);
  const pair = filterTimeline(timeline, {
    tenantIds: [contoso, tailspin],
    partnerTenantIds: [contoso, tailspin],
  }).length;
  return {
    requests: graph.requests,
    first,
    merged,
    waited: graph.waitedMs,
    entries: timeline.length,
    pair,
  };
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  const median = (pick: (r: Run) => number): number =>
    runs.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const r = runs[0];
  console.log(
    `history of ${EVENTS} audit events across ${SANDBOX_TENANTS.length} tenants (plus the seeded ones): ${r.entries} entries in the time line, ${r.pair} in the Contoso–Tailspin pair`,
  );
  console.log(
    `  requests: ${r.requests} (${(r.requests / SANDBOX_TENANTS.length).toFixed(1)} per tenant; 4 categories, pages of 500)`,
  );
  console.log(
    `  time to first rows: median ${median((x) => x.first).toFixed(0)} ms; to the merged, worded time line: median ${median((x) => x.merged).toFixed(0)} ms (20 ms per request, tenants in parallel)`,
  );
  console.log(
    `  plus the reports limit's waits (5 per 10 s per tenant, summed over tenants): ${(r.waited / 1000).toFixed(0)} s`,
  );
}

void main();
