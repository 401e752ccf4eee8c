import type { CommandDefinition } from './commandContext';
import { SyncConfigurationNode, SyncJobNode } from '../tree/syncNode';

/**
 * Opens the provisioning-log panel of a sync configuration (from the configuration or its job),
 * or reveals it when it is already open: one panel per configuration.
 */
export const showProvisioningLogs: CommandDefinition = {
  id: 'crossTenant.showProvisioningLogs',
  run: (ctx, arg) => {
    if (!(arg instanceof SyncConfigurationNode || arg instanceof SyncJobNode)) {
      throw new Error(
        "Show Provisioning Logs works on a sync configuration or job in the Tenants view: expand a tenant's Cross-tenant synchronization.",
      );
    }
    const sp = arg.servicePrincipal;
    return ctx.logPanels.show(arg.tenant, sp.id!, sp.displayName ?? sp.id!);
  },
};
