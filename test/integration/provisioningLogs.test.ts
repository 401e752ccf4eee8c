import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage, PanelState } from '../../src/core/provisioning/panelProtocol';
import type { ProvisioningLogPanel } from '../../src/webview/provisioningLogPanel';
import {
  changesSince,
  extensionApi,
  freshSandbox,
  idsOf,
  logAfter,
  logMark,
  nodeAt,
  readLog,
  waitFor,
} from './api';

const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const TAILSPIN = '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3';
const TAILSPIN_SP = 'e7d2a5c8-16f3-4b9e-8a47-3d0c6b1f9e25';
const SYNC = 'Cross-tenant synchronization';

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('crossTenant.provisioningLogs');
}

/** Collects what the host sends to the webview. */
function recorder(panel: ProvisioningLogPanel): { messages: HostMessage[]; dispose(): void } {
  const messages: HostMessage[] = [];
  const sub = panel.onDidPost((m: HostMessage) => {
    messages.push(m);
  });
  return {
    messages,
    dispose: () => {
      sub.dispose();
    },
  };
}

async function openTailspinLogs(): Promise<ProvisioningLogPanel> {
  const api = await extensionApi();
  const node = await nodeAt(api, 'Contoso Group', SYNC, 'Tailspin Toys');
  const panel = await vscode.commands.executeCommand<ProvisioningLogPanel>(
    'crossTenant.showProvisioningLogs',
    node,
  );
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

/** How many entries the sandbox holds for the query of a recorded request (all pages, read directly). */
async function countInSandbox(path: string): Promise<number> {
  const sandbox = await (await extensionApi()).sandbox.get();
  const token = sandbox.mintToken({
    tenantId: CONTOSO,
    scp: ['AuditLog.Read.All', 'Directory.Read.All'],
  });
  const filter = new URL(path, 'https://graph.microsoft.com').searchParams.get('$filter') ?? '';
  let url: string | undefined =
    `https://graph.microsoft.com/v1.0/auditLogs/provisioning?$top=1000&$filter=${encodeURIComponent(filter)}`;
  let n = 0;
  while (url) {
    const res = await sandbox.fetch(url, { headers: { authorization: `Bearer ${token}` } });
    // The panel has just used the tenant's report budget: wait as Graph says.
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '1') * 1000));
      continue;
    }
    const body = (await res.json()) as { value: unknown[]; '@odata.nextLink'?: string };
    n += body.value.length;
    url = body['@odata.nextLink'];
  }
  return n;
}

describe('provisioning-log panel', function () {
  this.timeout(90_000);

  before(async () => {
    await freshSandbox();
    await settings().update('pageSize', 50, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one panel per configuration, loads the newest pages within the rate limit, cancels and resumes', async () => {
    const api = await extensionApi();
    const mark = api.sandboxRequests().length;
    const panel = await openTailspinLogs();
    assert.equal(
      await openTailspinLogs(),
      panel,
      'showing the configuration again reveals the same panel',
    );
    const tab = await waitFor('the panel tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) =>
            t.input instanceof vscode.TabInputWebview &&
            t.input.viewType.endsWith('crossTenant.provisioningLogs'),
        ),
    );
    assert.equal(tab.label, 'Provisioning Logs: Tailspin Toys');
    // The HTML is a shell: a strict policy with a fresh nonce, our script and stylesheet, no data.
    const html = panel.panel.webview.html;
    assert.match(
      html,
      /default-src 'none'; script-src 'nonce-[A-Za-z0-9+/]{24}'; style-src [^;]+; img-src/,
    );
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|Tailspin|Contoso|<script>/);
    assert.equal((html.match(/<script /g) ?? []).length, 1);
    // The real webview posts "ready"; the host then reads one rate-limit window of pages (5 × 50).
    await waitFor('the first pages', () => panel.progress?.state === 'paused' || undefined, 30_000);
    assert.equal(panel.loaded, 250);
    const reads = api
      .sandboxRequests()
      .slice(mark)
      .filter((r) => r.path.startsWith('/v1.0/auditLogs/provisioning'));
    assert.equal(reads.length, 5);
    const first = decodeURIComponent(reads[0].path);
    const firstRaw = reads[0].path;
    assert.match(
      first,
      new RegExp(`servicePrincipal/id eq '${TAILSPIN_SP}'`),
      'pre-filtered to the configuration',
    );
    assert.match(first, /activityDateTime gt \d{4}-/, 'the last days only');
    assert.ok(reads.every((r) => r.status === 200 && r.tokenTenantId === CONTOSO));

    // Cancelling "load more" (waiting for the rate-limit window, or reading) stops it: nothing more is sent.
    const rec = recorder(panel);
    panel.receive({ type: 'loadMore' });
    await waitFor(
      'load more under way',
      () =>
        rec.messages.some(
          (m) => m.type === 'progress' && (m.state === 'waiting' || m.state === 'loading'),
        ) || undefined,
    );
    panel.receive({ type: 'cancel' });
    await waitFor('cancelled', () => panel.progress?.state === 'cancelled' || undefined);
    const logReads = (): number =>
      api
        .sandboxRequests()
        .slice(mark)
        .filter((r) => r.path.startsWith('/v1.0/auditLogs/provisioning')).length;
    const afterCancel = logReads();
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(logReads(), afterCancel, 'nothing was sent after the cancel');

    panel.receive({ type: 'loadAll' });
    await waitFor(
      'everything loaded',
      () => panel.progress?.state === 'complete' || undefined,
      60_000,
    );
    rec.dispose();
    assert.equal(
      panel.loaded,
      await countInSandbox(firstRaw),
      'every entry of the last 7 days, once',
    );
    const rows = rec.messages.flatMap((m) => (m.type === 'rows' ? m.rows : []));
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'no row sent twice');
    const times = api
      .sandboxRequests()
      .slice(mark)
      .filter((r) => r.path.startsWith('/v1.0/auditLogs/provisioning'))
      .map((r) => r.at);
    for (let i = 5; i < times.length; i++)
      assert.ok(
        times[i] - times[i - 5] >= 10_000,
        `request ${i + 1} came ${times[i] - times[i - 5]} ms after request ${i - 4}`,
      );
    assert.ok(
      !api
        .sandboxRequests()
        .slice(mark)
        .some((r) => r.status === 429),
      'Graph never throttled us',
    );
  });

  it('explains a failure, points at the policy that causes it, and opens it with the setting selected', async () => {
    const panel = await openTailspinLogs();
    const rec = recorder(panel);
    panel.receive({ type: 'ready' });
    const rows = await waitFor('rows re-sent to a reloaded webview', () => {
      const r = rec.messages.flatMap((m) => (m.type === 'rows' ? m.rows : []));
      return r.length === panel.loaded ? r : undefined;
    });
    const failure = rows.find(
      (r) => r.errorCode === 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
    );
    assert.ok(failure, 'the Tailspin log has policy-check failures');
    panel.receive({ type: 'select', id: failure.id });
    const details = await waitFor(
      'details',
      () =>
        rec.messages.find(
          (m): m is Extract<HostMessage, { type: 'details' }> => m.type === 'details',
        )?.details,
    );
    assert.equal(details.id, failure.id);
    assert.match(details.error?.meaning ?? '', /automatic redemption/);
    assert.ok(details.steps.length > 0, 'the steps are listed');
    assert.ok(details.policy, 'the error points at a policy');
    assert.equal(details.policy.tenantId, TAILSPIN, 'the target tenant must change');
    assert.equal(details.policy.partnerTenantId, CONTOSO);

    panel.receive({ type: 'openPolicy', id: failure.id });
    const editor = await waitFor('the partner policy', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('.xta-partner.json') ||
      vscode.window.activeTextEditor?.document.uri.path.endsWith('.xta-identitysync.json')
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.deepEqual(idsOf(editor.document.uri), { tenant: TAILSPIN, partner: CONTOSO });
    assert.ok(
      editor.document.uri.path.startsWith('/Tailspin Toys/partners/Tailspin Toys › Contoso Group.'),
      editor.document.uri.path,
    );
    const selected = editor.document.getText(editor.selection);
    assert.ok(
      selected.includes(details.policy.setting.split('.').pop()!),
      `the setting is selected: ${selected}`,
    );

    await vscode.env.clipboard.writeText('');
    panel.receive({ type: 'copyIds', id: failure.id });
    const copied = await waitFor(
      'the ids on the clipboard',
      async () => (await vscode.env.clipboard.readText()) || undefined,
    );
    assert.match(copied, new RegExp(failure.id));
    assert.match(copied, new RegExp(failure.cycleId));
    rec.dispose();
  });

  it('provisions the selected user on demand', async () => {
    const api = await extensionApi();
    const panel = await openTailspinLogs();
    const rec = recorder(panel);
    panel.receive({ type: 'ready' });
    const row = await waitFor('a user row', () =>
      rec.messages
        .flatMap((m) => (m.type === 'rows' ? m.rows : []))
        .find((r) => r.identityType === 'User' && r.sourceId),
    );
    const mark = api.sandboxRequests().length;
    panel.receive({ type: 'provisionOnDemand', id: row.id });
    const sent = await waitFor('the on-demand request', () =>
      api
        .sandboxRequests()
        .slice(mark)
        .find((r) => r.method === 'POST' && r.path.endsWith('/provisionOnDemand')),
    );
    assert.equal(sent.tokenTenantId, CONTOSO);
    rec.dispose();
  });

  it('reports a failed action as a command does: the summary shown, the detail in the log', async () => {
    const panel = await openTailspinLogs();
    const mark = await logMark();
    // An entry the panel does not hold (the webview's rows were dropped by a reload, say).
    panel.receive({ type: 'openPolicy', id: 'no-such-entry' });
    await logAfter(
      mark,
      /Provisioning-log panel: openPolicy failed: Error: That log entry is no longer loaded: reload the panel\./,
    );
  });

  it('exports the filtered rows as CSV and JSON into the workspace', async () => {
    const panel = await openTailspinLogs();
    const filters = { statuses: ['failure'], actions: [], errorCode: '', cycleId: '', text: '' };
    panel.receive({
      type: 'export',
      format: 'csv',
      filters,
      sort: { column: 'time', descending: true },
    });
    const csvUri = await waitFor('the CSV file', () =>
      panel.lastExport?.path.endsWith('.csv') ? panel.lastExport : undefined,
    );
    const csv = Buffer.from(await vscode.workspace.fs.readFile(csvUri)).toString('utf8');
    const lines = csv.trimEnd().split('\r\n');
    assert.match(lines[0], /time/i);
    assert.ok(lines.length > 200, `${lines.length} lines`);
    assert.ok(
      lines.slice(1).every((l) => /failure/.test(l)),
      'only failures',
    );
    panel.receive({
      type: 'export',
      format: 'json',
      filters,
      sort: { column: 'time', descending: true },
    });
    const jsonUri = await waitFor('the JSON file', () =>
      panel.lastExport?.path.endsWith('.json') ? panel.lastExport : undefined,
    );
    const entries = JSON.parse(
      Buffer.from(await vscode.workspace.fs.readFile(jsonUri)).toString('utf8'),
    ) as { provisioningStatusInfo: { status: string } }[];
    assert.equal(entries.length, lines.length - 1);
    assert.ok(entries.every((e) => e.provisioningStatusInfo.status === 'failure'));
  });

  it('ignores malformed messages from the webview and says so in the log', async () => {
    const api = await extensionApi();
    const panel = await openTailspinLogs();
    const mark = api.sandboxRequests().length;
    panel.receive({ type: 'openPolicy', id: { toString: 'x' } });
    panel.receive({ type: 'reload', days: 10_000 });
    panel.receive('<img src=x onerror=alert(1)>');
    panel.receive({
      type: 'state',
      state: { target: { tenantId: TAILSPIN, servicePrincipalId: TAILSPIN_SP } },
    });
    await new Promise((r) => setTimeout(r, 300));
    const sent = [
      ...api
        .sandboxRequests()
        .slice(mark)
        .filter((r) => r.path.includes('/auditLogs/')),
      ...(await changesSince(mark)),
    ];
    assert.deepEqual(sent, [], 'nothing was sent for them');
    assert.match(await readLog(api.logUri), /ignored a malformed message/);
    assert.equal(
      panel.currentState.target.tenantId,
      CONTOSO,
      'the panel still shows its own configuration',
    );
  });

  it('live mode adds entries logged after the panel loaded', async () => {
    const api = await extensionApi();
    const panel = await openTailspinLogs();
    const rec = recorder(panel);
    const sandbox = await api.sandbox.get();
    const now = new Date().toISOString();
    const id = `live-test-${Date.now()}`;
    sandbox.appendProvisioningLogs(CONTOSO, [
      {
        id,
        activityDateTime: now,
        tenantId: CONTOSO,
        jobId: 'Azure2Azure.x',
        cycleId: 'live-cycle',
        changeId: 'live-change',
        provisioningAction: 'create',
        durationInMilliseconds: 1200,
        servicePrincipal: { id: TAILSPIN_SP, displayName: 'Tailspin Toys' },
        sourceIdentity: {
          id: 'live-user',
          displayName: 'Live User',
          identityType: 'User',
          details: {},
        },
        targetIdentity: { id: '', displayName: '', identityType: 'User', details: {} },
        provisioningStatusInfo: { status: 'success', errorInformation: null },
        provisioningSteps: [],
        modifiedProperties: [],
      },
    ]);
    panel.receive({ type: 'setLive', enabled: true });
    // The earlier on-demand run logged an entry too: at least ours is new.
    assert.ok((await panel.poll()) >= 1);
    const prepended = rec.messages
      .filter(
        (m): m is Extract<HostMessage, { type: 'rows' }> =>
          m.type === 'rows' && m.position === 'prepend',
      )
      .flatMap((m) => m.rows.map((r) => r.id));
    assert.ok(prepended.includes(id), `prepended: ${prepended.join(', ')}`);
    assert.equal(await panel.poll(), 0, 'a second poll finds nothing new');
    panel.receive({ type: 'setLive', enabled: false });
    rec.dispose();
  });

  it('a reloaded window restores the panel with its filters; a tampered state is refused', async () => {
    const api = await extensionApi();
    const existing = await openTailspinLogs();
    existing.dispose();
    const state: PanelState = {
      target: { tenantId: CONTOSO, servicePrincipalId: TAILSPIN_SP },
      filters: { statuses: ['failure'], actions: [], errorCode: '', cycleId: '', text: 'adele' },
      sort: { column: 'source', descending: false },
      days: 3,
      live: false,
    };
    const restored = vscode.window.createWebviewPanel(
      'crossTenant.provisioningLogs',
      'Provisioning Logs: Tailspin Toys',
      vscode.ViewColumn.One,
      {},
    );
    await api.logPanels.deserializeWebviewPanel(restored, state);
    const panel = api.logPanels.find(CONTOSO, TAILSPIN_SP);
    assert.ok(panel, 'the panel is tracked again');
    assert.deepEqual(panel.currentState.filters, state.filters);
    assert.equal(panel.currentState.days, 3);
    const bad = vscode.window.createWebviewPanel(
      'crossTenant.provisioningLogs',
      'x',
      vscode.ViewColumn.One,
      {},
    );
    let disposed = false;
    bad.onDidDispose(() => (disposed = true));
    await api.logPanels.deserializeWebviewPanel(bad, {
      ...state,
      target: { tenantId: '../../etc', servicePrincipalId: TAILSPIN_SP },
    });
    assert.ok(disposed, 'a state that does not validate does not open a panel');
    panel.dispose();
  });
});
