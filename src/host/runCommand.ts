import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import { notificationText } from '../core/printable';
import type { Log } from './log';
import type { SandboxService } from './sandbox/sandboxService';
import type { DraftStore } from '../documents/draftStore';
import type { DriftDiagnostics } from '../documents/driftDiagnostics';
import type { OnDemandReports } from '../documents/onDemandReports';
import type { PushService } from '../documents/pushService';
import type { TreeNode } from '../tree/treeNode';
import type { ProvisioningLogPanels } from '../webview/provisioningLogPanels';
import type { PairService } from './pairs/pairService';
import type { TenantConnections } from './tenants/tenantConnections';
import type { TenantData } from './tenants/tenantData';
import type { TenantStore } from './tenants/tenantStore';
import { runAsUserAction } from './userAction';

/** The services every command handler receives besides its own arguments. */
export interface CommandContext {
  readonly log: Log;
  readonly tenants: TenantStore;
  readonly connections: TenantConnections;
  readonly sandbox: SandboxService;
  readonly secrets: vscode.SecretStorage;
  readonly data: TenantData;
  readonly drafts: DraftStore;
  readonly push: PushService;
  readonly drift: DriftDiagnostics;
  readonly onDemandReports: OnDemandReports;
  readonly logPanels: ProvisioningLogPanels;
  readonly pairs: PairService;
  /** Reloads a node's data (or all) in the Tenants view. */
  readonly refreshTree: (node?: TreeNode) => void;
}

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => unknown;

export interface CommandDefinition {
  readonly id: string;
  readonly run: CommandHandler;
}

/**
 * The single place where command failures are handled. A cancelled operation is silent. Anything
 * else becomes one short message that names the fix, with "Show Log" leading to the full detail
 * (status, Graph error code, request id) that was written to the log channel.
 */
export function registerCommand(def: CommandDefinition, ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(def.id, async (...args: unknown[]) => {
    try {
      // A command is a user action: credentials may prompt for sign-in while it runs.
      return await runAsUserAction(() => def.run(ctx, ...args));
    } catch (err) {
      const d = describeError(err);
      if (d.cancelled) return undefined;
      ctx.log.error(`${def.id} failed: ${d.detail}`);
      // Not awaited: the command ends now, the message stays until the user dismisses it.
      void vscode.window
        .showErrorMessage(notificationText(d.summary), 'Show Log')
        .then((choice) => {
          if (choice === 'Show Log') ctx.log.show();
        });
      return undefined;
    }
  });
}
