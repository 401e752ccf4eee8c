import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PairRunResult, PlanStep } from '../../src/core/pairs/pairPlan';
import type { PairFindingNode, PairNode } from '../../src/tree/pairsTreeProvider';
import { SANDBOX_DEFAULT_SCOPES } from '../../src/sandbox/auth/permissions';
import {
  changesSince,
  discardIfDraft,
  extensionApi,
  freshSandbox,
  labelOf,
  nodeAt,
  waitFor,
} from './api';

const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const TAILSPIN = '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3';
const WOODGROVE = '9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60';
const PILOT_GROUP = '5d2e8a71-9c34-4b6f-a1d8-3e7f0b9c2a46';

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

type SetupOutcome =
  { plan: { target: PlanStep[]; source: PlanStep[] }; result?: PairRunResult } | undefined;

function setUp(options: Record<string, unknown>): Thenable<SetupOutcome> {
  return vscode.commands.executeCommand<SetupOutcome>('crossTenant.setUpSync', undefined, {
    source: `sandbox:${CONTOSO}`,
    target: `sandbox:${WOODGROVE}`,
    scope: { userIds: [], groupIds: [PILOT_GROUP] },
    userType: 'Member',
    configurationName: 'Woodgrove Bank',
    confirm: false,
    ...options,
  });
}

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

  it('the quick fix opens a draft with the change and pushes nothing', async () => {
    const api = await extensionApi();
    const node = await pairNode(/Tailspin Toys/);
    const finding = (await api.pairsTree.getChildren(node)).find(
      (n) => (n as PairFindingNode).finding?.id === 'autoRedeemInboundMissing',
    ) as PairFindingNode;
    const mark = api.sandboxRequests().length;
    const uri = await vscode.commands.executeCommand<string>('crossTenant.fixPairFinding', finding);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), uri);
    assert.ok(doc.uri.path.startsWith(`/${TAILSPIN}/partners/${CONTOSO}/`));
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

  it('a failure mid-way stops with a resumable result, and running again finishes the pair', async () => {
    const api = await extensionApi();
    // Contoso has not consented to assigning users: the assignment step gets a 403.
    api.sandbox.setConsentedPermissions(
      CONTOSO,
      SANDBOX_DEFAULT_SCOPES.filter((s) => s !== 'AppRoleAssignment.ReadWrite.All'),
    );
    const first = await setUp({});
    assert.ok(first?.result, 'it ran');
    assert.ok(first.result.failedStep, 'it stopped');
    assert.equal(first.result.failedStep.kind, 'assign');
    assert.equal(first.result.resumable, true);
    assert.match(String(first.result.error?.message), /403|Forbidden|Authorization|permission/i);
    assert.ok(
      first.result.completed.includes('target.userSyncInbound') &&
        first.result.completed.includes('source.configuration'),
      first.result.completed.join(),
    );
    // The admin consents and signs in again (a token keeps the scopes it was issued with).
    api.sandbox.setConsentedPermissions(CONTOSO, undefined);
    await vscode.commands.executeCommand('crossTenant.signOut', `sandbox:${CONTOSO}`);
    await vscode.commands.executeCommand('crossTenant.signIn', `sandbox:${CONTOSO}`);
  });

  it('sets up a fresh pair end to end; a second run changes nothing; the first provisioning entries arrive', async () => {
    const api = await extensionApi();
    (await api.sandbox.get()).setTimeCompression(200);
    const outcome = await setUp({});
    assert.ok(outcome?.result, 'it ran');
    assert.equal(outcome.result.failedStep, undefined, outcome.result.error?.message);
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
    const again = await setUp({});
    assert.equal(again?.result, undefined, 'nothing left to do');
    assert.ok([...again!.plan.target, ...again!.plan.source].every((s) => s.done));
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

  it('removes the pair in the safe order, keeping the partner entries', async () => {
    const api = await extensionApi();
    const mark = api.sandboxRequests().length;
    const outcome = await vscode.commands.executeCommand<{ result?: PairRunResult }>(
      'crossTenant.removePair',
      undefined,
      {
        source: `sandbox:${CONTOSO}`,
        target: `sandbox:${WOODGROVE}`,
        configurationName: 'Woodgrove Bank',
        confirm: false,
      },
    );
    assert.equal(outcome.result?.failedStep, undefined, outcome.result?.error?.message);
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
