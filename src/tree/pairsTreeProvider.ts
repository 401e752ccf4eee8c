import * as vscode from 'vscode';
import { withAccessibleName } from './accessibleName';
import type { PairStatus, SyncDirection, TenantPair, PairTenant } from '../core/pairs/pairChecks';
import type { PairFinding } from '../core/pairs/pairFinding';
import { describeError } from '../core/describeError';
import type { PairService } from '../services/pairs/pairService';
import { errorCount, warningCount } from './findingCounts';
import { Disposable } from '../host/disposable';
import type { Log } from '../host/log';

export type PairsNode = PairNode | PairSyncNode | PairFindingNode | PairMessageNode;

const STATUS_ICON: Record<PairStatus, [string, string | undefined]> = {
  ok: ['pass', 'testing.iconPassed'],
  warning: ['warning', 'list.warningForeground'],
  error: ['error', 'list.errorForeground'],
  incomplete: ['question', undefined],
};

const SEVERITY_ICON: Record<PairFinding['severity'], [string, string | undefined]> = {
  error: ['error', 'list.errorForeground'],
  warning: ['warning', 'list.warningForeground'],
  info: ['info', undefined],
};

const SEVERITY_WORD: Record<PairFinding['severity'], string> = {
  error: vscode.l10n.t('error'),
  warning: vscode.l10n.t('warning'),
  info: vscode.l10n.t('information'),
};

function nameOf(t: PairTenant): string {
  return t.displayName ?? t.tenantId;
}

function icon([id, color]: [string, string | undefined]): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** "2 errors · 1 warning", or what an unproblematic pair is. */
export function pairSummary(pair: TenantPair): string {
  const errors = pair.findings.filter((f) => f.severity === 'error').length;
  const warnings = pair.findings.filter((f) => f.severity === 'warning').length;
  const parts = [errors ? errorCount(errors) : '', warnings ? warningCount(warnings) : ''].filter(
    Boolean,
  );
  if (parts.length) return parts.join(' · ');
  return pair.status === 'incomplete' ? vscode.l10n.t('one side not checked') : vscode.l10n.t('ok');
}

/** Two tenants that reference each other, with their status. */
export class PairNode {
  readonly kind = 'pair' as const;
  constructor(readonly pair: TenantPair) {}

  get id(): string {
    return `pair:${[this.pair.a.tenantId, this.pair.b.tenantId].sort().join('|')}`;
  }

  get label(): string {
    return `${nameOf(this.pair.a)} ⇄ ${nameOf(this.pair.b)}`;
  }

  toTreeItem(): vscode.TreeItem {
    const { pair } = this;
    const item = new vscode.TreeItem(
      this.label,
      pair.status === 'ok' && !pair.syncs.length
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.description = pairSummary(pair);
    item.iconPath = icon(STATUS_ICON[pair.status]);
    item.contextValue = `pair.${pair.status}${pair.syncs.length ? '.synced' : ''}`;
    const md = new vscode.MarkdownString();
    md.appendText(
      `${this.label}\n${vscode.l10n.t('{0} and {1}', pair.a.tenantId, pair.b.tenantId)}\n`,
    );
    const direction = (s: SyncDirection): string =>
      s.sourceTenantId === pair.a.tenantId
        ? `${nameOf(pair.a)} → ${nameOf(pair.b)}`
        : `${nameOf(pair.b)} → ${nameOf(pair.a)}`;
    md.appendText(
      `${
        pair.syncs.length
          ? vscode.l10n.t(
              'Sync: {0}',
              pair.syncs.map((s) => `${s.configurationName} (${direction(s)})`).join(', '),
            )
          : vscode.l10n.t('No sync configuration between them.')
      }\n`,
    );
    md.appendText(vscode.l10n.t('Status: {0}', pairSummary(pair)));
    item.tooltip = md;
    return item;
  }

  getChildren(): PairsNode[] {
    const names = new Map([this.pair.a, this.pair.b].map((t) => [t.tenantId, nameOf(t)]));
    const syncs = this.pair.syncs.map((s) => new PairSyncNode(this, s, names));
    const findings = this.pair.findings.map((f, i) => new PairFindingNode(this, f, i, names));
    const none = findings.length
      ? []
      : [
          new PairMessageNode(
            `${this.id}/ok`,
            vscode.l10n.t('No problems found on either side.'),
            'pass',
          ),
        ];
    return [...syncs, ...findings, ...none];
  }
}

/** A sync configuration between the two tenants, with its job's status. */
export class PairSyncNode {
  readonly kind = 'pairSync' as const;
  constructor(
    readonly parent: PairNode,
    readonly sync: SyncDirection,
    private readonly names: Map<string, string>,
  ) {}

  get id(): string {
    return `${this.parent.id}/sync/${this.sync.servicePrincipalId}`;
  }

  toTreeItem(): vscode.TreeItem {
    const s = this.sync;
    const item = new vscode.TreeItem(
      `${this.names.get(s.sourceTenantId) ?? s.sourceTenantId} → ${this.names.get(s.targetTenantId) ?? s.targetTenantId}`,
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = `${s.configurationName} · ${s.jobStatus || vscode.l10n.t('no job')}`;
    item.iconPath = new vscode.ThemeIcon('arrow-right');
    item.contextValue = 'pairSync';
    item.tooltip = `${vscode.l10n.t(
      'Sync configuration "{0}" in {1} (service principal {2}).',
      s.configurationName,
      this.names.get(s.sourceTenantId) ?? s.sourceTenantId,
      s.servicePrincipalId,
    )}\n${targetNote(s)}`;
    return item;
  }
}

/** Where the target of a sync came from, and what Graph would not return. */
export function targetNote(s: SyncDirection): string {
  switch (s.targetFrom) {
    case 'credentials':
      return vscode.l10n.t('Target tenant: from its saved credentials (CompanyId).');
    case 'caller':
      return vscode.l10n.t('Target tenant: as set when it was created.');
    default: {
      const guessed = vscode.l10n.t("Target tenant: guessed from the configuration's name.");
      return s.settingsUnreadable
        ? `${vscode.l10n.t(
            'Its saved settings (target tenant, scope, notifications) could not be read: {0}.',
            s.settingsUnreadable,
          )} ${guessed}`
        : guessed;
    }
  }
}

/** One thing to change, in one tenant, with the exact setting; clicking opens it, the light bulb opens a draft with the fix. */
export class PairFindingNode {
  readonly kind = 'pairFinding' as const;
  constructor(
    readonly parent: PairNode,
    readonly finding: PairFinding,
    private readonly index: number,
    private readonly names: Map<string, string>,
  ) {}

  get id(): string {
    return `${this.parent.id}/finding/${this.finding.id}/${this.finding.tenantId}/${this.index}`;
  }

  /** The severity is only in the icon; the label is the finding's message. */
  get iconState(): string {
    return SEVERITY_WORD[this.finding.severity];
  }

  toTreeItem(): vscode.TreeItem {
    const f = this.finding;
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `${this.names.get(f.tenantId) ?? f.tenantId}${f.setting ? ` · ${f.setting}` : ''}`;
    item.iconPath = icon(SEVERITY_ICON[f.severity]);
    item.contextValue = f.fix ? 'pairFinding.fixable' : 'pairFinding';
    const lines = [
      f.message,
      '',
      vscode.l10n.t('Change in: {0}', this.names.get(f.tenantId) ?? f.tenantId),
      ...(f.setting ? [vscode.l10n.t('Setting: {0}', f.setting)] : []),
      ...(f.fix ? ['', vscode.l10n.t('Use the light bulb to open a draft with the change.')] : []),
    ];
    item.tooltip = new vscode.MarkdownString().appendText(lines.join('\n'));
    if (f.setting)
      item.command = {
        command: 'crossTenant.openPairFinding',
        title: vscode.l10n.t('Open the Setting'),
        arguments: [this],
      };
    return item;
  }
}

export class PairMessageNode {
  readonly kind = 'pairMessage' as const;
  constructor(
    readonly id: string,
    private readonly text: string,
    private readonly iconId: string,
    private readonly detail?: string,
  ) {}

  get iconState(): string | undefined {
    return this.iconId === 'error' ? vscode.l10n.t('error') : undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.iconId);
    item.contextValue = 'pairMessage';
    if (this.detail) item.tooltip = this.detail;
    return item;
  }
}

/**
 * The Tenant Pairs view: every two tenants that reference each other, checked on both sides before
 * any sync runs. Pairs with errors come first. The view's badge counts them.
 */
export class PairsTreeProvider extends Disposable implements vscode.TreeDataProvider<PairsNode> {
  private readonly changed = this._register(new vscode.EventEmitter<PairsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly service: PairService,
    private readonly log: Log,
  ) {
    super();
    // VS Code asks for children again only while the view is visible: a hidden view costs no check.
    this._register(service.onDidChange(() => this.changed.fire(undefined)));
    this._register(service.onDidGoStale(() => this.changed.fire(undefined)));
  }

  getTreeItem(node: PairsNode): vscode.TreeItem {
    return withAccessibleName(node.toTreeItem(), 'iconState' in node ? node.iconState : undefined);
  }

  async getChildren(node?: PairsNode): Promise<PairsNode[]> {
    if (node) return node instanceof PairNode ? node.getChildren() : [];
    try {
      const pairs = await vscode.window.withProgress(
        { location: { viewId: 'crossTenant.pairs' } },
        () => this.service.pairs(),
      );
      if (!pairs.length)
        return [
          new PairMessageNode(
            'pairs/none',
            vscode.l10n.t(
              'No tenant pairs: no signed-in tenant has a partner entry or a sync configuration for another.',
            ),
            'info',
          ),
        ];
      const rank: Record<PairStatus, number> = { error: 0, warning: 1, incomplete: 2, ok: 3 };
      return [...pairs].sort((x, y) => rank[x.status] - rank[y.status]).map((p) => new PairNode(p));
    } catch (err) {
      const d = describeError(err);
      if (!d.cancelled)
        this.log.error(`Tenant Pairs view: the pairs could not be checked: ${d.detail}`);
      return [
        new PairMessageNode(
          'pairs/error',
          vscode.l10n.t('Pairs could not be checked: {0}', d.summary),
          'error',
          d.detail,
        ),
      ];
    }
  }
}
