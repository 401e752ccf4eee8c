import * as vscode from 'vscode';
import { listPartners } from '../core/graph/operations/partners';
import { resetDefaultConfiguration } from '../core/graph/operations/policy';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';

/**
 * Resets a tenant's default settings to Microsoft's service defaults, after saying whom it reaches.
 *
 * Argument: the tenant (see pickTenant: the default settings node or any node of the tenant, a
 * tenant key, id or domain), or nothing to pick one. Returns true once reset.
 */
export const resetDefault: CommandDefinition = {
  id: 'crossTenant.resetDefault',
  run: async (ctx, arg) => {
    const tenant = await pickTenant(
      ctx,
      arg,
      vscode.l10n.t('Reset the default settings of which tenant?'),
    );
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
    await ctx.ui.confirm({
      message: vscode.l10n.t('Reset the default settings of {0}?', tenantLabel(tenant)),
      detail: vscode.l10n.t(
        "Every external organization without its own settings gets Microsoft's service defaults (B2B collaboration allowed, B2B direct connect blocked, no inbound trust), and {0} of {1} partners inherit at least one of them.",
        inheriting,
        partners.length,
      ),
      actions: [vscode.l10n.t('Reset to Microsoft Defaults')],
    });
    await ctx.data
      .tenant(tenant)
      .write({ kind: 'defaults' }, (writer) => resetDefaultConfiguration(writer));
    ctx.log.info(`Reset the default settings of ${tenant.tenantId} to the service defaults.`);
    return true;
  },
};
