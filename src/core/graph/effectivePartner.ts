import type { DefaultConfiguration, Partner } from './types';

/** Partner settings that inherit from the default configuration when null (graph-api.md §3, §11.3). */
export const INHERITABLE_SETTINGS = [
  'b2bCollaborationInbound',
  'b2bCollaborationOutbound',
  'b2bDirectConnectInbound',
  'b2bDirectConnectOutbound',
  'inboundTrust',
  'automaticUserConsentSettings',
  'tenantRestrictions',
  'appServiceConnectInbound',
  'm365CollaborationInbound',
  'm365CollaborationOutbound',
] as const;

export type InheritableSetting = (typeof INHERITABLE_SETTINGS)[number];

export interface EffectiveSetting<V> {
  /** What applies to the partner; null only when neither the partner nor the default sets it. */
  readonly value: V | null;
  /** `partner` when the partner sets the property itself, `default` when the whole property is inherited. */
  readonly source: 'partner' | 'default';
  /** Sub-properties the partner left null inside its own object, filled from the default. */
  readonly inheritedFields: readonly string[];
}

export type EffectiveSettings = {
  readonly [K in InheritableSetting]: EffectiveSetting<NonNullable<Partner[K]>>;
};

export interface EffectivePartner {
  readonly tenantId: string;
  readonly settings: EffectiveSettings;
}

/**
 * The default's automatic-consent flags are read-only and always false; a tenant whose default
 * omits them still behaves that way.
 */
const IMPLICIT_DEFAULTS: Partial<Record<InheritableSetting, Record<string, unknown>>> = {
  automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
};

/**
 * What actually applies to a partner: a null partner property is not "off", it means "as the
 * default says". Each inheritable property is taken from the partner when set, else from the
 * default; one level down, null fields of a partner's own object (an inboundTrust with
 * `isMfaAccepted: null`, a B2B setting without `applications`) are filled from the default too,
 * and listed so the effective view can mark them as inherited.
 */
export function effectivePartner(
  partner: Partner,
  defaults: DefaultConfiguration,
): EffectivePartner {
  const settings: Record<string, EffectiveSetting<unknown>> = {};
  for (const key of INHERITABLE_SETTINGS) {
    const own = partner[key] as unknown;
    const inherited = (defaults[key] as unknown) ?? IMPLICIT_DEFAULTS[key] ?? null;
    if (own === null || own === undefined) {
      settings[key] = { value: inherited, source: 'default', inheritedFields: [] };
      continue;
    }
    if (!isRecord(own) || !isRecord(inherited)) {
      settings[key] = { value: own, source: 'partner', inheritedFields: [] };
      continue;
    }
    const value: Record<string, unknown> = { ...own };
    const inheritedFields: string[] = [];
    for (const field of Object.keys(inherited)) {
      if (
        (own[field] === null || own[field] === undefined) &&
        inherited[field] !== null &&
        inherited[field] !== undefined
      ) {
        value[field] = inherited[field];
        inheritedFields.push(field);
      }
    }
    settings[key] = { value, source: 'partner', inheritedFields };
  }
  return { tenantId: partner.tenantId, settings: settings as unknown as EffectiveSettings };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
