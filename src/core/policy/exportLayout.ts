import { domainToASCII } from 'url';
import type {
  CrossTenantAccessPolicy,
  DefaultConfiguration,
  IdentitySync,
  Partner,
} from '../graph/types';
import { parseDocument, toCanonicalText } from './canonical';
import type { Diagnostic } from './diagnostic';
import { DOCUMENT_KINDS } from './documentKinds';
import { fromWorkspacePath, toWorkspacePath, type WorkspaceFileIdentity } from './documentUri';
import { isWindowsReservedName } from '../safeFileName';
import { isGuid } from './guid';
import { escapeMarkdown, inlineCode, oneLine } from './markdownText';
import { BASE_FOLDER, basePathOf } from './exportBase';

export interface ExportTenant {
  readonly tenantId: string;
  readonly displayName?: string;
  /** The tenant's default domain; the export folder is named after it when it is a plain DNS name. */
  readonly defaultDomain?: string;
}

export interface ExportPartner {
  readonly partner: Partner;
  /** The partner's identity synchronization policy; when absent, the partner's expanded `identitySynchronization` if any. */
  readonly identitySync?: IdentitySync | null;
  /** The partner tenant's name and default domain, from tenant lookup; for the README only. */
  readonly displayName?: string;
  readonly defaultDomainName?: string;
}

export interface ExportInput {
  readonly tenant: ExportTenant;
  readonly policy: CrossTenantAccessPolicy;
  readonly defaults: DefaultConfiguration;
  readonly partners: readonly ExportPartner[];
  readonly exportedAt: Date;
  /** The tenant folder's name (a tenant id or a domain name); by default the tenant's default domain, else its id. */
  readonly folderName?: string;
}

export interface ExportFile {
  /** Relative to the folder the user exports into, with `/` separators. */
  readonly path: string;
  readonly text: string;
  /** The live version a document was exported from, in `.xta-base/`: kept for push, not for people. */
  readonly base?: true;
}

/** What one row of the README's table says; kept with the file so the table lists exactly the files written. */
interface PlannedFile extends ExportFile {
  readonly what: string;
  readonly partner?: ExportPartner;
}

/**
 * The files "Export Tenant to Workspace" writes: the policy, the default settings, one file per
 * partner and one per partner identity synchronization (keyed by the partner's tenant id, see
 * `toWorkspacePath`), each in canonical text, and a README.md for whoever reviews the folder.
 * Partners come in order of tenant id, so the same input always gives the same files, bytes and
 * order (README first), followed by each file's base in `.xta-base/` (see `basePathOf`). Throws when the folder name is not a tenant id or domain name, or when two
 * partners have the same tenant id.
 */
export function exportFiles(input: ExportInput): ExportFile[] {
  const folder = exportFolderName(input.tenant, input.folderName);
  const partners = sortedPartners(input.partners);
  const planned: PlannedFile[] = [
    {
      path: toWorkspacePath({ kind: 'policy', tenant: folder }),
      text: toCanonicalText('policy', input.policy),
      what: 'The cross-tenant access policy itself: its name and the other Microsoft clouds B2B collaboration may reach (`allowedCloudEndpoints`).',
    },
    {
      path: toWorkspacePath({ kind: 'default', tenant: folder }),
      text: toCanonicalText('default', input.defaults),
      what: 'The default settings: what applies to every organization without a partner configuration, and to every setting a partner leaves `null`.',
    },
  ];
  for (const entry of partners) {
    const partnerTenantId = entry.partner.tenantId;
    planned.push({
      path: toWorkspacePath({ kind: 'partner', tenant: folder, partnerTenantId }),
      text: toCanonicalText('partner', entry.partner),
      what: 'Partner configuration: the settings this tenant applies to that organization; the ones it leaves `null` come from the default settings.',
      partner: entry,
    });
    const sync = entry.identitySync ?? entry.partner.identitySynchronization ?? undefined;
    if (sync) {
      planned.push({
        path: toWorkspacePath({ kind: 'identitySync', tenant: folder, partnerTenantId }),
        text: toCanonicalText('identitySync', sync),
        what: 'Identity synchronization: whether this organization may sync its users into this tenant (cross-tenant synchronization).',
        partner: entry,
      });
    }
  }
  const readme = { path: `${folder}/README.md`, text: readmeText(input, folder, planned) };
  // Each file's base starts as the file itself: the live version a later push compares live with.
  const bases = planned.map(({ path, text }) => ({
    path: basePathOf(path)!,
    text,
    base: true as const,
  }));
  return [readme, ...planned.map(({ path, text }) => ({ path, text })), ...bases];
}

/** The tenant folder: the given name, else the default domain in lower-case ASCII (punycode) when it is a DNS name Windows can use as a folder, else the tenant id. */
export function exportFolderName(tenant: ExportTenant, folderName?: string): string {
  if (folderName !== undefined) {
    if (!isTenantFolder(folderName))
      throw new Error(
        `The export folder must be named after a tenant id or a domain name, not "${folderName}".`,
      );
    return folderName.toLowerCase();
  }
  const domain =
    tenant.defaultDomain === undefined
      ? ''
      : domainToASCII(tenant.defaultDomain.trim().replace(/\.+$/, ''));
  // A domain Windows takes for a device (con.txt, aux.contoso.com) cannot be a folder there.
  if (domain !== '' && isTenantFolder(domain) && !isWindowsReservedName(domain))
    return domain.toLowerCase();
  if (!isGuid(tenant.tenantId))
    throw new Error(
      `The tenant id must be a GUID to name the export folder, not "${tenant.tenantId}".`,
    );
  return tenant.tenantId.toLowerCase();
}

/** One path segment that the export layout reads as a tenant (a tenant id or a DNS name). */
function isTenantFolder(name: string): boolean {
  return (
    !/[\\/]/.test(name) &&
    fromWorkspacePath(`${name}/policy${DOCUMENT_KINDS.policy.suffix}`) !== undefined
  );
}

function sortedPartners(partners: readonly ExportPartner[]): ExportPartner[] {
  const key = (entry: ExportPartner): string => entry.partner.tenantId.toLowerCase();
  // Code-unit order (not locale order), so the files do not depend on the machine.
  const sorted = [...partners].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((entry, i) => {
    if (i > 0 && key(sorted[i - 1]) === key(entry))
      throw new Error(
        `Partner ${entry.partner.tenantId} is listed twice; each partner is exported to one file.`,
      );
  });
  return sorted;
}

function readmeText(input: ExportInput, folder: string, files: readonly PlannedFile[]): string {
  const { tenant } = input;
  const name = clean(tenant.displayName);
  const domain = clean(tenant.defaultDomain);
  const partnerCount = files.filter((file) =>
    file.path.endsWith(DOCUMENT_KINDS.partner.suffix),
  ).length;
  const syncCount = files.filter((file) =>
    file.path.endsWith(DOCUMENT_KINDS.identitySync.suffix),
  ).length;
  const title = name ? escapeMarkdown(name) : inlineCode(domain ?? tenant.tenantId);
  const relative = (path: string): string => path.slice(folder.length + 1);
  const lines = [
    `# Cross-tenant access settings of ${title}`,
    '',
    `Exported by Cross-Tenant Explorer on ${timestamp(input.exportedAt)} from the Microsoft Entra tenant ${describeTenant(name, domain, tenant.tenantId)}.`,
    '',
    "These files hold the tenant's cross-tenant access settings as Microsoft Graph returned them at that moment: " +
      'who may collaborate with this tenant (B2B collaboration, B2B direct connect), which multifactor and device claims of other tenants it trusts, ' +
      'and which partners may sync users into it. ' +
      `There ${partnerCount === 1 ? 'is 1 partner configuration' : `are ${partnerCount} partner configurations`}` +
      `${syncCount > 0 ? ` and ${syncCount === 1 ? '1 identity synchronization policy' : `${syncCount} identity synchronization policies`}` : ''}. ` +
      "Each partner file is named after the partner's tenant id, which never changes, so renaming an organization does not orphan its file.",
    '',
    '## Files',
    '',
    'Paths are relative to this folder.',
    '',
    '| File | What it is | Partner |',
    '|---|---|---|',
    `| ${inlineCode('README.md')} | This overview. |  |`,
    ...files.map(
      (file) =>
        `| ${inlineCode(relative(file.path))} | ${file.what} | ${file.partner ? describePartner(file.partner) : ''} |`,
    ),
    '',
    '## The `.xta-*.json` suffixes',
    '',
    'Each file name ends in a suffix that says which kind of document it is:',
    '',
    ...(['policy', 'default', 'partner', 'identitySync'] as const).map(
      (kind) =>
        `- ${inlineCode(DOCUMENT_KINDS[kind].suffix)}: ${DOCUMENT_KINDS[kind].title.toLowerCase()}.`,
    ),
    '',
    'The files are plain JSON, exactly what is sent to Microsoft Graph (no comments). ' +
      "In VS Code with the Cross-Tenant Explorer extension installed, the editor validates each file against the extension's JSON schema for its kind, " +
      "picked by the suffix, and checks it with the extension's own rules, so a mistyped property or value is marked as you type. " +
      "Keys that the file's location already carries are left out: a partner's `tenantId` is its file name.",
    '',
    '## What `null` means',
    '',
    'In a partner file, `null` (or a setting left out) does not mean "off": the partner inherits that setting from the default settings ' +
      `(${inlineCode(relative(toWorkspacePath({ kind: 'default', tenant: folder })))}). ` +
      "Inside a partner's own setting, a `null` field is filled from the default as well. " +
      'To see what actually applies to a partner, use **Open Effective Settings** on the partner in the Cross-Tenant view.',
    '',
    '## Pushing a file back to the tenant',
    '',
    'Open the file in VS Code and run **Cross-Tenant: Push to Tenant** (from the editor title bar or the Command Palette). ' +
      "The extension refuses while the file has errors, reads the tenant's live settings, shows what will change and asks before sending; " +
      'it then sends only the settings that differ. ' +
      `The tenant is identified by this folder's name (${inlineCode(folder)}) and a partner by its file name. ` +
      'Pushing a file to a tenant other than the one it was exported from asks for confirmation first. ' +
      'You need to be signed in to the tenant in the Cross-Tenant view, with a role that may change these settings (Security Administrator). ' +
      'Pushing from workspace files is disabled in an untrusted workspace.',
    '',
    `## The ${inlineCode(`${BASE_FOLDER}/`)} folder`,
    '',
    `${inlineCode(`${BASE_FOLDER}/`)} keeps, for every file above, the version the tenant held when it was exported (or last pushed). ` +
      'Microsoft Graph has no version numbers for these settings, so this is how a push tells your edits from a change someone made in the tenant since: ' +
      "when the tenant has moved, the push applies your edits on top of the tenant's changes, and refuses where both changed the same setting. " +
      `Keep the folder with the files (commit it to git too) and do not edit it; ${inlineCode('cross-tenant push --force')} overwrites the tenant's changes on purpose.`,
    '',
  ];
  return lines.join('\n');
}

function describeTenant(
  name: string | undefined,
  domain: string | undefined,
  tenantId: string,
): string {
  const details = [
    domain ? `default domain ${inlineCode(domain)}` : undefined,
    `tenant id ${inlineCode(tenantId)}`,
  ].filter((part) => part !== undefined);
  return `${name ? `**${escapeMarkdown(name)}** ` : ''}(${details.join(', ')})`;
}

function describePartner(entry: ExportPartner): string {
  const name = clean(entry.displayName);
  const domain = clean(entry.defaultDomainName);
  const id = `tenant ${inlineCode(entry.partner.tenantId.toLowerCase())}`;
  if (!name && !domain) return `Name unknown; ${id}`;
  return [name ? escapeMarkdown(name) : undefined, domain ? inlineCode(domain) : undefined, id]
    .filter((part) => part !== undefined)
    .join(', ');
}

/** `2025-03-14 09:26:53 UTC`: the same on every machine, whatever its time zone or locale. */
function timestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('The export time is not a valid date.');
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function clean(text: string | undefined | null): string | undefined {
  const line = text == null ? '' : oneLine(text);
  return line === '' ? undefined : line;
}

export interface ExportedFile {
  /** Where the path says the file belongs: its kind, tenant folder and, for partner files, the partner's tenant id. */
  readonly identity: WorkspaceFileIdentity;
  readonly kind: WorkspaceFileIdentity['kind'];
  /** The object to push, with the keys the path carries (a partner's `tenantId`) put back; undefined when the text does not parse to an object. */
  readonly value: Record<string, unknown> | undefined;
  /** Syntax errors, or the one error saying the document is not an object. Schema and rule checks are checkDocument's. */
  readonly diagnostics: Diagnostic[];
}

/**
 * A file of an exported folder (kept in git, say) read back for a push: the identity its path
 * gives, and the object its text holds. Undefined when the path does not follow the export layout
 * (the README, or any other file).
 */
export function readExportedFile(relativePath: string, text: string): ExportedFile | undefined {
  const identity = fromWorkspacePath(relativePath);
  if (!identity) return undefined;
  const carried =
    identity.partnerTenantId === undefined ? {} : { partnerTenantId: identity.partnerTenantId };
  const { value, diagnostics } = parseDocument(identity.kind, text, carried);
  return { identity, kind: identity.kind, value, diagnostics };
}
