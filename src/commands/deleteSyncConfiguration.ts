import * as vscode from 'vscode';
import { deleteSyncConfiguration as deleteConfiguration } from '../core/sync/createConfiguration';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { SyncConfigurationNode } from '../tree/syncNode';

/** Deletes a sync configuration (its service principal and job); the user types its name to confirm. Synced users stay. */
export const deleteSyncConfiguration: CommandDefinition = {
  id: 'crossTenant.deleteSyncConfiguration',
  run: async (ctx, arg, options) => {
    if (!(arg instanceof SyncConfigurationNode))
      throw new Error('Delete Sync Configuration works on a configuration in the Tenants view.');
    const name = arg.servicePrincipal.displayName ?? arg.servicePrincipal.id ?? '';
    const typed =
      (options as { confirmText?: string } | undefined)?.confirmText ??
      (await vscode.window.showInputBox({
        title: `Delete sync configuration "${name}" from ${tenantLabel(arg.tenant)}`,
        prompt: `Its job stops for good; users it already synced stay in the target tenant. Type ${name} to confirm.`,
        placeHolder: name,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === name ? undefined : `Type ${name} to confirm.`),
      }));
    if (typed?.trim() !== name) return false;
    await deleteConfiguration(ctx.connections.client(arg.tenant), arg.servicePrincipal.id!);
    ctx.log.info(
      `Deleted sync configuration "${name}" (${arg.servicePrincipal.id}) from ${arg.tenant.tenantId}.`,
    );
    ctx.data.invalidate(arg.tenant, 'sync');
    ctx.refreshTree();
    return true;
  },
};
