import * as vscode from 'vscode';
import type { PairFinding } from '../core/pairs/pairFinding';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { partnerSetting, type SettingLocation } from '../services/openPartnerSetting';
import { policyUri } from '../services/documentUris';
import type { CommandContext } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * The pair finding a command applies to, and the tenant whose setting it asks to change (which must
 * be in the Tenants view). Accepted: a finding of the Tenant Pairs view (PairFindingNode), or
 * `{ finding }` (the pair diagnostics' quick fix on the other tenant's document).
 */
export function findingArg(
  ctx: CommandContext,
  arg: unknown,
): { finding: PairFinding; record: TenantRecord } {
  const finding =
    nodeArg(arg, 'pairFinding')?.finding ?? (arg as { finding?: PairFinding } | undefined)?.finding;
  if (!finding) throw new Error(vscode.l10n.t('This works on a finding in the Tenant Pairs view.'));
  const record = ctx.tenants.byTenantId(finding.tenantId);
  if (!record)
    throw new Error(
      vscode.l10n.t('Add and sign in to tenant {0} to change its settings.', finding.tenantId),
    );
  return { finding, record };
}

/** Where a finding's setting is: the base policy for a cloud-endpoint finding, else the partner entry or its identity sync. */
export function findingLocation(
  ctx: CommandContext,
  finding: PairFinding,
  record: TenantRecord,
  setting = finding.setting ?? '',
): Promise<SettingLocation> {
  return finding.fix?.document === 'policy'
    ? Promise.resolve({
        uri: policyUri(record, { kind: 'policy', tenantId: record.tenantId }),
        path: setting,
      })
    : partnerSetting(ctx.data, record, finding.partnerTenantId, setting);
}
