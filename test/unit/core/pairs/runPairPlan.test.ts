import assert from 'node:assert/strict';
import type { PairPlan, PairRunResult } from '../../../../src/core/pairs/pairPlan';
import { PairRunStoppedError, runPairPlan } from '../../../../src/core/pairs/runPairPlan';
import { TENANTS } from './flowHost';

const { contoso, woodgrove } = TENANTS;

const step = {
  id: 'target.partner',
  kind: 'targetPartner',
  tenantId: woodgrove.tenantId,
  title: 'Add Contoso Group as a partner of Woodgrove Bank',
  detail: 'POST /policies/crossTenantAccessPolicy/partners',
  done: false,
};

const PLAN: PairPlan = {
  sourceTenant: { tenantId: contoso.tenantId, displayName: 'Contoso Group' },
  targetTenant: { tenantId: woodgrove.tenantId, displayName: 'Woodgrove Bank' },
  configurationName: 'Woodgrove Bank',
  target: [step],
  source: [],
  notes: [],
};

function host() {
  const log: string[] = [];
  const changed: string[][] = [];
  return {
    log,
    changed,
    host: {
      log: {
        info: (l: string) => log.push(`info ${l}`),
        warn: (l: string) => log.push(`warn ${l}`),
        error: (l: string) => log.push(`error ${l}`),
      },
      progress: <T>(
        _title: string,
        work: (report: () => void, signal: AbortSignal) => Promise<T>,
      ): Promise<T> => work(() => undefined, new AbortController().signal),
      changed: (tenants: readonly { tenantId: string }[]) => {
        changed.push(tenants.map((t) => t.tenantId));
        return Promise.resolve();
      },
    },
  };
}

const stopped = ({ step: s, tenant }: { step: string; tenant: string }): string =>
  `Stopped at "${s}" in ${tenant}.`;

describe('runPairPlan', () => {
  it('throws a failed step as PairRunStoppedError with its tenant, after reloading both tenants', async () => {
    const h = host();
    const failed: PairRunResult = {
      completed: [],
      skipped: [],
      failedStep: step,
      error: new Error('Graph said no.'),
      resumable: true,
      summary: 'stopped',
    };
    const err = await runPairPlan(h.host, 'Setting up', PLAN, [contoso, woodgrove], stopped, () =>
      Promise.resolve(failed),
    ).catch((e: unknown) => e);
    assert.ok(err instanceof PairRunStoppedError);
    assert.equal(
      err.message,
      'Stopped at "Add Contoso Group as a partner of Woodgrove Bank" in Woodgrove Bank.',
    );
    assert.equal(err.result, failed);
    assert.deepEqual(h.changed, [[contoso.tenantId, woodgrove.tenantId]]);
  });

  it("throws Graph's own error when reading the settings failed before the first step (nothing was changed)", async () => {
    const h = host();
    const readFailed = new Error('Microsoft Graph is temporarily unavailable for tenant x.');
    await assert.rejects(
      runPairPlan(h.host, 'Setting up', PLAN, [contoso, woodgrove], stopped, () =>
        Promise.resolve({
          completed: [],
          skipped: [],
          error: readFailed,
          resumable: true,
          summary: 'stopped at reading the current settings',
        }),
      ),
      (e) => e === readFailed,
    );
    assert.ok(h.log.some((l) => l.startsWith('error Setting up stopped before its first step')));
    assert.deepEqual(h.changed, [[contoso.tenantId, woodgrove.tenantId]]);
  });

  it('reloads both tenants also when the run is cancelled, and passes the cancellation on', async () => {
    const h = host();
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    await assert.rejects(
      runPairPlan(h.host, 'Setting up', PLAN, [contoso, woodgrove], stopped, () =>
        Promise.reject(abort),
      ),
      (e) => e === abort,
    );
    assert.deepEqual(h.changed, [[contoso.tenantId, woodgrove.tenantId]]);
  });
});
