import * as vscode from 'vscode';
import { deletePartner as deletePartnerOperation } from '../core/graph/operations/partners';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { nodeArg } from './nodeArg';

/**
 * Deletes a partner configuration (its identity synchronization first, as Graph requires). The
 * user types the partner's domain to confirm: the organization falls back to the default settings.
 * Nothing can answer that question but the user (no argument skips it).
 *
 * Argument: a partner node of the Tenants view. Returns true once deleted.
 */
export const deletePartner: CommandDefinition = {
  id: 'crossTenant.deletePartner',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'partner');
    if (!node)
      throw new Error(vscode.l10n.t('Delete Partner works on a partner in the Tenants view.'));
    const s = node.summary;
    const name = s.displayName ?? s.tenantId;
    const expected = s.defaultDomainName ?? s.tenantId;
    const matches = (v: string): boolean => v.trim().toLowerCase() === expected.toLowerCase();
    const typed = await ctx.ui.input({
      title: vscode.l10n.t('Delete partner {0} from {1}', name, tenantLabel(node.tenant)),
      prompt: s.identitySync
        ? vscode.l10n.t(
            'Its settings are deleted, with its identity synchronization (users it synced stay); the organization then gets the default settings. Type {0} to confirm.',
            expected,
          )
        : vscode.l10n.t(
            'Its settings are deleted; the organization then gets the default settings. Type {0} to confirm.',
            expected,
          ),
      placeHolder: expected,
      validate: (v) => (matches(v) ? undefined : vscode.l10n.t('Type {0} to confirm.', expected)),
    });
    // The input box accepts nothing else; checked again because this is what allows the delete.
    if (!matches(typed)) throw new Error(vscode.l10n.t('Type {0} to confirm.', expected));
    const result = await ctx.data
      .tenant(node.tenant)
      .write({ kind: 'partner', partnerTenantId: s.tenantId, change: 'deleted' }, (writer) =>
        deletePartnerOperation(writer, s.tenantId, { deleteIdentitySync: true }),
      );
    ctx.log.info(
      `Deleted partner ${s.tenantId} (${name}) from ${node.tenant.tenantId}${result.deletedIdentitySync ? ', with its identity synchronization' : ''}.`,
    );
    return true;
  },
};
