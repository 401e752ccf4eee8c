import * as vscode from 'vscode';
import type { ServicePrincipal, SyncJob } from '../core/graph/types';
import type { TenantChange } from '../core/tenants/tenantChange';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { TreeNode } from '../tree/treeNode';

/**
 * A sync job and where it lives: a job node of the Tenants view (SyncJobNode), or the same three
 * as a plain object (the provisioning-log panel names the job of an entry this way).
 */
export interface JobRef {
  readonly tenant: TenantRecord;
  readonly servicePrincipal: ServicePrincipal;
  readonly job: SyncJob;
}

export function isJobRef(arg: unknown): arg is JobRef {
  const r = arg as Partial<JobRef> | undefined;
  return (
    typeof r?.tenant?.tenantId === 'string' &&
    typeof r.servicePrincipal?.id === 'string' &&
    typeof r.job?.id === 'string'
  );
}

/** The sync job a job command applies to; anything else is refused, naming what it works on. */
export function jobArg(arg: unknown): JobRef {
  if (isJobRef(arg)) return arg;
  const node = arg as TreeNode | undefined;
  throw new Error(
    node?.id
      ? vscode.l10n.t(
          "This works on a provisioning job in the Tenants view (not {0}): expand a tenant's Cross-tenant synchronization.",
          node.id,
        )
      : vscode.l10n.t(
          "This works on a provisioning job in the Tenants view: expand a tenant's Cross-tenant synchronization.",
        ),
  );
}

/** What a write to the job changes: the views showing that job follow it. */
export function jobChange(ref: JobRef): TenantChange {
  return { kind: 'job', servicePrincipalId: ref.servicePrincipal.id!, jobId: ref.job.id! };
}
