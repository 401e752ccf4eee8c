import * as vscode from 'vscode';
import { deleteIdentitySync } from '../core/graph/operations/identitySync';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { nodeArg } from './nodeArg';

/**
 * Deletes the partner's identity synchronization policy (users already synced stay), after a
 * confirmation.
 *
 * Argument: an identity synchronization node (or its partner's node) of the Tenants view. Returns
 * true once removed.
 */
export const removeIdentitySync: CommandDefinition = {
  id: 'crossTenant.removeIdentitySync',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'identitySync', 'partner');
    const partnerTenantId =
      node?.document && 'partnerTenantId' in node.document
        ? node.document.partnerTenantId
        : undefined;
    if (!node || !partnerTenantId)
      throw new Error(
        vscode.l10n.t('This works on an identity synchronization node in the Tenants view.'),
      );
    const tenant = node.tenant;
    const partner = node.document && 'label' in node.document ? node.document.label : undefined;
    await ctx.ui.confirm({
      message: vscode.l10n.t(
        'Remove the identity synchronization of {0} from {1}?',
        partner ?? partnerTenantId,
        tenantLabel(tenant),
      ),
      detail: vscode.l10n.t(
        'That tenant can no longer sync users in; users it already synced stay.',
      ),
      actions: [vscode.l10n.t('Remove')],
    });
    await ctx.data
      .tenant(tenant)
      .write({ kind: 'identitySync', partnerTenantId, change: 'deleted' }, (writer) =>
        deleteIdentitySync(writer, partnerTenantId),
      );
    ctx.log.info(
      `Removed the identity synchronization of partner ${partnerTenantId} in ${tenant.tenantId}.`,
    );
    return true;
  },
};
