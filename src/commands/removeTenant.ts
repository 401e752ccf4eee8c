import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { secretKey } from '../services/tenants/tenantConnections';

/**
 * Removes a tenant from the view after a confirmation (nothing changes in the tenant itself).
 *
 * Argument: the tenant (see pickTenant: the tenant node, a tenant key, id or domain), or nothing to
 * pick one.
 */
export const removeTenant: CommandDefinition = {
  id: 'crossTenant.removeTenant',
  run: async (ctx, arg) => {
    const record = await pickTenant(ctx, arg, vscode.l10n.t('Remove which tenant from the view?'));
    await ctx.ui.confirm({
      message: vscode.l10n.t('Remove {0} from the Tenants view?', tenantLabel(record)),
      detail: vscode.l10n.t('Nothing changes in the tenant. You can add it again later.'),
      actions: [vscode.l10n.t('Remove')],
    });
    const key = tenantKey(record);
    if (record.auth === 'clientSecret') await ctx.secrets.delete(secretKey(record));
    ctx.connections.forget(key);
    ctx.data.invalidate(record);
    await ctx.tenants.remove(key);
    ctx.log.info(`Removed ${tenantLabel(record)} (${record.tenantId}) from the view.`);
  },
};
