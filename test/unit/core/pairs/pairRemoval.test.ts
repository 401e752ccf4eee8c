import assert from 'node:assert/strict';
import { GraphError } from '../../../../src/core/graph/graphError';
import { getIdentitySync } from '../../../../src/core/graph/operations/identitySync';
import { getPartner } from '../../../../src/core/graph/operations/partners';
import {
  findSyncConfigurations,
  instantiateSyncTemplate,
} from '../../../../src/core/graph/operations/syncConfigurations';
import type { PlanStep, StepState } from '../../../../src/core/pairs/pairPlan';
import { planPairRemoval, type PairRemovalPlan } from '../../../../src/core/pairs/pairRemoval';
import {
  loadPairSetupState,
  type PairClients,
  type PairSetupState,
} from '../../../../src/core/pairs/pairSetupState';
import { runPairRemoval } from '../../../../src/core/pairs/runPairRemoval';
import {
  SANDBOX_DEFAULT_SCOPES,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
} from '../../../../src/sandbox';
import { SandboxFixture } from '../graph/support/sandbox';

const { contoso: CONTOSO, fabrikam: FABRIKAM } = SANDBOX_TENANT_IDS;
const CONFIG = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;

const ALL_STEPS = [
  'source.pauseJob',
  'source.deleteConfiguration',
  'source.autoRedeemOutboundOff',
  'source.keepPartner',
  'target.userSyncInboundOff',
  'target.autoRedeemInboundOff',
  'target.keepPartner',
];

function inRunOrder(plan: PairRemovalPlan): PlanStep[] {
  return [...plan.source, ...plan.target];
}

describe('pair removal against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  const clients = (): PairClients => ({ source: fx.client(CONTOSO), target: fx.client(FABRIKAM) });
  const load = (c: PairClients): Promise<PairSetupState> =>
    loadPairSetupState(c, CONFIG.displayName, {
      sourceName: 'Contoso Group',
      targetName: 'Fabrikam Retail',
    });
  const writes = (): string[] =>
    fx.log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.operation}`);
  const hooks = (events: [string, StepState][] = []) => ({
    onStep: (step: PlanStep, state: StepState) => events.push([step.id, state]),
  });

  it('removes the Contoso → Fabrikam sync, source first, keeping both partner entries; a second run writes nothing', async () => {
    const plan = planPairRemoval(await load(clients()), CONFIG.displayName);
    assert.deepEqual(
      inRunOrder(plan).map((s) => s.id),
      ALL_STEPS,
    );
    assert.deepEqual(
      inRunOrder(plan)
        .filter((s) => s.done)
        .map((s) => s.id),
      ['source.keepPartner', 'target.keepPartner'],
    );
    assert.equal(
      plan.source[1].title,
      'Delete the sync configuration "Fabrikam Retail" in Contoso Group',
    );
    assert.deepEqual(plan.notes, [
      'Partner entries stay in both tenants; only the sync settings are turned off.',
    ]);

    fx.log.length = 0;
    const events: [string, StepState][] = [];
    const result = await runPairRemoval(plan, clients(), hooks(events));
    assert.equal(result.failedStep, undefined, result.summary);
    assert.deepEqual(
      result.completed,
      ALL_STEPS.filter((s) => !s.endsWith('keepPartner')),
    );
    assert.deepEqual(writes(), [
      'POST syncJob.pause',
      'DELETE syncConfiguration.delete',
      'PATCH partner.update',
      'DELETE identitySync.delete',
      'PATCH partner.update',
    ]);
    assert.deepEqual(
      events.filter(([, s]) => s !== 'running').map(([id]) => id),
      ALL_STEPS,
    );

    const c = clients();
    assert.ok(
      !(await findSyncConfigurations(c.source)).some((sp) => sp.id === CONFIG.servicePrincipalId),
    );
    const sourcePartner = await getPartner(c.source, FABRIKAM);
    assert.deepEqual(sourcePartner.automaticUserConsentSettings, {
      inboundAllowed: false,
      outboundAllowed: false,
    });
    assert.equal(
      sourcePartner.inboundTrust?.isMfaAccepted,
      true,
      'other settings of the entry are untouched',
    );
    assert.equal(await getIdentitySync(c.target, CONTOSO), undefined);
    assert.deepEqual((await getPartner(c.target, CONTOSO)).automaticUserConsentSettings, {
      inboundAllowed: false,
      outboundAllowed: false,
    });

    const again = planPairRemoval(await load(c), CONFIG.displayName);
    assert.ok(inRunOrder(again).every((s) => s.done));
    fx.log.length = 0;
    const second = await runPairRemoval(again, c, hooks());
    assert.deepEqual(writes(), []);
    assert.deepEqual(second.skipped, ALL_STEPS);
  });

  it('stops where the target refuses (403) and finishes on the next run', async () => {
    const plan = planPairRemoval(await load(clients()), CONFIG.displayName);
    const readOnlyTarget = {
      source: fx.client(CONTOSO),
      target: fx.client(FABRIKAM, {
        credentialOptions: {
          scp: SANDBOX_DEFAULT_SCOPES.filter((s) => s !== 'Policy.ReadWrite.CrossTenantAccess'),
        },
      }),
    };
    const first = await runPairRemoval(plan, readOnlyTarget, hooks());
    assert.equal(first.failedStep?.id, 'target.userSyncInboundOff');
    assert.ok(first.error instanceof GraphError && first.error.status === 403);
    assert.deepEqual(first.completed, [
      'source.pauseJob',
      'source.deleteConfiguration',
      'source.autoRedeemOutboundOff',
    ]);
    const second = await runPairRemoval(plan, clients(), hooks());
    assert.equal(second.failedStep, undefined, second.summary);
    assert.deepEqual(second.completed, [
      'target.userSyncInboundOff',
      'target.autoRedeemInboundOff',
    ]);
  });

  it("takes another configuration named after the target to sync the same pair, and keeps the pair's settings for it", async () => {
    await instantiateSyncTemplate(fx.client(CONTOSO), 'Fabrikam Retail (HR)');
    const plan = planPairRemoval(await load(clients()), CONFIG.displayName);
    assert.deepEqual(
      inRunOrder(plan).map((s) => s.id),
      ['source.pauseJob', 'source.deleteConfiguration', 'source.keepPartner', 'target.keepPartner'],
    );
    assert.match(
      plan.notes[1],
      /^"Fabrikam Retail \(HR\)" also syncs from Contoso Group to Fabrikam Retail/,
    );
  });

  it('keeps redemption and user sync while another configuration syncs the same pair', () => {
    const state: PairSetupState = {
      source: {
        tenantId: CONTOSO,
        displayName: 'Contoso Group',
        partner: {
          tenantId: FABRIKAM,
          automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
        },
        configurations: [
          { servicePrincipalId: CONFIG.servicePrincipalId, displayName: CONFIG.displayName },
          { servicePrincipalId: 'other', displayName: 'Fabrikam (HR)', targetTenantId: FABRIKAM },
        ],
      },
      target: {
        tenantId: FABRIKAM,
        displayName: 'Fabrikam Retail',
        identitySync: { tenantId: CONTOSO, userSyncInbound: { isSyncAllowed: true } },
      },
    };
    const plan = planPairRemoval(state, CONFIG.displayName);
    assert.deepEqual(
      inRunOrder(plan).map((s) => s.id),
      ['source.pauseJob', 'source.deleteConfiguration', 'source.keepPartner', 'target.keepPartner'],
    );
    assert.match(
      plan.notes[1],
      /"Fabrikam \(HR\)" also syncs from Contoso Group to Fabrikam Retail/,
    );
  });
});
