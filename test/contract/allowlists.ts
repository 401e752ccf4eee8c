/**
 * The two lists the contract check accepts outside the v1.0 metadata. Each entry says why; keep
 * them short: anything here is something the v1.0 CSDL cannot vouch for.
 */

export interface BetaAllowance {
  readonly method: string;
  /** A path below `/beta`, keys as `{}`, e.g. `/auditLogs/signIns`. */
  readonly path: string;
  readonly reason: string;
}

/**
 * Requests to `/beta` our client may send, each with the reason (what v1.0 lacks); a feature that
 * needs another adds its path here. Such a request is reported as unchecked, never as
 * checked against v1.0.
 */
export const BETA_ALLOWLIST: readonly BetaAllowance[] = [
  {
    method: 'GET',
    path: '/policies/b2bManagementPolicies',
    reason:
      'Baselines (src/core/graph/operations/b2bManagementPolicies.ts): v1.0 has no API for the invitation allow/block lists of domains that CISA MS.AAD.8.3, CIS 5.1.6.1 and ZTA 21822 grade; read only while beta reads are on.',
  },
  {
    method: 'GET',
    path: '/networkAccess/settings/crossTenantAccess',
    reason:
      "Baselines (src/core/graph/operations/networkAccessSettings.ts): Global Secure Access's packet tagging for universal tenant restrictions (ZTA 25377) has no v1.0 API; read only while beta reads are on.",
  },
];

/**
 * Properties Microsoft documents as returned outside the v1.0 metadata, per resource type. The
 * sandbox may serve them in responses (real tenants do); our requests never send them.
 */
export const DOCUMENTED_OUTSIDE_METADATA: Readonly<
  Record<string, Readonly<Record<string, string>>>
> = {
  'microsoft.graph.crossTenantAccessPolicyConfigurationPartner': {
    crossCloudMeetingConfiguration:
      'graph-api.md §3: real partner responses carry it ({inboundAllowed, outboundAllowed}), Entra walkthrough output',
    protectedContentSharing:
      'graph-api.md §3: real partner responses carry it outside the v1.0 CSDL, Entra walkthrough output',
  },
};
