import { sanitizeLabel, type DocumentIdentity } from './documentUri';

/** What names a partner in its document's file name: its name, else its domain, else its id. */
export interface PartnerNaming {
  readonly defaultDomainName?: string;
  readonly displayName?: string;
}

/**
 * The document of a partner entry or of its identity synchronization. Every place that opens one
 * (the tree, pair quick fixes, the log panel) must build the same path, or one object would get two
 * editors and two drafts.
 */
export function partnerDocument(
  kind: 'partner' | 'identitySync',
  tenantId: string,
  partnerTenantId: string,
  naming: PartnerNaming = {},
): DocumentIdentity {
  return {
    kind,
    tenantId,
    partnerTenantId,
    label: sanitizeLabel(naming.displayName ?? naming.defaultDomainName ?? partnerTenantId),
  };
}
