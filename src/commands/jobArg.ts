import type { ServicePrincipal, SyncJob } from '../core/graph/types';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { TreeNode } from '../tree/treeNode';

/** A sync job and where it lives: a job node of the Tenants view, or the log panel's entry. */
export interface JobRef {
  readonly tenant: TenantRecord;
  readonly servicePrincipal: ServicePrincipal;
  readonly job: SyncJob;
}

function isJobRef(arg: unknown): arg is JobRef {
  const r = arg as Partial<JobRef> | undefined;
  return (
    typeof r?.tenant?.tenantId === 'string' &&
    typeof r.servicePrincipal?.id === 'string' &&
    typeof r.job?.id === 'string'
  );
}

/** The sync job a job command applies to. */
export function jobArg(arg: unknown): JobRef {
  if (isJobRef(arg)) return arg;
  const node = arg as TreeNode | undefined;
  throw new Error(
    `This works on a provisioning job in the Tenants view${node?.id ? ` (not ${node.id})` : ''}: expand a tenant's Cross-tenant synchronization.`,
  );
}
