import * as vscode from 'vscode';
import { toUri, type DocumentIdentity } from '../core/policy/documentUri';
import type { TenantRecord } from '../core/tenants/tenantRecord';

// The URIs of every document the extension serves, in one place: the tree, the commands, the
// diagnostics and the log panel all name documents, and none of them needs the providers for that.

export const POLICY_SCHEME = 'xtenant';

/** The editable document of a policy: `xtenant://<sign-in method>/<tenantId>/…`. */
export function policyUri(tenant: TenantRecord, document: DocumentIdentity): vscode.Uri {
  return vscode.Uri.from({ scheme: POLICY_SCHEME, authority: tenant.auth, path: toUri(document) });
}

/** The live counterpart of an editable document (same identity, read-only scheme). */
export function liveCounterpart(uri: vscode.Uri): vscode.Uri {
  return uri.with({ scheme: LIVE_SCHEME });
}

export const LIVE_SCHEME = 'xtenant-live';

/** `xtenant-live://<sign-in method>/<tenantId>/…/<label>.xta-<kind>.json`: identity in the path, tenant session in the authority. */
export function liveUri(tenant: TenantRecord, document: DocumentIdentity): vscode.Uri {
  return vscode.Uri.from({ scheme: LIVE_SCHEME, authority: tenant.auth, path: toUri(document) });
}

export const EFFECTIVE_SCHEME = 'xtenant-effective';

/** `xtenant-effective://<method>/<tenantId>/<partnerTenantId>/<label>.effective.jsonc` */
export function effectiveUri(
  auth: string,
  tenantId: string,
  partnerTenantId: string,
  label: string,
): vscode.Uri {
  return vscode.Uri.from({
    scheme: EFFECTIVE_SCHEME,
    authority: auth,
    path: `/${tenantId}/${partnerTenantId}/${label}.effective.jsonc`,
  });
}

export const JOB_SCHEME = 'xtenant-job';

/** `xtenant-job://<method>/<tenantId>/<servicePrincipalId>/<jobId>/<name>.md` */
export function jobDetailsUri(
  auth: string,
  tenantId: string,
  servicePrincipalId: string,
  jobId: string,
  name: string,
): vscode.Uri {
  // The name is the last segment, so the editor tab reads "Preview Fabrikam Retail.md".
  return vscode.Uri.from({
    scheme: JOB_SCHEME,
    authority: auth,
    path: `/${tenantId}/${servicePrincipalId}/${jobId}/${name.replace(/[\\/]/g, '-')}.md`,
  });
}

export const BASE_SCHEME = 'xtenant-base';
