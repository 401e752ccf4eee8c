import * as vscode from 'vscode';
import { fromUri } from '../../core/policy/documentUri';
import type { TenantList } from '../tenants/tenantList';

/**
 * How a policy document is named in a message: by what it is, the partner's label (its domain) and
 * the tenant's name as the Tenants view shows it, never by ids alone.
 */
export async function documentName(uri: vscode.Uri, tenants: TenantList): Promise<string> {
  const identity = fromUri(uri);
  if (!identity) return uri.path.split('/').pop() ?? uri.toString();
  await tenants.load();
  const tenant = tenants.labelOf(identity.tenantId);
  switch (identity.kind) {
    case 'policy':
      return vscode.l10n.t('the cross-tenant access policy of {0}', tenant);
    case 'default':
      return vscode.l10n.t('the default settings of {0}', tenant);
    case 'partner':
      return vscode.l10n.t('partner {0} in {1}', identity.label, tenant);
    case 'identitySync':
      return vscode.l10n.t('the identity synchronization of {0} in {1}', identity.label, tenant);
    case 'syncSchema':
      return vscode.l10n.t('a synchronization schema in {0}', tenant);
  }
}
