import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';

/**
 * Stops using a tenant's session until the user signs in again. VS Code's own account stays signed
 * in for other extensions; an app-only client secret is deleted from SecretStorage.
 *
 * Argument: the tenant (see pickTenant: the tenant node, a tenant key, id or domain), or nothing to
 * pick one of those signed in.
 */
export const signOut: CommandDefinition = {
  id: 'crossTenant.signOut',
  run: async (ctx, arg) => {
    const record = await pickTenant(
      ctx,
      arg,
      vscode.l10n.t('Sign out of which tenant?'),
      (r) => !r.signedOut,
    );
    await ctx.connections.signOut(record);
    ctx.log.info(`Signed out of ${tenantLabel(record)} (${record.tenantId}).`);
  },
};
