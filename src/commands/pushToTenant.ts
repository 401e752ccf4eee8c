import * as vscode from 'vscode';
import type { PushOptions } from '../documents/pushService';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { documentArg } from './documentArg';

/**
 * Push a workspace file to a tenant other than the one its folder names: cloning a partner
 * configuration across tenants. The user picks the target, and the confirmation names it.
 */
export const pushToTenant: CommandDefinition = {
  id: 'crossTenant.pushToTenant',
  run: async (ctx, arg, options) => {
    const uri = documentArg(arg);
    if (!uri || uri.scheme !== 'file')
      throw new Error('Push to Another Tenant works on an exported policy file in the workspace.');
    const given = (options ?? {}) as PushOptions;
    const target = given.targetTenantId
      ? ctx.tenants.byTenantId(given.targetTenantId)
      : await pickTenant(ctx, undefined, 'Push this file to which tenant?');
    if (!target) return undefined;
    if (given.answers?.confirm === undefined) {
      const go = `Continue with ${tenantLabel(target)}`;
      const choice = await vscode.window.showWarningMessage(
        `Push ${vscode.workspace.asRelativePath(uri)} to ${tenantLabel(target)} (${target.tenantId})?`,
        {
          modal: true,
          detail:
            'The file was exported from another tenant. The next step shows every change before anything is sent.',
        },
        go,
      );
      if (choice !== go) return undefined;
    }
    const result = await ctx.push.push(uri, { ...given, targetTenantId: target.tenantId });
    ctx.refreshTree();
    return result;
  },
};
