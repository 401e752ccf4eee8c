import assert from 'node:assert/strict';
import type { SyncJob } from '../../../../src/core/graph/types';
import { jobDetailsMarkdown } from '../../../../src/core/sync/jobDetails';

const NOW = new Date('2026-11-26T12:00:00Z');
/** Times as the tree shows them: in the local time zone and format, never Graph's ISO text. */
const local = (iso: string): string => new Date(iso).toLocaleString();
const SP = { id: 'sp-1', displayName: 'Fabrikam [x](javascript:alert(1)) <img>' };
const active: SyncJob = {
  id: 'Azure2Azure.abc.123',
  templateId: 'Azure2Azure',
  schedule: { interval: 'PT40M', state: 'Active' },
  status: {
    code: 'Active',
    lastExecution: {
      state: 'Succeeded',
      timeBegan: '2026-11-26T11:30:00Z',
      timeEnded: '2026-11-26T11:32:00Z',
      countImported: 12,
      countExported: 3,
      countEscrowed: 1,
    },
    lastSuccessfulExecution: {
      state: 'Succeeded',
      timeBegan: '2026-11-26T11:30:00Z',
      timeEnded: '2026-11-26T11:32:00Z',
    },
    synchronizedEntryCountByType: [{ key: 'User', value: 42 }],
    progress: [{ completedUnits: 3, totalUnits: 5, units: 'pages' }],
  },
  synchronizationJobSettings: [{ name: 'AzureIngestionAttributeOptimization', value: 'False' }],
};
const quarantined: SyncJob = {
  ...active,
  status: {
    code: 'Quarantine',
    quarantine: {
      reason: 'EncounteredQuarantineException',
      currentBegan: '2026-11-26T06:00:00Z',
      nextAttempt: '2026-11-26T18:00:00Z',
      error: {
        code: 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
        message: 'Policy not configured.',
      },
    },
  },
  synchronizationJobSettings: [{ name: 'QuarantineTooManyDeletesThreshold', value: '250' }],
};

describe('jobDetailsMarkdown', () => {
  const cases: {
    name: string;
    job: SyncJob;
    extras?: Parameters<typeof jobDetailsMarkdown>[3];
    has: (string | RegExp)[];
    hasNot?: (string | RegExp)[];
  }[] = [
    {
      name: 'an active job: status, runs, counts, progress, schedule, default threshold, ids',
      job: active,
      extras: { assignments: 7 },
      has: [
        '**Status:** Active — last run succeeded\\, 3 exported',
        `- Last run: ${local('2026-11-26T11:32:00Z')} (28 min ago)`,
        `- Next run: ${local('2026-11-26T12:12:00Z')} (in 12 min)`,
        `- Last successful run: ${local('2026-11-26T11:32:00Z')}`,
        '- Schedule: every 40 minutes (fixed',
        '12 imported, 3 exported, 1 escrowed',
        '- User: 42',
        '- Assigned users and groups: 7',
        '- Progress: 3 of 5 pages',
        '- Accidental-deletion threshold: 500 (default)',
        '- Job id: `Azure2Azure.abc.123`',
        '- Template: `Azure2Azure`',
      ],
      hasNot: ['## Quarantine', /\d{4}-\d\d-\d\dT\d\d:/],
    },
    {
      name: "a quarantined job: reason, remedy, error and the job's own threshold",
      job: quarantined,
      has: [
        '## Quarantine',
        '`EncounteredQuarantineException`',
        'What to do:',
        `Next attempt: ${local('2026-11-26T18:00:00Z')}`,
        'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
        '- Accidental-deletion threshold: 250',
        '- Last successful run: never',
      ],
    },
    {
      name: 'a new job: nothing synchronized, paused, threshold from extras',
      job: {
        id: 'j',
        templateId: 'Azure2Azure',
        schedule: { interval: 'PT40M', state: 'Disabled' },
        status: { code: 'Paused', progress: [] },
      },
      extras: { threshold: 100 },
      has: [
        '**Status:** Paused',
        '- Last run: not known',
        '- Next run: none (paused)',
        '- None yet',
        '- Accidental-deletion threshold: 100',
      ],
    },
    {
      name: 'the saved settings where Graph returns them: target, scope, notifications, threshold',
      job: active,
      extras: {
        targetName: 'Fabrikam Retail',
        settings: {
          readable: true,
          companyId: '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58',
          syncAll: false,
          notifications: {
            enabled: true,
            recipients: 'ops_team@contoso.com',
            deleteThresholdEnabled: true,
            deleteThresholdValue: 300,
            humanResourcesLookaheadQueryEnabled: false,
          },
        },
      },
      has: [
        '## Saved settings',
        '- Target tenant: Fabrikam Retail (`7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58`)',
        '- Scope: assigned users and groups only',
        '- Notification emails: on, to ops\\_team\\@contoso\\.com',
        '- Accidental-deletion prevention: on, threshold 300',
        '- Human resources lookahead query: off',
        '- Accidental-deletion threshold: 300',
      ],
    },
    {
      name: 'only the three documented notification settings: no recipients or threshold value to show',
      job: active,
      extras: {
        settings: {
          readable: true,
          notifications: {
            enabled: false,
            deleteThresholdEnabled: false,
            humanResourcesLookaheadQueryEnabled: false,
          },
        },
      },
      has: [
        '- Target tenant: not saved',
        '- Scope: not saved',
        '- Notification emails: off',
        '- Accidental-deletion prevention: off',
      ],
    },
    {
      name: 'the saved settings refused: says what could not be read and why',
      job: active,
      extras: {
        settings: { readable: false, reason: 'Graph answered 403 Authorization_RequestDenied' },
      },
      has: [
        '## Saved settings',
        '- Could not be read (Graph answered 403 Authorization\\_RequestDenied): the target tenant, the scope and the notification settings are not shown.',
        '- Accidental-deletion threshold: 500 (default)',
      ],
      hasNot: ['- Target tenant:'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const md = jobDetailsMarkdown(c.job, SP, NOW, c.extras);
      for (const h of c.has) {
        if (typeof h === 'string') assert.ok(md.includes(h), `missing ${h}\n${md}`);
        else assert.match(md, h);
      }
      for (const h of c.hasNot ?? []) {
        if (typeof h === 'string') assert.ok(!md.includes(h), `unexpected ${h}`);
        else assert.doesNotMatch(md, h);
      }
    });
  }

  it('escapes names from Graph so they cannot render as links or HTML', () => {
    const md = jobDetailsMarkdown(active, SP, NOW);
    assert.equal(md.split('\n')[0], '# Fabrikam \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<img\\>');
    assert.doesNotMatch(md, /\]\(javascript/);
  });
});
