import * as vscode from 'vscode';
import { getCloud } from '../core/auth/clouds';
import type { AuthMethod, TenantRecord } from '../core/tenants/tenantRecord';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { type TenantState } from '../services/tenants/tenantConnections';
import { AccessNode } from './accessNode';
import { escapeMarkdown, inlineCode } from '../core/policy/markdownText';
import { SyncNode } from './syncNode';
import { MessageNode } from './messageNode';
import { nodeId } from './nodeId';
import type { TreeNode, TreeServices } from './treeNode';

const METHOD_LABEL: Record<AuthMethod, string> = {
  microsoft: vscode.l10n.t('Microsoft account (VS Code)'),
  sandbox: vscode.l10n.t('Sandbox'),
  deviceCode: vscode.l10n.t('Device code'),
  clientSecret: vscode.l10n.t('App-only, client secret'),
  certificate: vscode.l10n.t('App-only, certificate'),
  azureCli: vscode.l10n.t('Azure CLI'),
};

const STATE_LABEL: Record<TenantState['kind'], string> = {
  signedIn: vscode.l10n.t('signed in'),
  needsSignIn: vscode.l10n.t('needs sign-in'),
  checking: vscode.l10n.t('checking…'),
  error: vscode.l10n.t('error'),
};

/** A tenant. Its id is the tenant key (sign-in method + tenant id), stable across refreshes. */
export class TenantNode implements TreeNode {
  readonly kind = 'tenant' as const;
  constructor(
    readonly tenant: TenantRecord,
    readonly state: TenantState,
  ) {}

  get id(): string {
    return nodeId(this.tenant);
  }

  /** Every state but "signed in" is in the description already. */
  get iconState(): string | undefined {
    return this.state.kind === 'signedIn' ? vscode.l10n.t('signed in') : undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const r = this.tenant;
    const item = new vscode.TreeItem(tenantLabel(r), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const parts = [
      r.defaultDomain && r.displayName ? r.defaultDomain : undefined,
      r.cloud !== 'global' ? getCloud(r.cloud).displayName : undefined,
      r.auth === 'sandbox' ? vscode.l10n.t('sandbox') : undefined,
    ];
    if (this.state.kind !== 'signedIn') parts.push(STATE_LABEL[this.state.kind]);
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = icon(this.state);
    item.contextValue = `tenant.${this.state.kind}.${r.auth}`;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(tenantLabel(r))}**\n\n| | |\n|---|---|\n`);
    const row = (name: string, value: string): void =>
      void md.appendMarkdown(`| ${name} | ${value} |\n`);
    row(vscode.l10n.t('Tenant id'), inlineCode(r.tenantId));
    if (r.defaultDomain) row(vscode.l10n.t('Default domain'), escapeMarkdown(r.defaultDomain));
    row(vscode.l10n.t('Cloud'), getCloud(r.cloud).displayName);
    row(
      vscode.l10n.t('Sign-in'),
      `${METHOD_LABEL[r.auth]}${r.account ? `, ${escapeMarkdown(r.account)}` : ''}`,
    );
    row(
      vscode.l10n.t('State'),
      `${STATE_LABEL[this.state.kind]}${this.state.kind === 'error' ? `: ${escapeMarkdown(this.state.message)}` : ''}`,
    );
    item.tooltip = md;
    return item;
  }

  async getChildren(services: TreeServices): Promise<TreeNode[]> {
    // Expanding a tenant whose state is still being checked waits for that check.
    const state =
      this.state.kind === 'checking' ? await services.connections.probe(this.tenant) : this.state;
    switch (state.kind) {
      case 'signedIn':
        return [new AccessNode(this.tenant), new SyncNode(this.tenant)];
      case 'error':
        return [new MessageNode(`${this.id}/error`, state.message, 'error', this)];
      default:
        return [
          new MessageNode(
            `${this.id}/signIn`,
            vscode.l10n.t('Sign in to {0} to see its settings', tenantLabel(this.tenant)),
            'action',
            undefined,
            undefined,
            { command: 'crossTenant.signIn', title: vscode.l10n.t('Sign In'), arguments: [this] },
          ),
        ];
    }
  }
}

function icon(state: TenantState): vscode.ThemeIcon {
  switch (state.kind) {
    case 'signedIn':
      return new vscode.ThemeIcon('organization');
    case 'needsSignIn':
      return new vscode.ThemeIcon('account', new vscode.ThemeColor('list.warningForeground'));
    case 'checking':
      return new vscode.ThemeIcon('loading~spin');
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
}
