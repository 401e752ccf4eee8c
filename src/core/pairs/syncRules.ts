import { partnerFix, type PairFinding } from './pairFinding';
import {
  configurationNames,
  directions,
  effectiveIn,
  partnerEntry,
  syncsFrom,
  type PairRule,
  type SideView,
} from './pairView';

/**
 * The target must allow user sync from the source in its identity synchronization policy, or every
 * cycle of the source's configuration fails the policy check (sync-facts.md §1a). This is not an
 * inheritable setting: a tenant's default has no identity synchronization.
 */
export const userSyncInbound: PairRule = (pair) => {
  const findings: PairFinding[] = [];
  for (const [source, target] of directions(pair)) {
    const syncs = syncsFrom(pair, source);
    if (syncs.length === 0 || !target.overview) continue;
    const entry = partnerEntry(target, source);
    if (entry?.inboundSyncAllowed) continue;
    findings.push({
      id: 'userSyncInboundNotAllowed',
      severity: 'error',
      tenantId: target.tenantId,
      partnerTenantId: source.tenantId,
      setting: 'identitySynchronization.userSyncInbound.isSyncAllowed',
      message:
        `${target.name} does not allow users from ${source.name} to sync in (identity synchronization policy: userSyncInbound.isSyncAllowed` +
        `${entry ? '' : `; it has no partner entry for ${source.name} yet`}), so sync configuration ${configurationNames(syncs)} fails.`,
      fix: { document: 'identitySync', patch: { userSyncInbound: { isSyncAllowed: true } } },
    });
  }
  return findings;
};

/**
 * `holder`'s automatic redemption towards `other` in one direction (inbound in a target, outbound
 * in a source), as a finding when it is off and `holder`'s settings are loaded. The fix keeps the
 * other direction's flag as it is in force: Graph replaces the object whole.
 */
function redemptionFinding(
  holder: SideView,
  other: SideView,
  direction: 'inbound' | 'outbound',
  severity: 'error' | 'warning',
  why: string,
): PairFinding | undefined {
  const entry = partnerEntry(holder, other);
  if (!holder.overview || entry?.automaticRedemption[direction]) return undefined;
  const setting = direction === 'inbound' ? 'inboundAllowed' : 'outboundAllowed';
  const phrase =
    direction === 'inbound' ? `invitations from ${other.name}` : `invitations to ${other.name}`;
  return {
    id: direction === 'inbound' ? 'autoRedeemInboundMissing' : 'autoRedeemOutboundMissing',
    severity,
    tenantId: holder.tenantId,
    partnerTenantId: other.tenantId,
    setting: `automaticUserConsentSettings.${setting}`,
    message: `${holder.name} does not redeem ${phrase} automatically (automaticUserConsentSettings.${setting}), so ${why}.`,
    fix: partnerFix(entry !== undefined, other.tenantId, {
      automaticUserConsentSettings: {
        inboundAllowed:
          direction === 'inbound' ? true : (entry?.automaticRedemption.inbound ?? false),
        outboundAllowed:
          direction === 'outbound' ? true : (entry?.automaticRedemption.outbound ?? false),
      },
    }),
  };
}

/**
 * Automatic redemption has to be on in both tenants: inbound in the target, outbound in the
 * source. Either one missing fails the sync (`AzureDirectoryB2BManagementPolicyCheckFailure`), so
 * with a configuration it is an error; without one, a target that already allows user sync is
 * half set up, which is worth a warning. The default's consent flags are always false, so only a
 * partner entry can turn them on.
 */
export const automaticRedemption: PairRule = (pair) => {
  const findings: PairFinding[] = [];
  for (const [source, target] of directions(pair)) {
    const syncs = syncsFrom(pair, source);
    const targetEntry = partnerEntry(target, source);
    const severity =
      syncs.length > 0 ? 'error' : targetEntry?.inboundSyncAllowed ? 'warning' : undefined;
    if (!severity) continue;
    const why =
      syncs.length > 0
        ? `sync configuration ${configurationNames(syncs)} fails`
        : `the user sync ${target.name} allows from ${source.name} cannot work`;
    const inbound = redemptionFinding(target, source, 'inbound', severity, why);
    const outbound = redemptionFinding(source, target, 'outbound', severity, why);
    findings.push(...(inbound ? [inbound] : []), ...(outbound ? [outbound] : []));
  }
  return findings;
};

/**
 * Synced users arrive as members (the default userType mapping is the constant "Member"); if the
 * target does not trust the source's MFA, its Conditional Access asks them for MFA again, in the
 * target — the "double MFA" admins complain about (peers.md §3).
 */
export const mfaTrust: PairRule = (pair) => {
  const findings: PairFinding[] = [];
  for (const [source, target] of directions(pair)) {
    const syncs = syncsFrom(pair, source);
    const settings = effectiveIn(target, source);
    if (syncs.length === 0 || !settings) continue;
    const trust = settings.inboundTrust.value ?? {};
    if (trust.isMfaAccepted === true) continue;
    findings.push({
      id: 'mfaNotTrusted',
      severity: 'warning',
      tenantId: target.tenantId,
      partnerTenantId: source.tenantId,
      setting: 'inboundTrust.isMfaAccepted',
      message:
        `${target.name} does not trust MFA from ${source.name} (inboundTrust.isMfaAccepted` +
        `${settings.inboundTrust.source === 'default' ? ', inherited from its default' : ''}), so users synced in by ${configurationNames(syncs)} are asked for MFA again.`,
      // The whole object, from the values in force: only isMfaAccepted changes.
      fix: partnerFix(partnerEntry(target, source) !== undefined, source.tenantId, {
        inboundTrust: {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: trust.isCompliantDeviceAccepted ?? false,
          isHybridAzureADJoinedDeviceAccepted: trust.isHybridAzureADJoinedDeviceAccepted ?? false,
        },
      }),
    });
  }
  return findings;
};
