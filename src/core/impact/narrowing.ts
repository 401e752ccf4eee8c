import { effectivePartner } from '../graph/effectivePartner';
import type { DefaultConfiguration, Partner } from '../graph/types';
import { narrows, type TargetConfiguration } from './targetMatching';

/** The settings whose narrowing can block sign-ins or ask for more at sign-in. */
export type B2BSettingName =
  | 'b2bCollaborationInbound'
  | 'b2bCollaborationOutbound'
  | 'b2bDirectConnectInbound'
  | 'b2bDirectConnectOutbound';

export type TrustPart =
  'isMfaAccepted' | 'isCompliantDeviceAccepted' | 'isHybridAzureADJoinedDeviceAccepted';

/** One way a change narrows access for one organization. */
export type NarrowingAspect =
  | {
      readonly setting: B2BSettingName | 'tenantRestrictions';
      readonly part: 'usersAndGroups' | 'applications';
    }
  /** A trust that is no longer accepted: the organization's users must satisfy MFA or device policies here again. */
  | { readonly setting: 'inboundTrust'; readonly part: TrustPart };

export type Direction = 'inbound' | 'outbound';

export const B2B_SETTINGS: readonly B2BSettingName[] = [
  'b2bCollaborationInbound',
  'b2bCollaborationOutbound',
  'b2bDirectConnectInbound',
  'b2bDirectConnectOutbound',
];
const TRUST_PARTS: readonly TrustPart[] = [
  'isMfaAccepted',
  'isCompliantDeviceAccepted',
  'isHybridAzureADJoinedDeviceAccepted',
];

/** The sign-ins an aspect is about: inbound (their users here) or outbound (our users there); tenant restrictions neither. */
export function directionOf(aspect: NarrowingAspect): Direction | undefined {
  if (aspect.setting === 'tenantRestrictions') return undefined;
  return aspect.setting === 'inboundTrust' || aspect.setting.endsWith('Inbound')
    ? 'inbound'
    : 'outbound';
}

type Trust = Partial<Record<TrustPart, boolean | null>>;

interface B2BValue {
  readonly usersAndGroups?: TargetConfiguration | null;
  readonly applications?: TargetConfiguration | null;
}

type Settings = Readonly<Record<string, unknown>>;

/** A setting's value as an object, or null when it is not one. */
export function settingObject<T extends object>(settings: Settings, key: string): T | null {
  const value = settings[key];
  return typeof value === 'object' && value !== null ? (value as T) : null;
}

/**
 * How going from `before` to `after` (one organization's effective settings, partner over
 * default) narrows access, without reading any log: B2B collaboration or direct connect, inbound
 * or outbound, users and groups or applications, where someone let in before is not now; inbound
 * trust of MFA, compliant or hybrid joined devices that is no longer accepted; tenant restrictions
 * that admit less. Empty: the change is not narrowing (it opens access or changes nothing that
 * gates a sign-in).
 */
export function narrowingAspects(before: Settings, after: Settings): NarrowingAspect[] {
  const aspects: NarrowingAspect[] = [];
  for (const setting of [...B2B_SETTINGS, 'tenantRestrictions'] as const) {
    const was = settingObject<B2BValue>(before, setting);
    const now = settingObject<B2BValue>(after, setting);
    if (narrows(was?.usersAndGroups, now?.usersAndGroups, 'AllUsers'))
      aspects.push({ setting, part: 'usersAndGroups' });
    if (narrows(was?.applications, now?.applications, 'AllApplications'))
      aspects.push({ setting, part: 'applications' });
  }
  const trustWas = settingObject<Trust>(before, 'inboundTrust');
  const trustNow = settingObject<Trust>(after, 'inboundTrust');
  for (const part of TRUST_PARTS)
    if (trustWas?.[part] === true && trustNow?.[part] !== true)
      aspects.push({ setting: 'inboundTrust', part });
  return aspects;
}

/** A tenant's cross-tenant access settings: the default and its partners. */
export interface TenantAccess {
  readonly defaults: DefaultConfiguration;
  readonly partners: readonly Partner[];
}

/** The organizations without a partner configuration, which follow the default. */
export const OTHER_ORGANIZATIONS = '*';

/** What an organization's settings are under a configuration: its partner entry over the default, or the default. */
export function effectiveSettings(access: TenantAccess, externalTenantId: string): Settings {
  const partner = access.partners.find(
    (p) => p.tenantId.toLowerCase() === externalTenantId.toLowerCase(),
  );
  const settings = effectivePartner(
    partner ?? { tenantId: externalTenantId },
    access.defaults,
  ).settings;
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v.value]));
}

/** What a proposed change narrows, per organization, and so which sign-ins to read. */
export interface ImpactPlan {
  readonly tenantId: string;
  /** Per partner tenant id (lower case), or OTHER_ORGANIZATIONS for everyone else. */
  readonly narrowing: ReadonlyMap<string, readonly NarrowingAspect[]>;
  /** Directions whose sign-ins can show who is hit (tenant restrictions cannot: see notInLogs). */
  readonly directions: ReadonlySet<Direction>;
  /** Aspects no sign-in of this tenant's log can show (tenant restrictions govern other tenants' accounts). */
  readonly notInLogs: readonly NarrowingAspect[];
}

/**
 * The plan for a change from `before` to `after`: every partner of either side and every other
 * organization, compared on their effective settings. A change of the default narrows for the
 * partners that inherit the changed part, and for organizations without a partner entry.
 */
export function planImpact(
  tenantId: string,
  before: TenantAccess,
  after: TenantAccess,
): ImpactPlan {
  const ids = new Set([...before.partners, ...after.partners].map((p) => p.tenantId.toLowerCase()));
  const narrowing = new Map<string, NarrowingAspect[]>();
  for (const id of [...ids, OTHER_ORGANIZATIONS]) {
    const aspects = narrowingAspects(effectiveSettings(before, id), effectiveSettings(after, id));
    if (aspects.length > 0) narrowing.set(id, aspects);
  }
  const all = [...narrowing.values()].flat();
  const directions = new Set(all.map(directionOf).filter((d): d is Direction => d !== undefined));
  const notInLogs = all.filter((a) => a.setting === 'tenantRestrictions');
  return {
    tenantId: tenantId.toLowerCase(),
    narrowing,
    directions,
    notInLogs: notInLogs.filter(
      (a, i) => notInLogs.findIndex((b) => b.setting === a.setting && b.part === a.part) === i,
    ),
  };
}
