import * as vscode from 'vscode';
import { setIdentitySync } from '../core/graph/operations/identitySync';
import { createPartner } from '../core/graph/operations/partners';
import type { NewPartner } from '../core/graph/types';
import type { PairFinding } from '../core/pairs/pairFinding';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { draftChange } from '../services/openPartnerSetting';
import type { CommandContext, CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { findingArg, findingLocation } from './findingArg';

/**
 * A pair finding's quick fix. A change to an existing document opens it as a draft with the change
 * made (to review, diff and push: never pushed here). What has no document yet — a missing partner
 * entry, a missing identity-synchronization policy — is created after a modal confirmation that
 * says exactly what is created where. Arguments: see findingArg. Returns the draft's URI, or what
 * was created.
 */
export const fixPairFinding: CommandDefinition = {
  id: 'crossTenant.fixPairFinding',
  run: async (ctx, arg) => {
    const { finding, record } = findingArg(ctx, arg);
    const fix = finding.fix;
    if (!fix)
      throw new Error(
        vscode.l10n.t('This finding has no automatic fix: change the setting it names by hand.'),
      );
    const patch = { ...fix.patch };
    switch (fix.document) {
      case 'partnerMissing':
        return createMissingPartner(ctx, record, finding, patch as NewPartner);
      case 'identitySync': {
        const partner = (await ctx.data.access(record)).overview.partners.find(
          (p) => p.tenantId.toLowerCase() === finding.partnerTenantId,
        );
        if (!partner?.identitySync)
          return createIdentitySync(
            ctx,
            record,
            finding,
            partner?.displayName ?? finding.partnerTenantId,
            patch,
          );
        break;
      }
      case 'partner':
      case 'policy':
        break;
    }
    const editor = await draftChange(
      await findingLocation(ctx, finding, record, finding.setting ?? Object.keys(patch)[0] ?? ''),
      patch,
    );
    return editor.document.uri.toString();
  },
};

async function createMissingPartner(
  ctx: CommandContext,
  record: TenantRecord,
  finding: PairFinding,
  body: NewPartner,
): Promise<string> {
  const settings = Object.keys(body).filter((k) => k !== 'tenantId');
  const tenant = tenantLabel(record);
  await ctx.ui.confirm({
    message: vscode.l10n.t('Add tenant {0} as a partner of {1}?', finding.partnerTenantId, tenant),
    detail: settings.length
      ? vscode.l10n.t(
          "{0}\n\nCreates the partner entry with {1} set; every other setting inherits {2}'s default.",
          finding.message,
          settings.join(', '),
          tenant,
        )
      : vscode.l10n.t(
          "{0}\n\nCreates the partner entry; every other setting inherits {1}'s default.",
          finding.message,
          tenant,
        ),
    actions: [vscode.l10n.t('Add Partner')],
  });
  await ctx.data
    .tenant(record)
    .write(
      { kind: 'partner', partnerTenantId: finding.partnerTenantId, change: 'created' },
      (client) => createPartner(client, body),
    );
  ctx.log.info(`Pair fix: added partner ${finding.partnerTenantId} to ${record.tenantId}.`);
  return 'created';
}

async function createIdentitySync(
  ctx: CommandContext,
  record: TenantRecord,
  finding: PairFinding,
  partnerName: string,
  patch: Record<string, unknown>,
): Promise<string> {
  await ctx.ui.confirm({
    message: vscode.l10n.t(
      'Allow users of {0} to sync into {1}?',
      partnerName,
      tenantLabel(record),
    ),
    detail: vscode.l10n.t(
      "{0}\n\nCreates the partner's identity synchronization policy with inbound user sync allowed.",
      finding.message,
    ),
    actions: [vscode.l10n.t('Allow User Sync')],
  });
  const outcome = await ctx.data
    .tenant(record)
    .write(
      { kind: 'identitySync', partnerTenantId: finding.partnerTenantId, change: 'updated' },
      (client) =>
        setIdentitySync(client, finding.partnerTenantId, {
          displayName: partnerName,
          userSyncInbound: { isSyncAllowed: true },
          ...patch,
        }),
    );
  ctx.log.info(
    `Pair fix: identity synchronization ${outcome} for partner ${finding.partnerTenantId} in ${record.tenantId}.`,
  );
  return outcome;
}
