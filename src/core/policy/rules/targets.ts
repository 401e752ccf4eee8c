import type { GraphTypeName } from '../graphTypes';
import { stringValue, valueNamed, type Node } from '../jsonTree';
import { typedObjects } from './typedObjects';

/** Which kind of list a target configuration is: `applications`, or users and groups (`usersAndGroups`, `users`). */
export type TargetListKind = 'applications' | 'users';

export interface TargetEntry {
  /** The `target` and `targetType` value nodes, when present. */
  readonly target: Node | undefined;
  readonly targetType: Node | undefined;
  readonly list: TargetListKind;
  /** The top-level setting the list belongs to, e.g. `b2bCollaborationInbound`. */
  readonly setting: string;
  /** The property holding the target configuration: `applications`, `usersAndGroups` or `users`. */
  readonly listName: string;
}

export const SPECIAL_TARGETS: Readonly<
  Record<string, { targetType: string; list: TargetListKind }>
> = {
  AllUsers: { targetType: 'user', list: 'users' },
  AllApplications: { targetType: 'application', list: 'applications' },
  Office365: { targetType: 'application', list: 'applications' },
  AllMicrosoftApps: { targetType: 'application', list: 'applications' },
};

/** Every target of every target configuration in a document, with the list it sits in. */
export function targetEntries(root: Node, rootType: GraphTypeName): TargetEntry[] {
  return typedObjects(root, rootType)
    .filter((entry) => entry.type === 'crossTenantAccessPolicyTarget')
    .map((entry) => {
      // path: [setting, …, listName, 'targets', index]
      const listName = String(entry.path[entry.path.length - 3]);
      return {
        target: valueNamed(entry.node, 'target'),
        targetType: valueNamed(entry.node, 'targetType'),
        list: listName === 'applications' ? 'applications' : 'users',
        setting: String(entry.path[0]),
        listName,
      };
    });
}

export function isSpecialTarget(node: Node | undefined): boolean {
  const value = stringValue(node);
  return value !== undefined && Object.prototype.hasOwnProperty.call(SPECIAL_TARGETS, value);
}
