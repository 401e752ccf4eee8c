import { describeError } from '../core/describeError';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/** Loads a node's children; a failure becomes one error child of that node (cancellation: no children). */
export async function childrenOrError(
  parent: TreeNode,
  load: () => Promise<TreeNode[]>,
): Promise<TreeNode[]> {
  try {
    return await load();
  } catch (err) {
    const d = describeError(err);
    if (d.cancelled) return [];
    return [
      new MessageNode(`${parent.id}/error`, d.summary, 'error', parent, d.detail.split('\n')[0]),
    ];
  }
}
