import { listPartners } from '../core/graph/operations/partners';
import { resetDefaultConfiguration } from '../core/graph/operations/policy';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';

/** Resets a tenant's default settings to Microsoft's service defaults, after saying whom it reaches. */
export const resetDefault: CommandDefinition = {
  id: 'crossTenant.resetDefault',
  run: async (ctx, arg, options) => {
    const tenant = await pickTenant(ctx, arg, 'Reset the default settings of which tenant?');
    if (!tenant) return false;
    const client = ctx.connections.client(tenant);
    const partners = await listPartners(client, { expandIdentitySync: false });
    const inheriting = partners.filter((p) =>
      [
        p.b2bCollaborationInbound,
        p.b2bCollaborationOutbound,
        p.b2bDirectConnectInbound,
        p.b2bDirectConnectOutbound,
        p.inboundTrust,
      ].some((v) => v === null || v === undefined),
    ).length;
    const detail = `Every external organization without its own settings gets Microsoft's service defaults (B2B collaboration allowed, B2B direct connect blocked, no inbound trust), and ${inheriting} of ${partners.length} partners inherit at least one of them.`;
    if (
      !(await confirmModal(
        options,
        `Reset the default settings of ${tenantLabel(tenant)}?`,
        detail,
        'Reset to Microsoft Defaults',
      ))
    )
      return false;
    await resetDefaultConfiguration(client);
    ctx.log.info(`Reset the default settings of ${tenant.tenantId} to the service defaults.`);
    ctx.data.invalidate(tenant, 'access');
    ctx.refreshTree();
    return true;
  },
};
