import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';

function isTreeNode(arg: unknown): arg is TreeNode {
  const node = arg as Partial<TreeNode> | undefined;
  return typeof node?.id === 'string' && typeof node.toTreeItem === 'function';
}

/**
 * Reloads what a node shows (its part of the tenant's data), a tenant (sign-in state and all its
 * data) or, from the view title, everything.
 *
 * Argument: a node of the Tenants view (an error row's Retry passes the node that failed), or
 * nothing for every tenant.
 */
export const refresh: CommandDefinition = {
  id: 'crossTenant.refresh',
  run: async (ctx, arg) => {
    if (arg !== undefined && arg !== null && !isTreeNode(arg))
      throw new Error(vscode.l10n.t('Refresh works on a node of the Tenants view, or on all.'));
    const node = arg ?? undefined;
    if (node && !(node instanceof TenantNode)) {
      ctx.refreshTree(node);
      return;
    }
    await ctx.tenants.load();
    const records = node ? [node.tenant] : ctx.tenants.all();
    for (const r of records) ctx.data.invalidate(r);
    await Promise.all(records.map((r) => ctx.connections.probe(r)));
    ctx.refreshTree(node);
  },
};
