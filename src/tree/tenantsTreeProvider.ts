import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../host/tenants/tenantConnections';
import type { TenantData } from '../host/tenants/tenantData';
import type { TenantStore } from '../host/tenants/tenantStore';
import type { DraftStore } from '../documents/draftStore';
import { policyUri } from '../documents/policyDocumentProvider';
import { TenantNode } from './tenantNode';
import type { TreeNode, TreeServices } from './treeNode';

/**
 * The Tenants view. Top level: one node per tenant (with none, VS Code shows the welcome content).
 * A tenant whose state is not known yet is probed silently in the background. Children load lazily,
 * with progress shown in the view; failures become error nodes under the node that failed.
 */
export class TenantsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly services: TreeServices;
  /** Documents with a saved draft, so their nodes show as modified. */
  private draftUris = new Set<string>();

  constructor(private readonly store: TenantStore, private readonly connections: TenantConnections, readonly data: TenantData, drafts: DraftStore) {
    this.services = { connections, data };
    const loadDrafts = (): Promise<void> => drafts.list().then((set) => {
      this.draftUris = new Set(set);
      this.redraw();
    });
    void loadDrafts();
    this.subscriptions = [
      store.onDidChange(() => this.redraw()),
      connections.onDidChangeState(() => this.redraw()),
      drafts.onDidChange(() => void loadDrafts()),
    ];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.toTreeItem();
    if (node.document && node.tenant && this.draftUris.has(policyUri(node.tenant, node.document).toString())) {
      item.description = `● draft${item.description ? ` · ${String(item.description)}` : ''}`;
      item.contextValue = `${item.contextValue ?? ''}.modified`;
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      if (!node.getChildren) return [];
      return vscode.window.withProgress({ location: { viewId: 'crossTenant.tenants' } }, () => node.getChildren!(this.services));
    }
    await this.store.load();
    return this.store.all().map((record) => {
      const key = tenantKey(record);
      const state = this.connections.state(key);
      if (state.kind === 'checking') void this.connections.probe(record);
      return new TenantNode(record, state);
    });
  }

  /** Forgets the data behind a node (its tenant's part, or everything) so the next expansion reloads it. */
  refresh(node?: TreeNode): void {
    if (node?.tenant) this.data.invalidate(node.tenant, node.dataPart);
    else this.data.clear();
    this.redraw();
  }

  /** Redraws from what is loaded (tenant states, names), without reloading data. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
