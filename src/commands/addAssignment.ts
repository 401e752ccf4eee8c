import * as vscode from 'vscode';
import { addSyncAssignment } from '../core/graph/operations/appRoleAssignments';
import { accessRoleId } from '../core/graph/operations/syncConfigurations';
import { pickDirectoryObjects } from './pickDirectoryObjects';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { nodeArg } from './nodeArg';

/**
 * Assigns users or groups to a sync configuration (its msiam_access app role), bringing them into
 * scope. The user searches the source tenant's directory for them.
 *
 * Argument: a sync configuration node or its "Users and groups in scope" node of the Tenants view.
 * Returns the ids assigned.
 */
export const addAssignment: CommandDefinition = {
  id: 'crossTenant.addAssignment',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'syncAssignments', 'syncConfiguration');
    if (!node)
      throw new Error(
        vscode.l10n.t('Add Users or Groups works on a sync configuration in the Tenants view.'),
      );
    const { tenant, servicePrincipal } = node;
    const client = ctx.connections.client(tenant);
    const configuration = servicePrincipal.displayName ?? vscode.l10n.t('the sync configuration');
    const roleId = accessRoleId(servicePrincipal);
    if (!roleId)
      throw new Error(
        vscode.l10n.t(
          '{0} has no msiam_access app role: it was not created from the cross-tenant synchronization template.',
          configuration,
        ),
      );
    const objects = await pickDirectoryObjects(
      ctx.ui,
      client,
      vscode.l10n.t('Assign to {0} in {1}', configuration, tenantLabel(tenant)),
    );
    const added: string[] = [];
    await ctx.data
      .tenant(tenant)
      .write({ kind: 'assignments', servicePrincipalId: servicePrincipal.id! }, async (writer) => {
        for (const o of objects) {
          await addSyncAssignment(writer, servicePrincipal.id!, o.id, roleId);
          added.push(o.id);
          ctx.log.info(
            `Assigned ${o.type.toLowerCase()} ${o.name} (${o.id}) to ${servicePrincipal.displayName ?? servicePrincipal.id} in ${tenant.tenantId}.`,
          );
        }
      });
    return added;
  },
};
