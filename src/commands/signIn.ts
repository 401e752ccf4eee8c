import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { CommandDefinition } from '../host/runCommand';
import { pickTenant } from '../host/pickTenant';
import { tenantLabel } from '../host/tenants/tenantConnections';

/** Interactive sign-in to one tenant (the inline action of a tenant that needs it). */
export const signIn: CommandDefinition = {
  id: 'crossTenant.signIn',
  run: async (ctx, arg) => {
    const record = await pickTenant(ctx, arg, 'Sign in to which tenant?', (r) => ctx.connections.state(tenantKey(r)).kind !== 'signedIn');
    if (!record) return undefined;
    const updated = await vscode.window.withProgress(
      { location: { viewId: 'crossTenant.tenants' }, title: `Signing in to ${tenantLabel(record)}`, cancellable: true },
      (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return ctx.connections.signIn(record, abort.signal);
      },
    );
    ctx.log.info(`Signed in to ${tenantLabel(updated)} (${updated.tenantId}) with ${updated.auth}${updated.account ? ` as ${updated.account}` : ''}.`);
    return updated.tenantId;
  },
};
