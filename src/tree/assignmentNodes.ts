import * as vscode from 'vscode';
import { listSyncAssignments } from '../core/graph/operations/appRoleAssignments';
import type { AppRoleAssignment, ServicePrincipal } from '../core/graph/types';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { childrenOrError } from './childrenOrError';
import { MessageNode } from './messageNode';
import type { TreeNode, TreeServices } from './treeNode';
import { nodeId } from './nodeId';

/** The users and groups assigned to a sync configuration: who is in scope when it syncs assigned users only. */
export class AssignmentsNode implements TreeNode {
  readonly kind = 'syncAssignments' as const;
  readonly dataPart = 'sync' as const;
  constructor(
    readonly tenant: TenantRecord,
    readonly servicePrincipal: ServicePrincipal,
  ) {}

  get id(): string {
    return nodeId(this.tenant, 'sync', this.servicePrincipal.id!, 'assignments');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Users and groups in scope'),
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'syncAssignments';
    item.tooltip = vscode.l10n.t(
      'Users and groups assigned to this configuration (app role msiam_access). With "assigned only" scoping, only they are synced; at least one internal user must be assigned.',
    );
    return item;
  }

  getChildren(services: TreeServices): Promise<TreeNode[]> {
    return childrenOrError(this, services.log, async () => {
      const assignments = await listSyncAssignments(
        services.connections.client(this.tenant),
        this.servicePrincipal.id!,
      );
      if (!assignments.length)
        return [
          new MessageNode(
            `${this.id}/empty`,
            vscode.l10n.t('Nobody is assigned: add users or groups to sync them.'),
            'info',
          ),
        ];
      return [...assignments]
        .sort((a, b) => (a.principalDisplayName ?? '').localeCompare(b.principalDisplayName ?? ''))
        .map((a) => new AssignmentNode(this.tenant, this.servicePrincipal, a));
    });
  }
}

export class AssignmentNode implements TreeNode {
  readonly kind = 'syncAssignment' as const;
  readonly dataPart = 'sync' as const;
  constructor(
    readonly tenant: TenantRecord,
    readonly servicePrincipal: ServicePrincipal,
    readonly assignment: AppRoleAssignment,
  ) {}

  get id(): string {
    return nodeId(
      this.tenant,
      'sync',
      this.servicePrincipal.id!,
      'assignments',
      this.assignment.id!,
    );
  }

  toTreeItem(): vscode.TreeItem {
    const a = this.assignment;
    const item = new vscode.TreeItem(
      a.principalDisplayName ?? a.principalId ?? vscode.l10n.t('Unknown principal'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    // Graph's principalType ("User", "ServicePrincipal") as it is, in lower case.
    item.description =
      a.principalType === 'Group'
        ? vscode.l10n.t('group (its members are in scope)')
        : (a.principalType ?? '').toLowerCase();
    item.iconPath = new vscode.ThemeIcon(a.principalType === 'Group' ? 'organization' : 'person');
    item.contextValue = 'syncAssignment';
    item.tooltip = vscode.l10n.t(
      '{0} {1}, assigned {2}',
      a.principalType ?? vscode.l10n.t('Principal'),
      a.principalId ?? '',
      a.createdDateTime ?? '',
    );
    return item;
  }
}
