import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  changesSince,
  childItems,
  extensionApi,
  freshSandbox,
  labelOf,
  logAfter,
  logMark,
  nodeAt,
  readLog,
  runAnswering,
  waitFor,
} from './api';

const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const SYNC = 'Cross-tenant synchronization';

async function fabrikamJob(): Promise<{ node: unknown; item: vscode.TreeItem }> {
  const api = await extensionApi();
  await vscode.commands.executeCommand(
    'crossTenant.refresh',
    await nodeAt(api, 'Contoso Group', SYNC),
  );
  const [node] = await api.tree.getChildren(
    await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail'),
  );
  return { node, item: api.tree.getTreeItem(node) };
}

async function contosoGraph(path: string): Promise<Record<string, unknown>> {
  const sandbox = await (await extensionApi()).sandbox.get();
  const token = sandbox.mintToken({ tenantId: CONTOSO });
  const res = await sandbox.fetch(`https://graph.microsoft.com/v1.0${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('cross-tenant sync jobs', () => {
  before(async () => {
    await freshSandbox();
  });

  it('pauses and starts a job, and refuses Start on a running job', async () => {
    const api = await extensionApi();
    let { node, item } = await fabrikamJob();
    assert.equal(item.contextValue, 'syncJob.active');
    const mark = api.sandboxRequests().length;
    const logged = await logMark();
    assert.equal(
      await vscode.commands.executeCommand('crossTenant.startJob', node),
      undefined,
      'Start on a running job is refused',
    );
    // The refusal itself, as the user is told it (not any failure: a crash is logged as its own kind).
    await logAfter(
      logged,
      /crossTenant\.startJob failed: Error: Fabrikam Retail is already running: use Restart to run a full cycle now/,
    );
    assert.ok(
      !api
        .sandboxRequests()
        .slice(mark)
        .some((r) => r.path.endsWith('/start')),
      'nothing was sent',
    );
    assert.equal(await vscode.commands.executeCommand('crossTenant.pauseJob', node), true);
    ({ node, item } = await fabrikamJob());
    assert.equal(item.contextValue, 'syncJob.paused');
    assert.equal(labelOf(item), 'Paused');
    assert.equal(await vscode.commands.executeCommand('crossTenant.startJob', node), true);
    ({ item } = await fabrikamJob());
    assert.match(String(item.contextValue), /^syncJob\.(active|notRun)$/);
  });

  it('restarts with a reset scope chosen in words, after a confirmation; declined, nothing is sent', async () => {
    const api = await extensionApi();
    const { node } = await fabrikamJob();
    const scope = {
      expect: /Restart Fabrikam Retail\nWhat should the restart reset\?/,
      answer: { pick: 'Leave quarantine' },
    };
    const confirmation = /^Restart "Fabrikam Retail" in Contoso Group: Leave quarantine\?/;
    let mark = api.sandboxRequests().length;
    const logged = await logMark();
    const declined = await runAnswering(
      [scope, { expect: confirmation, answer: { cancel: true } }],
      'crossTenant.restartJob',
      node,
    );
    assert.deepEqual(
      declined.ui.shown.map((s) => s.kind),
      ['pick', 'confirm'],
      'the scope and the confirmation were asked',
    );
    assert.deepEqual(await changesSince(mark), [], 'nothing was sent');
    assert.doesNotMatch(
      (await readLog(api.logUri)).slice(logged),
      /crossTenant\.restartJob failed/,
      'a declined restart is not a failure',
    );

    mark = api.sandboxRequests().length;
    const { result } = await runAnswering(
      [scope, { expect: confirmation, answer: { confirm: 'Restart' } }],
      'crossTenant.restartJob',
      node,
    );
    assert.equal(result, 'leaveQuarantine');
    assert.deepEqual(
      (await changesSince(mark)).map(
        (r) => `${r.path.replace(/.*\/jobs\/[^/]+/, '…')} ${r.status}`,
      ),
      ['…/restart 204'],
    );
  });

  for (const answer of ['served', 'forbidden'] as const) {
    it(`job details show the saved settings where Graph returns them, and say when it does not (${answer})`, async () => {
      const api = await extensionApi();
      const sandbox = await api.sandbox.get();
      sandbox.setAnswers({ syncSecrets: answer });
      try {
        // A report of another job each time: an open report is not read again until refreshed.
        const [node] = await api.tree.getChildren(
          await nodeAt(
            api,
            'Contoso Group',
            SYNC,
            answer === 'served' ? 'Fabrikam Retail' : 'Tailspin Toys',
          ),
        );
        const uri = await vscode.commands.executeCommand<string>(
          'crossTenant.showJobDetails',
          node,
        );
        const text = await waitFor('the report', async () => {
          const t = (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText();
          return /## Saved settings/.test(t) ? t : undefined;
        });
        if (answer === 'served') {
          assert.match(
            text,
            /- Target tenant: Fabrikam Retail \(`7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58`\)/,
          );
          assert.match(text, /- Notification emails: on, to identity\\-ops\\@contoso\\\.com/);
          assert.match(text, /- Accidental-deletion prevention: on, threshold 500/);
        } else {
          assert.match(
            text,
            /- Could not be read \(Graph answered 403 Authorization\\_RequestDenied\): the target tenant, the scope and the notification settings are not shown\./,
          );
          assert.doesNotMatch(text, /- Target tenant:/);
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      } finally {
        sandbox.setAnswers({ syncSecrets: 'served' });
      }
    });
  }

  it('shows the job details as a report with status, schedule and threshold', async () => {
    const { node } = await fabrikamJob();
    const uri = await vscode.commands.executeCommand<string>('crossTenant.showJobDetails', node);
    const preview = await waitFor('the rendered report', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType),
        ),
    );
    assert.ok(preview.isActive, 'the report is shown');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const text = doc.getText();
    assert.match(text, /40 minutes/);
    assert.match(text, /threshold/i);
    assert.match(text, /Fabrikam Retail/);
  });

  it('an open job report follows a pause and a start of its job', async () => {
    const { node } = await fabrikamJob();
    const uri = await vscode.commands.executeCommand<string>('crossTenant.showJobDetails', node);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const status = () => /\*\*Status:\*\* ([^\n—]+)/.exec(doc.getText())?.[1]?.trim();
    assert.notEqual(status(), 'Paused');
    assert.equal(await vscode.commands.executeCommand('crossTenant.pauseJob', node), true);
    await waitFor('the report to say Paused', () => (status() === 'Paused' ? true : undefined));
    // Start reads the job's state from its node: the node after the pause, as the user clicks it.
    const paused = (await fabrikamJob()).node;
    assert.equal(await vscode.commands.executeCommand('crossTenant.startJob', paused), true);
    await waitFor('the report to leave Paused', () => (status() !== 'Paused' ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('provisions users on demand within the rate limit and explains each result', async function () {
    this.timeout(60000);
    const api = await extensionApi();
    const eriks = [
      'Erik Fischer',
      'Erik Walker',
      'Erik Becker',
      'Erik Alvarez',
      'Erik Ito',
      'Erik Moreau',
    ];
    const { node } = await fabrikamJob();
    const mark = api.sandboxRequests().length;
    const started = Date.now();
    const { result } = await runAnswering<{
      uri: string;
      outcomes: { subject: { name: string }; result?: { headline: string }; error?: string }[];
    }>(
      [
        {
          expect:
            /^Provision on demand: Fabrikam Retail\nType the start of a name, user principal name or email address$/,
          answer: { search: 'Erik', choose: eriks },
        },
      ],
      'crossTenant.provisionOnDemand',
      node,
    );
    assert.deepEqual(
      result.outcomes.map((o) => o.subject.name),
      eriks,
    );
    assert.ok(
      result.outcomes.every((o) => o.result?.headline && !o.error),
      JSON.stringify(result.outcomes.map((o) => o.error ?? o.result?.headline)),
    );
    const calls = api
      .sandboxRequests()
      .slice(mark)
      .filter((r) => r.path.endsWith('/provisionOnDemand'));
    assert.equal(calls.length, 6);
    assert.ok(
      calls.every((r) => r.status === 200),
      'no call was throttled: the client keeps to 5 per 10 s',
    );
    assert.ok(Date.now() - started >= 9000, 'the sixth call waited for the window');
    const report = (
      await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri))
    ).getText();
    assert.match(report, /# Provision on demand: Fabrikam Retail/);
    assert.equal((report.match(/^## /gm) ?? []).length, 6, 'one section per user');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('finds a user to provision by the user principal name an admin types', async function () {
    this.timeout(30000);
    const { node } = await fabrikamJob();
    const { result, ui } = await runAnswering<{
      outcomes: { subject: { name: string }; result?: { headline: string }; error?: string }[];
    }>(
      [
        {
          expect: /^Provision on demand: Fabrikam Retail\n/,
          answer: { search: 'adele.chen', choose: ['Adele Chen'] },
        },
      ],
      'crossTenant.provisionOnDemand',
      node,
    );
    assert.deepEqual(
      result.outcomes.map((o) => [o.subject.name, Boolean(o.result?.headline), o.error]),
      [['Adele Chen', true, undefined]],
      ui.describeShown(),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps other job nodes as they are when a job changes', async () => {
    const api = await extensionApi();
    const jobItems = async (): Promise<vscode.TreeItem[]> =>
      (
        await Promise.all(
          (await api.tree.getChildren(await nodeAt(api, 'Contoso Group', SYNC))).map((c) =>
            childItems(api, c),
          ),
        )
      ).flat();
    // What the user sees of a job node, without its relative times ("last run 5 min ago").
    const seen = (j: vscode.TreeItem) => ({
      id: j.id,
      label: labelOf(j),
      contextValue: j.contextValue,
      icon: (j.iconPath as vscode.ThemeIcon | undefined)?.id,
    });
    const tailspin = (items: vscode.TreeItem[]) =>
      items.find((j) => j.contextValue === 'syncJob.quarantine');
    const before = tailspin(await jobItems());
    assert.ok(before, 'Tailspin is quarantined');
    const { node, item } = await fabrikamJob();
    assert.notEqual(item.contextValue, 'syncJob.paused');
    assert.equal(await vscode.commands.executeCommand('crossTenant.pauseJob', node), true);
    const after = await jobItems();
    assert.equal(
      after.find((j) => j.id === item.id)?.contextValue,
      'syncJob.paused',
      "Fabrikam's job shows its change",
    );
    const still = tailspin(after);
    assert.ok(still, 'Tailspin stays quarantined');
    assert.deepEqual(seen(still), seen(before), "Tailspin's job node is as it was");
    // Back as it was for the tests that follow.
    assert.equal(
      await vscode.commands.executeCommand('crossTenant.startJob', (await fabrikamJob()).node),
      true,
    );
  });

  it('lists, adds and removes the users and groups in scope', async () => {
    const api = await extensionApi();
    const scope = () =>
      nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail', 'Users and groups in scope');
    const before = (await childItems(api, await scope())).map(labelOf);
    assert.ok(before.includes('Sync - Fabrikam Retail'), before.join(', '));
    const users = (
      (await contosoGraph('/users?$top=40&$select=id,displayName')).value as {
        id: string;
        displayName: string;
      }[]
    ).filter((u) => !before.includes(u.displayName) && /^[A-Za-z ]+$/.test(u.displayName));
    const user = users[0];
    const assigned = await runAnswering(
      [
        {
          expect: 'Type the start of a name, user principal name or email address',
          answer: { search: user.displayName, choose: [user.displayName] },
        },
      ],
      'crossTenant.addAssignment',
      await scope(),
    );
    assert.deepEqual(assigned.result, [user.id]);
    const added = await waitFor('the new assignment', async () =>
      (await api.tree.getChildren(await scope())).find(
        (n) => labelOf(api.tree.getTreeItem(n)) === user.displayName,
      ),
    );
    const removed = await runAnswering(
      [
        {
          expect: `Remove ${user.displayName} from the scope of`,
          answer: { confirm: 'Remove from Scope' },
        },
      ],
      'crossTenant.removeAssignment',
      added,
    );
    assert.equal(removed.result, true);
    const after = (await childItems(api, await scope())).map(labelOf);
    assert.ok(!after.includes(user.displayName));
  });

  it('pushes attribute mappings with PUT, and refuses to change the matching attribute', async () => {
    const api = await extensionApi();
    const { node } = await fabrikamJob();
    const uri = vscode.Uri.parse(
      await vscode.commands.executeCommand<string>('crossTenant.openSchema', node),
    );
    const editor = await waitFor('the schema editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()),
    );
    const schema = JSON.parse(editor.document.getText()) as {
      synchronizationRules: {
        objectMappings: {
          attributeMappings: {
            targetAttributeName: string;
            matchingPriority: number;
            flowBehavior: string;
            source: unknown;
          }[];
        }[];
      }[];
    };
    const mappings = schema.synchronizationRules[0].objectMappings[0].attributeMappings;
    const plain = mappings.find(
      (m) => !m.matchingPriority && m.flowBehavior === 'FlowWhenChanged',
    )!;
    plain.flowBehavior = 'FlowAlways';
    const write = async (value: unknown): Promise<void> => {
      const doc = editor.document;
      await editor.edit((b) =>
        b.replace(
          new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
          JSON.stringify(value, null, 2) + '\n',
        ),
      );
      assert.ok(await doc.save());
    };
    await write(schema);
    const mark = api.sandboxRequests().length;
    const { result } = await runAnswering<{ pushed: boolean } | undefined>(
      [{ expect: /^Push to Contoso Group: .* attribute mappings/, answer: { confirm: 'Push' } }],
      'crossTenant.push',
      uri,
    );
    if (!result)
      assert.fail(
        (await readLog(api.logUri))
          .split('\n')
          .filter((l) => l.includes('failed'))
          .slice(-2)
          .join('\n'),
      );
    assert.equal(result.pushed, true);
    assert.deepEqual(
      (await changesSince(mark)).map((r) => `${r.method} ${r.status}`),
      ['PUT 204'],
    );
    // Now break the matching attribute: nothing is sent.
    const again = JSON.parse(editor.document.getText()) as typeof schema;
    const matching = again.synchronizationRules[0].objectMappings[0].attributeMappings.find(
      (m) => m.matchingPriority > 0,
    )!;
    matching.matchingPriority = 0;
    await write(again);
    const mark2 = api.sandboxRequests().length;
    const logged = await logMark();
    assert.equal(
      (await runAnswering([], 'crossTenant.push', uri)).result,
      undefined,
      'the push is refused before any question',
    );
    await logAfter(
      logged,
      /crossTenant\.push failed: Error: Not pushed: .*Matching attributes pair users with their copies in the target/,
    );
    assert.equal((await changesSince(mark2)).length, 0);
    await runAnswering(
      [{ expect: /^Discard your changes to /, answer: { confirm: 'Discard Draft' } }],
      'crossTenant.discardDraft',
      uri,
    );
  });

  it('creates a configuration end to end, assigns a user, starts it and provisions on demand', async function () {
    this.timeout(60000);
    const api = await extensionApi();
    // "New Sync Configuration…" on Contoso's sync node acts on Contoso: no tenant is asked.
    const { result: created, ui } = await runAnswering<{
      servicePrincipalId: string;
      jobId: string;
      test: { ok: boolean };
    }>(
      [
        {
          expect: /^Sync users from Contoso Group to…\nThe target tenant$/,
          answer: { pick: 'Fabrikam Retail' },
        },
        { expect: /Name of the configuration/, answer: { input: 'Fabrikam Retail (second)' } },
        { expect: /Email for quarantine/, answer: { input: 'admin@contoso.com' } },
      ],
      'crossTenant.newSyncConfiguration',
      await nodeAt(api, 'Contoso Group', SYNC),
    );
    assert.equal(created.test.ok, true, 'the Contoso → Fabrikam pair allows sync');
    assert.ok(
      ui.shown.some(
        (s) =>
          s.kind === 'inform' &&
          /"Fabrikam Retail \(second\)" is ready and its connection works/.test(s.text),
      ),
      ui.describeShown(),
    );
    const config = await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail (second)');
    const [job] = await api.tree.getChildren(config);
    assert.equal(
      api.tree.getTreeItem(job).contextValue,
      'syncJob.paused',
      'a new job is created paused',
    );
    const [group] = (await contosoGraph('/groups?$top=1&$select=id,displayName')).value as {
      id: string;
      displayName: string;
    }[];
    const assigned = await runAnswering(
      [
        {
          expect: 'Type the start of a name, user principal name or email address',
          answer: { search: group.displayName, choose: [group.displayName] },
        },
      ],
      'crossTenant.addAssignment',
      config,
    );
    assert.deepEqual(assigned.result, [group.id]);
    assert.equal(await vscode.commands.executeCommand('crossTenant.startJob', job), true);
    const [started] = await api.tree.getChildren(
      await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail (second)'),
    );
    const { result } = await runAnswering<{
      outcomes: { subject: { name: string }; result?: { headline: string } }[];
    }>(
      [
        {
          expect: /^Provision on demand: Fabrikam Retail \(second\)/,
          answer: { search: 'Adele', choose: ['Adele Chen'] },
        },
      ],
      'crossTenant.provisionOnDemand',
      started,
    );
    assert.equal(result.outcomes[0].subject.name, 'Adele Chen');
    assert.ok(result.outcomes[0].result?.headline, JSON.stringify(result.outcomes));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Deleting needs the configuration's name typed: anything else is refused in the prompt.
    const deleteNode = await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail (second)');
    const typeName = /^Delete sync configuration "Fabrikam Retail \(second\)" from Contoso Group\n/;
    const mark = api.sandboxRequests().length;
    const refused = await runAnswering(
      [{ expect: typeName, answer: { input: 'Fabrikam Retail' } }],
      'crossTenant.deleteSyncConfiguration',
      deleteNode,
    );
    assert.equal(refused.ui.shown[0].refused, 'Type Fabrikam Retail (second) to confirm.');
    assert.deepEqual(await changesSince(mark), [], 'nothing was deleted');
    const deleted = await runAnswering(
      [{ expect: typeName, answer: { input: 'Fabrikam Retail (second)' } }],
      'crossTenant.deleteSyncConfiguration',
      deleteNode,
    );
    assert.equal(deleted.result, true);
    assert.ok(
      (await changesSince(mark)).some((r) => r.method === 'DELETE' && r.status === 204),
      'the configuration was deleted',
    );
    const names = (await childItems(api, await nodeAt(api, 'Contoso Group', SYNC))).map(labelOf);
    assert.ok(!names.includes('Fabrikam Retail (second)'), names.join(', '));
  });

  it('explains a failed connection test with the tenant and setting to fix', async () => {
    const api = await extensionApi();
    // Run on the tenant node: Contoso is the source. Woodgrove is looked up by its domain.
    const { result: created, ui } = await runAnswering<{
      test: { ok: boolean; explanation?: { tenant: string; setting: string; message: string }[] };
    }>(
      [
        {
          expect: /^Sync users from Contoso Group to…/,
          answer: { pick: /Another tenant, by id or domain/ },
        },
        {
          expect: /Tenant id or verified domain/,
          answer: { input: 'woodgrovebank.onmicrosoft.com' },
        },
        { expect: /Name of the configuration/, answer: { input: 'Woodgrove Bank' } },
        { expect: /Email for quarantine/, answer: { input: '' } },
      ],
      'crossTenant.newSyncConfiguration',
      await nodeAt(api, 'Contoso Group'),
    );
    assert.equal(created.test.ok, false);
    const problems = created.test.explanation!;
    assert.ok(
      problems.some(
        (p) =>
          p.tenant === 'target' &&
          p.setting === 'identitySynchronization.userSyncInbound.isSyncAllowed',
      ),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.some(
        (p) =>
          p.tenant === 'source' && p.setting === 'automaticUserConsentSettings.outboundAllowed',
      ),
      JSON.stringify(problems),
    );
    // What the user is told: which tenant must change what, and the policy to open.
    const warning = ui.shown.find((s) => s.kind === 'warn');
    assert.ok(warning, ui.describeShown());
    assert.match(warning.text, /^The connection test failed: sync would not work yet\. /);
    assert.match(warning.text, /Target tenant Woodgrove Bank: /);
    assert.match(warning.text, /Source tenant Contoso Group: /);
    // The first setting that can be fixed here: Contoso's own outbound redemption.
    assert.deepEqual(warning.choices, ["Open Contoso Group's Partner Policy"]);
  });

  it('saves the scope, notification email and deletion threshold with the credentials', async () => {
    const api = await extensionApi();
    const config = await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail');
    const fabrikam = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
    const upToThreshold = (threshold: string) => [
      { expect: /^Fabrikam Retail: target tenant\n/, answer: { input: fabrikam } },
      { expect: /^Fabrikam Retail: scope\n/, answer: { pick: 'Assigned users and groups only' } },
      {
        expect: /^Fabrikam Retail: notification email\n/,
        answer: { input: 'admin@contoso.com' },
      },
      {
        expect: /^Fabrikam Retail: accidental-deletion threshold\n/,
        answer: { input: threshold },
      },
    ];
    let mark = api.sandboxRequests().length;
    const refused = await runAnswering(upToThreshold('many'), 'crossTenant.configureSync', config);
    assert.equal(refused.ui.shown.at(-1)?.refused, 'A positive whole number, or empty.');
    assert.deepEqual(await changesSince(mark), [], 'nothing was saved');

    mark = api.sandboxRequests().length;
    const { result, ui } = await runAnswering(
      [
        ...upToThreshold('250'),
        {
          expect: /^Save the scope and notifications of "Fabrikam Retail" in Contoso Group\?/,
          answer: { confirm: 'Save' },
        },
      ],
      'crossTenant.configureSync',
      config,
    );
    assert.equal(result, true);
    assert.match(
      ui.shown.at(-1)!.text,
      /Syncs to 7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58; assigned users and groups only; emails admin@contoso\.com; deletion threshold 250\./,
    );
    assert.deepEqual(
      (await changesSince(mark)).map(
        (r) => `${r.method} ${r.path.replace(/.*\/synchronization/, '…')} ${r.status}`,
      ),
      ['PUT …/secrets 204'],
    );
  });
});
