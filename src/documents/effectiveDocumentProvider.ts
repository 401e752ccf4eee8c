import * as vscode from 'vscode';
import { getPartner } from '../core/graph/operations/partners';
import { getDefaultConfiguration } from '../core/graph/operations/policy';
import { effectiveDocumentText } from '../core/policy/effectiveDocument';
import { isGuid } from '../core/policy/guid';
import { withAbortSignal } from '../host/abortSignal';
import { effectiveIds } from '../services/documentUris';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import { tenantLabel } from '../core/tenants/tenantLabel';
import type { TenantList } from '../services/tenants/tenantList';

/**
 * What actually applies to a partner (its own settings over the default, each value annotated as
 * set on the partner or inherited), read fresh from Graph each time the document is opened.
 * Read-only: changes are made in the partner or default documents.
 */
export class EffectiveDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
  ) {}

  async provideTextDocumentContent(
    uri: vscode.Uri,
    token: vscode.CancellationToken,
  ): Promise<string> {
    const ids = effectiveIds(uri);
    if (!ids || !isGuid(ids.tenantId) || !isGuid(ids.partnerTenantId))
      throw new Error(vscode.l10n.t('Not an effective-settings document: {0}', uri.toString()));
    const { tenantId, partnerTenantId, partnerName } = ids;
    await this.store.load();
    const tenant = this.store
      .all()
      .find((r) => r.auth === uri.authority && r.tenantId.toLowerCase() === tenantId.toLowerCase());
    if (!tenant) throw new Error(vscode.l10n.t('Tenant {0} is not in the Tenants view.', tenantId));
    const client = this.connections.client(tenant);
    const [partner, defaults] = await withAbortSignal(token, (signal) =>
      Promise.all([
        getPartner(client, partnerTenantId, { signal }),
        getDefaultConfiguration(client, { signal }),
      ]),
    );
    return effectiveDocumentText(partner, defaults, {
      partner: partnerName,
      tenant: tenantLabel(tenant),
    });
  }
}
