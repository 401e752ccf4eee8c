import type { GraphClient } from '../core/graph/graphClient';
import { GraphError } from '../core/graph/graphError';
import { getIdentitySync } from '../core/graph/operations/identitySync';
import { getPartner, listPartners } from '../core/graph/operations/partners';
import { getDefaultConfiguration, getPolicy } from '../core/graph/operations/policy';
import { readExportedFile } from '../core/policy/exportLayout';
import type { DocumentKindId } from '../core/policy/documentKinds';
import type { WorkspaceFileIdentity } from '../core/policy/documentUri';
import type { LiveTenantSettings } from '../core/policy/drift';
import { CliError } from './args';
import type { CliContext } from './cliContext';
import { layoutIdentity, readText, type FoundFile } from './files';

/** A file of an exported folder, read and parsed, with the tenant it belongs to. */
export interface TenantDocument {
  readonly file: FoundFile;
  readonly text: string;
  readonly identity: WorkspaceFileIdentity;
  readonly kind: Exclude<DocumentKindId, 'syncSchema'>;
  /** The object to send, `tenantId` of partner documents put back from the file name. */
  readonly value: Record<string, unknown>;
  readonly tenantId: string;
}

/** Reads a document named on the command line; its tenant comes from its folder, as export lays it out. */
export async function readTenantDocument(
  ctx: CliContext,
  file: FoundFile,
): Promise<TenantDocument> {
  const text = readText(file);
  const identity = layoutIdentity(file);
  if (!identity) {
    throw new CliError(
      `${file.display}: cannot tell which tenant this is for. Keep the layout export writes: ` +
        '<tenant id or domain>/policy.xta-policy.json, …/default.xta-default.json, …/partners/<partner tenant id>.xta-partner.json or .xta-identitysync.json.',
    );
  }
  const parsed = readExportedFile(file.absolute, text);
  if (!parsed?.value) {
    const first = parsed?.diagnostics[0];
    throw new CliError(
      `${file.display}${first ? `:${first.range.start.line + 1}:${first.range.start.character + 1}` : ''}: ${first?.message ?? 'not a JSON object.'}`,
    );
  }
  const tenantId = await ctx.graph.resolveTenant(identity.tenant);
  return { file, text, identity, kind: identity.kind, value: parsed.value, tenantId };
}

/** The live object a document stands for; undefined when the tenant has no such partner or identity sync. */
export async function fetchLive(
  client: GraphClient,
  identity: WorkspaceFileIdentity,
): Promise<Record<string, unknown> | undefined> {
  switch (identity.kind) {
    case 'policy':
      return (await getPolicy(client)) as Record<string, unknown>;
    case 'default':
      return (await getDefaultConfiguration(client)) as Record<string, unknown>;
    case 'partner':
      try {
        return (await getPartner(client, identity.partnerTenantId!)) as unknown as Record<
          string,
          unknown
        >;
      } catch (err) {
        if (err instanceof GraphError && err.status === 404) return undefined;
        throw err;
      }
    case 'identitySync':
      return (await getIdentitySync(client, identity.partnerTenantId!)) as
        Record<string, unknown> | undefined;
  }
}

/** Everything a drift check of a tenant folder compares with: 3 requests plus partner pages. */
export async function fetchLiveTenant(client: GraphClient): Promise<LiveTenantSettings> {
  const [policy, defaults, partners] = await Promise.all([
    getPolicy(client),
    getDefaultConfiguration(client),
    listPartners(client),
  ]);
  return { policy, defaults, partners };
}

/** "partners/7b1e5d93-….xta-partner.json" style short name of where a document lives in Graph. */
export function describeTarget(doc: TenantDocument): string {
  switch (doc.kind) {
    case 'policy':
      return `the cross-tenant access policy of tenant ${doc.tenantId}`;
    case 'default':
      return `the default settings of tenant ${doc.tenantId}`;
    case 'partner':
      return `partner ${doc.identity.partnerTenantId} in tenant ${doc.tenantId}`;
    case 'identitySync':
      return `identity synchronization of partner ${doc.identity.partnerTenantId} in tenant ${doc.tenantId}`;
  }
}
