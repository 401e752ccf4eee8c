import * as vscode from 'vscode';
import { setIdentitySync } from '../core/graph/operations/identitySync';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { PartnerNode } from '../tree/partnerNode';

/**
 * Creates (PUT) the partner's identity synchronization with inbound user sync allowed, after a
 * confirmation.
 *
 * Argument: a partner node of the Tenants view. Returns Graph's outcome ('created' or 'updated').
 */
export const allowUserSync: CommandDefinition = {
  id: 'crossTenant.allowUserSync',
  run: async (ctx, arg) => {
    if (!(arg instanceof PartnerNode))
      throw new Error(vscode.l10n.t('Allow User Sync works on a partner in the Tenants view.'));
    const name = arg.summary.displayName ?? arg.summary.tenantId;
    await ctx.ui.confirm({
      message: vscode.l10n.t('Allow {0} to sync users into {1}?', name, tenantLabel(arg.tenant)),
      detail: vscode.l10n.t(
        "Creates the partner's identity synchronization policy with inbound user sync allowed. Cross-tenant sync from that tenant also needs automatic redemption inbound.",
      ),
      actions: [vscode.l10n.t('Allow User Sync')],
    });
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
