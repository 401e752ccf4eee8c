import type { AccessNode } from './accessNode';
import type { AssignmentNode, AssignmentsNode } from './assignmentNodes';
import type { MessageNode } from './messageNode';
import type { PairFindingNode, PairMessageNode, PairNode, PairSyncNode } from './pairsTreeProvider';
import type { IdentitySyncNode, PartnerNode } from './partnerNode';
import type { PartnersNode } from './partnersNode';
import type { BasePolicyNode, DefaultSettingsNode } from './policyNodes';
import type { SyncConfigurationNode, SyncJobNode, SyncNode } from './syncNode';
import type { TenantNode } from './tenantNode';

/**
 * Every node of the two views, told apart by `kind`: what a command receives when it is run from a
 * row's menu or inline action. Commands name these types only (they never import the tree's code),
 * so what a command accepts is written in its signature, and a node of another kind is refused.
 */
export type ViewNode =
  | TenantNode
  | AccessNode
  | BasePolicyNode
  | DefaultSettingsNode
  | PartnersNode
  | PartnerNode
  | IdentitySyncNode
  | SyncNode
  | SyncConfigurationNode
  | SyncJobNode
  | AssignmentsNode
  | AssignmentNode
  | MessageNode
  | PairNode
  | PairSyncNode
  | PairFindingNode
  | PairMessageNode;

export type ViewNodeKind = ViewNode['kind'];
