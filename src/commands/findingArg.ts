import type { PairFinding } from '../core/pairs/pairFinding';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandContext } from '../host/runCommand';
import { PairFindingNode } from '../tree/pairsTreeProvider';

/** The pair finding a command applies to, and the tenant whose setting it asks to change (which must be in the Tenants view). */
export function findingArg(ctx: CommandContext, arg: unknown): { finding: PairFinding; record: TenantRecord } {
  const finding = arg instanceof PairFindingNode ? arg.finding : (arg as { finding?: PairFinding } | undefined)?.finding;
  if (!finding) throw new Error('This works on a finding in the Tenant Pairs view.');
  const record = ctx.tenants.all().find((r) => r.tenantId === finding.tenantId);
  if (!record) throw new Error(`Add and sign in to tenant ${finding.tenantId} to change its settings.`);
  return { finding, record };
}
