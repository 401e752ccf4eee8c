// The provisioning-log panel's engine on 50,000 entries (the budget in DESIGN.md: filter ≤ 100 ms):
// mapping entries to rows, building the index, filtering, sorting, charting and CSV export. The
// entries are generated deterministically in the shape the sandbox logs (steps with import
// attributes, skip reasons, error information), over 30 days, with some hostile names.
import type { ProvisioningObjectSummary } from '../src/core/graph/types';
import { bucketRows } from '../src/core/provisioning/bucketRows';
import { facetValues } from '../src/core/provisioning/facetValues';
import { LogIndex } from '../src/core/provisioning/logIndex';
import {
  NO_FILTERS,
  type LogColumn,
  type LogFilters,
  type LogRow,
} from '../src/core/provisioning/logRow';
import { toCsv } from '../src/core/provisioning/toCsv';
import { toLogRow } from '../src/core/provisioning/toLogRow';
import { benchSize } from './smoke';

const ENTRIES = benchSize(50_000, 500);
const RUNS = benchSize(15, 1);
const ANCHOR = Date.parse('2025-03-14T12:00:00Z');
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Adele',
  'Alex',
  'Diego',
  'Grady',
  'Henrietta',
  'Isaiah',
  'Johanna',
  'Joni',
  'Lee',
  'Lidia',
  'Lynne',
  'Megan',
  'Miriam',
  'Nestor',
  'Patti',
  'Pradeep',
  'Zoë',
  'Émile',
];
const SURNAMES = [
  'Vance',
  'Wilber',
  'Siciliani',
  'Archie',
  'Mueller',
  'Langer',
  'Kiel',
  'Sherman',
  'Gu',
  'Holloway',
  'Robbins',
  'Bowen',
  'Bowen',
  'Motta',
  'Fernandez',
  'Gupta',
  'Ünicode',
  '<img src=x onerror=alert(1)>',
];
// [status, action, code, share]: roughly the sandbox's mix (sync-facts.md §5b).
const OUTCOMES: readonly (readonly [string, string, string, number])[] = [
  ['skipped', 'other', 'RedundantExport', 52],
  ['skipped', 'other', 'NotEffectivelyEntitled', 8],
  ['skipped', 'other', '', 6],
  ['skipped', 'other', 'EntityTypeNotSupported', 3],
  ['success', 'update', '', 20],
  ['success', 'create', '', 5],
  ['success', 'disable', '', 2],
  ['success', 'delete', '', 1],
  ['skipped', 'stagedDelete', 'StagedDelete', 0.5],
  ['failure', 'create', 'InvitationCreationFailureAmbiguousUser', 1],
  ['failure', 'update', 'AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService', 1],
  ['failure', 'create', 'Timeout', 0.5],
];
const TOTAL_SHARE = OUTCOMES.reduce((sum, o) => sum + o[3], 0);

function guid(next: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function entries(): ProvisioningObjectSummary[] {
  const next = random(20250314);
  const users = Array.from({ length: 3000 }, (_, i) => {
    const name = `${GIVEN[i % GIVEN.length]} ${SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]}`;
    return {
      id: guid(next),
      name,
      upn: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@contoso.com`,
    };
  });
  const cycles = Array.from({ length: 1080 }, () => guid(next));
  const out: ProvisioningObjectSummary[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const at = ANCHOR - Math.floor((i / ENTRIES) * 30 * DAY);
    const user = users[Math.floor(next() * users.length)];
    let pick = next() * TOTAL_SHARE;
    const [status, action, code] = OUTCOMES.find((o) => (pick -= o[3]) < 0) ?? OUTCOMES[0];
    const failed = status === 'failure';
    out.push({
      id: guid(next),
      activityDateTime: new Date(at).toISOString(),
      tenantId: '3b3b3b3b-1111-4a4a-9c9c-0123456789ab',
      jobId: 'Azure2Azure.2f4a9c1e6b3d4e8a9c710d5e8b3f6a24.8c5e2b71-3d9f-4a06-b1e4-6f7a0c3d9e52',
      cycleId: cycles[Math.floor((i / ENTRIES) * cycles.length)],
      changeId: guid(next),
      provisioningAction: action as ProvisioningObjectSummary['provisioningAction'],
      durationInMilliseconds: 60 + Math.floor(next() * 5000),
      provisioningStatusInfo: {
        status: status as 'success',
        errorInformation: failed
          ? {
              errorCode: code,
              reason: `User '${user.upn}' failed.`,
              additionalDetails: null,
              errorCategory: 'nonServiceFailure',
              recommendedAction: null,
            }
          : null,
      },
      provisioningSteps: [
        {
          name: 'EntryImport',
          provisioningStepType: 'import',
          status: 'success',
          description: `Retrieved User '${user.upn}' from Azure Active Directory`,
          details: {
            objectId: user.id,
            displayName: user.name,
            userPrincipalName: user.upn,
            accountEnabled: 'True',
            IsSoftDeleted: 'False',
          },
        },
        {
          name: 'EntrySynchronizationSkip',
          provisioningStepType: 'export',
          status: failed ? 'failure' : status,
          description: '…',
          details: status === 'skipped' && code ? { SkipReason: code } : {},
        },
      ],
      modifiedProperties: [],
      servicePrincipal: {
        id: 'c8c95753-f628-48e1-9fab-76c2d4cf624c',
        displayName: 'Fabrikam Retail',
      },
      sourceIdentity: {
        id: user.id,
        displayName: user.name,
        identityType: 'User',
        details: { UserPrincipalName: user.upn },
      },
      targetIdentity: {
        id: status === 'success' ? guid(next) : '',
        displayName: '',
        identityType: 'User',
        details: {},
      },
    } as ProvisioningObjectSummary);
  }
  return out;
}

function median(run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

function line(label: string, ms: number, note = ''): void {
  console.log(`  ${label.padEnd(48)}${ms.toFixed(1).padStart(7)} ms${note ? `  (${note})` : ''}`);
}

function main(): void {
  const source = entries();
  let rows: LogRow[] = [];
  const mapTime = median(() => (rows = source.map(toLogRow)));
  const buildTime = median(() => new LogIndex(rows));
  const index = new LogIndex(rows);
  const pageTime = median(() => new LogIndex().append(rows.slice(0, 500)));
  const cycle = rows[Math.floor(rows.length / 2)].cycleId;
  const filters: [string, Partial<LogFilters>][] = [
    ['none', {}],
    ['text "bowen"', { text: 'bowen' }],
    ['text "@contoso.com" (matches all)', { text: '@contoso.com' }],
    ['status failure', { statuses: ['failure'] }],
    ['statuses success + warning', { statuses: ['success', 'warning'] }],
    ['error code Timeout', { errorCode: 'timeout' }],
    ['cycle id', { cycleId: cycle }],
    ['last 24 h', { from: ANCHOR - DAY }],
    [
      'skipped + other + "ünicode" + 7 days',
      {
        statuses: ['skipped'],
        actions: ['other'],
        text: 'ünicode',
        from: ANCHOR - 7 * DAY,
        to: ANCHOR,
      },
    ],
  ];
  console.log(
    `\nProvisioning-log engine on ${ENTRIES.toLocaleString('en')} entries (median of ${RUNS}; budget: filter ≤ 100 ms):`,
  );
  line('map entries to rows (toLogRow)', mapTime);
  line('build LogIndex', buildTime);
  line('append one page of 500 rows', pageTime, 'how the panel builds it, page by page');
  for (const [name, f] of filters) {
    let hits = 0;
    const t = median(
      () =>
        (hits = index.query({ ...NO_FILTERS, ...f }, { column: 'time', descending: true }).length),
    );
    line(`filter: ${name}`, t, `${hits.toLocaleString('en')} rows, sorted by time`);
  }
  const columns: LogColumn[] = [
    'time',
    'status',
    'action',
    'source',
    'target',
    'errorCode',
    'cycleId',
  ];
  for (const column of columns) {
    // The first sort by a text column ranks its values, until the rows change; the median is the steady state.
    const fresh = new LogIndex(rows);
    const first = performance.now();
    fresh.query(NO_FILTERS, { column, descending: false });
    const cold = performance.now() - first;
    const t = median(() => index.query(NO_FILTERS, { column, descending: false }));
    line(`sort all by ${column}`, t, `first sort after a change: ${cold.toFixed(1)} ms`);
  }
  const live = new LogIndex(rows.slice(50));
  live.query({ ...NO_FILTERS, text: 'a' }, { column: 'source', descending: false });
  const prepend = performance.now();
  live.prepend(rows.slice(0, 50));
  live.query({ ...NO_FILTERS, text: 'bowen' }, { column: 'source', descending: false });
  line('live: prepend 50, filter by text, sort by source', performance.now() - prepend);
  const all = index.query(NO_FILTERS);
  line(
    'facet values',
    median(() => facetValues(rows)),
  );
  line(
    'chart buckets (30 days, by day)',
    median(() => bucketRows(rows, { positions: all })),
  );
  let bytes = 0;
  const csvTime = median(() => (bytes = toCsv(rows).length));
  line('CSV of all rows', csvTime, `${(bytes / 1e6).toFixed(1)} M characters`);
}

main();
