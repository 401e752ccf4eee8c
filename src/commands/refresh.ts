import type { CommandDefinition } from './commandContext';
import { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';

/**
 * Reloads what a node shows (its part of the tenant's data), a tenant (sign-in state and all its
 * data) or, from the view title, everything.
 */
export const refresh: CommandDefinition = {
  id: 'crossTenant.refresh',
  run: async (ctx, arg) => {
    const node =
      arg && typeof arg === 'object' && 'id' in arg && 'toTreeItem' in arg
        ? (arg as TreeNode)
        : undefined;
    if (node && !(node instanceof TenantNode)) {
      ctx.refreshTree(node);
      return;
    }
    await ctx.tenants.load();
    const records = node?.tenant ? [node.tenant] : ctx.tenants.all();
    for (const r of records) ctx.data.invalidate(r);
    await Promise.all(records.map((r) => ctx.connections.probe(r)));
    ctx.refreshTree(node);
  },
};
