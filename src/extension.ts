import { moduleLoadStart } from './host/loadClock';
import * as vscode from 'vscode';
import { commands } from './commands';
import { createLog } from './host/log';
import { registerCommand } from './host/runCommand';
import { TenantsTreeProvider } from './tree/tenantsTreeProvider';

/** What activate() returns: used by the integration tests, not a public contract. */
export interface CrossTenantApi {
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): CrossTenantApi {
  const channel = vscode.window.createOutputChannel('Cross-Tenant', { log: true });
  const log = createLog(channel);
  const tree = new TenantsTreeProvider();
  context.subscriptions.push(
    channel,
    tree,
    vscode.window.createTreeView('crossTenant.tenants', { treeDataProvider: tree, showCollapseAll: true }),
    ...commands.map((c) => registerCommand(c, { log })),
  );
  const activationMs = performance.now() - moduleLoadStart;
  log.info(`Cross-Tenant Explorer ${(context.extension.packageJSON as { version: string }).version} activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
