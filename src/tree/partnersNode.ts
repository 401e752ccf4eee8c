import * as vscode from 'vscode';
import type { PartnerSummary } from '../core/graph/partnerOverview';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { MessageNode } from './messageNode';
import { PartnerNode } from './partnerNode';
import type { TreeNode } from './treeNode';
import { nodeId } from './nodeId';

/** "Partners (N)": one node per partner organization, sorted by name. */
export class PartnersNode implements TreeNode {
  readonly kind = 'partners' as const;
  readonly dataPart = 'access' as const;
  constructor(
    readonly tenant: TenantRecord,
    private readonly partners: readonly PartnerSummary[],
  ) {}

  get id(): string {
    return nodeId(this.tenant, 'access', 'partners');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Partners ({0})', this.partners.length),
      this.partners.length
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('references');
    item.contextValue = 'partners';
    item.tooltip = vscode.l10n.t(
      'Organizations with their own cross-tenant access settings. Values in parentheses are inherited from the default settings.',
    );
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    if (!this.partners.length)
      return Promise.resolve([
        new MessageNode(
          `${this.id}/empty`,
          vscode.l10n.t(
            'No partner organizations: every external tenant gets the default settings.',
          ),
          'info',
        ),
      ]);
    const name = (p: PartnerSummary): string => (p.displayName ?? p.tenantId).toLowerCase();
    return Promise.resolve(
      [...this.partners]
        .sort((a, b) => name(a).localeCompare(name(b)))
        .map((p) => new PartnerNode(this.tenant, p)),
    );
  }
}
