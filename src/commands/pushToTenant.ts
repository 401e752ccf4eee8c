import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { documentArg } from './documentArg';

/**
 * Push a workspace file to a tenant other than the one its folder names: cloning a partner
 * configuration across tenants. The user picks the target, and the confirmation names it.
 *
 * Argument: an exported policy file's URI (editor title), or nothing for the active editor.
 * Returns the PushResult.
 */
export const pushToTenant: CommandDefinition = {
  id: 'crossTenant.pushToTenant',
  run: async (ctx, arg) => {
    const uri = documentArg(arg);
    if (!uri || uri.scheme !== 'file')
      throw new Error(
        vscode.l10n.t('Push to Another Tenant works on an exported policy file in the workspace.'),
      );
    const target = await pickTenant(
      ctx,
      undefined,
      vscode.l10n.t('Push this file to which tenant?'),
    );
    await ctx.ui.confirm({
      message: vscode.l10n.t(
        'Push {0} to {1} ({2})?',
        vscode.workspace.asRelativePath(uri),
        tenantLabel(target),
        target.tenantId,
      ),
      detail: vscode.l10n.t(
        'The file was exported from another tenant. The next step shows every change before anything is sent.',
      ),
      actions: [vscode.l10n.t('Continue with {0}', tenantLabel(target))],
    });
    const result = await ctx.push.push(uri, target);
    return result;
  },
};
