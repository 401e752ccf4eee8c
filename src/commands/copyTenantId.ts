import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * Copies a tenant's id.
 *
 * Argument: a tenant node (its own id) or a partner node (the partner organization's id) of the
 * Tenants view. Returns the id copied.
 */
export const copyTenantId: CommandDefinition = {
  id: 'crossTenant.copyTenantId',
  run: async (_ctx, arg) => {
    const node = nodeArg(arg, 'partner', 'tenant');
    const id = node?.kind === 'partner' ? node.summary.tenantId : node?.tenant.tenantId;
    if (!id)
      throw new Error(
        vscode.l10n.t('Copy Tenant Id works on a tenant or partner node of the Tenants view.'),
      );
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied tenant id {0}', id), 3000);
    return id;
  },
};
