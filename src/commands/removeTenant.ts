import { tenantKey } from '../core/tenants/tenantRecord';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { secretKey } from '../services/tenants/tenantConnections';

/** Removes a tenant from the view (nothing changes in the tenant itself). */
export const removeTenant: CommandDefinition = {
  id: 'crossTenant.removeTenant',
  run: async (ctx, arg, options) => {
    const record = await pickTenant(ctx, arg, 'Remove which tenant from the view?');
    if (!record) return;
    if (
      !(await confirmModal(
        options,
        `Remove ${tenantLabel(record)} from the Tenants view?`,
        'Nothing changes in the tenant. You can add it again later.',
        'Remove',
      ))
    )
      return;
    const key = tenantKey(record);
    if (record.auth === 'clientSecret') await ctx.secrets.delete(secretKey(record));
    ctx.connections.forget(key);
    ctx.data.invalidate(record);
    await ctx.tenants.remove(key);
    ctx.log.info(`Removed ${tenantLabel(record)} (${record.tenantId}) from the view.`);
  },
};
