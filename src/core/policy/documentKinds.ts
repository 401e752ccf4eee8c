import type { Severity } from './diagnostic';
import { GRAPH_TYPES, type GraphTypeName } from './graphTypes';

export type DocumentKindId = 'policy' | 'default' | 'partner' | 'identitySync' | 'syncSchema';

/** A field of a document's identity (see documentUri.ts) that a Graph key is taken from. */
export type IdentityField = 'partnerTenantId' | 'jobId';

export interface ReadOnlyKey {
  readonly key: string;
  /** `error` when pushing it would fail or silently do nothing the user expects; `warning` when Graph ignores it. */
  readonly severity: Severity;
  readonly reason: string;
}

export interface DocumentKind {
  readonly id: DocumentKindId;
  /** The file name ending; `contributes.jsonValidation` and our own validation pick the schema by it. */
  readonly suffix: string;
  readonly title: string;
  /** File name under `schemas/`. */
  readonly schemaFile: string;
  readonly graphType: GraphTypeName;
  /**
   * Top-level keys canonical text drops: values Graph computes, keys the document's location
   * already carries, and navigation properties that are documents of their own. `@odata.*`
   * annotations are dropped at every depth on top of these.
   */
  readonly serverOwnedKeys: readonly string[];
  /** Keys the location carries: dropped from the text, put back by `parseDocument` from the identity. */
  readonly uriKeys: readonly { readonly key: string; readonly from: IdentityField }[];
  /** Read-only keys a user may type back in; the read-only rule flags them. */
  readonly readOnlyKeys: readonly ReadOnlyKey[];
  /** Top-level key order of the canonical text (unknown keys follow, sorted). */
  readonly keyOrder: readonly string[];
}

function kind(entry: Omit<DocumentKind, 'keyOrder'>): DocumentKind {
  const dropped = new Set(entry.serverOwnedKeys);
  const keyOrder = GRAPH_TYPES[entry.graphType]
    .map((property) => property.name)
    .filter((name) => !dropped.has(name));
  return { ...entry, keyOrder };
}

/**
 * The document kinds: a contract with package.json (`jsonValidation` file matches), the document
 * FileSystemProvider (file names) and the export layout.
 *
 * Decisions per kind on what the text leaves out:
 * - policy: `id` and `deletedDateTime` are Graph's; `default`, `partners`, `templates` are their own documents.
 * - default: `id` is Graph's; `isServiceDefault` is computed; `automaticUserConsentSettings` is
 *   read-only there (always false/false), so showing it would only invite a failing edit.
 * - partner and identity sync: `tenantId` is the key, carried by the URI (`…/partners/<tenantId>/…`).
 *   `isInMultiTenantOrganization` is set by the MTO service; navigations are separate documents.
 * - sync schema: `id` equals the job id, carried by the URI (`…/sync/<spId>/<jobId>/…`). `version` and
 *   `directories` stay: a schema PUT replaces everything, so they must go back unchanged.
 */
export const DOCUMENT_KINDS: Readonly<Record<DocumentKindId, DocumentKind>> = {
  policy: kind({
    id: 'policy',
    suffix: '.xta-policy.json',
    title: 'Cross-tenant access policy',
    schemaFile: 'policy.schema.json',
    graphType: 'crossTenantAccessPolicy',
    serverOwnedKeys: ['id', 'deletedDateTime', 'default', 'partners', 'templates'],
    uriKeys: [],
    readOnlyKeys: [
      { key: 'id', severity: 'warning', reason: 'Graph sets it' },
      { key: 'deletedDateTime', severity: 'warning', reason: 'Graph sets it' },
    ],
  }),
  default: kind({
    id: 'default',
    suffix: '.xta-default.json',
    title: 'Default settings',
    schemaFile: 'default.schema.json',
    graphType: 'crossTenantAccessPolicyConfigurationDefault',
    serverOwnedKeys: ['id', 'isServiceDefault', 'automaticUserConsentSettings'],
    uriKeys: [],
    readOnlyKeys: [
      { key: 'id', severity: 'warning', reason: 'Graph sets it' },
      {
        key: 'isServiceDefault',
        severity: 'warning',
        reason: 'Graph computes it (true until the defaults are customised)',
      },
      {
        key: 'automaticUserConsentSettings',
        severity: 'error',
        reason:
          'it is read-only on the default settings (Graph keeps it false/false); turn on automatic redemption in a partner configuration instead',
      },
    ],
  }),
  partner: kind({
    id: 'partner',
    suffix: '.xta-partner.json',
    title: 'Partner configuration',
    schemaFile: 'partner.schema.json',
    graphType: 'crossTenantAccessPolicyConfigurationPartner',
    serverOwnedKeys: [
      'tenantId',
      'isInMultiTenantOrganization',
      'identitySynchronization',
      'serviceProviderConstraints',
    ],
    uriKeys: [{ key: 'tenantId', from: 'partnerTenantId' }],
    readOnlyKeys: [
      {
        key: 'isInMultiTenantOrganization',
        severity: 'warning',
        reason: 'the multitenant organization service sets it',
      },
      {
        key: 'identitySynchronization',
        severity: 'warning',
        reason: 'it is a separate document (identity synchronization)',
      },
      {
        key: 'serviceProviderConstraints',
        severity: 'warning',
        reason: 'it is a navigation property Graph manages separately',
      },
    ],
  }),
  identitySync: kind({
    id: 'identitySync',
    suffix: '.xta-identitysync.json',
    title: 'Partner identity synchronization',
    schemaFile: 'identitysync.schema.json',
    graphType: 'crossTenantIdentitySyncPolicyPartner',
    serverOwnedKeys: ['tenantId'],
    uriKeys: [{ key: 'tenantId', from: 'partnerTenantId' }],
    readOnlyKeys: [],
  }),
  syncSchema: kind({
    id: 'syncSchema',
    suffix: '.xta-syncschema.json',
    title: 'Synchronization schema',
    schemaFile: 'syncschema.schema.json',
    graphType: 'synchronizationSchema',
    serverOwnedKeys: ['id'],
    uriKeys: [{ key: 'id', from: 'jobId' }],
    readOnlyKeys: [],
  }),
};

export const ALL_DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DOCUMENT_KINDS);

/** The kind a file name (or URI path) ends in, if any. Case-sensitive, like the `jsonValidation` globs. */
export function kindOfFileName(fileName: string): DocumentKind | undefined {
  return ALL_DOCUMENT_KINDS.find((entry) => fileName.endsWith(entry.suffix));
}
