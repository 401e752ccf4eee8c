import * as vscode from 'vscode';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandContext } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';

/** Something a tree node or a command argument may carry to name a tenant. */
export interface TenantRef {
  readonly record: TenantRecord;
}

function isTenantRef(value: unknown): value is TenantRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    'record' in value &&
    typeof (value as TenantRef).record?.tenantId === 'string'
  );
}

/**
 * The tenant a command applies to: the tree node it was invoked on, a tenant key passed by another
 * command or a test, or the user's pick. Returns undefined when the user dismissed the pick.
 */
export async function pickTenant(
  ctx: CommandContext,
  arg: unknown,
  placeHolder: string,
  filter: (r: TenantRecord) => boolean = () => true,
): Promise<TenantRecord | undefined> {
  await ctx.tenants.load();
  if (isTenantRef(arg)) return ctx.tenants.get(tenantKey(arg.record)) ?? arg.record;
  if (typeof arg === 'string') {
    const r =
      ctx.tenants.get(arg) ??
      ctx.tenants.all().find((t) => t.tenantId === arg.toLowerCase() || t.defaultDomain === arg);
    if (r) return r;
    throw new Error(`No tenant ${arg} in the Tenants view.`);
  }
  const candidates = ctx.tenants.all().filter(filter);
  if (!candidates.length) {
    void vscode.window.showInformationMessage(
      'No tenant to choose from. Add one with "Cross-Tenant: Add Tenant…" or try the sandbox.',
    );
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((r) => ({
      label: tenantLabel(r),
      description: r.defaultDomain,
      detail: `${r.tenantId} · ${r.auth}`,
      record: r,
    })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.record;
}
