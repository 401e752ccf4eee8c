import assert from 'node:assert/strict';
import {
  describeJobStatus,
  formatInterval,
  formatRelative,
} from '../../../../src/core/sync/jobStatus';

const NEVER = '0001-01-01T00:00:00Z';

describe('describeJobStatus', () => {
  it('reads an active job: last run, result and the next cycle 40 minutes later', () => {
    const s = describeJobStatus({
      schedule: { interval: 'PT40M', state: 'Active' },
      status: {
        code: 'Active',
        lastExecution: {
          state: 'Succeeded',
          timeBegan: '2026-11-26T10:00:00Z',
          timeEnded: '2026-11-26T10:02:00Z',
          countExported: 3,
        },
      },
    });
    assert.equal(s.kind, 'active');
    assert.equal(s.lastResult, 'succeeded, 3 exported');
    assert.equal(s.intervalMs, 40 * 60_000);
    assert.equal(s.nextRun?.toISOString(), '2026-11-26T10:42:00.000Z');
  });

  it('does not take a just-started job\'s placeholder "Failed" run for a real failure', () => {
    const s = describeJobStatus({
      schedule: { interval: 'PT40M', state: 'Active' },
      status: {
        code: 'NotRun',
        lastExecution: {
          state: 'Failed',
          timeBegan: NEVER,
          timeEnded: NEVER,
          error: { code: 'None', message: '' },
        },
      },
    });
    assert.equal(s.kind, 'notRun');
    assert.equal(s.lastRun, undefined);
    assert.equal(s.lastResult, undefined);
  });

  it('shows an active job whose last run failed as failed, with the error', () => {
    const s = describeJobStatus({
      schedule: { state: 'Active', interval: 'PT40M' },
      status: {
        code: 'Active',
        lastExecution: {
          state: 'Failed',
          timeEnded: '2026-11-26T10:00:00Z',
          error: { code: 'HybridSynchronizationActiveDirectoryInternalError', message: 'boom' },
        },
      },
    });
    assert.equal(s.kind, 'failed');
    assert.equal(s.lastResult, 'failed: HybridSynchronizationActiveDirectoryInternalError: boom');
  });

  it("explains a quarantine in words with a remedy, and uses the service's next attempt", () => {
    const s = describeJobStatus({
      schedule: { state: 'Active', interval: 'PT40M' },
      status: {
        code: 'Quarantine',
        quarantine: {
          reason: 'EncounteredQuarantineException',
          currentBegan: '2026-11-25T08:00:00Z',
          nextAttempt: '2026-11-26T08:00:00Z',
          error: {
            code: 'AzureDirectoryB2BManagementPolicyCheckFailure',
            message: 'Policy permitting auto-redemption of invitations not configured.',
          },
        },
      },
    });
    assert.equal(s.kind, 'quarantine');
    assert.equal(s.label, 'Quarantined');
    assert.match(s.quarantine!.reason, /cannot connect to the target tenant/);
    assert.match(s.quarantine!.remedy, /automatic redemption/);
    assert.match(s.quarantine!.error!, /AzureDirectoryB2BManagementPolicyCheckFailure/);
    assert.equal(s.nextRun?.toISOString(), '2026-11-26T08:00:00.000Z');
  });

  it('estimates no next run for a paused job or a job without a schedule', () => {
    assert.equal(
      describeJobStatus({
        schedule: { state: 'Paused', interval: 'PT40M' },
        status: {
          code: 'Paused',
          lastExecution: { state: 'Succeeded', timeEnded: '2026-11-26T10:00:00Z' },
        },
      }).nextRun,
      undefined,
    );
    assert.equal(
      describeJobStatus({
        schedule: { state: 'Active', interval: 'P10675199DT2H48M5.4775807S' },
        status: {
          code: 'Active',
          lastExecution: { state: 'Succeeded', timeEnded: '2026-11-26T10:00:00Z' },
        },
      }).nextRun,
      undefined,
    );
  });

  it('treats an unknown code as unknown, not as healthy', () => {
    assert.equal(describeJobStatus({ status: { code: 'SomethingNew' } }).kind, 'unknown');
  });
});

describe('time formatting', () => {
  it('formats intervals and relative times', () => {
    assert.equal(formatInterval(40 * 60_000), '40 minutes');
    assert.equal(formatInterval(24 * 3600_000), '1 day');
    const now = new Date('2026-11-26T12:00:00Z');
    assert.equal(formatRelative(new Date('2026-11-26T11:55:00Z'), now), '5 min ago');
    assert.equal(formatRelative(new Date('2026-11-26T12:30:00Z'), now), 'in 30 min');
    assert.equal(formatRelative(new Date('2026-11-24T12:00:00Z'), now), '2 d ago');
  });
});
