import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantData, TenantDataChange } from '../services/tenants/tenantData';
import { dataPartsOf } from '../core/tenants/tenantChange';
import { nodeId } from './nodeId';
import type { TenantList } from '../services/tenants/tenantList';
import type { DraftStore } from '../services/drafts/draftStore';
import type { PairService } from '../services/pairs/pairService';
import { policyUri } from '../services/documentUris';
import { TenantNode } from './tenantNode';
import { withAccessibleName } from './accessibleName';
import type { TreeNode, TreeServices } from './treeNode';
import { errorCount, warningCount } from './findingCounts';
import { Disposable } from '../host/disposable';
import type { Log } from '../host/log';

/**
 * The Tenants view. Top level: one node per tenant (with none, VS Code shows the welcome content).
 * A tenant whose state is not known yet is probed silently in the background. Children load lazily,
 * with progress shown in the view; failures become error nodes under the node that failed.
 */
export class TenantsTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this._register(
    new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>(),
  );
  readonly onDidChangeTreeData = this.changed.event;
  private readonly services: TreeServices;
  /** Documents with a saved draft, so their nodes show as modified. */
  private draftUris = new Set<string>();
  /**
   * The nodes handed to VS Code, by id: a change reloads the node that shows it (VS Code knows a
   * node by the object it was given), and nothing else in the view.
   */
  private readonly shown = new Map<string, TreeNode>();

  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
    readonly data: TenantData,
    drafts: DraftStore,
    private readonly pairs: PairService,
    log: Log,
  ) {
    super();
    this.services = { connections, data, log };
    const loadDrafts = (): Promise<void> =>
      drafts.list().then((set) => {
        this.draftUris = new Set(set);
        this.redecorate((node) => node.document !== undefined);
      });
    void loadDrafts();
    this._register(store.onDidChange(() => this.redraw()));
    this._register(connections.onDidChangeState(() => this.redraw()));
    this._register(drafts.onDidChange(() => void loadDrafts()));
    this._register(pairs.onDidChange(() => this.redecorate((n) => n.document?.kind === 'partner')));
    this._register(data.onDidChange((e) => this.reload(e)));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.toTreeItem();
    if (
      node.document &&
      node.tenant &&
      this.draftUris.has(policyUri(node.tenant, node.document).toString())
    ) {
      const draft = `● ${vscode.l10n.t('draft')}`;
      item.description = item.description ? `${draft} · ${String(item.description)}` : draft;
      item.contextValue = `${item.contextValue ?? ''}.modified`;
    }
    if (node.document?.kind === 'partner' && node.tenant)
      this.markPairFindings(item, node.tenant.tenantId, node.document.partnerTenantId);
    // Last, so the name has the decorations too (the draft mark, the pair's findings).
    return withAccessibleName(item, node.iconState);
  }

  /**
   * A partner whose pair has problems says so in the tree: an error or warning icon, a note at the
   * end of the description, and the findings in the tooltip (whichever tenant must change). The
   * details are in the Tenant Pairs view and on the documents.
   */
  private markPairFindings(item: vscode.TreeItem, tenantId: string, partnerTenantId: string): void {
    const findings = this.pairs.findingsFor(tenantId, partnerTenantId);
    if (!findings.length) return;
    const errors = findings.filter((f) => f.severity === 'error').length;
    item.iconPath = errors
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    const note = errors
      ? `✖ ${vscode.l10n.t('pair: {0}', errorCount(errors))}`
      : `⚠ ${vscode.l10n.t('pair: {0}', warningCount(findings.length))}`;
    item.description = item.description ? `${String(item.description)} · ${note}` : note;
    const md =
      item.tooltip instanceof vscode.MarkdownString
        ? item.tooltip
        : new vscode.MarkdownString(typeof item.tooltip === 'string' ? item.tooltip : '');
    md.appendMarkdown(`\n\n${vscode.l10n.t('**Pair checks** (see the Tenant Pairs view)')}\n\n`);
    for (const f of findings)
      md.appendText(
        `${f.severity === 'error' ? '✖' : '⚠'} ${
          f.tenantId === tenantId
            ? f.message
            : vscode.l10n.t('{0} (to change in the other tenant)', f.message)
        }\n`,
      );
    item.tooltip = md;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.childrenOf(node);
    // A reloaded node's old descendants are gone from the view: forget them before its new children.
    if (node)
      for (const id of [...this.shown.keys()])
        if (id.startsWith(`${node.id}/`)) this.shown.delete(id);
    for (const child of children) this.shown.set(child.id, child);
    return children;
  }

  private async childrenOf(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      if (!node.getChildren) return [];
      return vscode.window.withProgress({ location: { viewId: 'crossTenant.tenants' } }, () =>
        node.getChildren!(this.services),
      );
    }
    await this.store.load();
    this.shown.clear();
    return this.store.all().map((record) => {
      const key = tenantKey(record);
      const state = this.connections.state(key);
      if (state.kind === 'checking') void this.connections.probe(record);
      return new TenantNode(record, state);
    });
  }

  /**
   * Reloads the nodes a change touches: the "Cross-tenant access" or "Cross-tenant
   * synchronization" node of that tenant, whose children are read again; nodes of other tenants
   * and the other part keep what they show. A node not on screen loads fresh when it is expanded.
   */
  private reload(e: TenantDataChange): void {
    if (!e.tenant) return this.redraw();
    for (const part of dataPartsOf(e.change)) {
      const node = this.shown.get(nodeId(e.tenant, part));
      if (node) this.changed.fire(node);
    }
  }

  /**
   * Draws again the rows on screen whose decoration may have changed (a draft mark, a pair's
   * findings), from what is loaded: no data is read and no other row is touched.
   */
  private redecorate(which: (node: TreeNode) => boolean): void {
    const nodes = [...this.shown.values()].filter(which);
    if (nodes.length) this.changed.fire(nodes);
  }

  /** Redraws from what is loaded (tenant states, names), without reloading data. */
  redraw(): void {
    this.changed.fire(undefined);
  }
}
