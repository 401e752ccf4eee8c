import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { PartnerNode } from '../tree/partnerNode';
import type { TreeNode } from '../tree/treeNode';

/** Copies the tenant id of a tenant node, or of the partner organization of a partner node. */
export const copyTenantId: CommandDefinition = {
  id: 'crossTenant.copyTenantId',
  run: async (_ctx, arg) => {
    const node = arg as TreeNode | undefined;
    const id = node instanceof PartnerNode ? node.summary.tenantId : node?.tenant?.tenantId;
    if (!id)
      throw new Error('Copy Tenant Id works on a tenant or partner node of the Tenants view.');
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied tenant id ${id}`, 3000);
    return id;
  },
};
