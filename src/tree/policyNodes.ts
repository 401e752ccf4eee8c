import * as vscode from 'vscode';
import type { CrossTenantAccessPolicy, DefaultConfiguration } from '../core/graph/types';
import { accessLevel, type AccessLevel } from '../core/policy/accessSummary';
import type { DocumentIdentity } from '../core/policy/documentUri';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { TreeNode } from './treeNode';
import { nodeId } from './nodeId';
import { plural } from '../core/plural';

/** A node that stands for one policy document; clicking it opens the document. */
export interface DocumentNode extends TreeNode {
  readonly document: DocumentIdentity;
  readonly tenant: TenantRecord;
}

export function openCommand(node: DocumentNode): vscode.Command {
  return { command: 'crossTenant.openPolicy', title: 'Open Policy', arguments: [node] };
}

const LEVEL_WORD: Record<AccessLevel, string> = {
  allowed: 'allowed',
  blocked: 'blocked',
  partial: 'some',
  unset: 'not set',
};

/** The root crossTenantAccessPolicy: its name and the clouds it lets B2B reach. */
export class BasePolicyNode implements DocumentNode {
  readonly dataPart = 'access' as const;
  constructor(
    readonly tenant: TenantRecord,
    private readonly policy: CrossTenantAccessPolicy,
  ) {}

  get id(): string {
    return nodeId(this.tenant, 'access', 'policy');
  }

  get document(): DocumentIdentity {
    return { kind: 'policy', tenantId: this.tenant.tenantId };
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Base policy', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const clouds = this.policy.allowedCloudEndpoints ?? [];
    item.description = clouds.length ? `other clouds: ${clouds.join(', ')}` : 'no other clouds';
    item.tooltip = new vscode.MarkdownString().appendText(
      `${this.policy.displayName ?? 'Cross-tenant access policy'}\n\nAllowed cloud endpoints (B2B with tenants in other Microsoft clouds): ${clouds.length ? clouds.join(', ') : 'none'}.`,
    );
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'policy.base';
    item.command = openCommand(this);
    return item;
  }
}

/** The default settings every partner inherits where it sets nothing itself. */
export class DefaultSettingsNode implements DocumentNode {
  readonly dataPart = 'access' as const;
  constructor(
    readonly tenant: TenantRecord,
    private readonly defaults: DefaultConfiguration,
    private readonly partnerCount: number,
  ) {}

  get id(): string {
    return nodeId(this.tenant, 'access', 'default');
  }

  get document(): DocumentIdentity {
    return { kind: 'default', tenantId: this.tenant.tenantId };
  }

  toTreeItem(): vscode.TreeItem {
    const d = this.defaults;
    const item = new vscode.TreeItem('Default settings', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [
      `B2B in ${LEVEL_WORD[accessLevel(d.b2bCollaborationInbound)]} out ${LEVEL_WORD[accessLevel(d.b2bCollaborationOutbound)]}`,
      `direct connect in ${LEVEL_WORD[accessLevel(d.b2bDirectConnectInbound)]} out ${LEVEL_WORD[accessLevel(d.b2bDirectConnectOutbound)]}`,
      d.isServiceDefault ? 'Microsoft defaults' : 'customised',
    ].join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(
      `Applies to every external tenant without a partner entry, and to each setting a partner leaves unset (null).\n\n` +
        `${d.isServiceDefault ? 'These are still the Microsoft service defaults.' : 'Customised in this tenant.'} ${plural(this.partnerCount, 'partner')} may inherit from it.`,
    );
    item.iconPath = new vscode.ThemeIcon('settings');
    item.contextValue = 'policy.default';
    item.command = openCommand(this);
    return item;
  }
}
