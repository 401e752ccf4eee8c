import { deleteIdentitySync } from '../core/graph/operations/identitySync';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { IdentitySyncNode, PartnerNode } from '../tree/partnerNode';
import type { TreeNode } from '../tree/treeNode';

/** Deletes the partner's identity synchronization policy (users already synced stay). */
export const removeIdentitySync: CommandDefinition = {
  id: 'crossTenant.removeIdentitySync',
  run: async (ctx, arg, options) => {
    const node = arg as TreeNode | undefined;
    const tenant =
      node instanceof IdentitySyncNode || node instanceof PartnerNode ? node.tenant : undefined;
    const partnerTenantId =
      node?.document && 'partnerTenantId' in node.document
        ? node.document.partnerTenantId
        : undefined;
    if (!tenant || !partnerTenantId)
      throw new Error('This works on an identity synchronization node in the Tenants view.');
    if (
      !(await confirmModal(
        options,
        `Remove the identity synchronization of ${partnerTenantId} from ${tenantLabel(tenant)}?`,
        'That tenant can no longer sync users in; users it already synced stay.',
        'Remove',
      ))
    )
      return false;
    await deleteIdentitySync(ctx.connections.client(tenant), partnerTenantId);
    ctx.log.info(
      `Removed the identity synchronization of partner ${partnerTenantId} in ${tenant.tenantId}.`,
    );
    ctx.data.invalidate(tenant, 'access');
    ctx.refreshTree();
    return true;
  },
};
