export type FindingSeverity = 'error' | 'warning' | 'info';

/** Stable rule ids: the host may key quick fixes, filters or docs on them. */
export type PairRuleId =
  | 'tenantNotSignedIn'
  | 'userSyncInboundNotAllowed'
  | 'autoRedeemInboundMissing'
  | 'autoRedeemOutboundMissing'
  | 'b2bInboundBlocksSyncedUsers'
  | 'b2bInboundBlocksApplications'
  | 'b2bOutboundBlocksSyncedUsers'
  | 'b2bOutboundBlocksApplications'
  | 'directConnectInboundBlocked'
  | 'directConnectOutboundBlocked'
  | 'mfaNotTrusted'
  | 'cloudEndpointMissing'
  | 'cloudPairUnsupported'
  | 'partnerMissing';

/**
 * A change the host can open as a draft. `partner`: merge `patch` into the tenant's partner entry
 * for the partner tenant — each top-level property is complete, because Graph replaces nested
 * objects wholesale (graph-api.md §3). `identitySync`: merge into that entry's identity
 * synchronization policy (created with PUT when there is none; the partner entry must exist).
 * `partnerMissing`: create the partner entry with `patch` as its body (it carries `tenantId`).
 * `policy`: merge into the tenant's base cross-tenant access policy.
 */
export interface PairFix {
  readonly document: 'partner' | 'identitySync' | 'partnerMissing' | 'policy';
  readonly patch: Readonly<Record<string, unknown>>;
}

export interface PairFinding {
  readonly id: PairRuleId;
  readonly severity: FindingSeverity;
  /** The tenant whose setting must change. */
  readonly tenantId: string;
  /** The partner entry in that tenant the setting belongs to (for `policy` findings: the other tenant of the pair). */
  readonly partnerTenantId: string;
  /**
   * JSON path of the setting in the document the fix names, e.g.
   * `automaticUserConsentSettings.inboundAllowed`; absent when the finding is about the pair itself
   * (a tenant not signed in, a partner entry missing as a whole).
   */
  readonly setting?: string;
  readonly message: string;
  readonly fix?: PairFix;
}

/** A partner-document fix: a patch of the existing entry, or the entry to create when there is none. */
export function partnerFix(
  hasEntry: boolean,
  partnerTenantId: string,
  patch: Record<string, unknown>,
): PairFix {
  return hasEntry
    ? { document: 'partner', patch }
    : { document: 'partnerMissing', patch: { tenantId: partnerTenantId, ...patch } };
}
