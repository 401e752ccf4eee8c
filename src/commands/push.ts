import * as vscode from 'vscode';
import type { PushOptions } from '../documents/pushService';
import type { CommandDefinition } from './commandContext';
import { documentArg } from './documentArg';
import { plural } from '../core/plural';

/** Push a policy document (draft or workspace file) to its tenant, after checks, a conflict check and a confirmation. */
export const push: CommandDefinition = {
  id: 'crossTenant.push',
  run: async (ctx, arg, options) => {
    const uri = documentArg(arg);
    if (!uri) throw new Error('Open a policy document or an exported policy file to push.');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Pushing…' },
      () => ctx.push.push(uri, (options ?? {}) as PushOptions),
    );
    if (result.pushed)
      vscode.window.setStatusBarMessage(
        `Cross-Tenant: pushed ${plural(result.changes.length, 'change')}`,
        5000,
      );
    ctx.refreshTree();
    return result;
  },
};
