import assert from 'node:assert/strict';
import { PairRunStoppedError } from '../../../../src/core/pairs/runPairPlan';
import { setUpPairFlow } from '../../../../src/core/pairs/setUpPairFlow';
import { UserCancelledError } from '../../../../src/core/userCancelledError';
import { SANDBOX_DEFAULT_SCOPES, TAILSPIN_PILOT_GROUP_ID } from '../../../../src/sandbox';
import { ScriptedUserInput, type Step } from '../../../support/scriptedUserInput';
import { SandboxFixture } from '../graph/support/sandbox';
import { flowHost, SETUP_WORDS, TENANTS, pairWrites } from './flowHost';

const { contoso, fabrikam, woodgrove } = TENANTS;

/** The prompts after both tenants are known: scope, the pilot group, members, the name. */
const CHOICES: Step[] = [
  { expect: 'Who is synced?', answer: { pick: 'Chosen users and groups' } },
  {
    expect: 'Users and groups of Contoso Group to sync',
    answer: { search: 'Pilot', choose: ['Pilot - Tailspin Toys'] },
  },
  { expect: 'Synced users become…', answer: { pick: 'Members' } },
  {
    expect: 'The sync configuration in Contoso Group for Woodgrove Bank',
    answer: { input: 'Woodgrove Bank' },
  },
];

describe('setUpPairFlow (Set Up Cross-Tenant Sync) against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  const writes = (): string[] => pairWrites(fx);

  it('asks for both tenants, who is synced and as what, shows the plan, and on confirmation sets the pair up', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users FROM which tenant?', answer: { pick: 'Contoso Group' } },
      {
        expect: 'Sync users from Contoso Group INTO which tenant?',
        answer: { pick: 'Woodgrove Bank' },
      },
      ...CHOICES,
      {
        expect: 'Set up cross-tenant sync from Contoso Group to Woodgrove Bank?',
        answer: { confirm: 'Apply 11' },
      },
    ]);
    const host = flowHost(fx, ui);
    const outcome = await setUpPairFlow(host, SETUP_WORDS);
    ui.assertDone();

    assert.equal(outcome.result?.failedStep, undefined, outcome.result?.summary);
    // The target pick leaves out the source; each tenant is signed in as it is chosen.
    const targetPick = ui.shown.find((s) => s.text.includes('INTO which tenant'))!;
    assert.ok(!targetPick.choices.includes('Contoso Group'), targetPick.choices.join(', '));
    assert.deepEqual(host.record.signedIn, [contoso.tenantId, woodgrove.tenantId]);
    // The confirmation lists the target's changes first, then the source's, with the group by name.
    const confirm = ui.shown.find((s) => s.kind === 'confirm')!;
    assert.match(
      confirm.text,
      /In Woodgrove Bank \(target\):\n {2}• Add Contoso Group as a partner/,
    );
    assert.match(
      confirm.text,
      /In Contoso Group \(source\):[^]*Assign group Pilot - Tailspin Toys/,
    );
    assert.deepEqual(confirm.choices, ['Apply 11']);
    // Target first, then source; the group was assigned.
    const sent = writes();
    const firstSource = sent.findIndex((w) => w.startsWith('source'));
    assert.ok(
      firstSource > 0 && sent.slice(firstSource).every((w) => w.startsWith('source')),
      sent.join(' | '),
    );
    assert.ok(
      fx.log.some(
        (e) => e.method === 'POST' && e.url.includes('appRoleAssignedTo') && e.status === 201,
      ),
      'the group was assigned',
    );
    assert.ok(outcome.plan.source.some((s) => s.principal?.id === TAILSPIN_PILOT_GROUP_ID));
    // Both tenants reloaded once, and the success message offers the logs.
    assert.deepEqual(host.record.changed, [[contoso.tenantId, woodgrove.tenantId]]);
    assert.deepEqual(host.record.progress, [
      'Reading both tenants…',
      'Setting up sync Contoso Group → Woodgrove Bank',
    ]);
    const done = ui.shown.at(-1)!;
    assert.equal(done.kind, 'inform');
    assert.match(
      done.text,
      /^Sync from Contoso Group to Woodgrove Bank is set up \(.*11 steps done/,
    );
    assert.deepEqual(done.choices, ['Show Provisioning Logs']);
  });

  it('titles every question and numbers it; Back asks the question before again', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users FROM which tenant?', answer: { pick: 'Fabrikam Retail' } },
      // Fabrikam was the wrong source: back to the first question.
      { expect: 'Sync users from Fabrikam Retail INTO which tenant?', answer: { back: true } },
      { expect: 'Sync users FROM which tenant?', answer: { pick: 'Contoso Group' } },
      {
        expect: 'Sync users from Contoso Group INTO which tenant?',
        answer: { pick: 'Woodgrove Bank' },
      },
      { expect: 'Who is synced?', answer: { pick: 'Chosen users and groups' } },
      // Back from the search of users returns to "Who is synced?", the step it belongs to.
      { expect: 'Users and groups of Contoso Group to sync', answer: { back: true } },
      { expect: 'Who is synced?', answer: { pick: 'All users' } },
      { expect: 'Synced users become…', answer: { pick: 'Guests' } },
      { expect: 'The sync configuration in Contoso Group', answer: { back: true } },
      { expect: 'Synced users become…', answer: { pick: 'Members' } },
      { expect: 'The sync configuration in Contoso Group', answer: { input: 'Woodgrove Bank' } },
      {
        expect: /Set up cross-tenant sync from Contoso Group to Woodgrove Bank/,
        answer: { cancel: true },
      },
    ]);
    const host = flowHost(fx, ui);
    await assert.rejects(setUpPairFlow(host, SETUP_WORDS), UserCancelledError);
    ui.assertDone();
    const asked = ui.shown.filter((s) => s.kind !== 'confirm');
    assert.deepEqual(
      asked.map((s) => [s.text.split('\n')[0], s.step]),
      [
        ['Set Up Cross-Tenant Sync', '1/5'],
        ['Set Up Cross-Tenant Sync', '2/5'],
        ['Set Up Cross-Tenant Sync', '1/5'],
        ['Set Up Cross-Tenant Sync', '2/5'],
        ['Set Up Cross-Tenant Sync', '3/5'],
        ['Users and groups of Contoso Group to sync', '3/5'],
        ['Set Up Cross-Tenant Sync', '3/5'],
        ['Set Up Cross-Tenant Sync', '4/5'],
        ['Configuration name', '5/5'],
        ['Set Up Cross-Tenant Sync', '4/5'],
        ['Configuration name', '5/5'],
      ],
    );
    // The answers in force are the last ones given: Contoso as the source, all users, members.
    const confirm = ui.shown.find((s) => s.kind === 'confirm')!;
    assert.match(confirm.text, /In Contoso Group \(source\):/);
    assert.doesNotMatch(confirm.text, /Fabrikam Retail \(source\)|Assign group/);
    assert.deepEqual(host.record.signedIn, [
      fabrikam.tenantId,
      contoso.tenantId,
      woodgrove.tenantId,
    ]);
  });

  it('has no Back on its first question', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users FROM which tenant?', answer: { back: true } },
    ]);
    await assert.rejects(setUpPairFlow(flowHost(fx, ui), SETUP_WORDS), /has no Back button/);
  });

  it('opens the provisioning logs when the success message is answered so', async () => {
    const ui = new ScriptedUserInput([
      ...CHOICES,
      { expect: /Set up cross-tenant sync/, answer: { confirm: 'Apply 11' } },
      { expect: /is set up/, answer: { notice: 'Show Provisioning Logs' } },
    ]);
    const host = flowHost(fx, ui);
    await setUpPairFlow(host, SETUP_WORDS, { source: contoso, target: woodgrove });
    ui.assertDone();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(host.record.logsShown, [`${contoso.tenantId} Woodgrove Bank`]);
  });

  it('started on a pair, asks no tenant; a declined plan sends nothing', async () => {
    const ui = new ScriptedUserInput([
      ...CHOICES,
      {
        expect: /Set up cross-tenant sync from Contoso Group to Woodgrove Bank/,
        answer: { cancel: true },
      },
    ]);
    const host = flowHost(fx, ui);
    await assert.rejects(
      setUpPairFlow(host, SETUP_WORDS, { source: contoso, target: woodgrove }),
      UserCancelledError,
    );
    ui.assertDone();
    assert.ok(!ui.shown.some((s) => /which tenant/i.test(s.text)), 'no tenant was asked');
    assert.deepEqual(writes(), []);
    assert.deepEqual(host.record.changed, []);
  });

  it('a finished pair is reported as set up: no confirmation, nothing sent', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Who is synced?', answer: { pick: 'Chosen users and groups' } },
      {
        expect: 'Users and groups of Contoso Group to sync',
        answer: { search: 'Sync - Fab', choose: ['Sync - Fabrikam Retail'] },
      },
      { expect: 'Synced users become…', answer: { pick: 'Members' } },
      { expect: /The sync configuration in Contoso Group/, answer: { input: 'Fabrikam Retail' } },
    ]);
    const host = flowHost(fx, ui);
    const outcome = await setUpPairFlow(host, SETUP_WORDS, { source: contoso, target: fabrikam });
    ui.assertDone();
    assert.equal(outcome.result, undefined);
    assert.deepEqual(ui.shown.at(-1), {
      kind: 'inform',
      text: 'Sync from Contoso Group to Fabrikam Retail is already set up.',
      choices: [],
    });
    assert.deepEqual(writes(), []);
  });

  it('refuses an empty configuration name in the prompt itself, and sends nothing', async () => {
    const ui = new ScriptedUserInput([
      ...CHOICES.slice(0, 3),
      { expect: /The sync configuration in/, answer: { input: '   ' } },
    ]);
    await assert.rejects(
      setUpPairFlow(flowHost(fx, ui), SETUP_WORDS, { source: contoso, target: woodgrove }),
      UserCancelledError,
    );
    assert.equal(ui.shown.at(-1)?.refused, 'Give the configuration a name.');
    assert.deepEqual(writes(), []);
  });

  it('stops at a step Graph refuses and throws where it stopped; both tenants are reloaded', async () => {
    const ui = new ScriptedUserInput([
      ...CHOICES,
      { expect: /Set up cross-tenant sync/, answer: { confirm: 'Apply 11' } },
    ]);
    // The source admin may configure sync but not assign users (no AppRoleAssignment.ReadWrite.All).
    const host = flowHost(fx, ui, {
      client: (r) =>
        r.tenantId === contoso.tenantId
          ? fx.client(r.tenantId, {
              credentialOptions: {
                scp: SANDBOX_DEFAULT_SCOPES.filter((s) => s !== 'AppRoleAssignment.ReadWrite.All'),
              },
            })
          : fx.client(r.tenantId),
    });
    const err = await setUpPairFlow(host, SETUP_WORDS, {
      source: contoso,
      target: woodgrove,
    }).catch((e: unknown) => e);
    ui.assertDone();
    assert.ok(err instanceof PairRunStoppedError, String(err));
    assert.match(
      err.message,
      /^Stopped at "Assign group Pilot - Tailspin Toys.*" in Contoso Group: Missing permission AppRoleAssignment\.ReadWrite\.All.* 9 step\(s\) were done before it\.$/,
    );
    assert.equal(err.result.failedStep?.kind, 'assign');
    assert.ok(err.result.completed.includes('target.userSyncInbound'));
    assert.deepEqual(host.record.changed, [[contoso.tenantId, woodgrove.tenantId]]);
    assert.ok(
      host.record.log.some((l) => /^error Setting up sync .* stopped at "Assign group/.test(l)),
    );
    // No success message after a failure.
    assert.ok(!ui.shown.some((s) => s.kind === 'inform'));
  });

  it('refuses with fewer than two tenants, before asking anything', async () => {
    const ui = new ScriptedUserInput();
    await assert.rejects(
      setUpPairFlow(flowHost(fx, ui, { tenants: [contoso] }), SETUP_WORDS),
      /^Error: Setting up sync needs two tenants\.$/,
    );
    assert.deepEqual(
      ui.shown.map((s) => s.text),
      [],
    );
    assert.equal(fx.log.length, 0);
  });

  it('a tenant that cannot be signed in stops the flow before anything is asked of it', async () => {
    const ui = new ScriptedUserInput([
      { expect: 'Sync users FROM which tenant?', answer: { pick: 'Contoso Group' } },
    ]);
    const host = flowHost(fx, ui, {
      signIn: () => Promise.reject(new Error('Sign in to Contoso Group to set up sync with it.')),
    });
    await assert.rejects(setUpPairFlow(host, SETUP_WORDS), /Sign in to Contoso Group/);
    ui.assertDone();
    assert.equal(fx.log.length, 0);
  });
});
