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
 * inherits every setting from the default until edited.
 */
export const addPartner: CommandDefinition = {
  id: 'crossTenant.addPartner',
  run: async (ctx, arg, options) => {
    const tenant = await pickTenant(ctx, arg, 'Add a partner to which tenant?');
    if (!tenant) return undefined;
    const given = (options ?? {}) as { partner?: string; confirm?: boolean };
    const input =
      given.partner ??
      (await vscode.window.showInputBox({
        title: `Add Partner to ${tenantLabel(tenant)}`,
        prompt: 'The partner organization: tenant id or a verified domain',
        validateInput: validateTenantInput,
        ignoreFocusOut: true,
      }));
    if (!input) return undefined;
    const client = ctx.connections.client(tenant);
    const value = input.trim();
    let info: TenantInformation;
    try {
      info = isGuid(value)
        ? await findTenantInformationByTenantId(client, value)
        : await findTenantInformationByDomainName(client, value);
    } catch (err) {
      if ((err as { status?: number }).status === 404)
        throw new Error(`No Entra tenant found for ${value}. Check the id or domain.`);
      throw err;
    }
    if (info.tenantId === tenant.tenantId)
      throw new Error(`${tenantLabel(tenant)} cannot be its own partner.`);
    if (given.confirm !== false) {
      const add = 'Add Partner';
      const choice = await vscode.window.showInformationMessage(
        `Add ${info.displayName ?? info.tenantId}${info.defaultDomainName ? ` (${info.defaultDomainName})` : ''} as a partner of ${tenantLabel(tenant)}?`,
        {
          modal: true,
          detail: `Tenant id ${info.tenantId}. The partner starts with every setting inherited from ${tenantLabel(tenant)}'s default settings; edit it afterwards.`,
        },
        add,
      );
      if (choice !== add) return undefined;
    }
    try {
      await createPartner(client, { tenantId: info.tenantId });
    } catch (err) {
      if (isAlreadyExists(err))
        throw new Error(
          `${info.displayName ?? info.tenantId} is already a partner of ${tenantLabel(tenant)}.`,
        );
      throw err;
    }
    ctx.log.info(
      `Added partner ${info.tenantId} (${info.displayName ?? ''}) to ${tenant.tenantId}.`,
    );
    ctx.data.invalidate(tenant, 'access');
    ctx.refreshTree();
    const label = info.defaultDomainName ?? info.tenantId;
    if (given.confirm !== false)
      await vscode.window.showTextDocument(
        policyUri(tenant, {
          kind: 'partner',
          tenantId: tenant.tenantId,
          partnerTenantId: info.tenantId,
          label,
        }),
      );
    return info.tenantId;
  },
};
