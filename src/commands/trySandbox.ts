import * as vscode from 'vscode';
import type { CloudName } from '../core/auth/clouds';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandDefinition } from './commandContext';

/** The sandbox names clouds as Graph's national-cloud docs do. */
const SANDBOX_CLOUD: Record<string, CloudName> = {
  global: 'global',
  usGovernment: 'usGov',
  usGovernmentDoD: 'usGovDoD',
  china: 'china',
};

/**
 * Adds every sandbox tenant, signed in, so that anyone can try every feature without a Microsoft
 * account. The sandbox plays Microsoft Graph in process; its changes persist across reloads. No
 * argument; returns the sandbox tenants' ids.
 */
export const trySandbox: CommandDefinition = {
  id: 'crossTenant.trySandbox',
  run: async (ctx) => {
    const tenants = await ctx.sandbox.tenants();
    await ctx.tenants.load();
    for (const t of tenants) {
      const existing = ctx.tenants
        .all()
        .find((r) => r.auth === 'sandbox' && r.tenantId === t.tenantId);
      const record: TenantRecord = {
        ...existing,
        tenantId: t.tenantId,
        cloud: SANDBOX_CLOUD[t.cloud],
        auth: 'sandbox',
        displayName: t.displayName,
        defaultDomain: t.defaultDomainName,
        account: 'admin (sandbox)',
        signedOut: false,
      };
      await ctx.tenants.upsert(record);
    }
    await Promise.all(
      ctx.tenants
        .all()
        .filter((r) => r.auth === 'sandbox')
        .map((r) => ctx.connections.probe(r)),
    );
    await vscode.commands.executeCommand('crossTenant.tenants.focus');
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('Cross-Tenant: {0} sandbox tenants added', tenants.length),
      5000,
    );
    return tenants.map((t) => t.tenantId);
  },
};
