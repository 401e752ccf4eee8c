import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';

/**
 * Interactive sign-in to one tenant (the inline action of a tenant that needs it).
 *
 * Argument: the tenant (see pickTenant: the tenant node or its "Sign in" row, a tenant key, id or
 * domain), or nothing to pick one of those not signed in. Returns the tenant id.
 */
export const signIn: CommandDefinition = {
  id: 'crossTenant.signIn',
  run: async (ctx, arg) => {
    const record = await pickTenant(
      ctx,
      arg,
      vscode.l10n.t('Sign in to which tenant?'),
      (r) => ctx.connections.state(tenantKey(r)).kind !== 'signedIn',
    );
    const updated = await withCancellableProgress(
      {
        location: { viewId: 'crossTenant.tenants' },
        title: vscode.l10n.t('Signing in to {0}', tenantLabel(record)),
      },
      (_p, signal) => ctx.connections.signIn(record, signal),
    );
    ctx.log.info(
      `Signed in to ${tenantLabel(updated)} (${updated.tenantId}) with ${updated.auth}${updated.account ? ` as ${updated.account}` : ''}.`,
    );
    return updated.tenantId;
  },
};
