import * as vscode from 'vscode';
import { deletePartner as deletePartnerOperation } from '../core/graph/operations/partners';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { PartnerNode } from '../tree/partnerNode';

/**
 * Deletes a partner configuration (its identity synchronization first, as Graph requires). The
 * user types the partner's domain to confirm: the organization falls back to the default settings.
 */
export const deletePartner: CommandDefinition = {
  id: 'crossTenant.deletePartner',
  run: async (ctx, arg, options) => {
    if (!(arg instanceof PartnerNode))
      throw new Error('Delete Partner works on a partner in the Tenants view.');
    const s = arg.summary;
    const name = s.displayName ?? s.tenantId;
    const expected = s.defaultDomainName ?? s.tenantId;
    const typed =
      (options as { confirmText?: string } | undefined)?.confirmText ??
      (await vscode.window.showInputBox({
        title: `Delete partner ${name} from ${tenantLabel(arg.tenant)}`,
        prompt: `Its settings are deleted${s.identitySync ? ', with its identity synchronization (users it synced stay)' : ''}; the organization then gets the default settings. Type ${expected} to confirm.`,
        placeHolder: expected,
        ignoreFocusOut: true,
        validateInput: (v) =>
          v.trim().toLowerCase() === expected.toLowerCase()
            ? undefined
            : `Type ${expected} to confirm.`,
      }));
    if (!typed || typed.trim().toLowerCase() !== expected.toLowerCase()) return false;
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
