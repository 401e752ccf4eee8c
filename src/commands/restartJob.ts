import * as vscode from 'vscode';
import { restartSyncJob } from '../core/graph/operations/syncJobs';
import { RESTART_CHOICES } from '../core/sync/resetScopes';
import { confirmModal } from '../host/confirm';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { jobArg } from './jobArg';

/** Restarts a job with a reset scope chosen in words, after a confirmation naming the configuration and tenant. */
export const restartJob: CommandDefinition = {
  id: 'crossTenant.restartJob',
  run: async (ctx, arg, options) => {
    const node = jobArg(arg);
    const given = options as { choice?: string; confirm?: boolean } | undefined;
    const choice = given?.choice
      ? RESTART_CHOICES.find((c) => c.id === given.choice)
      : await vscode.window.showQuickPick(
          RESTART_CHOICES.map((c) => ({ ...c, label: c.label, detail: c.detail })),
          {
            title: `Restart ${node.servicePrincipal.displayName ?? 'job'}`,
            placeHolder: 'What should the restart reset?',
            matchOnDetail: true,
          },
        );
    if (!choice) return false;
    const config =
      node.servicePrincipal.displayName ?? node.servicePrincipal.id ?? 'the configuration';
    if (
      !(await confirmModal(
        options,
        `Restart "${config}" in ${tenantLabel(node.tenant)}: ${choice.label}?`,
        `${choice.detail}\n\nThe next cycle processes every user and group in scope again; it can take a while in a large tenant.`,
        'Restart',
      ))
    )
      return false;
    await restartSyncJob(
      ctx.connections.client(node.tenant),
      node.servicePrincipal.id!,
      node.job.id!,
      choice.scope,
    );
    ctx.log.info(
      `Restarted job ${node.job.id} of ${config} in ${tenantLabel(node.tenant)} with reset scope ${choice.scope.join(', ')}.`,
    );
    ctx.data.invalidate(node.tenant, 'sync');
    ctx.refreshTree();
    return choice.id;
  },
};
