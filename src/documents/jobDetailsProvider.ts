import * as vscode from 'vscode';
import { getSyncJob } from '../core/graph/operations/syncJobs';
import { listSyncAssignments } from '../core/graph/operations/appRoleAssignments';
import { jobDetailsMarkdown } from '../core/sync/jobDetails';
import { escapeMarkdown } from '../core/policy/markdownText';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { AUTH_METHODS, tenantKey, type AuthMethod } from '../core/tenants/tenantRecord';
import { GraphError } from '../core/graph/graphError';
import { JOB_SCHEME } from '../services/documentUris';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantDataChange } from '../services/tenants/tenantData';
import type { TenantList } from '../services/tenants/tenantList';
import { Disposable } from '../host/disposable';

/**
 * A sync job's details as a Markdown report, read fresh from Graph each time it is shown, and again
 * when the extension changes its job, configuration or assignments, so an open report never
 * contradicts the tree.
 */
export class JobDetailsProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
  ) {
    super();
  }

  /** Reports whose configuration was deleted: they say so instead of failing to read. */
  private readonly deleted = new Set<string>();

  /** An open report of the changed tenant's configuration reads its job again. */
  tenantChanged({ tenant, change }: TenantDataChange): void {
    if (!tenant) return;
    // The periodic status poll is the tree's; a report re-reads on an action or a refresh.
    if (change.kind === 'jobStatuses' || (change.kind === 'reloaded' && change.part === 'access'))
      return;
    const servicePrincipalId =
      'servicePrincipalId' in change ? change.servicePrincipalId : undefined;
    if (!servicePrincipalId && change.kind !== 'reloaded') return;
    for (const doc of vscode.workspace.textDocuments) {
      const report = reportOf(doc.uri);
      if (
        !report ||
        doc.uri.authority !== tenant.auth ||
        report.tenantId.toLowerCase() !== tenant.tenantId.toLowerCase() ||
        (servicePrincipalId && report.servicePrincipalId !== servicePrincipalId)
      )
        continue;
      if (change.kind === 'syncConfiguration' && change.change === 'deleted')
        this.deleted.add(doc.uri.toString());
      this.changed.fire(doc.uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const report = reportOf(uri);
    if (!report) throw new Error(vscode.l10n.t('Not a job report: {0}', uri.toString()));
    const { tenantId, servicePrincipalId, jobId, name } = report;
    if (this.deleted.has(uri.toString())) return gone(name);
    await this.store.load();
    const tenant = this.store.get(tenantKey({ tenantId, auth: uri.authority as AuthMethod }));
    if (!tenant) throw new Error(vscode.l10n.t('Tenant {0} is not in the Tenants view.', tenantId));
    const client = this.connections.client(tenant);
    let read;
    try {
      read = await Promise.all([
        getSyncJob(client, servicePrincipalId, jobId),
        listSyncAssignments(client, servicePrincipalId),
        readSyncSettings(client, servicePrincipalId),
      ]);
    } catch (err) {
      // Deleted elsewhere (the admin center, another window): the report says so.
      if (err instanceof GraphError && err.status === 404) return gone(name);
      throw err;
    }
    const [job, assignments, settings] = read;
    const target =
      settings.readable && settings.companyId
        ? this.store.byTenantId(settings.companyId)
        : undefined;
    return jobDetailsMarkdown(job, { id: servicePrincipalId, displayName: name }, new Date(), {
      assignments: assignments.length,
      settings,
      ...(target ? { targetName: tenantLabel(target) } : {}),
    });
  }
}

interface JobReport {
  readonly tenantId: string;
  readonly servicePrincipalId: string;
  readonly jobId: string;
  readonly name: string;
}

/** The job a report URI names (see jobDetailsUri), or undefined for anything else. */
function reportOf(uri: vscode.Uri): JobReport | undefined {
  if (uri.scheme !== JOB_SCHEME || !AUTH_METHODS.includes(uri.authority as AuthMethod)) return;
  const [tenantId, servicePrincipalId, jobId, file] = uri.path.split('/').filter(Boolean);
  if (!tenantId || !servicePrincipalId || !jobId) return;
  return { tenantId, servicePrincipalId, jobId, name: (file ?? '').replace(/\.md$/, '') };
}

function gone(name: string): string {
  return `# ${escapeMarkdown(name)}\n\n${vscode.l10n.t('This sync configuration no longer exists in the tenant: it was deleted. Close this report.')}\n`;
}
