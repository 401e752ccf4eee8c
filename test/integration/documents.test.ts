import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  childItems,
  exportInto,
  extensionApi,
  freshSandbox,
  labelOf,
  nodeAt,
  runAnswering,
  waitFor,
} from './api';

const PARTNERS = /^Partners \(\d+\)$/;

async function openFromTree(...path: (string | RegExp)[]): Promise<vscode.TextEditor> {
  const api = await extensionApi();
  const item = api.tree.getTreeItem(await nodeAt(api, ...path));
  assert.equal(item.command?.command, 'crossTenant.openPolicy');
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  return waitFor('the document editor', () => {
    const e = vscode.window.activeTextEditor;
    return e?.document.uri.scheme === 'xtenant' ? e : undefined;
  });
}

/** Our diagnostics (source cross-tenant) and VS Code's JSON service's, once they settle. */
async function diagnostics(
  uri: vscode.Uri,
  expect: (d: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(
      `diagnostics of ${uri.path}`,
      () => {
        last = vscode.languages.getDiagnostics(uri);
        return expect(last) ? last : undefined;
      },
      15000,
    );
  } catch (err) {
    throw new Error(
      `${String(err)}; last seen: ${last.map((d) => `[${d.source ?? 'json'}:${codeOf(d)}] ${d.message}`).join(' | ') || 'none'}`,
    );
  }
}

/** A diagnostic's code as text (VS Code allows a string, a number or an object with a link). */
function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' ? String(c.value) : String(c ?? '');
}

async function replaceAll(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  await editor.edit((b) =>
    b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text),
  );
}

function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" in the document`);
  return doc.positionAt(i + offsetInNeedle);
}

describe('policy documents', () => {
  before(async () => {
    await freshSandbox();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens each kind of document from the tree as canonical JSON', async () => {
    for (const [path, suffix, key] of [
      [
        ['Contoso Group', 'Cross-tenant access', 'Base policy'],
        '.xta-policy.json',
        'allowedCloudEndpoints',
      ],
      [
        ['Contoso Group', 'Cross-tenant access', 'Default settings'],
        '.xta-default.json',
        'b2bCollaborationInbound',
      ],
      [
        ['Contoso Group', 'Cross-tenant access', PARTNERS, 'Northwind Traders'],
        '.xta-partner.json',
        'b2bDirectConnectInbound',
      ],
      [
        [
          'Fabrikam Retail',
          'Cross-tenant access',
          PARTNERS,
          'Contoso Group',
          'Identity synchronization',
        ],
        '.xta-identitysync.json',
        'userSyncInbound',
      ],
    ] as const) {
      const editor = await openFromTree(...path);
      assert.ok(editor.document.uri.path.endsWith(suffix), editor.document.uri.path);
      const text = editor.document.getText();
      assert.ok(
        text.endsWith('}\n') && text.startsWith('{\n  "'),
        'two-space canonical JSON with a trailing newline',
      );
      assert.ok(key in (JSON.parse(text) as object), `${key} in ${suffix}`);
      assert.ok(!text.includes('@odata'), 'server-owned annotations are removed');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it("names both tenants in the tabs and Problems of two tenants' entries for one partner, never by GUID", async () => {
    const inFabrikam = await openFromTree(
      'Fabrikam Retail',
      'Cross-tenant access',
      PARTNERS,
      'Contoso Group',
    );
    await replaceAll(inFabrikam, '{ "inboundTrust": 3 }\n');
    const inTailspin = await openFromTree(
      'Tailspin Toys',
      'Cross-tenant access',
      PARTNERS,
      'Contoso Group',
    );
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    assert.ok(tabs.includes('Fabrikam Retail › Contoso Group.xta-partner.json'), tabs.join(', '));
    assert.ok(tabs.includes('Tailspin Toys › Contoso Group.xta-partner.json'), tabs.join(', '));
    // The breadcrumbs are the path's folders: names too.
    assert.equal(
      inTailspin.document.uri.path,
      '/Tailspin Toys/partners/Tailspin Toys › Contoso Group.xta-partner.json',
    );
    // A Problems group is its document's file name and folder.
    await diagnostics(inFabrikam.document.uri, (d) => d.length > 0);
    const groups = vscode.languages
      .getDiagnostics()
      .filter(([uri, found]) => uri.scheme === 'xtenant' && found.length > 0)
      .map(([uri]) => uri.path);
    assert.ok(
      groups.includes('/Fabrikam Retail/partners/Fabrikam Retail › Contoso Group.xta-partner.json'),
      groups.join(', '),
    );
    for (const group of groups) assert.doesNotMatch(group, /[0-9a-f]{8}-[0-9a-f]{4}-/);
    await vscode.window.showTextDocument(inFabrikam.document);
  });

  it('reports a schema error and each semantic rule while typing, all as ours', async () => {
    const editor = await openFromTree(
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Fabrikam Retail',
    );
    const bad = {
      B2BCollaborationInbound: null,
      b2bCollaborationOutbound: {
        usersAndGroups: {
          accessType: 'blocked',
          targets: [{ target: 'AllUsers', targetType: 'user' }],
        },
        applications: {
          accessType: 'allowed',
          targets: [{ target: 'AllApplications', targetType: 'application' }],
        },
      },
      b2bDirectConnectInbound: {
        usersAndGroups: {
          accessType: 'allowed',
          targets: [{ target: 'AllUsers', targetType: 'group' }],
        },
        applications: {
          accessType: 'sometimes',
          targets: [{ target: 'AllApplications', targetType: 'application' }],
        },
      },
      tenantId: '00000000-0000-0000-0000-000000000001',
    };
    await replaceAll(editor, JSON.stringify(bad, null, 2) + '\n');
    const uri = editor.document.uri;
    const all = await diagnostics(uri, (d) =>
      [
        'property-casing',
        'all-blocked',
        'special-target',
        'tenant-id-mismatch',
        'schema-enum',
      ].every((c) => d.some((x) => x.code === c)),
    );
    const ours = all.filter((d) => d.source === 'cross-tenant');
    const casing = ours.find((d) => d.code === 'property-casing')!;
    assert.match(
      casing.message,
      /"B2BCollaborationInbound" must be written "b2bCollaborationInbound"/,
    );
    assert.equal(
      casing.range.start.line,
      positionOf(editor.document, '"B2BCollaborationInbound"').line,
    );
    assert.match(
      ours.find((d) => d.code === 'all-blocked')!.message,
      /all applications must be blocked too/,
    );
    assert.match(
      ours.find((d) => d.code === 'special-target')!.message,
      /"AllUsers" needs `targetType` "user"/,
    );
    assert.match(
      ours.find((d) => d.code === 'tenant-id-mismatch')!.message,
      /belongs to partner tenant/,
    );
    const enumError = ours.find((d) => d.code === 'schema-enum')!;
    assert.equal(enumError.message, '`accessType` must be "allowed" or "blocked".');
    assert.equal(enumError.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(enumError.range.start.line, positionOf(editor.document, '"sometimes"').line);
    assert.deepEqual(
      all.filter((d) => d.source !== 'cross-tenant').map((d) => d.message),
      [],
      'schema problems are listed once, by our checks (the JSON service only describes)',
    );
  });

  it('flags read-only automaticUserConsentSettings and user targets in the default', async () => {
    const editor = await openFromTree('Contoso Group', 'Cross-tenant access', 'Default settings');
    const text = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    text.automaticUserConsentSettings = { inboundAllowed: true, outboundAllowed: true };
    text.b2bCollaborationInbound = {
      usersAndGroups: {
        accessType: 'allowed',
        targets: [{ target: '5d2e8a71-9c34-4b6f-a1d8-3e7f0b9c2a46', targetType: 'group' }],
      },
      applications: {
        accessType: 'allowed',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    };
    await replaceAll(editor, JSON.stringify(text, null, 2) + '\n');
    const ours = (
      await diagnostics(editor.document.uri, (d) =>
        ['read-only', 'default-inbound-target'].every((c) => d.some((x) => x.code === c)),
      )
    ).filter((d) => d.source === 'cross-tenant');
    assert.match(ours.find((d) => d.code === 'read-only')!.message, /automaticUserConsentSettings/);
    assert.match(ours.find((d) => d.code === 'default-inbound-target')!.message, /"AllUsers"/);
  });

  it('flags a default setting removed or written as null: the default settings cannot inherit', async () => {
    const editor = await openFromTree('Contoso Group', 'Cross-tenant access', 'Default settings');
    const text = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    assert.ok('b2bDirectConnectInbound' in text && 'inboundTrust' in text);
    delete text.b2bDirectConnectInbound;
    text.inboundTrust = null;
    await replaceAll(editor, JSON.stringify(text, null, 2) + '\n');
    const ours = (
      await diagnostics(
        editor.document.uri,
        (d) => d.filter((x) => x.code === 'default-cannot-inherit').length === 2,
      )
    ).filter((d) => d.code === 'default-cannot-inherit');
    assert.deepEqual(
      ours.map((d) => [d.severity, d.message]),
      [
        [
          vscode.DiagnosticSeverity.Error,
          '`b2bDirectConnectInbound` was removed: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults.',
        ],
        [
          vscode.DiagnosticSeverity.Error,
          '`inboundTrust`: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults.',
        ],
      ],
    );
    assert.equal(ours[1].range.start.line, positionOf(editor.document, '"inboundTrust"').line);
  });

  it('a property Graph returned outside the v1.0 metadata is an information hint, and unknownFutureValue an error', async () => {
    // The sandbox serves Northwind's crossCloudMeetingConfiguration, as real partners carry it.
    const editor = await openFromTree(
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Northwind Traders',
    );
    const uri = editor.document.uri;
    assert.match(editor.document.getText(), /"crossCloudMeetingConfiguration"/);
    const hinted = await diagnostics(uri, (d) =>
      d.some((x) => x.code === 'schema-unknown-property'),
    );
    assert.deepEqual(
      hinted.map((d) => [d.source, codeOf(d), d.severity]),
      [['cross-tenant', 'schema-unknown-property', vscode.DiagnosticSeverity.Information]],
      'a hint, and nothing the user would have to fix (no warning from VS Code either)',
    );
    assert.match(hinted[0].message, /Graph returns it .*: it is kept as it is and never sent\./);

    const value = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    value.b2bCollaborationOutbound = {
      usersAndGroups: {
        accessType: 'unknownFutureValue',
        targets: [{ target: 'AllUsers', targetType: 'user' }],
      },
      applications: {
        accessType: 'allowed',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    };
    await replaceAll(editor, JSON.stringify(value, null, 2) + '\n');
    const future = (
      await diagnostics(uri, (d) => d.some((x) => x.code === 'unknown-future-value'))
    ).find((d) => d.code === 'unknown-future-value')!;
    assert.equal(future.severity, vscode.DiagnosticSeverity.Error);
    assert.match(future.message, /it cannot be set\. Set "allowed" or "blocked"\./);
  });

  it('offers enum values and property names as completions, and explains fields on hover', async () => {
    const editor = await openFromTree(
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Tailspin Toys',
    );
    const doc = editor.document;
    await replaceAll(
      editor,
      '{\n  "inboundTrust": null,\n  "b2bCollaborationInbound": {\n    "usersAndGroups": { "accessType": "", "targets": [] }\n  }\n}\n',
    );
    const inValue = positionOf(doc, '"accessType": ""', '"accessType": "'.length);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      inValue,
    );
    const labels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      labels.some((l) => l.includes('allowed')) && labels.some((l) => l.includes('blocked')),
      labels.join(', '),
    );
    assert.ok(
      !labels.some((l) => l.includes('unknownFutureValue')),
      `unknownFutureValue is never offered: ${labels.join(', ')}`,
    );
    const atKey = positionOf(doc, '"inboundTrust"');
    await editor.edit((b) => b.insert(new vscode.Position(atKey.line, 0), '  "\n'));
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(atKey.line, 3),
    );
    const keyLabels = keys.items.map((i) =>
      typeof i.label === 'string' ? i.label : i.label.label,
    );
    assert.ok(
      keyLabels.some((l) => l.includes('automaticUserConsentSettings')),
      keyLabels.join(', '),
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, '"inboundTrust"', 3),
    );
    const hoverText = hovers
      .flatMap((h) =>
        h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)),
      )
      .join('\n')
      .replace(/\\/g, '');
    assert.match(hoverText, /MFA/i, hoverText);
    assert.match(hoverText, /null/i, 'the hover says what null means');
  });

  it('applies a quick fix for a miscased property', async () => {
    const editor = await openFromTree(
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Tailspin Toys',
    );
    await replaceAll(editor, '{\n  "InboundTrust": null\n}\n');
    const d = (
      await diagnostics(editor.document.uri, (x) => x.some((y) => y.code === 'property-casing'))
    ).find((y) => y.code === 'property-casing')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /inboundTrust/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(editor.document.getText(), '{\n  "inboundTrust": null\n}\n');
    await diagnostics(editor.document.uri, (x) => !x.some((y) => y.code === 'property-casing'));
  });

  it('saving keeps a draft: nothing is pushed, the tree shows it, reopening shows it, discard drops it', async () => {
    const api = await extensionApi();
    const editor = await openFromTree(
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Northwind Traders',
    );
    const uri = editor.document.uri;
    const original = editor.document.getText();
    const edited = original.replace(/"isMfaAccepted": true/, '"isMfaAccepted": false');
    assert.notEqual(edited, original);
    const before = api.sandboxRequests().length;
    await replaceAll(editor, edited);
    assert.ok(await editor.document.save());
    const sent = api.sandboxRequests().slice(before);
    assert.ok(
      sent.every((r) => r.method === 'GET'),
      `saving sent nothing but reads: ${sent.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
    const partners = await childItems(
      api,
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS),
    );
    const node = partners.find((p) => labelOf(p) === 'Northwind Traders')!;
    assert.match(String(node.description), /^● draft · /);
    assert.match(String(node.contextValue), /\.modified$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reopened = await vscode.workspace.openTextDocument(uri);
    assert.equal(reopened.getText(), edited, 'the draft comes back');
    const live = await vscode.workspace.fs.readFile(uri.with({ scheme: 'xtenant-live' }));
    assert.equal(Buffer.from(live).toString('utf8'), original, 'the tenant is unchanged');
    const discarded = await runAnswering(
      [
        {
          expect:
            /^Discard your changes to .*\.xta-partner\.json\?\nThe document goes back to what the tenant holds now\./,
          answer: { confirm: 'Discard Draft' },
        },
      ],
      'crossTenant.discardDraft',
      uri,
    );
    assert.equal(discarded.result, true);
    const after = await vscode.workspace.fs.readFile(uri);
    assert.equal(Buffer.from(after).toString('utf8'), original);
    const refreshed = (
      await childItems(api, await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS))
    ).find((p) => labelOf(p) === 'Northwind Traders')!;
    assert.doesNotMatch(String(refreshed.description), /draft/);
  });

  it('checks workspace files with the same suffixes the same way', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    const partnerId = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
    const file = vscode.Uri.joinPath(
      folder,
      'contoso.onmicrosoft.com',
      'partners',
      `${partnerId}.xta-partner.json`,
    );
    await vscode.workspace.fs.writeFile(
      file,
      Buffer.from(
        '{\n  "tenantId": "9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60",\n  "InboundTrust": null,\n  "b2bCollaborationInbound": { "usersAndGroups": { "accessType": "nope", "targets": [] } }\n}\n',
      ),
    );
    await vscode.window.showTextDocument(file);
    const all = await diagnostics(file, (d) =>
      ['property-casing', 'tenant-id-mismatch', 'schema-enum'].every((c) =>
        d.some((x) => x.code === c),
      ),
    );
    assert.match(all.find((d) => d.code === 'tenant-id-mismatch')!.message, new RegExp(partnerId));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com'), {
      recursive: true,
    });
  });

  it("opens a partner's effective settings, annotated as set on the partner or inherited", async () => {
    const api = await extensionApi();
    const node = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Northwind Traders',
    );
    await vscode.commands.executeCommand('crossTenant.openEffective', node);
    const editor = await waitFor('the effective document', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'xtenant-effective'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'jsonc');
    assert.match(text, /set on this partner/);
    assert.match(text, /inherited from the default settings/);
    assert.match(text, /"b2bDirectConnectInbound"/);
  });

  it('exports a tenant into the workspace as reviewable files that pass the checks', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const paths = (await exportInto('contoso.onmicrosoft.com', folder, 'contoso.onmicrosoft.com'))
      .result!;
    assert.ok(paths.includes('contoso.onmicrosoft.com/README.md'), paths.join(', '));
    assert.ok(paths.includes('contoso.onmicrosoft.com/default.xta-default.json'));
    assert.ok(paths.includes('contoso.onmicrosoft.com/policy.xta-policy.json'));
    const fabrikam = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
    const partnerPath = `contoso.onmicrosoft.com/partners/${fabrikam}.xta-partner.json`;
    assert.ok(paths.includes(partnerPath));
    const readme = Buffer.from(
      await vscode.workspace.fs.readFile(
        vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com', 'README.md'),
      ),
    ).toString('utf8');
    assert.match(readme, /Fabrikam Retail/);
    const file = vscode.Uri.joinPath(folder, ...partnerPath.split('/'));
    await vscode.window.showTextDocument(file);
    await new Promise((r) => setTimeout(r, 1500));
    const errors = vscode.languages
      .getDiagnostics(file)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
      'an exported file has no errors',
    );
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'contoso.onmicrosoft.com'), {
      recursive: true,
    });
  });

  it('hovering a tenant id shows the organization it names', async () => {
    const editor = await openFromTree(
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Fabrikam Retail',
    );
    await replaceAll(editor, '{\n  "tenantId": "7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58"\n}\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, '7b1e5d93', 4),
    );
    const text = hovers
      .flatMap((h) =>
        h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)),
      )
      .join('\n')
      .replace(/\\/g, '');
    assert.match(text, /Fabrikam Retail/);
    assert.match(text, /fabrikamretail\.onmicrosoft\.com/);
  });
});
