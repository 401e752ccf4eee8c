import type { TreeNode } from '../tree/treeNode';
import { SyncJobNode } from '../tree/syncNode';

/** The sync job a job command applies to: the tree node it was invoked on. */
export function jobArg(arg: unknown): SyncJobNode {
  if (arg instanceof SyncJobNode) return arg;
  const node = arg as TreeNode | undefined;
  throw new Error(`This works on a provisioning job in the Tenants view${node?.id ? ` (not ${node.id})` : ''}: expand a tenant's Cross-tenant synchronization.`);
}
