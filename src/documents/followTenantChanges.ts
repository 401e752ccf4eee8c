import * as vscode from 'vscode';
import { fromUri } from '../core/policy/documentUri';
import { documentEffect, type DocumentEffect } from '../core/tenants/tenantChange';
import { LIVE_SCHEME, POLICY_SCHEME } from '../services/documentUris';
import type { TenantData, TenantDataChange } from '../services/tenants/tenantData';
import type { DocumentFileSystem } from './documentFileSystem';

/**
 * Keeps open policy documents and live diffs true to the tenant: after a change the extension made
 * (Allow User Sync, a partner deleted from the tree, a refresh), every open document that change
 * touched is read again, and one whose object was deleted is marked deleted. Documents of other
 * tenants, and of the tenant's other objects, are left alone.
 */
export function followTenantChanges(
  data: TenantData,
  providers: { readonly policy: DocumentFileSystem; readonly live: DocumentFileSystem },
): vscode.Disposable {
  return data.onDidChange((e) => {
    const open = vscode.workspace.textDocuments.map((d) => d.uri);
    for (const [scheme, provider] of [
      [POLICY_SCHEME, providers.policy],
      [LIVE_SCHEME, providers.live],
    ] as const) {
      const mine = open.filter((uri) => uri.scheme === scheme);
      for (const kind of ['changed', 'deleted'] as const)
        provider.liveChanged(
          mine.filter((uri) => effectOn(e, uri) === kind),
          kind === 'deleted',
        );
    }
  });
}

function effectOn({ tenant, change }: TenantDataChange, uri: vscode.Uri): DocumentEffect {
  const identity = fromUri(uri);
  if (!identity) return undefined;
  // No tenant: everything was reloaded.
  if (!tenant) return 'changed';
  if (uri.authority !== tenant.auth || identity.tenantId !== tenant.tenantId.toLowerCase())
    return undefined;
  return documentEffect(change, identity);
}
