import * as vscode from 'vscode';
import { deleteSyncConfiguration as deleteConfiguration } from '../core/sync/createConfiguration';
import { UserCancelledError } from '../core/userCancelledError';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { nodeArg } from './nodeArg';

/**
 * Deletes a sync configuration (its service principal and job) once the user has typed its name:
 * no argument can skip that. Synced users stay. Argument: a sync configuration node of the
 * Tenants view.
 */
export const deleteSyncConfiguration: CommandDefinition = {
  id: 'crossTenant.deleteSyncConfiguration',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'syncConfiguration');
    if (!node)
      throw new Error(
        vscode.l10n.t('Delete Sync Configuration works on a configuration in the Tenants view.'),
      );
    const name = node.servicePrincipal.displayName ?? node.servicePrincipal.id ?? '';
    const typed = await ctx.ui.input({
      title: vscode.l10n.t(
        'Delete sync configuration "{0}" from {1}',
        name,
        tenantLabel(node.tenant),
      ),
      prompt: vscode.l10n.t(
        'Its job stops for good; users it already synced stay in the target tenant. Type {0} to confirm.',
        name,
      ),
      placeHolder: name,
      validate: (v) =>
        v.trim() === name ? undefined : vscode.l10n.t('Type {0} to confirm.', name),
    });
    // The port returns only text `validate` accepted; checked again because this deletes.
    if (typed.trim() !== name) throw new UserCancelledError();
    const servicePrincipalId = node.servicePrincipal.id!;
    await ctx.data
      .tenant(node.tenant)
      .write({ kind: 'syncConfiguration', servicePrincipalId, change: 'deleted' }, (client) =>
        deleteConfiguration(client, servicePrincipalId),
      );
    ctx.log.info(
      `Deleted sync configuration "${name}" (${node.servicePrincipal.id}) from ${node.tenant.tenantId}.`,
    );
    return true;
  },
};
