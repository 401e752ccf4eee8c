import * as vscode from 'vscode';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandContext } from './commandContext';
import type { PairSyncNode } from '../tree/pairsTreeProvider';
import { nodeArg } from './nodeArg';

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
  const node = nodeArg(arg, 'pair', 'pairSync');
  if (node?.kind === 'pairSync')
    return {
      a: byId(node.sync.sourceTenantId),
      b: byId(node.sync.targetTenantId),
      sync: node.sync,
    };
  if (node?.kind === 'pair') {
    const [sync] = node.pair.syncs;
    return {
      a: byId(sync?.sourceTenantId ?? node.pair.a.tenantId),
      b: byId(sync?.targetTenantId ?? node.pair.b.tenantId),
      sync,
    };
  }
  if (arg === undefined) return {};
  throw new Error(vscode.l10n.t('{0} works on a pair in the Tenant Pairs view.', command));
}
