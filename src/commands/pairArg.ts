import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandContext } from './commandContext';
import { PairNode, PairSyncNode } from '../tree/pairsTreeProvider';

/** The tenants a pair command was invoked on (a pair or one of its syncs in the Tenant Pairs view), when they are in the Tenants view. */
export function pairArg(
  ctx: CommandContext,
  arg: unknown,
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
  return {};
}
