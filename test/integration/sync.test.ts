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

  it('restarts with a reset scope chosen in words', async () => {
    const api = await extensionApi();
    const { node } = await fabrikamJob();
    const mark = api.sandboxRequests().length;
    const choice = await vscode.commands.executeCommand<string>('crossTenant.restartJob', node, {
      choice: 'leaveQuarantine',
      confirm: false,
    });
    assert.equal(choice, 'leaveQuarantine');
    const sent = api
      .sandboxRequests()
      .slice(mark)
      .filter((r) => r.method === 'POST');
    assert.deepEqual(
      sent.map((r) => `${r.path.replace(/.*\/jobs\/[^/]+/, '…')} ${r.status}`),
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

  it('provisions users on demand within the rate limit and explains each result', async function () {
    this.timeout(60000);
    const api = await extensionApi();
    const users = (await contosoGraph('/users?$top=6&$select=id,displayName')).value as {
      id: string;
      displayName: string;
    }[];
    assert.equal(users.length, 6);
    const { node } = await fabrikamJob();
    const mark = api.sandboxRequests().length;
    const started = Date.now();
    const result = await vscode.commands.executeCommand<{
      uri: string;
      outcomes: { result?: { headline: string }; error?: string }[];
    }>('crossTenant.provisionOnDemand', node, {
      subjects: users.map((u) => ({ id: u.id, name: u.displayName, type: 'User' })),
    });
    assert.equal(result.outcomes.length, 6);
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
          expect: 'Type the start of a user or group name',
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
    const created = await vscode.commands.executeCommand<{
      servicePrincipalId: string;
      jobId: string;
      test: { ok: boolean };
    }>('crossTenant.newSyncConfiguration', `sandbox:${CONTOSO}`, {
      target: 'fabrikamretail.onmicrosoft.com',
      name: 'Fabrikam Retail (second)',
      notificationEmail: 'admin@contoso.com',
    });
    assert.equal(created.test.ok, true, 'the Contoso → Fabrikam pair allows sync');
    const config = await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail (second)');
    const [job] = await api.tree.getChildren(config);
    assert.equal(
      api.tree.getTreeItem(job).contextValue,
      'syncJob.paused',
      'a new job is created paused',
    );
    const [user] = (
      (await contosoGraph('/users?$top=30&$select=id,displayName')).value as {
        id: string;
        displayName: string;
      }[]
    ).filter((u) => /^[A-Za-z ]+$/.test(u.displayName));
    const [group] = (await contosoGraph('/groups?$top=1&$select=id,displayName')).value as {
      id: string;
      displayName: string;
    }[];
    const assigned = await runAnswering(
      [
        {
          expect: 'Type the start of a user or group name',
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
    const result = await vscode.commands.executeCommand<{
      outcomes: { result?: { headline: string } }[];
    }>('crossTenant.provisionOnDemand', started, {
      subjects: [{ id: user.id, name: user.displayName, type: 'User' }],
    });
    assert.ok(result.outcomes[0].result?.headline, JSON.stringify(result.outcomes));
    assert.equal(
      await vscode.commands.executeCommand(
        'crossTenant.deleteSyncConfiguration',
        await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail (second)'),
        { confirmText: 'Fabrikam Retail (second)' },
      ),
      true,
    );
    const names = (await childItems(api, await nodeAt(api, 'Contoso Group', SYNC))).map(labelOf);
    assert.ok(!names.includes('Fabrikam Retail (second)'), names.join(', '));
  });

  it('explains a failed connection test with the tenant and setting to fix', async () => {
    const created = await vscode.commands.executeCommand<{
      test: { ok: boolean; explanation?: { tenant: string; setting: string; message: string }[] };
    }>('crossTenant.newSyncConfiguration', `sandbox:${CONTOSO}`, {
      target: 'woodgrovebank.onmicrosoft.com',
      name: 'Woodgrove Bank',
      notificationEmail: '',
    });
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
  });

  it('saves the scope, notification email and deletion threshold with the credentials', async () => {
    const api = await extensionApi();
    const config = await nodeAt(api, 'Contoso Group', SYNC, 'Fabrikam Retail');
    const mark = api.sandboxRequests().length;
    const fabrikam = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
    assert.equal(
      await vscode.commands.executeCommand('crossTenant.configureSync', config, {
        targetTenantId: fabrikam,
        syncAll: false,
        notificationEmail: 'admin@contoso.com',
        deletionThreshold: 250,
        confirm: false,
      }),
      true,
    );
    assert.deepEqual(
      (await changesSince(mark)).map(
        (r) => `${r.method} ${r.path.replace(/.*\/synchronization/, '…')} ${r.status}`,
      ),
      ['PUT …/secrets 204'],
    );
  });
});
