import { removeSyncAssignment } from '../core/graph/operations/appRoleAssignments';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { AssignmentNode } from '../tree/assignmentNodes';

/** Removes a user or group from a sync configuration's scope (the next cycle may disable them in the target). */
export const removeAssignment: CommandDefinition = {
  id: 'crossTenant.removeAssignment',
  run: async (ctx, arg, options) => {
    if (!(arg instanceof AssignmentNode))
      throw new Error('Remove from Scope works on an assigned user or group in the Tenants view.');
    const a = arg.assignment;
    const name = a.principalDisplayName ?? a.principalId ?? 'this principal';
    if (
      !(await confirmModal(
        options,
        `Remove ${name} from the scope of ${arg.servicePrincipal.displayName ?? 'the configuration'}?`,
        'At the next cycle, users who leave the scope are disabled or deleted in the target tenant (the accidental-deletion threshold still applies).',
        'Remove from Scope',
      ))
    )
      return false;
    await removeSyncAssignment(ctx.connections.client(arg.tenant), arg.servicePrincipal.id!, a.id!);
    ctx.log.info(
      `Removed ${name} (${a.principalId}) from ${arg.servicePrincipal.displayName ?? arg.servicePrincipal.id} in ${arg.tenant.tenantId}.`,
    );
    ctx.refreshTree();
    return true;
  },
};
