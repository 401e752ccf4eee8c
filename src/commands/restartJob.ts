import * as vscode from 'vscode';
import { restartSyncJob } from '../core/graph/operations/syncJobs';
import { RESTART_CHOICES } from '../core/sync/resetScopes';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { jobArg, jobChange } from './jobArg';

/**
 * Restarts a job with a reset scope chosen in words, after a confirmation naming the
 * configuration and tenant. Argument: a job node, or a job reference (see jobArg). Returns the
 * reset chosen.
 */
export const restartJob: CommandDefinition = {
  id: 'crossTenant.restartJob',
  run: async (ctx, arg) => {
    const node = jobArg(arg);
    const config =
      node.servicePrincipal.displayName ??
      node.servicePrincipal.id ??
      vscode.l10n.t('the configuration');
    const choice = await ctx.ui.pick(
      RESTART_CHOICES.map((c) => ({ label: c.label, detail: c.detail, value: c })),
      {
        title: vscode.l10n.t('Restart {0}', config),
        placeHolder: vscode.l10n.t('What should the restart reset?'),
        matchOnDetail: true,
      },
    );
    const restart = vscode.l10n.t('Restart');
    await ctx.ui.confirm({
      message: vscode.l10n.t(
        'Restart "{0}" in {1}: {2}?',
        config,
        tenantLabel(node.tenant),
        choice.label,
      ),
      detail: vscode.l10n.t(
        '{0}\n\nThe next cycle processes every user and group in scope again; it can take a while in a large tenant.',
        choice.detail,
      ),
      actions: [restart],
    });
    await ctx.data
      .tenant(node.tenant)
      .write(jobChange(node), (client) =>
        restartSyncJob(client, node.servicePrincipal.id!, node.job.id!, choice.scope),
      );
    ctx.log.info(
      `Restarted job ${node.job.id} of ${config} in ${tenantLabel(node.tenant)} with reset scope ${choice.scope.join(', ')}.`,
    );
    return choice.id;
  },
};
