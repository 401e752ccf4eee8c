import * as vscode from 'vscode';
import { POLICY_SCHEME } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import { documentArg } from './documentArg';

/**
 * Drops the saved draft of a policy document, after a confirmation: the document shows live again.
 * Unsaved edits in an open editor are reverted too.
 *
 * Argument: the document's URI (editor title), its node in the Tenants view, or nothing for the
 * active editor. Returns true once discarded, false when there was no draft.
 */
export const discardDraft: CommandDefinition = {
  id: 'crossTenant.discardDraft',
  run: async (ctx, arg) => {
    const uri = documentArg(arg);
    if (!uri || uri.scheme !== POLICY_SCHEME)
      throw new Error(
        vscode.l10n.t('Discard Draft works on a policy document opened from the Tenants view.'),
      );
    if (!(await ctx.drafts.has(uri))) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!open?.isDirty) {
        void ctx.ui.inform(
          vscode.l10n.t('This document has no draft: it shows what the tenant holds.'),
        );
        return false;
      }
    }
    await ctx.ui.confirm({
      message: vscode.l10n.t(
        'Discard your changes to {0}?',
        uri.path.split('/').pop() ?? vscode.l10n.t('this document'),
      ),
      detail: vscode.l10n.t(
        'The document goes back to what the tenant holds now. This cannot be undone.',
      ),
      actions: [vscode.l10n.t('Discard Draft')],
    });
    await ctx.drafts.discard(uri);
    // An open editor reloads the (now live) text; unsaved edits are reverted with it.
    const editor = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === uri.toString(),
    );
    if (editor) {
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    ctx.log.info(`Discarded the draft of ${uri.toString()}.`);
    return true;
  },
};
