import { moduleLoadStart } from './host/loadClock';
import * as vscode from 'vscode';
import { commands } from './commands';
import { createLog } from './host/log';
import { registerCommand } from './host/runCommand';
import { TenantsTreeProvider } from './tree/tenantsTreeProvider';

/** What activate() returns: used by the integration tests, not a public contract. */
export interface CrossTenantApi {
  readonly activationMs: number;
  /** Folder of the extension's log files (the log channel writes `Cross-Tenant.log` there). */
  readonly logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): CrossTenantApi {
  const activateStart = performance.now();
  const channel = vscode.window.createOutputChannel('Cross-Tenant', { log: true });
  const log = createLog(channel);
  const tree = new TenantsTreeProvider();
  context.subscriptions.push(
    channel,
    tree,
    vscode.window.createTreeView('crossTenant.tenants', { treeDataProvider: tree, showCollapseAll: true }),
    ...commands.map((c) => registerCommand(c, { log })),
  );
  const end = performance.now();
  const activationMs = end - moduleLoadStart;
  const version = (context.extension.packageJSON as { version: string }).version;
  // The first figure includes VS Code's own set-up between loading our bundle and calling activate().
  log.info(`Cross-Tenant Explorer ${version} activated in ${activationMs.toFixed(1)} ms since the bundle loaded ` +
    `(activate() itself ${(end - activateStart).toFixed(1)} ms)`);
  return { activationMs, logUri: context.logUri };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
