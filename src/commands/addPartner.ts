import * as vscode from 'vscode';
import { isAlreadyExists } from '../core/graph/alreadyExists';
import { createPartner } from '../core/graph/operations/partners';
import {
  findTenantInformationByDomainName,
  findTenantInformationByTenantId,
} from '../core/graph/operations/tenants';
import type { TenantInformation } from '../core/graph/types';
import { validateTenantInput } from '../core/tenants/resolveTenant';
import { isGuid } from '../core/policy/guid';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { policyUri } from '../services/documentUris';

/**
 * Adds a partner organization to a tenant's cross-tenant access settings. The organization is
 * looked up first and shown by name; nothing is created until the user confirms. The new partner
 * inherits every setting from the default until edited, and opens as a document.
 *
 * Argument: the tenant (see pickTenant: a node of the Tenants view such as "Partners (N)" or the
 * tenant itself, a tenant key, id or domain), or nothing to pick one. Returns the partner's tenant id.
 */
export const addPartner: CommandDefinition = {
  id: 'crossTenant.addPartner',
  run: async (ctx, arg) => {
    const tenant = await pickTenant(ctx, arg, vscode.l10n.t('Add a partner to which tenant?'));
    const input = await ctx.ui.input({
      title: vscode.l10n.t('Add Partner to {0}', tenantLabel(tenant)),
      prompt: vscode.l10n.t('The partner organization: tenant id or a verified domain'),
      validate: validateTenantInput,
    });
    const client = ctx.connections.client(tenant);
    const value = input.trim();
    let info: TenantInformation;
    try {
      info = isGuid(value)
        ? await findTenantInformationByTenantId(client, value)
        : await findTenantInformationByDomainName(client, value);
    } catch (err) {
      if ((err as { status?: number }).status === 404)
        throw new Error(
          vscode.l10n.t('No Entra tenant found for {0}. Check the id or domain.', value),
        );
      throw err;
    }
    if (info.tenantId === tenant.tenantId)
      throw new Error(vscode.l10n.t('{0} cannot be its own partner.', tenantLabel(tenant)));
    const name = info.displayName ?? info.tenantId;
    await ctx.ui.confirm({
      message: info.defaultDomainName
        ? vscode.l10n.t(
            'Add {0} ({1}) as a partner of {2}?',
            name,
            info.defaultDomainName,
            tenantLabel(tenant),
          )
        : vscode.l10n.t('Add {0} as a partner of {1}?', name, tenantLabel(tenant)),
      detail: vscode.l10n.t(
        "Tenant id {0}. The partner starts with every setting inherited from {1}'s default settings; edit it afterwards.",
        info.tenantId,
        tenantLabel(tenant),
      ),
      actions: [vscode.l10n.t('Add Partner')],
    });
    try {
      await ctx.data
        .tenant(tenant)
        .write({ kind: 'partner', partnerTenantId: info.tenantId, change: 'created' }, (writer) =>
          createPartner(writer, { tenantId: info.tenantId }),
        );
    } catch (err) {
      if (isAlreadyExists(err))
        throw new Error(
          vscode.l10n.t('{0} is already a partner of {1}.', name, tenantLabel(tenant)),
        );
      throw err;
    }
    ctx.log.info(
      `Added partner ${info.tenantId} (${info.displayName ?? ''}) to ${tenant.tenantId}.`,
    );
    await vscode.window.showTextDocument(
      policyUri(tenant, {
        kind: 'partner',
        tenantId: tenant.tenantId,
        partnerTenantId: info.tenantId,
        label: info.defaultDomainName ?? info.tenantId,
      }),
    );
    return info.tenantId;
  },
};
