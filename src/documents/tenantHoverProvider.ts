import { getLocation } from 'jsonc-parser';
import * as vscode from 'vscode';
import { findTenantInformationByTenantId } from '../core/graph/operations/tenants';
import { fromUri } from '../core/policy/documentUri';
import {
  guidAt,
  tenantHoverMarkdown,
  type GuidContext,
  type TenantHoverInfo,
} from '../core/policy/hoverText';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantList } from '../services/tenants/tenantList';
import { LIVE_SCHEME, POLICY_SCHEME } from '../services/documentUris';
import { describeError } from '../core/describeError';
import { GraphError } from '../core/graph/graphError';
import { getCloud } from '../core/auth/clouds';
import type { Log } from '../host/log';

/**
 * Hover on a GUID in a policy document: the organization it names (display name, default domain),
 * looked up once per GUID through Graph's tenant lookup. A target id that turns out to be a tenant
 * is flagged, since targets are users, groups or applications.
 */
export class TenantHoverProvider implements vscode.HoverProvider {
  private readonly cache = new Map<string, Promise<TenantHoverInfo | undefined>>();

  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
    private readonly log: Log,
  ) {}

  async provideHover(
    doc: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const hit = guidAt(text, offset);
    if (!hit) return undefined;
    const tenant = await this.lookupTenant(doc.uri);
    if (!tenant || token.isCancellationRequested) return undefined;
    const path = getLocation(text, offset).path;
    const context: GuidContext =
      path[path.length - 1] === 'target'
        ? 'target'
        : path[path.length - 1] === 'tenantId'
          ? 'partner'
          : 'unknown';
    const info = await this.lookup(tenant, hit.guid);
    const md = new vscode.MarkdownString(tenantHoverMarkdown(info, hit.guid, context));
    md.isTrusted = false;
    md.supportHtml = false;
    return new vscode.Hover(
      md,
      new vscode.Range(doc.positionAt(hit.start), doc.positionAt(hit.end)),
    );
  }

  /** The tenant whose session looks names up: the document's own, or any signed-in tenant of the global cloud. */
  private async lookupTenant(uri: vscode.Uri): Promise<TenantRecord | undefined> {
    await this.store.load();
    const all = this.store
      .all()
      .filter((r) => this.connections.state(tenantKey(r)).kind === 'signedIn');
    if (uri.scheme === POLICY_SCHEME || uri.scheme === LIVE_SCHEME) {
      const id = fromUri(uri)?.tenantId;
      const own = all.find((r) => r.tenantId === id && r.auth === uri.authority);
      if (own) return own;
    }
    return all.find((r) => r.cloud === 'global');
  }

  private lookup(tenant: TenantRecord, guid: string): Promise<TenantHoverInfo | undefined> {
    const key = `${tenant.auth}:${guid.toLowerCase()}`;
    let hit = this.cache.get(key);
    // Other clouds have no tenant lookup: the hover says only what the GUID is for.
    if (!hit && !getCloud(tenant.cloud).supportsTenantLookup) return Promise.resolve(undefined);
    if (!hit) {
      hit = findTenantInformationByTenantId(this.connections.client(tenant), guid).then(
        (i) => i as TenantHoverInfo,
        (err: unknown) => {
          // A GUID that is not a tenant (a user or group id) is refused with a 4xx, whose status
          // Microsoft does not document: remembered as "not a tenant". Anything else (no
          // permission, throttled, no answer) is not an answer about the GUID: the hover shows no
          // tenant this time, the next one asks again, and the log says why.
          if (!isNotATenant(err)) {
            this.cache.delete(key);
            const d = describeError(err);
            if (!d.cancelled) this.log.error(`Tenant lookup of ${guid} failed: ${d.detail}`);
          }
          return undefined;
        },
      );
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/** Graph's refusal of a lookup because the GUID names no tenant (any 4xx that is not about us). */
function isNotATenant(err: unknown): boolean {
  return (
    err instanceof GraphError &&
    err.status >= 400 &&
    err.status < 500 &&
    ![401, 403, 408, 429].includes(err.status)
  );
}
