import * as vscode from 'vscode';
import { getSyncJob } from '../core/graph/operations/syncJobs';
import { listSyncAssignments } from '../core/graph/operations/appRoleAssignments';
import { jobDetailsMarkdown } from '../core/sync/jobDetails';
import { readSyncSettings } from '../core/sync/savedSyncSettings';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { AUTH_METHODS, tenantKey, type AuthMethod } from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantList } from '../services/tenants/tenantList';
import { Disposable } from '../host/disposable';

/** A sync job's details as a Markdown report, read fresh from Graph each time it is shown. */
export class JobDetailsProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
  ) {
    super();
  }

  /** Re-reads an open report (the job changed). */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [tenantId, servicePrincipalId, jobId] = uri.path.split('/').filter(Boolean);
    if (
      !AUTH_METHODS.includes(uri.authority as AuthMethod) ||
      !tenantId ||
      !servicePrincipalId ||
      !jobId
    )
      throw new Error(vscode.l10n.t('Not a job report: {0}', uri.toString()));
    await this.store.load();
    const tenant = this.store.get(tenantKey({ tenantId, auth: uri.authority as AuthMethod }));
    if (!tenant) throw new Error(vscode.l10n.t('Tenant {0} is not in the Tenants view.', tenantId));
    const client = this.connections.client(tenant);
    const [job, assignments, settings] = await Promise.all([
      getSyncJob(client, servicePrincipalId, jobId),
      listSyncAssignments(client, servicePrincipalId),
      readSyncSettings(client, servicePrincipalId),
    ]);
    const name = (uri.path.split('/').pop() ?? '').replace(/\.md$/, '');
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
