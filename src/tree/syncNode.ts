import * as vscode from 'vscode';
import type { ServicePrincipal, SyncJob } from '../core/graph/types';
import {
  describeJobStatus,
  formatInterval,
  formatRelative,
  formatWhen,
  type JobStatus,
  type JobStatusKind,
} from '../core/sync/jobStatus';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { SyncConfiguration } from '../services/tenants/tenantData';
import { AssignmentsNode } from './assignmentNodes';
import { childrenOrError } from './childrenOrError';
import { escapeMarkdown, inlineCode } from '../core/policy/markdownText';
import { MessageNode } from './messageNode';
import type { TreeNode, TreeServices } from './treeNode';
import { nodeId } from './nodeId';

/** "Cross-tenant synchronization": the sync configurations of a (source) tenant. */
export class SyncNode implements TreeNode {
  readonly kind = 'sync' as const;
  readonly dataPart = 'sync' as const;
  constructor(readonly tenant: TenantRecord) {}

  get id(): string {
    return nodeId(this.tenant, 'sync');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Cross-tenant synchronization'),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('sync');
    item.contextValue = 'sync';
    item.tooltip = vscode.l10n.t(
      "Configurations that provision this tenant's users into other tenants (this tenant is the source).",
    );
    return item;
  }

  getChildren(services: TreeServices): Promise<TreeNode[]> {
    return childrenOrError(this, services.log, async () => {
      const configs = await services.data.sync(this.tenant);
      if (!configs.length)
        return [
          new MessageNode(
            `${this.id}/empty`,
            vscode.l10n.t('No cross-tenant sync configurations in this tenant.'),
            'info',
          ),
        ];
      return [...configs]
        .sort((a, b) =>
          (a.servicePrincipal.displayName ?? '').localeCompare(
            b.servicePrincipal.displayName ?? '',
          ),
        )
        .map((c) => new SyncConfigurationNode(this.tenant, c));
    });
  }
}

const SEVERITY: JobStatusKind[] = [
  'quarantine',
  'failed',
  'notConfigured',
  'unknown',
  'paused',
  'notRun',
  'active',
];

/** One configuration (the service principal made from the cross-tenant sync template). */
export class SyncConfigurationNode implements TreeNode {
  readonly kind = 'syncConfiguration' as const;
  readonly dataPart = 'sync' as const;
  constructor(
    readonly tenant: TenantRecord,
    readonly configuration: SyncConfiguration,
  ) {}

  get servicePrincipal(): ServicePrincipal {
    return this.configuration.servicePrincipal;
  }

  get id(): string {
    return nodeId(this.tenant, 'sync', this.servicePrincipal.id!);
  }

  toTreeItem(): vscode.TreeItem {
    const statuses = this.configuration.jobs.map((j) => describeJobStatus(j));
    const worst = statuses
      .map((s) => s.kind)
      .sort((a, b) => SEVERITY.indexOf(a) - SEVERITY.indexOf(b))[0];
    const item = new vscode.TreeItem(
      this.servicePrincipal.displayName ??
        this.servicePrincipal.id ??
        vscode.l10n.t('Configuration'),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.description = worst
      ? statuses.find((s) => s.kind === worst)!.label
      : vscode.l10n.t('no job');
    item.iconPath = new vscode.ThemeIcon('server-process');
    item.contextValue = 'syncConfiguration';
    item.tooltip = new vscode.MarkdownString().appendText(
      vscode.l10n.t(
        'Sync configuration {0}\nService principal {1}\nApplication {2}',
        this.servicePrincipal.displayName ?? '',
        this.servicePrincipal.id ?? '',
        this.servicePrincipal.appId ?? '',
      ),
    );
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    const jobs = this.configuration.jobs.length
      ? this.configuration.jobs.map((j) => new SyncJobNode(this.tenant, this.servicePrincipal, j))
      : [new MessageNode(`${this.id}/empty`, vscode.l10n.t('No provisioning job yet.'), 'info')];
    return Promise.resolve([...jobs, new AssignmentsNode(this.tenant, this.servicePrincipal)]);
  }
}

const STATUS_ICON: Record<JobStatusKind, [string, string | undefined]> = {
  active: ['pass-filled', 'testing.iconPassed'],
  paused: ['debug-pause', 'disabledForeground'],
  quarantine: ['warning', 'list.warningForeground'],
  notRun: ['circle-large-outline', undefined],
  notConfigured: ['circle-slash', 'disabledForeground'],
  failed: ['error', 'list.errorForeground'],
  unknown: ['question', undefined],
};

/** A provisioning job: status icon, last run and result, next run estimate, quarantine explained. */
export class SyncJobNode implements TreeNode {
  readonly kind = 'syncJob' as const;
  readonly dataPart = 'sync' as const;
  readonly status: JobStatus;

  constructor(
    readonly tenant: TenantRecord,
    readonly servicePrincipal: ServicePrincipal,
    readonly job: SyncJob,
    private readonly now = new Date(),
  ) {
    this.status = describeJobStatus(job);
  }

  get id(): string {
    return nodeId(this.tenant, 'sync', this.servicePrincipal.id!, this.job.id!);
  }

  toTreeItem(): vscode.TreeItem {
    const s = this.status;
    // The configuration above names what is synced; the job's own label is its status.
    const item = new vscode.TreeItem(s.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const parts: string[] = [];
    if (s.lastRun) {
      const when = formatRelative(s.lastRun, this.now);
      parts.push(
        s.lastResult
          ? vscode.l10n.t('last run {0}, {1}', when, s.lastResult.split(':')[0])
          : vscode.l10n.t('last run {0}', when),
      );
    }
    // The schedule is an estimate: a cycle that is late is "due", not "3 min ago".
    if (s.nextRun)
      parts.push(
        s.nextRun > this.now
          ? vscode.l10n.t('next {0}', formatRelative(s.nextRun, this.now))
          : vscode.l10n.t('next run due'),
      );
    item.description = parts.join(' · ');
    const [icon, color] = STATUS_ICON[s.kind];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = `syncJob.${s.kind}`;
    item.command = {
      command: 'crossTenant.showJobDetails',
      title: vscode.l10n.t('Show Job Details'),
      arguments: [this],
    };
    const md = new vscode.MarkdownString();
    md.appendMarkdown(
      `${vscode.l10n.t(
        '**{0}**, provisioning job ({1}): {2}',
        escapeMarkdown(this.servicePrincipal.displayName ?? ''),
        escapeMarkdown(this.job.templateId ?? 'sync'),
        s.label,
      )}\n\n`,
    );
    if (s.quarantine) {
      const reason = escapeMarkdown(s.quarantine.reason);
      md.appendMarkdown(
        `${
          s.quarantine.since
            ? vscode.l10n.t(
                '**Quarantined since {0}.** {1}',
                s.quarantine.since.toLocaleString(),
                reason,
              )
            : vscode.l10n.t('**Quarantined.** {0}', reason)
        }\n\n`,
      );
      if (s.quarantine.error)
        md.appendMarkdown(`${vscode.l10n.t('Error: {0}', escapeMarkdown(s.quarantine.error))}\n\n`);
      md.appendMarkdown(
        `${vscode.l10n.t('What to do: {0}', escapeMarkdown(s.quarantine.remedy))}\n\n`,
      );
    }
    const row = (name: string, value: string): void =>
      void md.appendMarkdown(`| ${name} | ${value} |\n`);
    md.appendMarkdown('| | |\n|---|---|\n');
    row(
      vscode.l10n.t('Last run'),
      s.lastRun ? formatWhen(s.lastRun, this.now) : vscode.l10n.t('never'),
    );
    if (s.lastResult) row(vscode.l10n.t('Result'), escapeMarkdown(s.lastResult));
    row(
      vscode.l10n.t('Schedule'),
      s.intervalMs
        ? this.job.templateId === 'Azure2Azure'
          ? vscode.l10n.t('every {0} (fixed for cross-tenant sync)', formatInterval(s.intervalMs))
          : vscode.l10n.t('every {0}', formatInterval(s.intervalMs))
        : vscode.l10n.t('none'),
    );
    if (s.nextRun) {
      const at = formatWhen(s.nextRun, this.now);
      row(
        vscode.l10n.t('Next run'),
        s.kind === 'quarantine'
          ? vscode.l10n.t('next attempt {0}', at)
          : vscode.l10n.t('about {0}', at),
      );
    }
    // A code span shows its text as it is: escaping inside one would show the backslashes, and a copied id would be wrong.
    row(vscode.l10n.t('Job id'), inlineCode(this.job.id ?? ''));
    item.tooltip = md;
    return item;
  }
}
