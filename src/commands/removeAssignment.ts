import * as vscode from 'vscode';
import { removeSyncAssignment } from '../core/graph/operations/appRoleAssignments';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * Removes a user or group from a sync configuration's scope (the next cycle may disable them in the
 * target), after a confirmation.
 *
 * Argument: an assigned user or group node of the Tenants view. Returns true once removed.
 */
export const removeAssignment: CommandDefinition = {
  id: 'crossTenant.removeAssignment',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'syncAssignment');
    if (!node)
      throw new Error(
        vscode.l10n.t('Remove from Scope works on an assigned user or group in the Tenants view.'),
      );
    const a = node.assignment;
    const name = a.principalDisplayName ?? a.principalId ?? vscode.l10n.t('this principal');
    await ctx.ui.confirm({
      message: vscode.l10n.t(
        'Remove {0} from the scope of {1}?',
        name,
        node.servicePrincipal.displayName ?? vscode.l10n.t('the configuration'),
      ),
      detail: vscode.l10n.t(
        'At the next cycle, users who leave the scope are disabled or deleted in the target tenant (the accidental-deletion threshold still applies).',
      ),
      actions: [vscode.l10n.t('Remove from Scope')],
    });
    const servicePrincipalId = node.servicePrincipal.id!;
    await ctx.data
      .tenant(node.tenant)
      .write({ kind: 'assignments', servicePrincipalId }, (writer) =>
        removeSyncAssignment(writer, servicePrincipalId, a.id!),
      );
    ctx.log.info(
      `Removed ${name} (${a.principalId}) from ${node.servicePrincipal.displayName ?? node.servicePrincipal.id} in ${node.tenant.tenantId}.`,
    );
    return true;
  },
};
