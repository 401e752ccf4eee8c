import type {
  EffectivePartner,
  EffectiveSetting,
  InheritableSetting,
} from '../graph/effectivePartner';

/** What a B2B setting amounts to: everyone and every app, nobody, or a list (allow- or block-list). */
export type AccessLevel = 'allowed' | 'blocked' | 'partial' | 'unset';

interface TargetConfiguration {
  accessType?: string | null;
  targets?: readonly { target?: string | null }[] | null;
}
interface B2BSetting {
  usersAndGroups?: TargetConfiguration | null;
  applications?: TargetConfiguration | null;
}

const ALL_TARGETS = new Set(['AllUsers', 'AllApplications']);

/** True when the configuration applies to everyone (AllUsers / AllApplications). */
function coversAll(c: TargetConfiguration | null | undefined): boolean {
  return !!c?.targets?.some((t) => ALL_TARGETS.has(t.target ?? ''));
}

/**
 * Reads a B2B setting the way the overview doc's table does: allowed + AllUsers + AllApplications is
 * fully allowed, blocked + All… is fully blocked, anything with specific users, groups or apps is
 * partial (an allow-list blocks everyone else; a block-list allows everyone else).
 */
export function accessLevel(setting: B2BSetting | null | undefined): AccessLevel {
  const users = setting?.usersAndGroups;
  const apps = setting?.applications;
  if (!users && !apps) return 'unset';
  const usersAll = coversAll(users);
  const appsAll = coversAll(apps);
  if (users?.accessType === 'blocked' && usersAll) return 'blocked';
  if (apps?.accessType === 'blocked' && appsAll) return 'blocked';
  if (
    users?.accessType === 'allowed' &&
    usersAll &&
    (!apps || (apps.accessType === 'allowed' && appsAll))
  )
    return 'allowed';
  return 'partial';
}

/** One fact in a partner's one-line summary. `inherited` marks values taken from the default. */
export interface SummaryPart {
  readonly text: string;
  readonly inherited: boolean;
}

const LEVEL_MARK: Record<AccessLevel, string> = {
  allowed: '✓',
  blocked: '✗',
  partial: '◐',
  unset: '?',
};

function direction(
  e: EffectivePartner,
  inbound: InheritableSetting,
  outbound: InheritableSetting,
  label: string,
): SummaryPart {
  const inS = e.settings[inbound] as EffectiveSetting<B2BSetting>;
  const outS = e.settings[outbound] as EffectiveSetting<B2BSetting>;
  return {
    text: `${label} in ${LEVEL_MARK[accessLevel(inS.value)]} out ${LEVEL_MARK[accessLevel(outS.value)]}`,
    inherited: inS.source === 'default' && outS.source === 'default',
  };
}

/**
 * The partner's settings on one line, effective values (partner over default): B2B collaboration,
 * B2B direct connect, inbound trust, automatic redemption, inbound user sync. Parts whose values all
 * come from the default are marked inherited; the tree shows them in parentheses.
 */
export function partnerSummaryParts(
  e: EffectivePartner,
  inboundSyncAllowed: boolean,
): SummaryPart[] {
  const parts = [
    direction(e, 'b2bCollaborationInbound', 'b2bCollaborationOutbound', 'B2B'),
    direction(e, 'b2bDirectConnectInbound', 'b2bDirectConnectOutbound', 'direct connect'),
  ];
  const trust = e.settings.inboundTrust as EffectiveSetting<{
    isMfaAccepted?: boolean | null;
    isCompliantDeviceAccepted?: boolean | null;
    isHybridAzureADJoinedDeviceAccepted?: boolean | null;
  }>;
  const trusted = [
    trust.value?.isMfaAccepted && 'MFA',
    trust.value?.isCompliantDeviceAccepted && 'compliant',
    trust.value?.isHybridAzureADJoinedDeviceAccepted && 'hybrid joined',
  ].filter(Boolean);
  parts.push({
    text: trusted.length ? `trusts ${trusted.join(', ')}` : 'trusts nothing',
    inherited: trust.source === 'default',
  });
  const consent = e.settings.automaticUserConsentSettings as EffectiveSetting<{
    inboundAllowed?: boolean | null;
    outboundAllowed?: boolean | null;
  }>;
  parts.push({
    text: `auto-redeem in ${consent.value?.inboundAllowed ? '✓' : '✗'} out ${consent.value?.outboundAllowed ? '✓' : '✗'}`,
    inherited: consent.source === 'default',
  });
  if (inboundSyncAllowed) parts.push({ text: 'user sync in ✓', inherited: false });
  return parts;
}

export function formatSummary(parts: readonly SummaryPart[]): string {
  return parts.map((p) => (p.inherited ? `(${p.text})` : p.text)).join(' · ');
}
