import * as vscode from 'vscode';
import type { CommandDefinition } from './commandContext';

/** Drops every change made in the sandbox tenants and restores their seeded state, after a confirmation. No argument. */
export const resetSandbox: CommandDefinition = {
  id: 'crossTenant.resetSandbox',
  run: async (ctx) => {
    await ctx.ui.confirm({
      message: vscode.l10n.t('Reset the sandbox tenants?'),
      detail: vscode.l10n.t(
        'Every change made to the sandbox tenants is lost. Real tenants are not affected.',
      ),
      actions: [vscode.l10n.t('Reset Sandbox')],
    });
    await ctx.sandbox.reset();
    await ctx.tenants.load();
    const sandboxTenants = ctx.tenants.all().filter((r) => r.auth === 'sandbox');
    for (const r of sandboxTenants) ctx.data.invalidate(r);
    await Promise.all(sandboxTenants.map((r) => ctx.connections.probe(r)));
    ctx.log.info('The sandbox tenants were reset to their seeded state.');
  },
};
