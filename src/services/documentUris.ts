import * as vscode from 'vscode';
import {
  NAME_SEPARATOR,
  sanitizeLabel,
  toUri,
  type DocumentIdentity,
} from '../core/policy/documentUri';
import { tenantLabel } from '../core/tenants/tenantLabel';
import type { TenantRecord } from '../core/tenants/tenantRecord';

// The URIs of every document the extension serves, in one place: the tree, the commands, the
// diagnostics and the log panel all name documents, and none of them needs the providers for that.

export const POLICY_SCHEME = 'xtenant';

/**
 * The editable document of a policy: `xtenant://<sign-in method>/<Tenant name>/…?tenant=<id>…`
 * (see toUri). The tenant's name is taken from its record here, for every caller alike, so one
 * object gets one URI.
 */
export function policyUri(tenant: TenantRecord, document: DocumentIdentity): vscode.Uri {
  return vscode.Uri.from({
    scheme: POLICY_SCHEME,
    authority: tenant.auth,
    ...toUri(document, tenantLabel(tenant)),
  });
}

/** The live counterpart of an editable document (same identity, read-only scheme). */
export function liveCounterpart(uri: vscode.Uri): vscode.Uri {
  return uri.with({ scheme: LIVE_SCHEME });
}

export const LIVE_SCHEME = 'xtenant-live';

/** `xtenant-live://<sign-in method>/<Tenant name>/…/<Tenant> › <Partner>.xta-<kind>.json?tenant=<id>…`: names in the path, identity in the query, tenant session in the authority. */
export function liveUri(tenant: TenantRecord, document: DocumentIdentity): vscode.Uri {
  return policyUri(tenant, document).with({ scheme: LIVE_SCHEME });
}

export const EFFECTIVE_SCHEME = 'xtenant-effective';

/**
 * `xtenant-effective://<method>/<Tenant>/partners/<Tenant> › <Partner>.effective.jsonc?tenant=<id>&partner=<id>`:
 * the tab names both tenants, the query carries the ids (see effectiveIds).
 */
export function effectiveUri(
  tenant: TenantRecord,
  partnerTenantId: string,
  partnerName: string,
): vscode.Uri {
  const folder = sanitizeLabel(tenantLabel(tenant));
  return vscode.Uri.from({
    scheme: EFFECTIVE_SCHEME,
    authority: tenant.auth,
    path: `/${folder}/partners/${folder}${NAME_SEPARATOR}${sanitizeLabel(partnerName)}.effective.jsonc`,
    query: new URLSearchParams({
      tenant: tenant.tenantId.toLowerCase(),
      partner: partnerTenantId.toLowerCase(),
    }).toString(),
  });
}

/** The tenant, partner and partner name of an effective-settings URI, or undefined when it is not one. */
export function effectiveIds(
  uri: vscode.Uri,
): { tenantId: string; partnerTenantId: string; partnerName: string } | undefined {
  const params = new URLSearchParams(uri.query);
  const [folder, , file] = uri.path.split('/').filter(Boolean);
  const prefix = `${folder}${NAME_SEPARATOR}`;
  const tenant = params.get('tenant');
  const partner = params.get('partner');
  if (!tenant || !partner || !file?.startsWith(prefix)) return undefined;
  return {
    tenantId: tenant,
    partnerTenantId: partner,
    partnerName: file.slice(prefix.length).replace(/\.effective\.jsonc$/, ''),
  };
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
