import type { PolicyPointer } from './logRow';

/** The two tenants of the configuration whose log is shown. Names are optional; ids stand in for them. */
export interface TenantPair {
  readonly sourceTenantId: string;
  readonly sourceName?: string;
  /** Unknown when the configuration's target could not be read; no pointer is given then. */
  readonly targetTenantId?: string;
  readonly targetName?: string;
}

/** The codes of the cross-tenant sync policy check (sync-facts.md §1a), lower case. */
const POLICY_CHECK_CODES = new Set([
  'azuredirectoryb2bmanagementpolicycheckfailure',
  'azureactivedirectorycrosstenantsyncpolicycheckfailure',
]);

type Setting =
  | 'automaticUserConsentSettings.outboundAllowed'
  | 'automaticUserConsentSettings.inboundAllowed'
  | 'identitySynchronization.userSyncInbound.isSyncAllowed';

const WHAT: Readonly<Record<Setting, string>> = {
  'automaticUserConsentSettings.outboundAllowed': 'allow outbound automatic redemption',
  'automaticUserConsentSettings.inboundAllowed': 'allow inbound automatic redemption',
  'identitySynchronization.userSyncInbound.isSyncAllowed': 'allow users to sync in',
};

const REDEMPTION = /consent|redemption|redeem/;
const SYNC = /\bsync(hroni[sz]ation)?\b/;

/**
 * The settings one clause of the error text names, in the order it names them. Microsoft documents
 * only the codes; their detail texts say "outbound automatic user consent" (the source's side) or
 * "inbound synchronization" / "inbound automatic user consent" (the target's side), and the older
 * portal text says where the auto-redemption policy is missing ("… in the target tenant").
 */
function settingsIn(clause: string): Setting[] {
  const named = (candidates: readonly [Setting, RegExp][]): Setting[] =>
    candidates
      .map(([setting, re]) => [setting, clause.search(re)] as const)
      .filter(([, at]) => at >= 0)
      .sort((a, b) => a[1] - b[1])
      .map(([setting]) => setting);
  if (clause.includes('outbound')) return ['automaticUserConsentSettings.outboundAllowed'];
  if (clause.includes('inbound') || /\btarget\b/.test(clause)) {
    return named([
      ['automaticUserConsentSettings.inboundAllowed', REDEMPTION],
      ['identitySynchronization.userSyncInbound.isSyncAllowed', SYNC],
    ]);
  }
  return /\bsource tenant\b/.test(clause) && REDEMPTION.test(clause)
    ? ['automaticUserConsentSettings.outboundAllowed']
    : [];
}

/**
 * Which policy setting a failed policy check points at, read from the error's reason and details.
 * The first setting the text names wins (its tenant is the one to change); further settings of the
 * same tenant are added to the label. Undefined for other codes, for a text that names no side
 * (the generic "policy permitting auto-redemption of invitations not configured" fits both
 * tenants, so pointing at one would mislead), and when the target tenant is unknown.
 */
export function policyPointerFor(
  code: string,
  text: string,
  pair: TenantPair | undefined,
): PolicyPointer | undefined {
  if (!POLICY_CHECK_CODES.has(code.trim().toLowerCase()) || !pair?.targetTenantId) return undefined;
  // Quoted names (User 'outbound.sync@contoso.com') are the subject's data, not the service's words.
  const words = text.toLowerCase().replace(/(^|\s)'[^']*'/g, '$1');
  const settings = words.split(/[.;\n]/).flatMap(settingsIn);
  const first = settings[0];
  if (first === undefined) return undefined;
  const sourceName = pair.sourceName || pair.sourceTenantId;
  const targetName = pair.targetName || pair.targetTenantId;
  const isSource = first === 'automaticUserConsentSettings.outboundAllowed';
  const sameTenant = [
    ...new Set(
      settings.filter((s) => (s === 'automaticUserConsentSettings.outboundAllowed') === isSource),
    ),
  ];
  const what = sameTenant.map((s) => WHAT[s]).join(' and ');
  return isSource
    ? {
        tenantId: pair.sourceTenantId,
        partnerTenantId: pair.targetTenantId,
        setting: first,
        label: `${sourceName}: ${what} for ${targetName}`,
      }
    : {
        tenantId: pair.targetTenantId,
        partnerTenantId: pair.sourceTenantId,
        setting: first,
        label: `${targetName}: ${what} for ${sourceName}`,
      };
}
