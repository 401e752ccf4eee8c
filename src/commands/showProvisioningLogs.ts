import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * Opens the provisioning-log panel of a sync configuration (from the configuration or its job),
 * or reveals it when it is already open: one panel per configuration. Arguments: a sync
 * configuration or job node of the Tenants view. Returns the panel.
 */
export const showProvisioningLogs: CommandDefinition = {
  id: 'crossTenant.showProvisioningLogs',
  run: (ctx, arg) => {
    const node = nodeArg(arg, 'syncConfiguration', 'syncJob');
    if (!node) {
      throw new Error(
        vscode.l10n.t(
          "Show Provisioning Logs works on a sync configuration or job in the Tenants view: expand a tenant's Cross-tenant synchronization.",
        ),
      );
    }
    const sp = node.servicePrincipal;
    ctx.walkthrough.complete('openedLogs');
    return ctx.logPanels.show(node.tenant, sp.id!, sp.displayName ?? sp.id!);
  },
};
