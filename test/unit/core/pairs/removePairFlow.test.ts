import assert from 'node:assert/strict';
import { removePairFlow } from '../../../../src/core/pairs/removePairFlow';
import { PairRunStoppedError } from '../../../../src/core/pairs/runPairPlan';
import { UserCancelledError } from '../../../../src/core/userCancelledError';
import { SANDBOX_DEFAULT_SCOPES, SANDBOX_SYNC_CONFIGURATIONS } from '../../../../src/sandbox';
import { ScriptedUserInput } from '../../../support/scriptedUserInput';
import { SandboxFixture } from '../graph/support/sandbox';
import { flowHost, REMOVAL_WORDS, TENANTS, pairWrites } from './flowHost';

const { contoso, fabrikam, woodgrove } = TENANTS;
const FABRIKAM_SYNC = {
  source: contoso,
  target: fabrikam,
  configurationName: SANDBOX_SYNC_CONFIGURATIONS.fabrikam.displayName,
};

describe('removePairFlow (Remove Pair) against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  const writes = (): string[] => pairWrites(fx);

  it('lists what is removed, source first, and on confirmation removes it in that order', async () => {
    const ui = new ScriptedUserInput([
      {
        expect: 'Remove cross-tenant sync "Fabrikam Retail" from Contoso Group to Fabrikam Retail?',
        answer: { confirm: 'Remove Sync' },
      },
    ]);
    const host = flowHost(fx, ui);
    const outcome = await removePairFlow(host, REMOVAL_WORDS, FABRIKAM_SYNC);
    ui.assertDone();
    const confirm = ui.shown[0];
    assert.match(
      confirm.text,
      /\nIn Contoso Group \(source\):\n {2}• Pause[^]*\n\nIn Fabrikam Retail \(target\):\n/,
    );
    assert.match(confirm.text, /Users already synced stay in Fabrikam Retail\.$/);
    assert.equal(outcome.result?.failedStep, undefined, outcome.result?.summary);
    assert.deepEqual(writes(), [
      'source POST syncJob.pause',
      'source DELETE syncConfiguration.delete',
      'source PATCH partner.update',
      'target DELETE identitySync.delete',
      'target PATCH partner.update',
    ]);
    assert.deepEqual(host.record.changed, [[contoso.tenantId, fabrikam.tenantId]]);
    assert.match(ui.shown.at(-1)!.text, /^Sync from Contoso Group to Fabrikam Retail is removed/);
  });

  it('a declined removal sends nothing and reloads nothing', async () => {
    const ui = new ScriptedUserInput([
      { expect: /Remove cross-tenant sync/, answer: { cancel: true } },
    ]);
    const host = flowHost(fx, ui);
    await assert.rejects(removePairFlow(host, REMOVAL_WORDS, FABRIKAM_SYNC), UserCancelledError);
    assert.deepEqual(writes(), []);
    assert.deepEqual(host.record.changed, []);
  });

  it('with nothing left to remove, says so and asks nothing', async () => {
    const ui = new ScriptedUserInput();
    const outcome = await removePairFlow(flowHost(fx, ui), REMOVAL_WORDS, {
      source: contoso,
      target: woodgrove,
      configurationName: 'Woodgrove Bank',
    });
    assert.equal(outcome.result, undefined);
    assert.deepEqual(
      ui.shown.map((s) => `${s.kind} ${s.text}`),
      ['inform No sync "Woodgrove Bank" from Contoso Group to Woodgrove Bank left to remove.'],
    );
    assert.deepEqual(writes(), []);
  });

  it('throws where a refused step stopped it, after the source is done', async () => {
    const ui = new ScriptedUserInput([
      { expect: /Remove cross-tenant sync/, answer: { confirm: 'Remove Sync' } },
    ]);
    const host = flowHost(fx, ui, {
      client: (r) =>
        r.tenantId === fabrikam.tenantId
          ? fx.client(r.tenantId, {
              credentialOptions: {
                scp: SANDBOX_DEFAULT_SCOPES.filter(
                  (s) => s !== 'Policy.ReadWrite.CrossTenantAccess',
                ),
              },
            })
          : fx.client(r.tenantId),
    });
    const err = await removePairFlow(host, REMOVAL_WORDS, FABRIKAM_SYNC).catch((e: unknown) => e);
    assert.ok(err instanceof PairRunStoppedError, String(err));
    assert.match(
      err.message,
      /^Stopped at ".*" in Fabrikam Retail: Missing permission .* 3 step\(s\) were done before it\.$/,
    );
    assert.deepEqual(
      writes().filter((w) => w.startsWith('source')),
      [
        'source POST syncJob.pause',
        'source DELETE syncConfiguration.delete',
        'source PATCH partner.update',
      ],
    );
    assert.deepEqual(host.record.changed, [[contoso.tenantId, fabrikam.tenantId]]);
    assert.ok(!ui.shown.some((s) => s.kind === 'inform'), 'no success message');
  });
});
