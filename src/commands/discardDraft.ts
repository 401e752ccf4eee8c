import * as vscode from 'vscode';
import { policyUri, POLICY_SCHEME } from '../services/documentUris';
import type { CommandDefinition } from './commandContext';
import type { TreeNode } from '../tree/treeNode';

/**
 * Drops the saved draft of a policy document (from its editor or its tree node), after a
 * confirmation: the document shows live again. Unsaved edits in an open editor are reverted too.
 */
export const discardDraft: CommandDefinition = {
  id: 'crossTenant.discardDraft',
  run: async (ctx, arg, options) => {
    const node = arg as TreeNode | undefined;
    const uri =
      arg instanceof vscode.Uri
        ? arg
        : node?.document && node.tenant
          ? policyUri(node.tenant, node.document)
          : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== POLICY_SCHEME)
      throw new Error('Discard Draft works on a policy document opened from the Tenants view.');
    if (!(await ctx.drafts.has(uri))) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!open?.isDirty) {
        void vscode.window.showInformationMessage(
          'This document has no draft: it shows what the tenant holds.',
        );
        return false;
      }
    }
    if ((options as { confirm?: boolean } | undefined)?.confirm !== false) {
      const discard = 'Discard Draft';
      const choice = await vscode.window.showWarningMessage(
        `Discard your changes to ${uri.path.split('/').pop() ?? 'this document'}?`,
        {
          modal: true,
          detail: 'The document goes back to what the tenant holds now. This cannot be undone.',
        },
        discard,
      );
      if (choice !== discard) return false;
    }
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
