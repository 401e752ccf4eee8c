import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { documentArg } from './documentArg';

/**
 * Push a policy document (draft or workspace file) to its tenant, after checks, a conflict check
 * and a confirmation (core/push/pushFlow).
 *
 * Argument: a document URI (editor title, explorer, push on save), a policy node of the Tenants
 * view, or nothing for the active editor. Returns the PushResult.
 */
export const push: CommandDefinition = {
  id: 'crossTenant.push',
  run: async (ctx, arg) => {
    const uri = documentArg(arg);
    if (!uri)
      throw new Error(vscode.l10n.t('Open a policy document or an exported policy file to push.'));
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pushing…') },
      () => ctx.push.push(uri),
    );
    if (result.pushed) ctx.walkthrough.complete('pushed');
    if (result.pushed)
      vscode.window.setStatusBarMessage(
        result.changes.length === 1
          ? vscode.l10n.t('Cross-Tenant: pushed 1 change')
          : vscode.l10n.t('Cross-Tenant: pushed {0} changes', result.changes.length),
        5000,
      );
    return result;
  },
};
