import * as vscode from 'vscode';
import { startSyncJob } from '../core/graph/operations/syncJobs';
import { describeJobStatus } from '../core/sync/jobStatus';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { jobArg, jobChange } from './jobArg';

/**
 * Starts a paused or quarantined job (and lifts quarantine). Refused on a running job: `start` is
 * not "run now", and calling it repeatedly can stop the service (graph-api.md §6). Argument: a
 * job node, or a job reference (see jobArg).
 */
export const startJob: CommandDefinition = {
  id: 'crossTenant.startJob',
  run: async (ctx, arg) => {
    const node = jobArg(arg);
    const { kind } = describeJobStatus(node.job);
    if (kind === 'active' || kind === 'notRun' || kind === 'failed') {
      throw new Error(
        vscode.l10n.t(
          '{0} is already running: use Restart to run a full cycle now, or Provision on Demand for single users.',
          node.servicePrincipal.displayName ?? vscode.l10n.t('The job'),
        ),
      );
    }
    await ctx.data
      .tenant(node.tenant)
      .write(jobChange(node), (client) =>
        startSyncJob(client, node.servicePrincipal.id!, node.job.id!),
      );
    ctx.log.info(
      `Started job ${node.job.id} of ${node.servicePrincipal.displayName ?? node.servicePrincipal.id} in ${tenantLabel(node.tenant)}.`,
    );
    return true;
  },
};
