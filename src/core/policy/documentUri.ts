import { DOCUMENT_KINDS, kindOfFileName, type DocumentKindId } from './documentKinds';
import { safeFileName } from '../safeFileName';
import { isGuid } from './guid';

/**
 * Where each document lives in our FileSystemProvider: the identity is in the path, the file name
 * ends in the kind's suffix (so `jsonValidation` picks the schema), and partner file names carry a
 * readable label (the partner's domain) so editor tabs say who the partner is. These functions deal
 * in the URI's path only; the host adds the scheme (`vscode.Uri.from({ scheme, path })`).
 *
 *   /<tenantId>/policy/policy.xta-policy.json
 *   /<tenantId>/default/default.xta-default.json
 *   /<tenantId>/partners/<partnerTenantId>/<label>.xta-partner.json
 *   /<tenantId>/partners/<partnerTenantId>/identitySynchronization/<label>.xta-identitysync.json
 *   /<tenantId>/sync/<servicePrincipalId>/<jobId>/schema.xta-syncschema.json
 *
 * GUIDs are written in lower case, so one object has one path whatever case Graph or the user used.
 */
export type DocumentIdentity =
  | { readonly kind: 'policy'; readonly tenantId: string }
  | { readonly kind: 'default'; readonly tenantId: string }
  | {
      readonly kind: 'partner';
      readonly tenantId: string;
      readonly partnerTenantId: string;
      readonly label: string;
    }
  | {
      readonly kind: 'identitySync';
      readonly tenantId: string;
      readonly partnerTenantId: string;
      readonly label: string;
    }
  | {
      readonly kind: 'syncSchema';
      readonly tenantId: string;
      readonly servicePrincipalId: string;
      readonly jobId: string;
    };

const MAX_LABEL_LENGTH = 64;

/**
 * A human name made safe as one path segment (see safeFileName: no separators, no characters
 * Windows or URIs treat specially, no control or bidirectional characters, not a Windows device
 * name), at most 64 characters. Idempotent, so a label read back from a path maps to the same path.
 */
export function sanitizeLabel(name: string): string {
  // Room for the longest kind suffix, so that label and suffix stay one valid file name.
  const suffix = '.xta-identitysync.json';
  const safe = safeFileName(name, suffix, 'partner').slice(0, -suffix.length);
  const short = Array.from(safe).slice(0, MAX_LABEL_LENGTH).join('');
  return safeFileName(short, suffix, 'partner').slice(0, -suffix.length);
}

export function toUri(identity: DocumentIdentity): string {
  const tenant = guidSegment(identity.tenantId, 'tenantId');
  const suffix = DOCUMENT_KINDS[identity.kind].suffix;
  switch (identity.kind) {
    case 'policy':
      return `/${tenant}/policy/policy${suffix}`;
    case 'default':
      return `/${tenant}/default/default${suffix}`;
    case 'partner':
      return `/${tenant}/partners/${guidSegment(identity.partnerTenantId, 'partnerTenantId')}/${sanitizeLabel(identity.label)}${suffix}`;
    case 'identitySync':
      return `/${tenant}/partners/${guidSegment(identity.partnerTenantId, 'partnerTenantId')}/identitySynchronization/${sanitizeLabel(identity.label)}${suffix}`;
    case 'syncSchema':
      return `/${tenant}/sync/${guidSegment(identity.servicePrincipalId, 'servicePrincipalId')}/${opaqueSegment(identity.jobId, 'jobId')}/schema${suffix}`;
  }
}

/** The identity of a document path, or undefined when the path is not one of ours. */
export function fromUri(path: string): DocumentIdentity | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = path.slice(1).split('/');
  const [tenant, area] = segments;
  if (!tenant || !isGuid(tenant)) return undefined;
  const tenantId = tenant.toLowerCase();
  const fileName = segments[segments.length - 1];
  const kind = kindOfFileName(fileName);
  if (!kind) return undefined;
  const label = fileName.slice(0, -kind.suffix.length);
  switch (`${area}:${kind.id}:${segments.length}`) {
    case 'policy:policy:3':
      return label === 'policy' ? { kind: 'policy', tenantId } : undefined;
    case 'default:default:3':
      return label === 'default' ? { kind: 'default', tenantId } : undefined;
    case 'partners:partner:4':
      return isGuid(segments[2]) && label !== ''
        ? { kind: 'partner', tenantId, partnerTenantId: segments[2].toLowerCase(), label }
        : undefined;
    case 'partners:identitySync:5':
      return isGuid(segments[2]) && segments[3] === 'identitySynchronization' && label !== ''
        ? { kind: 'identitySync', tenantId, partnerTenantId: segments[2].toLowerCase(), label }
        : undefined;
    case 'sync:syncSchema:5':
      return isGuid(segments[2]) && segments[3] !== '' && label === 'schema'
        ? {
            kind: 'syncSchema',
            tenantId,
            servicePrincipalId: segments[2].toLowerCase(),
            jobId: segments[3],
          }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * A document in an exported workspace folder (config as code), keyed by ids so a rename of the
 * partner's domain does not orphan the file:
 *
 *   <tenantId or domain>/policy.xta-policy.json
 *   <tenantId or domain>/default.xta-default.json
 *   <tenantId or domain>/partners/<partnerTenantId>.xta-partner.json
 *   <tenantId or domain>/partners/<partnerTenantId>.xta-identitysync.json
 *
 * Sync schemas are not exported. Any folders above the tenant folder are ignored.
 */
export interface WorkspaceFileIdentity {
  readonly kind: Exclude<DocumentKindId, 'syncSchema'>;
  /** The tenant folder's name: a tenant id (lower-cased) or a domain name, as the export wrote it. */
  readonly tenant: string;
  /** Partner and identity-sync files. */
  readonly partnerTenantId?: string;
}

export function toWorkspacePath(identity: WorkspaceFileIdentity): string {
  const tenant = tenantFolder(identity.tenant);
  const suffix = DOCUMENT_KINDS[identity.kind].suffix;
  if (identity.kind === 'policy' || identity.kind === 'default')
    return `${tenant}/${identity.kind}${suffix}`;
  return `${tenant}/partners/${guidSegment(identity.partnerTenantId ?? '', 'partnerTenantId')}${suffix}`;
}

/** The identity of a workspace-relative path (either slash), or undefined when it does not follow the export layout. */
export function fromWorkspacePath(relativePath: string): WorkspaceFileIdentity | undefined {
  const segments = relativePath.split(/[\\/]/).filter((segment) => segment !== '');
  const fileName = segments[segments.length - 1] ?? '';
  const kind = kindOfFileName(fileName);
  if (!kind || kind.id === 'syncSchema') return undefined;
  const stem = fileName.slice(0, -kind.suffix.length);
  if (kind.id === 'policy' || kind.id === 'default') {
    const tenant = segments[segments.length - 2];
    return stem === kind.id && tenant && isTenantFolder(tenant)
      ? { kind: kind.id, tenant: normalizeTenant(tenant) }
      : undefined;
  }
  const [tenant, partners] = segments.slice(-3, -1);
  if (segments.length < 3 || partners !== 'partners' || !isTenantFolder(tenant) || !isGuid(stem))
    return undefined;
  return { kind: kind.id, tenant: normalizeTenant(tenant), partnerTenantId: stem.toLowerCase() };
}

function guidSegment(value: string, what: string): string {
  if (!isGuid(value))
    throw new Error(`${what} must be a GUID to build a document path, not "${value}".`);
  return value.toLowerCase();
}

function opaqueSegment(value: string, what: string): string {
  if (value === '' || /[/\\]/.test(value))
    throw new Error(`${what} must be a non-empty path segment, not "${value}".`);
  return value;
}

/** A tenant id, or a DNS name such as contoso.onmicrosoft.com. */
function isTenantFolder(name: string): boolean {
  return (
    isGuid(name) ||
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(name)
  );
}

function normalizeTenant(name: string): string {
  return name.toLowerCase();
}

function tenantFolder(name: string): string {
  if (!isTenantFolder(name))
    throw new Error(`The tenant folder must be a tenant id or a domain name, not "${name}".`);
  return normalizeTenant(name);
}
