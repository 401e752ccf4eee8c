import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLog } from './api';

const EXTENSION_ID = 'cross-tenant-explorer.cross-tenant-explorer';

describe('activation', () => {
  it('is installed but not activated at VS Code start-up', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is present');
    assert.equal(
      ext.isActive,
      false,
      'nothing should activate the extension before its view or a command is used',
    );
  });

  it('activates when its view is opened, and logs its activation time', async () => {
    await vscode.commands.executeCommand('crossTenant.tenants.focus');
    const ext = vscode.extensions.getExtension<{ activationMs: number; logUri: vscode.Uri }>(
      EXTENSION_ID,
    )!;
    for (let i = 0; i < 100 && !ext.isActive; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(ext.isActive, true, 'opening the Tenants view activates the extension');
    assert.ok(ext.exports.activationMs > 0);
    const text = await readLog(ext.exports.logUri);
    assert.match(text, /\[info\] Cross-Tenant Explorer [\d.]+ activated in [\d.]+ ms/);
  });

  it('registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (
      ext.packageJSON as { contributes: { commands: { command: string }[] } }
    ).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is registered`);
    assert.ok(contributed.includes('crossTenant.showLog'));
  });

  it('contributes the Tenants view in the Cross-Tenant container, with welcome content', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        viewsContainers: { activitybar: { id: string; title: string }[] };
        views: Record<string, { id: string; name: string }[]>;
        viewsWelcome: { view: string }[];
      };
    };
    assert.deepEqual(
      pkg.contributes.viewsContainers.activitybar.map((c) => c.title),
      ['Cross-Tenant'],
    );
    assert.deepEqual(
      pkg.contributes.views.crossTenant.map((v) => [v.id, v.name]),
      [
        ['crossTenant.tenants', 'Tenants'],
        ['crossTenant.pairs', 'Tenant Pairs'],
      ],
    );
    assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === 'crossTenant.tenants'));
    assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === 'crossTenant.pairs'));
  });

  it('"Show Log" runs and reveals the Cross-Tenant log channel', async () => {
    await vscode.commands.executeCommand('crossTenant.showLog');
    // The output view becomes visible with our channel; its document uses the output scheme.
    let shown = false;
    for (let i = 0; i < 60 && !shown; i++) {
      shown = vscode.window.visibleTextEditors.some(
        (e) =>
          e.document.uri.scheme === 'output' &&
          /Cross-Tenant/.test(
            e.document.uri.path +
              e.document.uri.fragment +
              e.document.getText(new vscode.Range(0, 0, 3, 0)),
          ),
      );
      if (!shown) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(shown, 'an output editor with the Cross-Tenant log is visible');
  });
});
