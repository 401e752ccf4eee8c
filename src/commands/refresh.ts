import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';
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
    const tenantNode = nodeArg(node, 'tenant');
    if (node && !tenantNode) {
      // The tenant's part this node shows: its data is dropped, and the views reload what they show of it.
      if (node.tenant) ctx.data.invalidate(node.tenant, node.dataPart);
      else ctx.data.clear();
      return;
    }
    await ctx.tenants.load();
    const records = tenantNode ? [tenantNode.tenant] : ctx.tenants.all();
    for (const r of records) ctx.data.invalidate(r);
    // Each tenant's row follows its sign-in state as the probe finds it.
    await Promise.all(records.map((r) => ctx.connections.probe(r)));
  },
};
