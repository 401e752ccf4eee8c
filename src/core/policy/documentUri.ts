import { DOCUMENT_KINDS, kindOfFileName, type DocumentKindId } from './documentKinds';
import { safeFileName } from '../safeFileName';
import { isGuid } from './guid';

/**
 * Where each document lives in our FileSystemProvider. What a person reads (the editor tab, the
 * breadcrumbs, the Problems group) is the path, so the path is names: the tenant's name as a folder,
 * and a file name that names the tenant and the partner, ending in the kind's suffix (so
 * `jsonValidation` and our own validation pick the schema). The identity is in the query, which no
 * tab or breadcrumb shows: ids are the key, names are only what the path says. These functions
 * deal in the URI's path and query; the host adds the scheme and the sign-in method as authority.
 *
 *   /<Tenant>/<Tenant> › policy.xta-policy.json                    ?tenant=<id>
 *   /<Tenant>/<Tenant> › default.xta-default.json                  ?tenant=<id>
 *   /<Tenant>/partners/<Tenant> › <Partner>.xta-partner.json       ?tenant=<id>&partner=<id>
 *   /<Tenant>/partners/<Tenant> › <Partner>.xta-identitysync.json  ?tenant=<id>&partner=<id>
 *   /<Tenant>/sync/<Tenant> › schema.xta-syncschema.json           ?tenant=<id>&servicePrincipal=<id>&job=<id>
 *
 * GUIDs are written in lower case, so one object has one key whatever case Graph or the user used.
 */
export type DocumentIdentity =
  | { readonly kind: 'policy'; readonly tenantId: string }
  | { readonly kind: 'default'; readonly tenantId: string }
  | {
      readonly kind: 'partner';
      readonly tenantId: string;
      readonly partnerTenantId: string;
      /** The partner's name as the path shows it (see sanitizeLabel). */
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

/** The parts of a URI a document's place is made of (a `vscode.Uri` is one). */
export interface DocumentLocation {
  readonly path: string;
  readonly query: string;
}

const MAX_LABEL_LENGTH = 64;

/** Between the tenant's and the partner's name in a file name: not a separator anywhere. */
export const NAME_SEPARATOR = ' › ';

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

/** Where `identity` lives; `tenantName` is the tenant as people read it (its name, else domain). */
export function toUri(identity: DocumentIdentity, tenantName: string): DocumentLocation {
  const tenant = sanitizeLabel(tenantName);
  const named = (thing: string): string => `${tenant}${NAME_SEPARATOR}${thing}`;
  const suffix = DOCUMENT_KINDS[identity.kind].suffix;
  const query = new URLSearchParams({ tenant: guidSegment(identity.tenantId, 'tenantId') });
  switch (identity.kind) {
    case 'policy':
    case 'default':
      return { path: `/${tenant}/${named(identity.kind)}${suffix}`, query: query.toString() };
    case 'partner':
    case 'identitySync':
      query.set('partner', guidSegment(identity.partnerTenantId, 'partnerTenantId'));
      return {
        path: `/${tenant}/partners/${named(sanitizeLabel(identity.label))}${suffix}`,
        query: query.toString(),
      };
    case 'syncSchema':
      query.set('servicePrincipal', guidSegment(identity.servicePrincipalId, 'servicePrincipalId'));
      query.set('job', opaqueSegment(identity.jobId, 'jobId'));
      return { path: `/${tenant}/sync/${named('schema')}${suffix}`, query: query.toString() };
  }
}

/** The identity of a document location, or undefined when it is not one of ours. */
export function fromUri(location: DocumentLocation): DocumentIdentity | undefined {
  if (!location.path.startsWith('/')) return undefined;
  const params = new URLSearchParams(location.query);
  const tenant = params.get('tenant');
  if (tenant === null) return fromIdPath(location.path);
  const segments = location.path.slice(1).split('/');
  const fileName = segments[segments.length - 1];
  const kind = kindOfFileName(fileName);
  if (!isGuid(tenant) || !kind || segments[0] === '') return undefined;
  const tenantId = tenant.toLowerCase();
  const prefix = `${segments[0]}${NAME_SEPARATOR}`;
  const stem = fileName.slice(0, -kind.suffix.length);
  if (!stem.startsWith(prefix)) return undefined;
  const name = stem.slice(prefix.length);
  const partner = params.get('partner') ?? '';
  const area = segments.length === 2 ? '' : segments[1];
  switch (`${area}:${kind.id}:${segments.length}`) {
    case ':policy:2':
    case ':default:2':
      return name === kind.id ? { kind: kind.id as 'policy' | 'default', tenantId } : undefined;
    case 'partners:partner:3':
    case 'partners:identitySync:3':
      return isGuid(partner) && name !== ''
        ? {
            kind: kind.id as 'partner' | 'identitySync',
            tenantId,
            partnerTenantId: partner.toLowerCase(),
            label: name,
          }
        : undefined;
    case 'sync:syncSchema:3': {
      const servicePrincipal = params.get('servicePrincipal') ?? '';
      const job = params.get('job') ?? '';
      return name === 'schema' && isGuid(servicePrincipal) && job !== '' && !/[/\\]/.test(job)
        ? {
            kind: 'syncSchema',
            tenantId,
            servicePrincipalId: servicePrincipal.toLowerCase(),
            jobId: job,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The path shape before names (ids as folders, `/<tenantId>/partners/<partnerTenantId>/<label>…`):
 * drafts saved and editors restored from then still name their object, so none of them is lost.
 */
function fromIdPath(path: string): DocumentIdentity | undefined {
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
