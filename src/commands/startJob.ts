import { startSyncJob } from '../core/graph/operations/syncJobs';
import { describeJobStatus } from '../core/sync/jobStatus';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { jobArg } from './jobArg';

/**
 * Starts a paused or quarantined job (and lifts quarantine). Refused on a running job: `start` is
 * not "run now", and calling it repeatedly can stop the service (graph-api.md §6).
 */
export const startJob: CommandDefinition = {
  id: 'crossTenant.startJob',
  run: async (ctx, arg) => {
    const node = jobArg(arg);
    const { kind } = describeJobStatus(node.job);
    if (kind === 'active' || kind === 'notRun' || kind === 'failed') {
      throw new Error(
        `${node.servicePrincipal.displayName ?? 'The job'} is already running: use Restart to run a full cycle now, or Provision on Demand for single users.`,
      );
    }
    await startSyncJob(
      ctx.connections.client(node.tenant),
      node.servicePrincipal.id!,
      node.job.id!,
    );
    ctx.log.info(
      `Started job ${node.job.id} of ${node.servicePrincipal.displayName ?? node.servicePrincipal.id} in ${tenantLabel(node.tenant)}.`,
    );
    ctx.data.invalidate(node.tenant, 'sync');
    ctx.refreshTree();
    return true;
  },
};
