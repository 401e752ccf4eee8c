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
 * Requests to `/beta` our client may send. Nothing needs beta today; a feature that does adds its
 * path here with the reason (what v1.0 lacks). Such a request is reported as unchecked, never as
 * checked against v1.0.
 */
export const BETA_ALLOWLIST: readonly BetaAllowance[] = [];

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
