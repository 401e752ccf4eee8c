import { setIdentitySync } from '../core/graph/operations/identitySync';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { PartnerNode } from '../tree/partnerNode';

/** Creates (PUT) the partner's identity synchronization with inbound user sync allowed. */
export const allowUserSync: CommandDefinition = {
  id: 'crossTenant.allowUserSync',
  run: async (ctx, arg, options) => {
    if (!(arg instanceof PartnerNode))
      throw new Error('Allow User Sync works on a partner in the Tenants view.');
    const name = arg.summary.displayName ?? arg.summary.tenantId;
    if (
      !(await confirmModal(
        options,
        `Allow ${name} to sync users into ${tenantLabel(arg.tenant)}?`,
        "Creates the partner's identity synchronization policy with inbound user sync allowed. Cross-tenant sync from that tenant also needs automatic redemption inbound.",
        'Allow User Sync',
      ))
    )
      return false;
    const outcome = await setIdentitySync(
      ctx.connections.client(arg.tenant),
      arg.summary.tenantId,
      { displayName: name, userSyncInbound: { isSyncAllowed: true } },
    );
    ctx.log.info(
      `Identity synchronization ${outcome} for partner ${arg.summary.tenantId} in ${arg.tenant.tenantId}: user sync inbound allowed.`,
    );
    ctx.data.invalidate(arg.tenant, 'access');
    ctx.refreshTree();
    return outcome;
  },
};
