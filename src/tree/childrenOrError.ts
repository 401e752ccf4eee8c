import { describeError } from '../core/describeError';
import { tenantLabel } from '../core/tenants/tenantLabel';
import type { Log } from '../host/log';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/**
 * Loads a node's children; a failure becomes one error child of that node (cancellation: no
 * children), and its full detail goes to the log, where the error node's tooltip sends the user.
 */
export async function childrenOrError(
  parent: TreeNode,
  log: Log,
  load: () => Promise<TreeNode[]>,
): Promise<TreeNode[]> {
  try {
    return await load();
  } catch (err) {
    const d = describeError(err);
    if (d.cancelled) return [];
    log.error(`Tenants view: ${whereIs(parent)} could not be loaded: ${d.detail}`);
    return [
      new MessageNode(`${parent.id}/error`, d.summary, 'error', parent, d.detail.split('\n')[0]),
    ];
  }
}

/** "Contoso Group › Cross-tenant access": the node as the user finds it in the view. */
function whereIs(node: TreeNode): string {
  const label = node.toTreeItem().label;
  const text = typeof label === 'string' ? label : (label?.label ?? node.id);
  return node.tenant ? `${tenantLabel(node.tenant)} › ${text}` : text;
}
