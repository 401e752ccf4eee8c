import * as vscode from 'vscode';
import { policyUri } from '../services/documentUris';
import type { TreeNode } from '../tree/treeNode';

/** The document a document command applies to: a URI (editor title, explorer), a tree node, or the active editor. */
export function documentArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const node = arg as Partial<TreeNode> | undefined;
  if (node?.document && node.tenant) return policyUri(node.tenant, node.document);
  return vscode.window.activeTextEditor?.document.uri;
}
