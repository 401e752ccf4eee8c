import * as vscode from 'vscode';
import { policyUri } from '../services/documentUris';
import type { TreeNode } from '../tree/treeNode';

/**
 * The document a document command applies to: a URI (editor title, explorer), a policy node of the
 * Tenants view, or nothing for the active editor (undefined when there is none). Anything else is
 * an error.
 */
export function documentArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg === undefined || arg === null) return vscode.window.activeTextEditor?.document.uri;
  const node = arg as Partial<TreeNode>;
  if (node.document && node.tenant) return policyUri(node.tenant, node.document);
  throw new Error(
    vscode.l10n.t(
      'This works on a policy document: its editor, an exported policy file or a policy in the Tenants view.',
    ),
  );
}
