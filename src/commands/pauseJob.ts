import { pauseSyncJob } from '../core/graph/operations/syncJobs';
import type { CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { jobArg, jobChange } from './jobArg';

/**
 * Pauses a job; its state is kept and Start resumes where it stopped. A running cycle still
 * finishes. Argument: a job node, or a job reference (see jobArg).
 */
export const pauseJob: CommandDefinition = {
  id: 'crossTenant.pauseJob',
  run: async (ctx, arg) => {
    const node = jobArg(arg);
    await ctx.data
      .tenant(node.tenant)
      .write(jobChange(node), (client) =>
        pauseSyncJob(client, node.servicePrincipal.id!, node.job.id!),
      );
    ctx.log.info(
      `Paused job ${node.job.id} of ${node.servicePrincipal.displayName ?? node.servicePrincipal.id} in ${tenantLabel(node.tenant)}.`,
    );
    return true;
  },
};
