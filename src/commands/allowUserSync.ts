import * as vscode from 'vscode';
import { setIdentitySync } from '../core/graph/operations/identitySync';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { nodeArg } from './nodeArg';

/**
 * Creates (PUT) the partner's identity synchronization with inbound user sync allowed, after a
 * confirmation.
 *
 * Argument: a partner node of the Tenants view. Returns Graph's outcome ('created' or 'updated').
 */
export const allowUserSync: CommandDefinition = {
  id: 'crossTenant.allowUserSync',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'partner');
    if (!node)
      throw new Error(vscode.l10n.t('Allow User Sync works on a partner in the Tenants view.'));
    const name = node.summary.displayName ?? node.summary.tenantId;
    await ctx.ui.confirm({
      message: vscode.l10n.t('Allow {0} to sync users into {1}?', name, tenantLabel(node.tenant)),
      detail: vscode.l10n.t(
        "Creates the partner's identity synchronization policy with inbound user sync allowed. Cross-tenant sync from that tenant also needs automatic redemption inbound.",
      ),
      actions: [vscode.l10n.t('Allow User Sync')],
    });
    const partnerTenantId = node.summary.tenantId;
    const outcome = await ctx.data.tenant(node.tenant).write(
      {
        kind: 'identitySync',
        partnerTenantId,
        change: node.summary.identitySync ? 'updated' : 'created',
      },
      (writer) =>
        setIdentitySync(writer, partnerTenantId, {
          displayName: name,
          userSyncInbound: { isSyncAllowed: true },
        }),
    );
    ctx.log.info(
      `Identity synchronization ${outcome} for partner ${partnerTenantId} in ${node.tenant.tenantId}: user sync inbound allowed.`,
    );
    return outcome;
  },
};
