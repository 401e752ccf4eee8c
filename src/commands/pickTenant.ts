import * as vscode from 'vscode';
import { UserCancelledError } from '../core/userCancelledError';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import { tenantLabel } from '../core/tenants/tenantLabel';
import type { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';

/** A node of the Tenants view that belongs to a tenant: the tenant itself or anything under it. */
function isTenantNode(value: unknown): value is TreeNode & { readonly tenant: TenantRecord } {
  const node = value as Partial<TreeNode> | undefined;
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof node.id === 'string' &&
    typeof node.toTreeItem === 'function' &&
    typeof node.tenant?.tenantId === 'string'
  );
}

/**
 * The tenant a command applies to. Accepted arguments:
 * - a node of the Tenants view: the tenant node or any node under it (partners, a partner, a sync
 *   configuration, …), which acts on that node's tenant without asking;
 * - a string naming a tenant of the view: its key (`sandbox:<tenant id>`), its tenant id or its
 *   default domain;
 * - nothing (the palette, a view's title bar): the user picks among the tenants `filter` keeps.
 * Anything else is an error. Dismissing the pick throws UserCancelledError.
 */
export async function pickTenant(
  ctx: CommandContext,
  arg: unknown,
  placeHolder: string,
  filter: (r: TenantRecord) => boolean = () => true,
): Promise<TenantRecord> {
  await ctx.tenants.load();
  if (isTenantNode(arg)) return ctx.tenants.get(tenantKey(arg.tenant)) ?? arg.tenant;
  if (typeof arg === 'string') {
    const r =
      ctx.tenants.get(arg) ??
      ctx.tenants.all().find((t) => t.tenantId === arg.toLowerCase() || t.defaultDomain === arg);
    if (r) return r;
    throw new Error(vscode.l10n.t('No tenant {0} in the Tenants view.', arg));
  }
  if (arg !== undefined && arg !== null)
    throw new Error(
      vscode.l10n.t(
        'This works on a tenant of the Tenants view (or a node under it), a tenant id or a verified domain.',
      ),
    );
  const candidates = ctx.tenants.all().filter(filter);
  if (!candidates.length) {
    void ctx.ui.inform(
      vscode.l10n.t(
        'No tenant to choose from. Add one with "Cross-Tenant: Add Tenant…" or try the sandbox.',
      ),
    );
    throw new UserCancelledError();
  }
  if (candidates.length === 1) return candidates[0];
  return ctx.ui.pick(
    candidates.map((r) => ({
      label: tenantLabel(r),
      description: r.defaultDomain,
      detail: `${r.tenantId} · ${r.auth}`,
      value: r,
    })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
}
