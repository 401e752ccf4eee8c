import assert from 'node:assert/strict';
import { GraphError } from '../../../../src/core/graph/graphError';
import { listSyncAssignments } from '../../../../src/core/graph/operations/appRoleAssignments';
import { searchUsers } from '../../../../src/core/graph/operations/directorySearch';
import { getIdentitySync } from '../../../../src/core/graph/operations/identitySync';
import { getPartner } from '../../../../src/core/graph/operations/partners';
import { findSyncConfigurations } from '../../../../src/core/graph/operations/syncConfigurations';
import {
  getSyncJob,
  getSyncSchema,
  validateSyncCredentials,
} from '../../../../src/core/graph/operations/syncJobs';
import type {
  PairRunHooks,
  PairRunResult,
  PlanStep,
  StepState,
} from '../../../../src/core/pairs/pairPlan';
import {
  planPairSetup,
  type PairSetupChoices,
  type PairSetupPlan,
} from '../../../../src/core/pairs/pairSetup';
import {
  loadPairSetupState,
  type PairClients,
  type PairSetupState,
} from '../../../../src/core/pairs/pairSetupState';
import { ConnectionTestFailedError, runPairSetup } from '../../../../src/core/pairs/runPairSetup';
import { userTypeConstant } from '../../../../src/core/pairs/userTypeMapping';
import {
  FABRIKAM_SYNC_GROUP_ID,
  SANDBOX_DEFAULT_SCOPES,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  TAILSPIN_PILOT_GROUP_ID,
} from '../../../../src/sandbox';
import { SandboxFixture } from '../graph/support/sandbox';

const {
  contoso: CONTOSO,
  fabrikam: FABRIKAM,
  northwind: NORTHWIND,
  tailspin: TAILSPIN,
  woodgrove: WOODGROVE,
} = SANDBOX_TENANT_IDS;
const NAMES: Record<string, string> = {
  [CONTOSO]: 'Contoso Group',
  [FABRIKAM]: 'Fabrikam Retail',
  [NORTHWIND]: 'Northwind Traders',
  [TAILSPIN]: 'Tailspin Toys',
  [WOODGROVE]: 'Woodgrove Bank',
};

const FRESH_STEPS = [
  'target.partner',
  'target.userSyncInbound',
  'target.autoRedeemInbound',
  'source.partner',
  'source.autoRedeemOutbound',
  'source.configuration',
  'source.job',
  'source.credentials',
  'source.testConnection',
  'source.userType',
  `source.assign.${FABRIKAM_SYNC_GROUP_ID}`,
  'source.startJob',
];

function ids(plan: PairSetupPlan): string[] {
  return [...plan.target, ...plan.source].map((s) => s.id);
}

function notDone(plan: PairSetupPlan): string[] {
  return [...plan.target, ...plan.source].filter((s) => !s.done).map((s) => s.id);
}

/** Hooks that record every report, and a fake sleep. */
function recorder(
  signal?: AbortSignal,
): PairRunHooks & { readonly events: [string, StepState, string?][] } {
  const events: [string, StepState, string?][] = [];
  return {
    events,
    signal,
    onStep: (step: PlanStep, state: StepState, detail?: string) =>
      events.push(detail === undefined ? [step.id, state] : [step.id, state, detail]),
    sleep: () => Promise.resolve(),
  };
}

describe('pair setup against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  const clientsFor = (source: string, target: string): PairClients => ({
    source: fx.client(source),
    target: fx.client(target),
  });
  const load = (clients: PairClients, name: string): Promise<PairSetupState> =>
    loadPairSetupState(clients, name, {
      sourceName: NAMES[clients.source.tenantId],
      targetName: NAMES[clients.target.tenantId],
    });
  const writes = (): string[] =>
    fx.log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.operation}`);

  describe('planPairSetup', () => {
    it('a fresh pair (Contoso → Woodgrove): every step to do, target first, with readable titles', async () => {
      const plan = planPairSetup(await load(clientsFor(CONTOSO, WOODGROVE), 'Woodgrove Bank'), {
        scope: { userIds: [], groupIds: [FABRIKAM_SYNC_GROUP_ID] },
        userType: 'Guest',
        configurationName: 'Woodgrove Bank',
      });
      assert.deepEqual(ids(plan), FRESH_STEPS);
      assert.deepEqual(notDone(plan), FRESH_STEPS);
      assert.ok(
        plan.target.every((s) => s.tenantId === WOODGROVE) &&
          plan.source.every((s) => s.tenantId === CONTOSO),
      );
      assert.equal(
        plan.target[1].title,
        'Allow users from Contoso Group to sync into Woodgrove Bank',
      );
      assert.match(
        plan.target[1].detail,
        /^PUT \/policies\/crossTenantAccessPolicy\/partners\/2f4a9c1e-[^/]+\/identitySynchronization/,
      );
      assert.deepEqual(plan.notes, []);
      // Nothing was written while planning.
      assert.deepEqual(writes(), []);
      assert.ok(fx.log.length <= 7, String(fx.log.length));
    });

    for (const answer of ['directoryObjectNotFound', 'resourceNotFound'] as const) {
      it(`a target partner without identity sync (Northwind for Contoso): sync to allow, the entry in place (sandbox answers ${answer === 'directoryObjectNotFound' ? '404' : '400 Request_ResourceNotFound'})`, async () => {
        await fx.setAnswers({ missingIdentitySync: answer });
        const plan = planPairSetup(
          await load(clientsFor(CONTOSO, NORTHWIND), 'Northwind Traders'),
          {
            scope: { userIds: [], groupIds: [FABRIKAM_SYNC_GROUP_ID] },
            userType: 'Guest',
            configurationName: 'Northwind Traders',
          },
        );
        const target = Object.fromEntries(plan.target.map((s) => [s.id, s.done]));
        assert.deepEqual(target, {
          'target.partner': true,
          'target.userSyncInbound': false,
          'target.autoRedeemInbound': false,
        });
      });
    }

    it('the finished pair (Contoso → Fabrikam): every step in place', async () => {
      const state = await load(
        clientsFor(CONTOSO, FABRIKAM),
        SANDBOX_SYNC_CONFIGURATIONS.fabrikam.displayName,
      );
      const plan = planPairSetup(state, {
        scope: { userIds: [], groupIds: [FABRIKAM_SYNC_GROUP_ID] },
        userType: 'Member',
        configurationName: 'Fabrikam Retail',
      });
      assert.deepEqual(
        ids(plan),
        FRESH_STEPS.filter((s) => s !== 'source.userType'),
      );
      assert.deepEqual(notDone(plan), []);
      assert.match(plan.notes.join('\n'), /credentials are kept/);
      assert.match(plan.notes.join('\n'), /2 other users and groups stay assigned/);
      // Asking for guests or another group adds exactly that.
      const more = planPairSetup(state, {
        scope: { userIds: [], groupIds: [FABRIKAM_SYNC_GROUP_ID, TAILSPIN_PILOT_GROUP_ID] },
        userType: 'Guest',
        configurationName: 'fabrikam retail',
      });
      assert.deepEqual(notDone(more), [
        'source.userType',
        `source.assign.${TAILSPIN_PILOT_GROUP_ID}`,
      ]);
    });

    it("a half-done pair (Contoso → Tailspin): Tailspin's inbound redemption and the quarantined job", async () => {
      const plan = planPairSetup(await load(clientsFor(CONTOSO, TAILSPIN), 'Tailspin Toys'), {
        scope: { userIds: [], groupIds: [TAILSPIN_PILOT_GROUP_ID] },
        userType: 'Member',
        configurationName: 'Tailspin Toys',
      });
      assert.deepEqual(notDone(plan), ['target.autoRedeemInbound', 'source.startJob']);
    });

    const invalid: { name: string; choices: Partial<PairSetupChoices>; message: RegExp }[] = [
      {
        name: 'no name',
        choices: { configurationName: '  ' },
        message: /Name the sync configuration/,
      },
      {
        name: 'nobody to sync',
        choices: { scope: { userIds: [], groupIds: [] } },
        message: /at least one user or group/,
      },
      {
        name: 'the name of a configuration that syncs elsewhere',
        choices: { configurationName: 'Elsewhere' },
        message: /syncs to another tenant/,
      },
    ];
    for (const c of invalid) {
      it(`refuses ${c.name}`, () => {
        const state: PairSetupState = {
          source: {
            tenantId: CONTOSO,
            configurations: [
              { servicePrincipalId: 'sp', displayName: 'Elsewhere', targetTenantId: TAILSPIN },
            ],
          },
          target: { tenantId: WOODGROVE },
        };
        assert.throws(
          () =>
            planPairSetup(state, {
              scope: 'allUsers',
              userType: 'Member',
              configurationName: 'Woodgrove',
              ...c.choices,
            }),
          c.message,
        );
      });
    }
  });

  describe('runPairSetup', () => {
    async function freshSetup(choices: Partial<PairSetupChoices> = {}): Promise<{
      plan: PairSetupPlan;
      result: PairRunResult;
      hooks: ReturnType<typeof recorder>;
      userId: string;
    }> {
      const clients = clientsFor(CONTOSO, WOODGROVE);
      const [admin] = await searchUsers(clients.source, 'Contoso Administrator');
      const full: PairSetupChoices = {
        scope: { userIds: [admin.id!], groupIds: [FABRIKAM_SYNC_GROUP_ID] },
        userType: 'Guest',
        configurationName: 'Woodgrove Bank',
        notificationEmail: 'ops@contoso.com',
        ...choices,
      };
      const plan = planPairSetup(await load(clients, full.configurationName), full);
      const hooks = recorder();
      return { plan, result: await runPairSetup(plan, clients, hooks), hooks, userId: admin.id! };
    }

    it('sets up a fresh pair end to end; a second plan is all done and a second run writes nothing', async () => {
      const { plan, result, hooks, userId } = await freshSetup();
      assert.equal(result.failedStep, undefined, result.summary);
      assert.deepEqual(result.completed, ids(plan));
      assert.deepEqual(result.skipped, []);
      assert.equal(
        result.summary,
        'Sync from Contoso Group to Woodgrove Bank: 13 steps done, 0 already in place.',
      );
      // Every step reported running, then done, in plan order.
      assert.deepEqual(
        hooks.events.map(([id, s]) => `${id} ${s}`),
        ids(plan).flatMap((id) => [`${id} running`, `${id} done`]),
      );

      const clients = clientsFor(CONTOSO, WOODGROVE);
      assert.equal(
        (await getIdentitySync(clients.target, CONTOSO))?.userSyncInbound?.isSyncAllowed,
        true,
      );
      assert.deepEqual((await getPartner(clients.target, CONTOSO)).automaticUserConsentSettings, {
        inboundAllowed: true,
        outboundAllowed: false,
      });
      assert.deepEqual((await getPartner(clients.source, WOODGROVE)).automaticUserConsentSettings, {
        inboundAllowed: false,
        outboundAllowed: true,
      });
      const [config] = (await findSyncConfigurations(clients.source)).filter(
        (sp) => sp.displayName === 'Woodgrove Bank',
      );
      const [job] = (await load(clients, 'Woodgrove Bank')).source.configurations.find(
        (c) => c.servicePrincipalId === config.id,
      )!.jobs!;
      assert.equal(
        (await getSyncJob(clients.source, config.id!, job.id!)).schedule?.state,
        'Active',
      );
      assert.equal(
        userTypeConstant(await getSyncSchema(clients.source, config.id!, job.id!)),
        'Guest',
      );
      assert.deepEqual(
        (await listSyncAssignments(clients.source, config.id!)).map((a) => a.principalId).sort(),
        [FABRIKAM_SYNC_GROUP_ID, userId].sort(),
      );
      await validateSyncCredentials(
        clients.source,
        config.id!,
        { useSavedCredentials: true, credentials: [] },
        { jobId: job.id! },
      );

      const again = planPairSetup(await load(clients, 'Woodgrove Bank'), plan.choices);
      assert.deepEqual(notDone(again), []);
      fx.log.length = 0;
      const second = await runPairSetup(again, clients, recorder());
      assert.deepEqual(writes(), []);
      assert.deepEqual(second.completed, []);
      assert.deepEqual(second.skipped, ids(plan));
      assert.equal(
        second.summary,
        'Sync from Contoso Group to Woodgrove Bank: 0 steps done, 13 already in place.',
      );
    });

    it('syncs all users without assignment steps, as members', async () => {
      const { plan, result } = await freshSetup({ scope: 'allUsers', userType: 'Member' });
      assert.deepEqual(
        ids(plan),
        FRESH_STEPS.filter((s) => s !== 'source.userType' && !s.startsWith('source.assign')),
      );
      assert.equal(result.failedStep, undefined, result.summary);
    });

    it('stops at a step Graph refuses (403), says so, and a later run resumes and completes', async () => {
      const clients = clientsFor(CONTOSO, WOODGROVE);
      const [admin] = await searchUsers(clients.source, 'Contoso Administrator');
      const choices: PairSetupChoices = {
        scope: { userIds: [admin.id!], groupIds: [FABRIKAM_SYNC_GROUP_ID] },
        userType: 'Member',
        configurationName: 'Woodgrove Bank',
      };
      const plan = planPairSetup(await load(clients, 'Woodgrove Bank'), choices);
      // The source admin may configure sync but not assign users (no AppRoleAssignment.ReadWrite.All).
      const withoutAssign = {
        source: fx.client(CONTOSO, {
          credentialOptions: {
            scp: SANDBOX_DEFAULT_SCOPES.filter((s) => s !== 'AppRoleAssignment.ReadWrite.All'),
          },
        }),
        target: clients.target,
      };
      const hooks = recorder();
      const first = await runPairSetup(plan, withoutAssign, hooks);
      assert.equal(first.failedStep?.id, `source.assign.${FABRIKAM_SYNC_GROUP_ID}`);
      assert.ok(first.error instanceof GraphError && first.error.status === 403);
      assert.equal(first.resumable, true);
      assert.match(
        first.summary,
        /stopped at "Assign group .*": Missing permission AppRoleAssignment\.ReadWrite\.All/,
      );
      assert.match(first.summary, /9 steps done, 0 already in place; run it again to continue\.$/);
      assert.deepEqual(hooks.events.at(-1)?.slice(0, 2), [
        `source.assign.${FABRIKAM_SYNC_GROUP_ID}`,
        'failed',
      ]);

      const second = await runPairSetup(plan, clients, recorder());
      assert.equal(second.failedStep, undefined, second.summary);
      // Credentials cannot be read back, and the job never started: they are saved and tested again.
      assert.deepEqual(second.completed, [
        'source.credentials',
        'source.testConnection',
        `source.assign.${FABRIKAM_SYNC_GROUP_ID}`,
        `source.assign.${admin.id!.toLowerCase()}`,
        'source.startJob',
      ]);
      assert.equal(second.skipped.length, 7);
      // The configuration was reused, not created twice.
      assert.equal(
        (await findSyncConfigurations(clients.source)).filter(
          (sp) => sp.displayName === 'Woodgrove Bank',
        ).length,
        1,
      );
    });

    it('when the target has not done its part, the connection test fails with the settings to change; the next run reuses the configuration', async () => {
      const clients = clientsFor(CONTOSO, WOODGROVE);
      const choices: PairSetupChoices = {
        scope: { userIds: [], groupIds: [FABRIKAM_SYNC_GROUP_ID] },
        userType: 'Member',
        configurationName: 'Woodgrove Bank',
      };
      const plan = planPairSetup(await load(clients, 'Woodgrove Bank'), choices);
      const first = await runPairSetup({ ...plan, target: [] }, clients, recorder());
      assert.equal(first.failedStep?.id, 'source.testConnection');
      assert.ok(first.error instanceof ConnectionTestFailedError);
      assert.deepEqual(first.error.problems.map((p) => [p.tenantId, p.setting]).sort(), [
        [WOODGROVE, 'automaticUserConsentSettings.inboundAllowed'],
        [WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed'],
      ]);
      assert.deepEqual(first.completed, [
        'source.partner',
        'source.autoRedeemOutbound',
        'source.configuration',
        'source.job',
        'source.credentials',
      ]);

      fx.log.length = 0;
      const second = await runPairSetup(plan, clients, recorder());
      assert.equal(second.failedStep, undefined, second.summary);
      assert.deepEqual(second.skipped, [
        'source.partner',
        'source.autoRedeemOutbound',
        'source.configuration',
        'source.job',
      ]);
      assert.ok(
        !writes().includes('POST syncTemplate.instantiate') &&
          !writes().includes('POST syncJob.create'),
        writes().join(),
      );
      assert.equal(
        (await findSyncConfigurations(clients.source)).filter(
          (sp) => sp.displayName === 'Woodgrove Bank',
        ).length,
        1,
      );
    });

    it('finishes the half-done Tailspin pair: Tailspin redeems inbound, the quarantined job starts', async () => {
      const clients = clientsFor(CONTOSO, TAILSPIN);
      const plan = planPairSetup(await load(clients, 'Tailspin Toys'), {
        scope: { userIds: [], groupIds: [TAILSPIN_PILOT_GROUP_ID] },
        userType: 'Member',
        configurationName: 'Tailspin Toys',
      });
      fx.log.length = 0;
      const result = await runPairSetup(plan, clients, recorder());
      assert.deepEqual(result.completed, ['target.autoRedeemInbound', 'source.startJob']);
      assert.deepEqual(writes(), ['PATCH partner.update', 'POST syncJob.start']);
      assert.deepEqual((await getPartner(clients.target, CONTOSO)).automaticUserConsentSettings, {
        inboundAllowed: true,
        outboundAllowed: false,
      });
    });

    for (const answer of ['conflict', 'badRequest'] as const) {
      it(`a partner entry that appears between the read and the create is taken as it is (sandbox answers ${answer === 'conflict' ? '409, as documented' : '400 with the code'})`, async () => {
        await fx.setAnswers({ alreadyExists: answer });
        await partnerAppearsMeanwhile();
      });
    }

    async function partnerAppearsMeanwhile(): Promise<void> {
      // Tailspin has a partner entry for Contoso; the first read is made to miss it, as if another admin created it just then.
      let hidden = false;
      const target = fx.client(TAILSPIN, {
        fetch: (url, init) => {
          if (
            !hidden &&
            (init?.method ?? 'GET') === 'GET' &&
            url.includes(`/partners/${CONTOSO}`) &&
            !url.includes('identitySynchronization')
          ) {
            hidden = true;
            return Promise.resolve(
              new Response(
                JSON.stringify({
                  error: { code: 'Directory_ObjectNotFound', message: 'not found' },
                }),
                { status: 404, headers: { 'content-type': 'application/json' } },
              ),
            );
          }
          return globalThis.fetch(url, init);
        },
      });
      const clients = { source: fx.client(CONTOSO), target };
      const plan = planPairSetup(await load(clientsFor(CONTOSO, TAILSPIN), 'Tailspin Toys'), {
        scope: { userIds: [], groupIds: [TAILSPIN_PILOT_GROUP_ID] },
        userType: 'Member',
        configurationName: 'Tailspin Toys',
      });
      const hooks = recorder();
      const result = await runPairSetup(plan, clients, hooks);
      assert.equal(result.failedStep, undefined, result.summary);
      assert.deepEqual(
        hooks.events.filter(([id]) => id === 'target.partner'),
        [
          ['target.partner', 'running'],
          ['target.partner', 'running', 'it existed already'],
          ['target.partner', 'done'],
        ],
      );
      assert.deepEqual(result.completed, [
        'target.partner',
        'target.autoRedeemInbound',
        'source.startJob',
      ]);
    }

    it('returns a failure to read the current state without changing anything', async () => {
      await fx.setFaults({ unavailable: { count: 50 } });
      const clients = {
        source: fx.client(CONTOSO, { retry: { maxRetries: 0 } }),
        target: fx.client(WOODGROVE, { retry: { maxRetries: 0 } }),
      };
      const plan = planPairSetup(
        {
          source: { tenantId: CONTOSO, displayName: 'Contoso Group', configurations: [] },
          target: { tenantId: WOODGROVE, displayName: 'Woodgrove Bank' },
        },
        { scope: 'allUsers', userType: 'Member', configurationName: 'Woodgrove Bank' },
      );
      const result = await runPairSetup(plan, clients, recorder());
      assert.equal(result.failedStep, undefined);
      assert.ok(result.error instanceof GraphError && result.error.status === 503);
      assert.match(result.summary, /stopped at reading the current settings/);
      assert.deepEqual(writes(), []);
    });

    it('throws AbortError when cancelled', async () => {
      const clients = clientsFor(CONTOSO, WOODGROVE);
      const plan = planPairSetup(await load(clients, 'Woodgrove Bank'), {
        scope: 'allUsers',
        userType: 'Member',
        configurationName: 'Woodgrove Bank',
      });
      await assert.rejects(runPairSetup(plan, clients, recorder(AbortSignal.abort())), {
        name: 'AbortError',
      });
    });
  });
});
