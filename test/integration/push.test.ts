import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Step } from '../support/scriptedUserInput';
import {
  changesSince,
  childItems,
  discardIfDraft,
  exportInto,
  extensionApi,
  freshSandbox,
  labelOf,
  logAfter,
  logMark,
  nodeAt,
  openFromTree,
  readdSandboxTenant,
  readLog,
  runAnswering,
  waitFor,
} from './api';

const PARTNERS = /^Partners \(\d+\)$/;
const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const NORTHWIND = 'c93d2a71-5e8f-4b14-a6d0-3f7b9e2c1d85';

/** The push's confirmation, answered "Push". */
const PUSH: Step = { expect: /^Push to Contoso Group: /, answer: { confirm: 'Push' } };
/** The question when live moved since a draft began. */
const MOVED_SINCE_DRAFT =
  /^Someone changed this policy in Contoso Group since your draft began\. Nothing was pushed\./;
const MOVED_SINCE_EXPORT =
  /^Someone changed this policy in Contoso Group since this file was exported\. Nothing was pushed\./;

interface PushResult {
  pushed: boolean;
  changes: string[];
  sent?: Record<string, unknown>;
  notPushed?: string;
}

/** Graph as another admin sees it: straight to the sandbox, not through the extension. */
async function graph(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json?: Record<string, unknown> }> {
  const api = await extensionApi();
  const sandbox = await api.sandbox.get();
  const token = sandbox.mintToken({
    tenantId: CONTOSO,
    scp: ['Policy.ReadWrite.CrossTenantAccess'],
  });
  const res = await sandbox.fetch(`https://graph.microsoft.com/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    ...(text ? { json: JSON.parse(text) as Record<string, unknown> } : {}),
  };
}

async function northwindPartner(): Promise<Record<string, unknown>> {
  return (await graph('GET', `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`)).json!;
}

/** Opens Contoso's Northwind partner from the tree, edits it with `edit`, saves the draft. */
async function editNorthwind(
  edit: (doc: Record<string, unknown>) => void,
): Promise<vscode.TextDocument> {
  const api = await extensionApi();
  const item = api.tree.getTreeItem(
    await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS, 'Northwind Traders'),
  );
  const editor = await openFromTree(item);
  const doc = editor.document;
  const value = JSON.parse(doc.getText()) as Record<string, unknown>;
  edit(value);
  await editor.edit((b) =>
    b.replace(
      new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
      JSON.stringify(value, null, 2) + '\n',
    ),
  );
  assert.ok(await doc.save());
  return doc;
}

function requestsSince(mark: number, method: string): Promise<number> {
  return extensionApi().then(
    (api) =>
      api
        .sandboxRequests()
        .slice(mark)
        .filter((r) => r.method === method).length,
  );
}

describe('diff and push', () => {
  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await freshSandbox();
  });

  afterEach(async () => {
    const api = await extensionApi();
    (await api.sandbox.get()).faults.clear();
    api.sandbox.setConsentedPermissions(CONTOSO, undefined);
    for (const d of vscode.workspace.textDocuments.filter((x) => x.uri.scheme === 'xtenant'))
      await discardIfDraft(d.uri);
  });

  it('diffs live against the draft with the right sides', async () => {
    const doc = await editNorthwind((v) => {
      (v.inboundTrust as Record<string, unknown>).isCompliantDeviceAccepted = true;
    });
    const title = await vscode.commands.executeCommand<string>('crossTenant.diffWithLive', doc.uri);
    const tab = await waitFor('the diff tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputTextDiff),
    );
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'xtenant-live');
    assert.equal(input.modified.toString(), doc.uri.toString());
    assert.match(title, /^Contoso Group › partner Northwind Traders: live ↔ draft$/);
  });

  it('pushes a minimal PATCH, then the sandbox, the draft and the tree show the change', async () => {
    const api = await extensionApi();
    const doc = await editNorthwind((v) => {
      (v.inboundTrust as Record<string, unknown>).isCompliantDeviceAccepted = true;
    });
    const mark = api.sandboxRequests().length;
    const { result, ui } = await runAnswering<PushResult>([PUSH], 'crossTenant.push', doc.uri);
    assert.equal(result.pushed, true);
    // The confirmation named the change in words and offered one button.
    assert.match(
      ui.shown[0].text,
      /^Push to Contoso Group: 1 change to the partner settings for Northwind Traders\?\n• Inbound trust, compliant devices: not trusted → trusted/,
    );
    assert.deepEqual(ui.shown[0].choices, ['Push']);
    const writes = await changesSince(mark);
    assert.deepEqual(
      writes.map((r) => `${r.method} ${r.path} ${r.status}`),
      [`PATCH /v1.0/policies/crossTenantAccessPolicy/partners/${NORTHWIND} 204`],
      "one PATCH, with Contoso's token",
    );
    assert.equal(writes[0].tokenTenantId, CONTOSO);
    // The log says what was sent and its request id, and never shows a token.
    const log = await waitFor('the push in the log', async () => {
      const text = await readLog(api.logUri);
      return /PATCH \S+partners\/c93d2a71\S* → 204 .*request-id=[0-9a-f-]{36}/.test(text) &&
        /Pushed to Contoso Group .*"inboundTrust"/.test(text)
        ? text
        : undefined;
    });
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\./.test(log), 'no token in the log');
    assert.deepEqual(
      Object.keys(result.sent!),
      ['inboundTrust'],
      'only the changed top-level property is sent',
    );
    assert.deepEqual(
      result.sent!.inboundTrust,
      {
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: false,
        isMfaAccepted: true,
      },
      'the nested object is sent whole',
    );
    assert.ok(
      result.changes.some((c) => /compliant/i.test(c)),
      result.changes.join(' | '),
    );
    assert.equal(
      ((await northwindPartner()).inboundTrust as Record<string, unknown>)
        .isCompliantDeviceAccepted,
      true,
    );
    const discard = await runAnswering<boolean>([], 'crossTenant.discardDraft', doc.uri);
    assert.equal(discard.result, false, 'no draft is left after a push');
    assert.deepEqual(
      discard.ui.shown.map((x) => x.text),
      ['This document has no draft: it shows what the tenant holds.'],
    );
    const node = (
      await childItems(api, await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS))
    ).find((p) => labelOf(p) === 'Northwind Traders')!;
    assert.match(String(node.description), /trusts MFA, compliant/);
  });

  it('refuses to push a document with errors, sending nothing', async () => {
    const api = await extensionApi();
    const doc = await editNorthwind((v) => {
      v.B2BCollaborationInbound = null;
    });
    const mark = api.sandboxRequests().length;
    // No question is asked: an unscripted prompt would fail the command.
    const { result, ui } = await runAnswering<PushResult>([], 'crossTenant.push', doc.uri);
    assert.equal(result.pushed, false);
    // Refused for the errors, with the first one named (not "nothing to push", not a crash).
    assert.match(
      result.notPushed ?? '',
      /^Not pushed: the document has \d+ errors? \(first: line \d+, .+\)$/,
    );
    // The user reads the same words, with the way to the errors.
    assert.deepEqual(
      ui.shown.map((s) => [s.kind, s.text, s.choices]),
      [['warn', result.notPushed, ['Show Problems']]],
    );
    assert.equal(await requestsSince(mark, 'PATCH'), 0);
  });

  it('counts in its refusal the errors Problems shows, each finding with one severity (issue 16)', async () => {
    const api = await extensionApi();
    const item = api.tree.getTreeItem(
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS, 'Northwind Traders'),
    );
    const editor = await openFromTree(item);
    const doc = editor.document;
    // Two values outside their enums, AllUsers with the wrong type, and a duplicate key (the one
    // finding VS Code's JSON parser lists itself: its warnings show that it has read this text).
    const text = [
      '{',
      '  "b2bCollaborationInbound": {',
      '    "usersAndGroups": {',
      '      "accessType": "Allowed",',
      '      "targets": [{ "target": "AllUsers", "targetType": "permit" }]',
      '    },',
      '    "applications": null',
      '  },',
      '  "isServiceProvider": false,',
      '  "isServiceProvider": false',
      '}',
      '',
    ].join('\n');
    await editor.edit((b) =>
      b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text),
    );
    assert.ok(await doc.save());
    const shown = await waitFor(
      'the problems of the document',
      () => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.some((x) => x.code === 'special-target') &&
          d.some((x) => x.source !== 'cross-tenant')
          ? d
          : undefined;
      },
      15000,
    );
    const seen = shown.map(
      (d) => `${d.source ?? 'json'} ${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line}`,
    );
    const errors = shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => [d.source, d.code, d.range.start.line]),
      [
        ['cross-tenant', 'schema-enum', 3],
        ['cross-tenant', 'schema-enum', 4],
        ['cross-tenant', 'special-target', 4],
      ],
      seen.join(' | '),
    );
    // VS Code's JSON service judges no value: it lists only the duplicate key, as a warning (twice,
    // at both keys), and our checks leave that one to it.
    assert.deepEqual(
      shown
        .filter((d) => d.source !== 'cross-tenant')
        .map((d) => [vscode.DiagnosticSeverity[d.severity], d.range.start.line])
        .sort((a, b) => Number(a[1]) - Number(b[1])),
      [
        ['Warning', 8],
        ['Warning', 9],
      ],
      seen.join(' | '),
    );
    const mark = api.sandboxRequests().length;
    const { result } = await runAnswering<PushResult>([], 'crossTenant.push', doc.uri);
    assert.equal(
      result.notPushed,
      'Not pushed: the document has 3 errors (first: line 4, `accessType` must be "allowed" or "blocked".)',
    );
    assert.equal(await requestsSince(mark, 'PATCH'), 0);
  });

  it('refuses a default-settings push that removes a setting, from a draft or a workspace file, sending nothing', async () => {
    const api = await extensionApi();
    const item = api.tree.getTreeItem(
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', 'Default settings'),
    );
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the default editor', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('.xta-default.json')
        ? vscode.window.activeTextEditor
        : undefined,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const doc = editor.document;
    const value = JSON.parse(doc.getText()) as Record<string, unknown>;
    delete value.b2bDirectConnectInbound;
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
        JSON.stringify(value, null, 2) + '\n',
      ),
    );
    assert.ok(await doc.save());
    const before = await graph('GET', '/policies/crossTenantAccessPolicy/default');
    const refusal =
      /Not pushed: the document has 1 error \(first: line 1, `b2bDirectConnectInbound` was removed: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults\.\)/;
    const refusals = async () => (await readLog(api.logUri)).split(refusal).length - 1;
    const seen = await refusals();

    // A draft: the document knows what it started from.
    let mark = api.sandboxRequests().length;
    let { result } = await runAnswering<PushResult | undefined>([], 'crossTenant.push', doc.uri);
    assert.equal(result?.pushed, false, 'refused, not failed');
    assert.match(result?.notPushed ?? '', refusal, 'the user is told why');
    assert.equal(await requestsSince(mark, 'PATCH'), 0, 'nothing is sent');
    await waitFor('the refusal in the log', async () =>
      (await refusals()) === seen + 1 ? true : undefined,
    );

    // A workspace file: only live, read at push time, shows the setting was there.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await exportInto(`sandbox:${CONTOSO}`, folder, 'contoso.onmicrosoft.com');
    const file = vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com', 'default.xta-default.json');
    const exported = JSON.parse(
      Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8'),
    ) as Record<string, unknown>;
    delete exported.b2bDirectConnectInbound;
    await vscode.workspace.fs.writeFile(
      file,
      Buffer.from(JSON.stringify(exported, null, 2) + '\n', 'utf8'),
    );
    mark = api.sandboxRequests().length;
    ({ result } = await runAnswering<PushResult | undefined>([], 'crossTenant.push', file));
    assert.equal(result?.pushed, false, 'refused, not failed');
    assert.match(result?.notPushed ?? '', refusal, 'the user is told why');
    assert.equal(await requestsSince(mark, 'PATCH'), 0, 'nothing is sent');
    await waitFor('the second refusal in the log', async () =>
      (await refusals()) === seen + 2 ? true : undefined,
    );
    assert.deepEqual(await graph('GET', '/policies/crossTenantAccessPolicy/default'), before);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com'), {
      recursive: true,
    });
  });

  it("detects a colleague's change made since the draft began, and sends nothing unless told", async () => {
    const api = await extensionApi();
    const doc = await editNorthwind((v) => {
      (v.inboundTrust as Record<string, unknown>).isMfaAccepted = false;
    });
    // A colleague changes the same setting directly in the tenant.
    const colleague = await graph(
      'PATCH',
      `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`,
      {
        inboundTrust: {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      },
    );
    assert.equal(colleague.status, 204);
    const mark = api.sandboxRequests().length;
    const logged = await logMark();
    const cancelled = await runAnswering<PushResult | undefined>(
      [{ expect: MOVED_SINCE_DRAFT, answer: { cancel: true } }],
      'crossTenant.push',
      doc.uri,
    );
    assert.equal(cancelled.result, undefined, 'declined: nothing pushed');
    assert.deepEqual(cancelled.ui.shown[0].choices, [
      'Rebase onto Live',
      'Show Versions',
      'Overwrite Live…',
    ]);
    assert.match(
      cancelled.ui.shown[0].text,
      /Changed in the tenant:\n• Inbound trust, compliant devices: not trusted → trusted/,
    );
    assert.equal(await requestsSince(mark, 'PATCH'), 0);
    assert.equal(
      ((await northwindPartner()).inboundTrust as Record<string, unknown>)
        .isCompliantDeviceAccepted,
      true,
      "the colleague's change stands",
    );
    // Rebase keeps the colleague's change and applies mine (they changed different settings, so
    // nothing asks whose value wins: such a question would fail the push here).
    const { result: rebased } = await runAnswering<PushResult>(
      [{ expect: MOVED_SINCE_DRAFT, answer: { confirm: 'Rebase onto Live' } }, PUSH],
      'crossTenant.push',
      doc.uri,
    );
    assert.equal(rebased.pushed, true);
    // Declining is silent; a crash is not: the wrapper would have logged "crossTenant.push failed"
    // before the rebased push's own line.
    const pushedLine = await logAfter(logged, /Pushed to Contoso Group /);
    const beforePush = (await readLog(api.logUri)).slice(logged).split(pushedLine)[0];
    assert.doesNotMatch(beforePush, /crossTenant\.push failed/);
    const trust = (await northwindPartner()).inboundTrust as Record<string, unknown>;
    assert.equal(trust.isMfaAccepted, false, 'my change');
    assert.equal(trust.isCompliantDeviceAccepted, true, "the colleague's change is kept");
  });

  for (const [name, breakIt, failure, steps] of [
    [
      '403 (missing permission)',
      async () =>
        (await extensionApi()).sandbox.setConsentedPermissions(CONTOSO, [
          'Policy.Read.All',
          'User.Read',
          'CrossTenantInformation.ReadBasic.All',
        ]),
      /crossTenant\.push failed: GraphError 403 /,
      // Refused at the PATCH, after the confirmation.
      [PUSH],
    ],
    [
      '503 after the retries',
      async () =>
        (await (await extensionApi()).sandbox.get()).faults.set({
          unavailable: { count: 100, retryAfterSeconds: 0 },
        }),
      /crossTenant\.push failed: GraphError 503 /,
      // Live cannot be read: nothing is asked.
      [],
    ],
  ] as const) {
    it(`keeps the draft byte-identical when the push fails with ${name}`, async () => {
      const api = await extensionApi();
      const doc = await editNorthwind((v) => {
        (v.inboundTrust as Record<string, unknown>).isHybridAzureADJoinedDeviceAccepted = true;
      });
      const draftBefore = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
      // A fresh client, so the edit bundle's token is asked for now (with the limited consent).
      await readdSandboxTenant(CONTOSO, 'Contoso Group');
      // The failure may hit the re-read of live (503) or the PATCH (403); either way nothing changes.
      await breakIt();
      const logged = await logMark();
      const { result } = await runAnswering<PushResult | undefined>(
        steps,
        'crossTenant.push',
        doc.uri,
      );
      assert.equal(result, undefined, 'the push failed');
      // It failed with Graph's answer, not with a crash of ours.
      await logAfter(logged, failure);
      (await api.sandbox.get()).faults.clear();
      const draftAfter = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
      assert.equal(draftAfter, draftBefore, 'the draft is untouched');
      assert.equal(
        ((await northwindPartner()).inboundTrust as Record<string, unknown>)
          .isHybridAzureADJoinedDeviceAccepted,
        false,
        'the tenant is untouched',
      );
    });
  }

  for (const answer of ['conflict', 'badRequest'] as const) {
    it(`Add Partner says an organization is a partner already (sandbox answers ${answer === 'conflict' ? '409, as documented' : '400 with the code'})`, async () => {
      const api = await extensionApi();
      const sandbox = await api.sandbox.get();
      sandbox.setAnswers({ alreadyExists: answer });
      try {
        const before = (await readLog(api.logUri)).length;
        const mark = api.sandboxRequests().length;
        const { result: id } = await runAnswering<string | undefined>(
          [
            {
              expect: 'The partner organization',
              answer: { input: 'northwindtraders.onmicrosoft.com' },
            },
            {
              expect:
                /^Add Northwind Traders \(northwindtraders\.onmicrosoft\.com\) as a partner of Contoso Group\?/,
              answer: { confirm: 'Add Partner' },
            },
          ],
          'crossTenant.addPartner',
          `sandbox:${CONTOSO}`,
        );
        assert.equal(id, undefined);
        const posts = api
          .sandboxRequests()
          .slice(mark)
          .filter((r) => r.method === 'POST' && r.path.endsWith('/partners'));
        assert.deepEqual(
          posts.map((r) => r.status),
          [answer === 'conflict' ? 409 : 400],
        );
        await waitFor('the explanation in the log', async () =>
          // The log has the error's stack: "Error: <message>", then where it was thrown.
          /crossTenant\.addPartner failed: (Error: )?Northwind Traders is already a partner of Contoso Group\./.test(
            (await readLog(api.logUri)).slice(before),
          )
            ? true
            : undefined,
        );
      } finally {
        sandbox.setAnswers({ alreadyExists: 'conflict' });
      }
    });
  }

  it('adds a partner by domain, allows user sync, and deletes it again', async () => {
    const api = await extensionApi();
    const { result: id } = await runAnswering<string>(
      [
        { expect: 'The partner organization', answer: { input: 'woodgrovebank.onmicrosoft.com' } },
        {
          expect: /^Add Woodgrove Bank .* as a partner of Contoso Group\?/,
          answer: { confirm: 'Add Partner' },
        },
      ],
      'crossTenant.addPartner',
      `sandbox:${CONTOSO}`,
    );
    assert.match(id, /^[0-9a-f-]{36}$/);
    const partner = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Woodgrove Bank',
    );
    const allowed = await runAnswering(
      [
        {
          expect: 'Allow Woodgrove Bank to sync users into Contoso Group?',
          answer: { confirm: 'Allow User Sync' },
        },
      ],
      'crossTenant.allowUserSync',
      partner,
    );
    assert.equal(allowed.result, 'created');
    const withSync = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS, 'Woodgrove Bank'),
    );
    assert.equal(labelOf(withSync[0]), 'Identity synchronization');
    const woodgrove = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Woodgrove Bank',
    );
    // The typed domain is the only way to delete: the old option answers nothing, and a wrong
    // text is refused by the input box itself. Nothing is sent either way.
    const mark = api.sandboxRequests().length;
    const logged = await logMark();
    await runAnswering(
      [{ expect: /Type woodgrovebank\.onmicrosoft\.com to confirm\./, answer: { cancel: true } }],
      'crossTenant.deletePartner',
      woodgrove,
      { confirmText: 'woodgrovebank.onmicrosoft.com' },
    );
    const wrong = await runAnswering(
      [
        {
          expect: /Type woodgrovebank\.onmicrosoft\.com to confirm\./,
          answer: { input: 'woodgrove' },
        },
      ],
      'crossTenant.deletePartner',
      woodgrove,
    );
    assert.equal(wrong.ui.shown[0].refused, 'Type woodgrovebank.onmicrosoft.com to confirm.');
    assert.deepEqual(await changesSince(mark), []);
    assert.doesNotMatch((await readLog(api.logUri)).slice(logged), /deletePartner failed/);
    const deleted = await runAnswering(
      [
        {
          expect:
            /^Delete partner Woodgrove Bank from Contoso Group\n.*with its identity synchronization/,
          answer: { input: 'WoodgroveBank.onmicrosoft.com ' },
        },
      ],
      'crossTenant.deletePartner',
      woodgrove,
    );
    assert.equal(deleted.result, true);
    assert.deepEqual(
      (await changesSince(mark)).map((r) => `${r.method} ${r.status} ${r.tokenTenantId}`),
      [`DELETE 204 ${CONTOSO}`, `DELETE 204 ${CONTOSO}`],
      'its identity synchronization, then the partner, in Contoso',
    );
    const after = (
      await childItems(api, await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS))
    ).map(labelOf);
    assert.ok(!after.includes('Woodgrove Bank'), after.join(', '));
  });

  it('pushes an exported workspace file and reports drift in Problems', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await exportInto(`sandbox:${CONTOSO}`, folder, 'contoso.onmicrosoft.com');
    const file = vscode.Uri.joinPath(
      folder,
      'contoso.onmicrosoft.com',
      'partners',
      `${NORTHWIND}.xta-partner.json`,
    );
    let drift = await vscode.commands.executeCommand<{ file: string; message: string }[]>(
      'crossTenant.checkDrift',
      folder,
    );
    assert.deepEqual(drift, [], 'no drift right after the export');
    // Behind the files' back, the tenant changes.
    await graph('PATCH', `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`, {
      inboundTrust: {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
    });
    drift = await vscode.commands.executeCommand<{ file: string; message: string }[]>(
      'crossTenant.checkDrift',
      folder,
    );
    assert.equal(drift.length, 1, JSON.stringify(drift));
    assert.match(drift[0].message, /MFA: file says true, tenant has false/);
    const problems = await waitFor('drift in Problems', () =>
      vscode.languages.getDiagnostics(file).find((d) => d.source === 'cross-tenant drift'),
    );
    assert.match(problems.message, /MFA/);
    await vscode.window.showTextDocument(file);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      file,
      problems.range,
    );
    assert.ok(actions.some((a) => a.title === 'Diff Against Live'));
    // The file's base says the tenant moved since the export: restoring what the file says
    // overwrites that change, so it takes the explicit "Overwrite Live…".
    const { result } = await runAnswering<PushResult>(
      [
        { expect: MOVED_SINCE_EXPORT, answer: { confirm: 'Overwrite Live…' } },
        {
          expect:
            /^Overwrite the changes made in Contoso Group\?\nThese changes made in the tenant will be replaced by your draft:\n• Inbound trust, MFA: trusted → not trusted/,
          answer: { confirm: 'Overwrite' },
        },
        PUSH,
      ],
      'crossTenant.push',
      file,
    );
    assert.equal(result.pushed, true);
    assert.equal(
      ((await northwindPartner()).inboundTrust as Record<string, unknown>).isMfaAccepted,
      true,
    );
    drift = await vscode.commands.executeCommand<{ file: string; message: string }[]>(
      'crossTenant.checkDrift',
      folder,
    );
    assert.deepEqual(drift, []);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com'), {
      recursive: true,
    });
  });

  // Issue 14, defect 2, in the editor: the exported file's base (.xta-base/) tells the user's edit
  // from a colleague's change made in the tenant since.
  it("pushing an exported file keeps a colleague's change: rebased, the file then holds both", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await exportInto(`sandbox:${CONTOSO}`, folder, 'contoso.onmicrosoft.com');
    const tenantFolder = vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com');
    const file = vscode.Uri.joinPath(tenantFolder, 'partners', `${NORTHWIND}.xta-partner.json`);
    const base = vscode.Uri.joinPath(
      tenantFolder,
      '.xta-base',
      'partners',
      `${NORTHWIND}.xta-partner.base.json`,
    );
    // A colleague stops trusting Northwind's MFA; this user trusts its compliant devices.
    await graph('PATCH', `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`, {
      inboundTrust: {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
    });
    const editor = await vscode.window.showTextDocument(file);
    const text = editor.document.getText();
    const at = text.indexOf('"isCompliantDeviceAccepted": false');
    assert.ok(at > 0, text);
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(
          editor.document.positionAt(at),
          editor.document.positionAt(at + '"isCompliantDeviceAccepted": false'.length),
        ),
        '"isCompliantDeviceAccepted": true',
      ),
    );
    const { result } = await runAnswering<PushResult>(
      [{ expect: MOVED_SINCE_EXPORT, answer: { confirm: 'Rebase onto Live' } }, PUSH],
      'crossTenant.push',
      file,
    );
    assert.equal(result.pushed, true);
    assert.deepEqual((await northwindPartner()).inboundTrust, {
      isMfaAccepted: false,
      isCompliantDeviceAccepted: true,
      isHybridAzureADJoinedDeviceAccepted: false,
    });
    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString());
    assert.equal(saved.inboundTrust.isMfaAccepted, false, 'the file holds the colleague change');
    const recorded = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(base)).toString());
    assert.equal(recorded.inboundTrust.isCompliantDeviceAccepted, true, 'the base is live now');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(tenantFolder, { recursive: true });
  });
});
