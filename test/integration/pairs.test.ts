import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PairRunResult, PlanStep } from '../../src/core/pairs/pairPlan';
import type { PairFindingNode, PairNode } from '../../src/tree/pairsTreeProvider';
import { SANDBOX_DEFAULT_SCOPES } from '../../src/sandbox/auth/permissions';
import type { Step } from '../support/scriptedUserInput';
import {
  changesSince,
  discardIfDraft,
  extensionApi,
  freshSandbox,
  idsOf,
  labelOf,
  logAfter,
  logMark,
  nodeAt,
  readLog,
  runAnswering,
  waitFor,
} from './api';

const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const TAILSPIN = '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3';
const WOODGROVE = '9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60';

async function pairNode(label: RegExp): Promise<PairNode> {
  const api = await extensionApi();
  const nodes = await api.pairsTree.getChildren();
  const node = nodes.find((n) => label.test(labelOf(api.pairsTree.getTreeItem(n))));
  assert.ok(
    node,
    `no pair ${String(label)} in ${nodes.map((n) => labelOf(api.pairsTree.getTreeItem(n))).join(', ')}`,
  );
  return node as PairNode;
}

type SetupOutcome = { plan: { target: PlanStep[]; source: PlanStep[] }; result?: PairRunResult };

/** What Set Up asks once both tenants are known: the pilot group, as members, named after Woodgrove. */
const CHOICES: Step[] = [
  {
    expect: /^Set Up Cross-Tenant Sync\nWho is synced\?$/,
    answer: { pick: 'Chosen users and groups' },
  },
  {
    expect: /^Users and groups of Contoso Group to sync\n/,
    answer: { search: 'Pilot', choose: ['Pilot - Tailspin Toys'] },
  },
  { expect: /Synced users become…/, answer: { pick: 'Members' } },
  {
    expect: /configuration name\nThe sync configuration in Contoso Group/,
    answer: { input: 'Woodgrove Bank' },
  },
];

/** Set Up from the palette: both tenants asked, then the choices, then the plan confirmed. */
const FROM_THE_PALETTE = (changes: number): Step[] => [
  { expect: 'Sync users FROM which tenant (the source)?', answer: { pick: 'Contoso Group' } },
  {
    expect: 'Sync users from Contoso Group INTO which tenant (the target)?',
    answer: { pick: 'Woodgrove Bank' },
  },
  ...CHOICES,
  {
    expect: /^Set up cross-tenant sync from Contoso Group to Woodgrove Bank\?/,
    answer: { confirm: `Apply ${changes} Changes` },
  },
];

describe('tenant pairs', function () {
  this.timeout(120_000);

  before(async () => {
    await freshSandbox();
    await (await extensionApi()).pairs.recheck();
  });

  afterEach(async () => {
    (await extensionApi()).sandbox.setConsentedPermissions(CONTOSO, undefined);
  });

  for (const [answer, note] of [
    ['served', /Target tenant: from its saved credentials \(CompanyId\)\./],
    [
      'forbidden',
      /Its saved settings \(target tenant, scope, notifications\) could not be read: Graph answered 403 Authorization_RequestDenied\. Target tenant: guessed from the configuration's name\./,
    ],
  ] as const) {
    it(`says where a sync's target tenant came from (saved secrets ${answer === 'served' ? 'returned' : 'refused'})`, async () => {
      const api = await extensionApi();
      const sandbox = await api.sandbox.get();
      sandbox.setAnswers({ syncSecrets: answer });
      try {
        await api.pairs.recheck();
        const node = await pairNode(
          /Contoso Group ⇄ Fabrikam Retail|Fabrikam Retail ⇄ Contoso Group/,
        );
        const sync = (await api.pairsTree.getChildren(node))
          .map((n) => api.pairsTree.getTreeItem(n))
          .find((c) => /Contoso Group → Fabrikam Retail/.test(labelOf(c)));
        assert.ok(sync, 'the sync is in the pair either way');
        assert.match(
          typeof sync.tooltip === 'string' ? sync.tooltip : (sync.tooltip?.value ?? ''),
          note,
        );
      } finally {
        sandbox.setAnswers({ syncSecrets: 'served' });
        await api.pairs.recheck();
      }
    });
  }

  it('flags the mismatched pair before any sync runs, with the tenant and the exact setting', async () => {
    const api = await extensionApi();
    const node = await pairNode(/Contoso Group ⇄ Tailspin Toys|Tailspin Toys ⇄ Contoso Group/);
    const item = api.pairsTree.getTreeItem(node);
    assert.match(String(item.description), /1 error/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    const children = (await api.pairsTree.getChildren(node)).map((n) =>
      api.pairsTree.getTreeItem(n),
    );
    const redemption = children.find((c) =>
      /does not redeem invitations from Contoso Group automatically/.test(labelOf(c)),
    );
    assert.ok(redemption, children.map(labelOf).join(' | '));
    assert.equal(
      redemption.description,
      'Tailspin Toys · automaticUserConsentSettings.inboundAllowed',
    );
    assert.ok(
      children.some(
        (c) =>
          /Contoso Group → Tailspin Toys/.test(labelOf(c)) &&
          /quarantine/.test(String(c.description)),
      ),
      'the sync and its job status',
    );
    // The healthy pair is fine, and the tenant with nothing configured is in no pair.
    assert.equal(api.pairsTree.getTreeItem(await pairNode(/Fabrikam Retail/)).description, 'ok');
    assert.ok(
      !(await api.pairsTree.getChildren()).some((n) =>
        /Woodgrove/.test(labelOf(api.pairsTree.getTreeItem(n))),
      ),
    );
  });

  it('shows the finding on both tenants: the tree, and diagnostics on both partner documents', async () => {
    const api = await extensionApi();
    // In the Tenants view, both partner entries carry the pair's badge.
    const tailspinSide = api.tree.getTreeItem(
      await nodeAt(api, 'Tailspin Toys', 'Cross-tenant access', /^Partners/, 'Contoso Group'),
    );
    assert.match(String(tailspinSide.description), /✖ pair: 1 error$/);
    assert.equal((tailspinSide.iconPath as vscode.ThemeIcon).id, 'error');
    const contosoSide = api.tree.getTreeItem(
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', /^Partners/, 'Tailspin Toys'),
    );
    assert.match(String(contosoSide.description), /✖ pair: 1 error$/);

    await vscode.commands.executeCommand(
      'crossTenant.openPolicy',
      await nodeAt(api, 'Tailspin Toys', 'Cross-tenant access', /^Partners/, 'Contoso Group'),
    );
    const tailspinDoc = vscode.window.activeTextEditor!.document;
    const onTailspin = await waitFor("diagnostics on Tailspin's entry", () => {
      const d = vscode.languages
        .getDiagnostics(tailspinDoc.uri)
        .filter((x) => x.source === 'Cross-Tenant pair check');
      return d.some(
        (x) =>
          x.code === 'autoRedeemInboundMissing' &&
          tailspinDoc.getText(x.range).includes('inboundAllowed'),
      )
        ? d
        : undefined;
    });
    assert.equal(
      onTailspin.find((x) => x.code === 'autoRedeemInboundMissing')!.severity,
      vscode.DiagnosticSeverity.Error,
    );

    await vscode.commands.executeCommand(
      'crossTenant.openPolicy',
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', /^Partners/, 'Tailspin Toys'),
    );
    const contosoDoc = vscode.window.activeTextEditor!.document;
    const mirrored = await waitFor("the other side's diagnostic on Contoso's entry", () =>
      vscode.languages
        .getDiagnostics(contosoDoc.uri)
        .find(
          (x) => x.source === 'Cross-Tenant pair check' && x.code === 'autoRedeemInboundMissing',
        ),
    );
    assert.match(mirrored.message, /to change in Tailspin Toys/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the other side's pair warnings sit on the setting that faces them, each with a quick fix of its own", async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand(
      'crossTenant.openPolicy',
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', /^Partners/, 'Tailspin Toys'),
    );
    const doc = vscode.window.activeTextEditor!.document;
    const onSetting = (d: vscode.Diagnostic): string => doc.getText(d.range);
    const diagnostics = await waitFor('both mirrored findings on their settings', () => {
      const d = vscode.languages
        .getDiagnostics(doc.uri)
        .filter((x) => x.source === 'Cross-Tenant pair check');
      return d.length >= 2 && d.every((x) => /^"\w+": /.test(onSetting(x))) ? d : undefined;
    });
    // Tailspin's inbound redemption faces Contoso's outbound one; its MFA trust, Contoso's trust.
    const where = Object.fromEntries(diagnostics.map((d) => [d.code as string, onSetting(d)]));
    assert.match(where.autoRedeemInboundMissing, /^"outboundAllowed": /);
    assert.match(where.mfaNotTrusted, /^"inboundTrust": /);
    // Every quick fix the document offers, all its lines at once, named apart by what it changes.
    const everywhere = new vscode.Range(0, 0, doc.lineCount, 0);
    const titles = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        everywhere,
        vscode.CodeActionKind.QuickFix.value,
      )
    )
      .map((a) => a.title)
      .filter((t) => t.startsWith('Fix in '));
    assert.deepEqual([...titles].sort(), [
      'Fix in Tailspin Toys: set automaticUserConsentSettings.inboundAllowed in a draft',
      'Fix in Tailspin Toys: set inboundTrust.isMfaAccepted in a draft',
    ]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the quick fix opens a draft with the change and pushes nothing', async () => {
    const api = await extensionApi();
    const node = await pairNode(/Tailspin Toys/);
    const finding = (await api.pairsTree.getChildren(node)).find(
      (n) => (n as PairFindingNode).finding?.id === 'autoRedeemInboundMissing',
    ) as PairFindingNode;
    const mark = api.sandboxRequests().length;
    // A change to an existing entry asks nothing: the draft is the review.
    const { result: uri } = await runAnswering<string>([], 'crossTenant.fixPairFinding', finding);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), uri);
    assert.deepEqual(idsOf(doc.uri), { tenant: TAILSPIN, partner: CONTOSO });
    assert.equal(
      doc.uri.path,
      '/Tailspin Toys/partners/Tailspin Toys › Contoso Group.xta-partner.json',
    );
    const json = JSON.parse(doc.getText()) as {
      automaticUserConsentSettings: { inboundAllowed: boolean };
    };
    assert.equal(json.automaticUserConsentSettings.inboundAllowed, true);
    assert.equal(doc.isDirty, false, 'saved as a draft');
    assert.match(
      vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection),
      /inboundAllowed/,
    );
    assert.deepEqual(await changesSince(mark), [], 'nothing was sent to Graph');
    assert.equal(await discardIfDraft(doc.uri), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a failure mid-way stops with where it stopped; running again on the pair finishes it', async () => {
    const api = await extensionApi();
    // Contoso has not consented to assigning users: the assignment step gets a 403.
    api.sandbox.setConsentedPermissions(
      CONTOSO,
      SANDBOX_DEFAULT_SCOPES.filter((s) => s !== 'AppRoleAssignment.ReadWrite.All'),
    );
    const mark = api.sandboxRequests().length;
    const logged = await logMark();
    const first = await runAnswering<SetupOutcome | undefined>(
      FROM_THE_PALETTE(11),
      'crossTenant.setUpSync',
    );
    assert.equal(first.result, undefined, 'the run stopped');
    // The user is told where it stopped and why, in the wrapper's one message (and its log line).
    await logAfter(
      logged,
      /crossTenant\.setUpSync failed: Error: Stopped at "Assign group Pilot - Tailspin Toys.*" in Contoso Group: Missing permission AppRoleAssignment\.ReadWrite\.All.* Fix the cause and run Set Up Cross-Tenant Sync again/,
    );
    const log = (await readLog(api.logUri)).slice(logged);
    for (const done of [
      /\[done\] Allow users from Contoso Group to sync into Woodgrove Bank \(Woodgrove Bank\)/,
      /\[done\] Create the sync configuration "Woodgrove Bank" in Contoso Group/,
    ])
      assert.match(log, done);
    assert.ok(!first.ui.shown.some((s) => s.kind === 'inform'), 'no success message');
    const writes = await changesSince(mark);
    assert.ok(
      writes.some((r) => r.tokenTenantId === WOODGROVE) &&
        writes.some((r) => r.tokenTenantId === CONTOSO && r.status === 403),
      writes.map((r) => `${r.method} ${r.path} ${r.status}`).join(' | '),
    );
    // The admin consents and signs in again (a token keeps the scopes it was issued with).
    api.sandbox.setConsentedPermissions(CONTOSO, undefined);
    await vscode.commands.executeCommand('crossTenant.signOut', `sandbox:${CONTOSO}`);
    await vscode.commands.executeCommand('crossTenant.signIn', `sandbox:${CONTOSO}`);
  });

  it('sets up a fresh pair end to end; a second run changes nothing; the first provisioning entries arrive', async () => {
    const api = await extensionApi();
    (await api.sandbox.get()).setTimeCompression(200);
    // Run on the pair the first run left: its tenants are not asked again; what is done is skipped.
    await api.pairs.recheck();
    const half = await pairNode(/Contoso Group ⇄ Woodgrove Bank|Woodgrove Bank ⇄ Contoso Group/);
    const { result: outcome, ui } = await runAnswering<SetupOutcome>(
      [
        ...CHOICES,
        {
          expect: /^Set up cross-tenant sync from Contoso Group to Woodgrove Bank\?/,
          answer: { confirm: 'Apply 4 Changes' },
        },
      ],
      'crossTenant.setUpSync',
      half,
    );
    assert.ok(!ui.shown.some((s) => /which tenant/.test(s.text)), ui.describeShown());
    assert.ok(outcome.result, 'it ran');
    assert.equal(outcome.result.failedStep, undefined, outcome.result.error?.message);
    assert.match(
      ui.shown.at(-1)!.text,
      /^Cross-tenant sync from Contoso Group to Woodgrove Bank is set up and started/,
    );
    const pair = await waitFor('the new pair', async () =>
      (await api.pairs.pairs()).find((p) => [p.a.tenantId, p.b.tenantId].includes(WOODGROVE)),
    );
    assert.ok(
      pair.status === 'ok' || pair.status === 'warning',
      `${pair.status}: ${pair.findings.map((f) => f.message).join(' | ')}`,
    );
    assert.ok(!pair.findings.some((f) => f.severity === 'error'));
    assert.deepEqual(
      pair.syncs.map((s) => [s.sourceTenantId, s.targetTenantId, s.configurationName]),
      [[CONTOSO, WOODGROVE, 'Woodgrove Bank']],
    );

    const mark = api.sandboxRequests().length;
    const again = await runAnswering<SetupOutcome>(
      CHOICES,
      'crossTenant.setUpSync',
      await pairNode(/Woodgrove Bank/),
    );
    assert.equal(again.result.result, undefined, 'nothing left to do');
    assert.ok([...again.result.plan.target, ...again.result.plan.source].every((s) => s.done));
    assert.equal(
      again.ui.shown.at(-1)?.text,
      'Cross-tenant sync from Contoso Group to Woodgrove Bank is already set up: nothing to change.',
    );
    assert.deepEqual(await changesSince(mark), [], 'the second run sent no change');

    const sync = pair.syncs[0];
    const node = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant synchronization',
      'Woodgrove Bank',
    );
    const panel = await vscode.commands.executeCommand<{ loaded: number; poll(): Promise<number> }>(
      'crossTenant.showProvisioningLogs',
      node,
    );
    await waitFor(
      'the first provisioning entries',
      async () => panel.loaded > 0 || (await panel.poll()) > 0 || undefined,
      60_000,
    );
    assert.ok(sync.servicePrincipalId);
    (await api.sandbox.get()).setTimeCompression(1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Remove Pair is refused on a pair without a sync, and a declined removal sends nothing', async () => {
    const api = await extensionApi();
    const unsynced = (await api.pairsTree.getChildren()).find(
      (n) => (n as PairNode).pair?.syncs.length === 0,
    );
    assert.ok(unsynced, 'a pair without a sync');
    let mark = api.sandboxRequests().length;
    const logged = await logMark();
    await runAnswering([], 'crossTenant.removePair', unsynced);
    await logAfter(
      logged,
      /crossTenant\.removePair failed: Error: Remove Pair works on a synced pair in the Tenant Pairs view/,
    );
    assert.deepEqual(await changesSince(mark), []);

    mark = api.sandboxRequests().length;
    const { ui } = await runAnswering(
      [{ expect: /^Remove cross-tenant sync "Woodgrove Bank"/, answer: { cancel: true } }],
      'crossTenant.removePair',
      await pairNode(/Woodgrove Bank/),
    );
    assert.equal(ui.shown[0].kind, 'confirm');
    assert.deepEqual(await changesSince(mark), [], 'nothing was sent');
  });

  it('removes the pair in the safe order, keeping the partner entries', async () => {
    const api = await extensionApi();
    const node = await pairNode(/Woodgrove Bank/);
    const mark = api.sandboxRequests().length;
    const { result: outcome, ui } = await runAnswering<{ result?: PairRunResult }>(
      [
        {
          expect:
            /^Remove cross-tenant sync "Woodgrove Bank" from Contoso Group to Woodgrove Bank\?\nIn Contoso Group \(source\):/,
          answer: { confirm: 'Remove Sync' },
        },
      ],
      'crossTenant.removePair',
      node,
    );
    assert.equal(outcome.result?.failedStep, undefined, outcome.result?.error?.message);
    assert.match(
      ui.shown.at(-1)!.text,
      /^Cross-tenant sync from Contoso Group to Woodgrove Bank is removed/,
    );
    const writes = await changesSince(mark);
    const order = writes.map(
      (r) =>
        `${r.tokenTenantId === CONTOSO ? 'source' : 'target'} ${r.method} ${r.path.replace(/\?.*/, '')}`,
    );
    const firstTarget = order.findIndex((o) => o.startsWith('target'));
    assert.ok(
      firstTarget > 0 && order.slice(firstTarget).every((o) => o.startsWith('target')),
      `the source is changed first: ${order.join(' | ')}`,
    );
    assert.ok(
      order.some((o) => /source POST .*\/pause$/.test(o)),
      'the job is paused first',
    );
    assert.ok(
      order.some((o) => /source DELETE .*\/(servicePrincipals|applications)\//.test(o)),
      'the configuration is deleted',
    );
    assert.ok(!order.some((o) => /DELETE .*\/partners\/[^/]+$/.test(o)), 'partner entries stay');
    const pair = (await api.pairs.recheck()).find((p) =>
      [p.a.tenantId, p.b.tenantId].includes(WOODGROVE),
    );
    assert.ok(pair, 'the partner entries still make a pair');
    assert.deepEqual(pair.syncs, []);
  });
});
