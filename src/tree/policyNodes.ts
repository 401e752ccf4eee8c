import * as vscode from 'vscode';
import type { CrossTenantAccessPolicy, DefaultConfiguration } from '../core/graph/types';
import { accessLevel, type AccessLevel } from '../core/policy/accessSummary';
import type { DocumentIdentity } from '../core/policy/documentUri';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { TreeNode } from './treeNode';
import { nodeId } from './nodeId';

/** A node that stands for one policy document; clicking it opens the document. */
export interface DocumentNode extends TreeNode {
  readonly document: DocumentIdentity;
  readonly tenant: TenantRecord;
}

export function openCommand(node: DocumentNode): vscode.Command {
  return {
    command: 'crossTenant.openPolicy',
    title: vscode.l10n.t('Open Policy'),
    arguments: [node],
  };
}

const LEVEL_WORD: Record<AccessLevel, string> = {
  allowed: vscode.l10n.t('allowed'),
  blocked: vscode.l10n.t('blocked'),
  partial: vscode.l10n.t('some'),
  unset: vscode.l10n.t('not set'),
};

/** The root crossTenantAccessPolicy: its name and the clouds it lets B2B reach. */
export class BasePolicyNode implements DocumentNode {
  readonly kind = 'policy' as const;
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
    const item = new vscode.TreeItem(
      vscode.l10n.t('Base policy'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    const clouds = this.policy.allowedCloudEndpoints ?? [];
    item.description = clouds.length
      ? vscode.l10n.t('other clouds: {0}', clouds.join(', '))
      : vscode.l10n.t('no other clouds');
    item.tooltip = new vscode.MarkdownString().appendText(
      `${this.policy.displayName ?? vscode.l10n.t('Cross-tenant access policy')}\n\n${vscode.l10n.t(
        'Allowed cloud endpoints (B2B with tenants in other Microsoft clouds): {0}.',
        clouds.length ? clouds.join(', ') : vscode.l10n.t('none'),
      )}`,
    );
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'policy.base';
    item.command = openCommand(this);
    return item;
  }
}

/** The default settings every partner inherits where it sets nothing itself. */
export class DefaultSettingsNode implements DocumentNode {
  readonly kind = 'defaults' as const;
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
    const item = new vscode.TreeItem(
      vscode.l10n.t('Default settings'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    const level = (setting: Parameters<typeof accessLevel>[0]): string =>
      LEVEL_WORD[accessLevel(setting)];
    item.description = [
      vscode.l10n.t(
        'B2B in {0} out {1}',
        level(d.b2bCollaborationInbound),
        level(d.b2bCollaborationOutbound),
      ),
      vscode.l10n.t(
        'direct connect in {0} out {1}',
        level(d.b2bDirectConnectInbound),
        level(d.b2bDirectConnectOutbound),
      ),
      d.isServiceDefault ? vscode.l10n.t('Microsoft defaults') : vscode.l10n.t('customised'),
    ].join(' · ');
    const inherit =
      this.partnerCount === 1
        ? vscode.l10n.t('1 partner may inherit from it.')
        : vscode.l10n.t('{0} partners may inherit from it.', this.partnerCount);
    item.tooltip = new vscode.MarkdownString().appendText(
      `${vscode.l10n.t('Applies to every external tenant without a partner entry, and to each setting a partner leaves unset (null).')}\n\n` +
        `${d.isServiceDefault ? vscode.l10n.t('These are still the Microsoft service defaults.') : vscode.l10n.t('Customised in this tenant.')} ${inherit}`,
    );
    item.iconPath = new vscode.ThemeIcon('settings');
    item.contextValue = 'policy.default';
    item.command = openCommand(this);
    return item;
  }
}
