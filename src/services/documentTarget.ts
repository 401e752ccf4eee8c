import * as path from 'node:path';
import * as vscode from 'vscode';
import { kindOfFileName, type DocumentKindId } from '../core/policy/documentKinds';
import { fromUri, fromWorkspacePath, type DocumentIdentity } from '../core/policy/documentUri';
import { tenantKey, type AuthMethod, type TenantRecord } from '../core/tenants/tenantRecord';
import type { TenantList } from './tenants/tenantList';
import { POLICY_SCHEME } from './documentUris';

/** What a push, a diff or a drift check needs to know about a document. */
export interface DocumentTarget {
  readonly kind: DocumentKindId;
  /** The tenant whose policy it is (for workspace files: the tenant named by the file's folder). */
  readonly tenant: TenantRecord;
  /** The Graph object it stands for, in the tenant above. */
  readonly identity: DocumentIdentity;
  /** True for workspace files (policies as code), false for documents opened from the tree. */
  readonly isWorkspaceFile: boolean;
}

/**
 * Resolves an editable policy document or an exported workspace file to its tenant and object.
 * A workspace file's tenant is its folder name (a tenant id or domain, as Export writes it), which
 * must be a tenant in the Tenants view; `overrideTenant` pushes the file to another tenant instead.
 */
export async function resolveDocumentTarget(
  uri: vscode.Uri,
  store: TenantList,
  overrideTenant?: TenantRecord,
): Promise<DocumentTarget> {
  await store.load();
  const kind = kindOfFileName(path.posix.basename(uri.path));
  if (!kind || (kind.id === 'syncSchema' && uri.scheme !== POLICY_SCHEME))
    throw new Error(
      vscode.l10n.t(
        "{0} is not a policy document (*.xta-policy|default|partner|identitysync.json, or a sync job's schema opened from the Tenants view).",
        path.posix.basename(uri.path),
      ),
    );
  if (uri.scheme === POLICY_SCHEME) {
    const identity = fromUri(uri);
    const tenant =
      identity &&
      store.get(tenantKey({ tenantId: identity.tenantId, auth: uri.authority as AuthMethod }));
    if (!identity || !tenant)
      throw new Error(
        vscode.l10n.t(
          "This document's tenant is no longer in the Tenants view: add it again to push.",
        ),
      );
    return {
      kind: kind.id,
      tenant: overrideTenant ?? tenant,
      identity: overrideTenant ? { ...identity, tenantId: overrideTenant.tenantId } : identity,
      isWorkspaceFile: false,
    };
  }
  const file = fromWorkspacePath(uri.path.split('/').slice(-3).join('/'));
  if (!file)
    throw new Error(
      vscode.l10n.t(
        '{0} is not in the export layout (<tenant id or domain>/partners/<partner tenant id>{1}, or <tenant>/{2}{1}).',
        vscode.workspace.asRelativePath(uri),
        kind.suffix,
        kind.id,
      ),
    );
  const tenant = overrideTenant ?? store.byFolderName(file.tenant);
  if (!tenant)
    throw new Error(
      vscode.l10n.t(
        'No tenant "{0}" in the Tenants view: add it (Cross-Tenant: Add Tenant…) to push or diff this file.',
        file.tenant,
      ),
    );
  const tenantId = tenant.tenantId;
  const identity: DocumentIdentity =
    file.kind === 'partner' || file.kind === 'identitySync'
      ? {
          kind: file.kind,
          tenantId,
          partnerTenantId: file.partnerTenantId!,
          label: file.partnerTenantId!,
        }
      : { kind: file.kind, tenantId };
  return { kind: kind.id, tenant, identity, isWorkspaceFile: true };
}
