import * as vscode from 'vscode';
import { readPartnershipUsage } from '../core/impact/partnershipUsage';
import { printable } from '../core/printable';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { impactDays } from '../services/impact/impactDays';
import { withCancellableProgress } from '../host/cancellation';
import type { CommandDefinition } from './commandContext';
import { nodeArg } from './nodeArg';

/**
 * Who from a partner signed in to this tenant, and who of this tenant signed in to the partner,
 * from this tenant's sign-in logs of the last days (setting crossTenant.impact.days): a Markdown
 * document with a section per direction, each user at each app with their sign-ins, failed
 * attempts and the last one. The same sign-ins the impact preview reads before a push.
 *
 * Argument: a partner node of the Tenants view. Returns the document's URI and the rows read.
 */
export const whoUsesPartnership: CommandDefinition = {
  id: 'crossTenant.whoUsesPartnership',
  run: async (ctx, arg) => {
    const node = nodeArg(arg, 'partner');
    if (!node)
      throw new Error(
        vscode.l10n.t('Who Uses This Partnership? works on a partner in the Tenants view.'),
      );
    const tenant = ctx.data.tenant(node.tenant);
    const who = tenantLabel(node.tenant);
    const partner = printable(
      node.summary.displayName ?? node.summary.defaultDomainName ?? node.summary.tenantId,
    );
    const days = impactDays();
    const result = await withCancellableProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Reading the sign-ins of {0} with {1}', who, partner),
      },
      (progress, signal) =>
        readPartnershipUsage({
          client: tenant.client,
          limiter: tenant.reportsLimiter,
          partnerTenantId: node.summary.tenantId,
          days,
          now: new Date(),
          signal,
          onProgress: ({ requests, signIns }) =>
            progress.report({
              message: vscode.l10n.t('{0} sign-ins ({1} requests)', signIns, requests),
            }),
        }),
    );
    if (result.kind === 'unavailable')
      throw new Error(
        result.reason === 'licence'
          ? vscode.l10n.t(
              'Sign-in logs of {0} are unavailable (no Microsoft Entra ID P1 or P2 licence), so who uses the partnership with {1} cannot be shown.',
              who,
              partner,
            )
          : vscode.l10n.t(
              'Sign-in logs of {0} could not be read (they need AuditLog.Read.All and Directory.Read.All and a role such as Reports Reader), so who uses the partnership with {1} cannot be shown.',
              who,
              partner,
            ),
      );
    const uri = await ctx.impactReports.showUsage(who, partner, result);
    return { uri: uri.toString(), rows: result.rows.length };
  },
};
