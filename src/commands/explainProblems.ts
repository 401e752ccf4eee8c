import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import type { CredentialProblem } from '../core/sync/createConfiguration';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { openPartnerSetting } from '../services/openPartnerSetting';
import type { CommandContext } from './commandContext';

/**
 * Says, after a failed connection test, which tenant must change which setting, and opens that
 * partner policy on request. A warning, not an error: the configuration exists and works once
 * the setting is changed. Not awaited: the message stays until the user closes it.
 */
export function explainProblems(
  ctx: CommandContext,
  source: TenantRecord,
  problems: readonly CredentialProblem[],
): void {
  const lines = problems.map((p) =>
    p.tenant === 'target'
      ? vscode.l10n.t('Target tenant {0}: {1}', ctx.tenants.labelOf(p.tenantId), p.message)
      : vscode.l10n.t('Source tenant {0}: {1}', ctx.tenants.labelOf(p.tenantId), p.message),
  );
  ctx.log.warn(`Connection test failed: ${lines.join(' | ')}`);
  const fixable = problems.find(
    (p) => p.setting !== 'other' && ctx.tenants.byTenantId(p.tenantId) !== undefined,
  );
  const open = fixable
    ? vscode.l10n.t("Open {0}'s Partner Policy", ctx.tenants.labelOf(fixable.tenantId))
    : undefined;
  void ctx.ui
    .warn(
      vscode.l10n.t('The connection test failed: sync would not work yet. {0}', lines.join(' ')),
      ...(open ? [open] : []),
    )
    .then(async (choice) => {
      if (!choice || choice !== open || !fixable) return;
      const tenant = ctx.tenants.byTenantId(fixable.tenantId)!;
      // The target's setting is on its partner entry for the source, and the other way round.
      const partnerTenantId =
        fixable.tenant === 'target'
          ? source.tenantId
          : (problems.find((p) => p.tenant === 'target')?.tenantId ?? source.tenantId);
      await openPartnerSetting(ctx.data, tenant, partnerTenantId, fixable.setting);
    })
    .catch((err: unknown) =>
      ctx.log.error(`Opening the partner policy to fix failed: ${describeError(err).detail}`),
    );
}
