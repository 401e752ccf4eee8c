import * as vscode from 'vscode';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandContext } from './commandContext';
import { PairNode, PairSyncNode } from '../tree/pairsTreeProvider';

/**
 * The tenants a pair command was invoked on: a pair or one of its syncs in the Tenant Pairs view
 * (each tenant when it is in the Tenants view), or nothing (the view's title bar, the palette).
 * Anything else is refused, naming what the command works on.
 */
export function pairArg(
  ctx: CommandContext,
  arg: unknown,
  command: string,
): { a?: TenantRecord; b?: TenantRecord; sync?: PairSyncNode['sync'] } {
  const byId = (id: string): TenantRecord | undefined => ctx.tenants.byTenantId(id);
  if (arg instanceof PairSyncNode)
    return { a: byId(arg.sync.sourceTenantId), b: byId(arg.sync.targetTenantId), sync: arg.sync };
  if (arg instanceof PairNode) {
    const [sync] = arg.pair.syncs;
    return {
      a: byId(sync?.sourceTenantId ?? arg.pair.a.tenantId),
      b: byId(sync?.targetTenantId ?? arg.pair.b.tenantId),
      sync,
    };
  }
  if (arg === undefined) return {};
  throw new Error(vscode.l10n.t('{0} works on a pair in the Tenant Pairs view.', command));
}
