import { addSyncAssignment } from '../core/graph/operations/appRoleAssignments';
import { accessRoleId } from '../core/graph/operations/syncConfigurations';
import type { ServicePrincipal } from '../core/graph/types';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { pickDirectoryObjects, type DirectoryObject } from './pickDirectoryObjects';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { AssignmentsNode } from '../tree/assignmentNodes';
import { SyncConfigurationNode } from '../tree/syncNode';

/** Assigns users or groups to a sync configuration (its msiam_access app role), bringing them into scope. */
export const addAssignment: CommandDefinition = {
  id: 'crossTenant.addAssignment',
  run: async (ctx, arg, options) => {
    const target: { tenant: TenantRecord; servicePrincipal: ServicePrincipal } | undefined =
      arg instanceof AssignmentsNode || arg instanceof SyncConfigurationNode ? arg : undefined;
    if (!target)
      throw new Error('Add Users or Groups works on a sync configuration in the Tenants view.');
    const client = ctx.connections.client(target.tenant);
    const roleId = accessRoleId(target.servicePrincipal);
    if (!roleId)
      throw new Error(
        `${target.servicePrincipal.displayName ?? 'The configuration'} has no msiam_access app role: it was not created from the cross-tenant synchronization template.`,
      );
    const objects =
      (options as { objects?: DirectoryObject[] } | undefined)?.objects ??
      (await pickDirectoryObjects(
        client,
        `Assign to ${target.servicePrincipal.displayName ?? 'sync configuration'} in ${tenantLabel(target.tenant)}`,
      ));
    if (!objects?.length) return [];
    const added: string[] = [];
    for (const o of objects) {
      await addSyncAssignment(client, target.servicePrincipal.id!, o.id, roleId);
      added.push(o.id);
      ctx.log.info(
        `Assigned ${o.type.toLowerCase()} ${o.name} (${o.id}) to ${target.servicePrincipal.displayName ?? target.servicePrincipal.id} in ${target.tenant.tenantId}.`,
      );
    }
    ctx.refreshTree();
    return added;
  },
};
