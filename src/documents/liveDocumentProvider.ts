import * as vscode from 'vscode';
import { DocumentFileSystem } from './documentFileSystem';
import { getIdentitySync } from '../core/graph/operations/identitySync';
import { getPartner } from '../core/graph/operations/partners';
import { getDefaultConfiguration, getPolicy } from '../core/graph/operations/policy';
import { getSyncSchema } from '../core/graph/operations/syncJobs';
import { toCanonicalText } from '../core/policy/canonical';
import { fromUri, type DocumentIdentity } from '../core/policy/documentUri';
import {
  AUTH_METHODS,
  tenantKey,
  type AuthMethod,
  type TenantRecord,
} from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantList } from '../services/tenants/tenantList';

/**
 * Read-only documents with what the tenant holds right now, as canonical JSON: every read goes to
 * Graph, so a diff against it is always against live. Opening one never changes anything.
 */
export class LiveDocumentProvider extends DocumentFileSystem {
  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
  ) {
    super();
  }

  /** Resolves a URI to its document identity and the tenant whose session reads it. */
  async resolve(uri: vscode.Uri): Promise<{ identity: DocumentIdentity; tenant: TenantRecord }> {
    const identity = fromUri(uri);
    if (!identity || !AUTH_METHODS.includes(uri.authority as AuthMethod))
      throw vscode.FileSystemError.FileNotFound(uri);
    await this.store.load();
    const tenant = this.store.get(
      tenantKey({ tenantId: identity.tenantId, auth: uri.authority as AuthMethod }),
    );
    if (!tenant)
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t(
          'Tenant {0} is not in the Tenants view: add it to open its policies.',
          identity.tenantId,
        ),
      );
    return { identity, tenant };
  }

  /** The live object, as Graph returns it. */
  async read(
    identity: DocumentIdentity,
    tenant: TenantRecord,
    signal?: AbortSignal,
  ): Promise<object> {
    const client = this.connections.client(tenant);
    switch (identity.kind) {
      case 'policy':
        return getPolicy(client, { signal });
      case 'default':
        return getDefaultConfiguration(client, { signal });
      case 'partner':
        return getPartner(client, identity.partnerTenantId, { signal });
      case 'identitySync': {
        const sync = await getIdentitySync(client, identity.partnerTenantId, { signal });
        if (!sync)
          throw vscode.FileSystemError.FileNotFound(
            vscode.l10n.t('The partner has no identity synchronization policy.'),
          );
        return sync;
      }
      case 'syncSchema':
        return getSyncSchema(client, identity.servicePrincipalId, identity.jobId, { signal });
    }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { identity, tenant } = await this.resolve(uri);
    return Buffer.from(toCanonicalText(identity.kind, await this.read(identity, tenant)), 'utf8');
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!fromUri(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    // Always "changed now": VS Code re-reads instead of trusting a cached copy of live.
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: Date.now(),
      size: 0,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
