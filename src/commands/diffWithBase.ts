import * as vscode from 'vscode';
import { BASE_SCHEME } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { documentArg } from './documentArg';

/**
 * Opens the live version the draft started from against the draft: what I changed.
 *
 * Argument: see documentArg (a URI, a policy node, or nothing for the active editor).
 */
export const diffWithBase: CommandDefinition = {
  id: 'crossTenant.diffWithBase',
  run: async (ctx, arg) => {
    const uri = documentArg(arg);
    if (!uri || !(await ctx.drafts.has(uri)))
      throw new Error(vscode.l10n.t('This document has no draft: save an edit first.'));
    await vscode.commands.executeCommand(
      'vscode.diff',
      uri.with({ scheme: BASE_SCHEME }),
      uri,
      vscode.l10n.t('{0}: started from ↔ my draft', uri.path.split('/').pop() ?? ''),
      { preview: false },
    );
  },
};
