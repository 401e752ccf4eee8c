import * as vscode from 'vscode';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { childrenOrError } from './childrenOrError';
import { DefaultSettingsNode, BasePolicyNode } from './policyNodes';
import { PartnersNode } from './partnersNode';
import type { TreeNode, TreeServices } from './treeNode';
import { nodeId } from './nodeId';

/** "Cross-tenant access": the base policy, the default settings and the partners of one tenant. */
export class AccessNode implements TreeNode {
  readonly kind = 'access' as const;
  readonly dataPart = 'access' as const;
  constructor(readonly tenant: TenantRecord) {}

  get id(): string {
    return nodeId(this.tenant, 'access');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Cross-tenant access'),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('shield');
    item.contextValue = 'access';
    item.tooltip = vscode.l10n.t(
      'Cross-tenant access settings: who may collaborate with this tenant, and how (B2B collaboration, B2B direct connect, trust, automatic redemption).',
    );
    return item;
  }

  getChildren(services: TreeServices): Promise<TreeNode[]> {
    return childrenOrError(this, services.log, async () => {
      const { policy, overview } = await services.data.access(this.tenant);
      return [
        new BasePolicyNode(this.tenant, policy),
        new DefaultSettingsNode(
          this.tenant,
          overview.defaultConfiguration,
          overview.partners.length,
        ),
        new PartnersNode(this.tenant, overview.partners),
      ];
    });
  }
}
