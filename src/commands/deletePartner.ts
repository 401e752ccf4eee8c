import * as vscode from 'vscode';
import { deletePartner as deletePartnerOperation } from '../core/graph/operations/partners';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { PartnerNode } from '../tree/partnerNode';

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
    if (!(arg instanceof PartnerNode))
      throw new Error(vscode.l10n.t('Delete Partner works on a partner in the Tenants view.'));
    const s = arg.summary;
    const name = s.displayName ?? s.tenantId;
    const expected = s.defaultDomainName ?? s.tenantId;
    const matches = (v: string): boolean => v.trim().toLowerCase() === expected.toLowerCase();
    const typed = await ctx.ui.input({
      title: vscode.l10n.t('Delete partner {0} from {1}', name, tenantLabel(arg.tenant)),
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
    const result = await deletePartnerOperation(ctx.connections.client(arg.tenant), s.tenantId, {
      deleteIdentitySync: true,
    });
    ctx.log.info(
      `Deleted partner ${s.tenantId} (${name}) from ${arg.tenant.tenantId}${result.deletedIdentitySync ? ', with its identity synchronization' : ''}.`,
    );
    ctx.data.invalidate(arg.tenant, 'access');
    ctx.refreshTree();
    return true;
  },
};
