import type { ErrorDetail } from '../errors';
import { objectProp, type JsonObject } from '../json';
import type { World } from '../store/world';

/** The code the 2026 Entra docs give for a failed cross-tenant sync policy check (sync-facts.md §1a). */
export const SYNC_POLICY_CHECK_FAILURE = 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure';
/** The older code for the same check, still seen in provisioning logs. */
export const B2B_MANAGEMENT_POLICY_CHECK_FAILURE = 'AzureDirectoryB2BManagementPolicyCheckFailure';

/** One failed check. The detail codes are the sandbox's own (Microsoft documents only the overall code). */
export interface SyncPolicyProblem extends ErrorDetail {
  /** The tenant whose settings must change: the fix is always on one side of the pair. */
  readonly target: string;
}

function flag(partner: JsonObject | undefined, key: 'inboundAllowed' | 'outboundAllowed'): boolean {
  // A missing partner or a null setting inherits the default, whose automatic consent is always off.
  return objectProp(partner, 'automaticUserConsentSettings')?.[key] === true;
}

/**
 * What would make cross-tenant sync from `source` to `target` fail, computed from both tenants'
 * live partner configurations (sync-facts.md §1a): the source must allow automatic redemption
 * outbound; the target must allow user sync inbound and automatic redemption inbound for the source.
 */
export function checkCrossTenantSync(
  world: World,
  sourceTenantId: string,
  targetTenantId: string,
): SyncPolicyProblem[] {
  const source = world.get(sourceTenantId);
  const target = world.get(targetTenantId);
  if (!source) throw new Error(`Unknown source tenant ${sourceTenantId}`);
  if (!target)
    return [
      {
        code: 'ExternalTenantNotFound',
        message: `The target tenant '${targetTenantId}' was not found.`,
        target: targetTenantId,
      },
    ];
  const problems: SyncPolicyProblem[] = [];
  const src = source.info.displayName;
  const tgt = target.info.displayName;
  if (!flag(source.partners.get(target.tenantId.toLowerCase()), 'outboundAllowed')) {
    problems.push({
      code: 'OutboundAutomaticRedemptionNotEnabled',
      message: `The source tenant ${src} has not enabled outbound automatic user consent (automatic redemption) for ${tgt}.`,
      target: source.tenantId,
    });
  }
  const inboundPartner = target.partners.get(source.tenantId.toLowerCase());
  const sync = target.identitySynchronization.get(source.tenantId.toLowerCase());
  if (!inboundPartner || objectProp(sync, 'userSyncInbound')?.isSyncAllowed !== true) {
    problems.push({
      code: 'InboundUserSyncNotAllowed',
      message: `The target tenant ${tgt} has not enabled inbound user synchronization for ${src}.`,
      target: target.tenantId,
    });
  }
  if (!flag(inboundPartner, 'inboundAllowed')) {
    problems.push({
      code: 'InboundAutomaticRedemptionNotEnabled',
      message: `The target tenant ${tgt} has not enabled inbound automatic user consent (automatic redemption) for ${src}.`,
      target: target.tenantId,
    });
  }
  return problems;
}

/** One-line summary of the problems, used as the error message and the quarantine error. */
export function describeSyncProblems(problems: readonly SyncPolicyProblem[]): string {
  return `Policy permitting auto-redemption of invitations and user synchronization is not configured. ${problems.map((p) => p.message).join(' ')}`;
}
