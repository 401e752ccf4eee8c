import * as vscode from 'vscode';
import type { CommandDefinition } from '../host/runCommand';

/** Drops every change made in the sandbox tenants and restores their seeded state. */
export const resetSandbox: CommandDefinition = {
  id: 'crossTenant.resetSandbox',
  run: async (ctx, options) => {
    if ((options as { confirm?: boolean } | undefined)?.confirm !== false) {
      const reset = 'Reset Sandbox';
      const choice = await vscode.window.showWarningMessage('Reset the sandbox tenants?', { modal: true, detail: 'Every change made to the sandbox tenants is lost. Real tenants are not affected.' }, reset);
      if (choice !== reset) return;
    }
    await ctx.sandbox.reset();
    await ctx.tenants.load();
    await Promise.all(ctx.tenants.all().filter((r) => r.auth === 'sandbox').map((r) => ctx.connections.probe(r)));
    ctx.log.info('The sandbox tenants were reset to their seeded state.');
  },
};
