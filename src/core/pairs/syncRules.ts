import { partnerFix, type PairFinding } from './pairFinding';
import { configurationNames, directions, effectiveIn, partnerEntry, syncsFrom, type PairRule } from './pairView';

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
    const severity = syncs.length > 0 ? 'error' : targetEntry?.inboundSyncAllowed ? 'warning' : undefined;
    if (!severity) continue;
    const why = syncs.length > 0 ? `sync configuration ${configurationNames(syncs)} fails` : `the user sync ${target.name} allows from ${source.name} cannot work`;
    if (target.overview && !targetEntry?.automaticRedemption.inbound) {
      findings.push({
        id: 'autoRedeemInboundMissing',
        severity,
        tenantId: target.tenantId,
        partnerTenantId: source.tenantId,
        setting: 'automaticUserConsentSettings.inboundAllowed',
        message: `${target.name} does not redeem invitations from ${source.name} automatically (automaticUserConsentSettings.inboundAllowed), so ${why}.`,
        fix: partnerFix(targetEntry !== undefined, source.tenantId, {
          automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: targetEntry?.automaticRedemption.outbound ?? false },
        }),
      });
    }
    const sourceEntry = partnerEntry(source, target);
    if (source.overview && !sourceEntry?.automaticRedemption.outbound) {
      findings.push({
        id: 'autoRedeemOutboundMissing',
        severity,
        tenantId: source.tenantId,
        partnerTenantId: target.tenantId,
        setting: 'automaticUserConsentSettings.outboundAllowed',
        message: `${source.name} does not redeem invitations to ${target.name} automatically (automaticUserConsentSettings.outboundAllowed), so ${why}.`,
        fix: partnerFix(sourceEntry !== undefined, target.tenantId, {
          automaticUserConsentSettings: { inboundAllowed: sourceEntry?.automaticRedemption.inbound ?? false, outboundAllowed: true },
        }),
      });
    }
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
        inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: trust.isCompliantDeviceAccepted ?? false, isHybridAzureADJoinedDeviceAccepted: trust.isHybridAzureADJoinedDeviceAccepted ?? false },
      }),
    });
  }
  return findings;
};
