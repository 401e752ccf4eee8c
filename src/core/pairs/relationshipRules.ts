import { CLOUDS } from '../auth/clouds';
import type { PairFinding } from './pairFinding';
import { directions, partnerEntry, type PairRule } from './pairView';

/**
 * One tenant has a partner entry for the other, which has none back: the other applies its
 * default. That matters (warning) when something needs a per-partner setting on both sides — a
 * sync configuration, automatic redemption or user sync, none of which a default can turn on —
 * and is only informative otherwise.
 */
export const partnerMissing: PairRule = (pair) => {
  const findings: PairFinding[] = [];
  for (const [has, lacks] of directions(pair)) {
    if (!has.overview || !lacks.overview) continue;
    const entry = partnerEntry(has, lacks);
    if (!entry || partnerEntry(lacks, has)) continue;
    const depends =
      pair.syncs.length > 0 ||
      entry.inboundSyncAllowed ||
      entry.automaticRedemption.inbound ||
      entry.automaticRedemption.outbound;
    findings.push({
      id: 'partnerMissing',
      severity: depends ? 'warning' : 'info',
      tenantId: lacks.tenantId,
      partnerTenantId: has.tenantId,
      message: depends
        ? `${lacks.name} has no partner entry for ${has.name}, which has one for ${lacks.name}; sync and automatic redemption need settings on both sides.`
        : `${lacks.name} has no partner entry for ${has.name} (which has one for ${lacks.name}); ${lacks.name} applies its default settings.`,
      fix: { document: 'partnerMissing', patch: { tenantId: has.tenantId } },
    });
  }
  return findings;
};

/** Microsoft supports cross-cloud B2B between the commercial cloud and US Government or China, not between the two (graph-api.md §1). */
const COMMERCIAL = CLOUDS.global.allowedCloudEndpoint;

/**
 * Tenants in different Microsoft clouds reach each other only when each lists the other's cloud in
 * `allowedCloudEndpoints` of its base policy. US Gov L4 and DoD share an endpoint, so they count
 * as one cloud here. Needs both clouds (a tenant that is not among the sides has none) and, per
 * side, the loaded base policy.
 */
export const cloudEndpoints: PairRule = (pair) => {
  const { a, b } = pair;
  if (!a.side || !b.side) return [];
  const endpointA = CLOUDS[a.side.cloud].allowedCloudEndpoint;
  const endpointB = CLOUDS[b.side.cloud].allowedCloudEndpoint;
  if (endpointA === endpointB) return [];
  if (endpointA !== COMMERCIAL && endpointB !== COMMERCIAL) {
    return [
      {
        id: 'cloudPairUnsupported',
        severity: 'error',
        tenantId: a.tenantId,
        partnerTenantId: b.tenantId,
        setting: 'allowedCloudEndpoints',
        message: `${a.name} (${CLOUDS[a.side.cloud].displayName}) and ${b.name} (${CLOUDS[b.side.cloud].displayName}) are in clouds Microsoft does not connect: cross-cloud B2B works only between the commercial cloud and US Government or China.`,
      },
    ];
  }
  const findings: PairFinding[] = [];
  for (const [tenant, other, otherCloud] of [
    [a, b, b.side.cloud],
    [b, a, a.side.cloud],
  ] as const) {
    const listed = tenant.side?.allowedCloudEndpoints;
    const needed = CLOUDS[otherCloud].allowedCloudEndpoint;
    if (!listed || listed.includes(needed)) continue;
    findings.push({
      id: 'cloudEndpointMissing',
      severity: 'error',
      tenantId: tenant.tenantId,
      partnerTenantId: other.tenantId,
      setting: 'allowedCloudEndpoints',
      message: `${tenant.name} does not list ${needed} in allowedCloudEndpoints, so it cannot reach ${other.name} in ${CLOUDS[otherCloud].displayName}.`,
      fix: { document: 'policy', patch: { allowedCloudEndpoints: [...listed, needed] } },
    });
  }
  return findings;
};
