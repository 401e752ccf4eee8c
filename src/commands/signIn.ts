import { tenantKey } from '../core/tenants/tenantRecord';
import type { CommandDefinition } from './commandContext';
import { withCancellableProgress } from '../host/cancellation';
import { pickTenant } from './pickTenant';
import { tenantLabel } from '../core/tenants/tenantLabel';

/** Interactive sign-in to one tenant (the inline action of a tenant that needs it). */
export const signIn: CommandDefinition = {
  id: 'crossTenant.signIn',
  run: async (ctx, arg) => {
    const record = await pickTenant(
      ctx,
      arg,
      'Sign in to which tenant?',
      (r) => ctx.connections.state(tenantKey(r)).kind !== 'signedIn',
    );
    if (!record) return undefined;
    const updated = await withCancellableProgress(
      {
        location: { viewId: 'crossTenant.tenants' },
        title: `Signing in to ${tenantLabel(record)}`,
      },
      (_p, signal) => ctx.connections.signIn(record, signal),
    );
    ctx.log.info(
      `Signed in to ${tenantLabel(updated)} (${updated.tenantId}) with ${updated.auth}${updated.account ? ` as ${updated.account}` : ''}.`,
    );
    return updated.tenantId;
  },
};
