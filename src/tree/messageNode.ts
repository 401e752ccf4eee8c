import * as vscode from 'vscode';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { DataPart } from '../services/tenants/tenantData';
import type { TreeNode } from './treeNode';

/**
 * A line in the tree instead of children that could not be loaded (or an empty list, or a needed
 * action such as signing in). An error node says why and retries when clicked; it replaces only
 * its parent's children, never the tree.
 */
export class MessageNode implements TreeNode {
  readonly kind = 'message' as const;
  constructor(
    readonly id: string,
    private readonly text: string,
    private readonly tone: 'error' | 'info' | 'action',
    private readonly retry?: TreeNode,
    private readonly detail?: string,
    /** For an `action` line: what clicking it does. */
    private readonly action?: vscode.Command,
  ) {}

  get tenant(): TenantRecord | undefined {
    return this.retry?.tenant;
  }

  get dataPart(): DataPart | undefined {
    return this.retry?.dataPart;
  }

  get iconState(): string | undefined {
    return this.tone === 'error' ? vscode.l10n.t('error') : undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = `message.${this.tone}`;
    item.iconPath =
      this.tone === 'error'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : new vscode.ThemeIcon(this.tone === 'action' ? 'sign-in' : 'info');
    if (this.action) item.command = this.action;
    if (this.tone === 'error') {
      item.description = vscode.l10n.t('click to retry');
      item.tooltip = new vscode.MarkdownString().appendText(
        `${this.text}\n\n${this.detail ?? ''}\n\n${vscode.l10n.t('Click to try again; the full detail is in the log (Cross-Tenant: Show Log).')}`,
      );
      if (this.retry)
        item.command = {
          command: 'crossTenant.refresh',
          title: vscode.l10n.t('Retry'),
          arguments: [this.retry],
        };
    }
    return item;
  }
}
