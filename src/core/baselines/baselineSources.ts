import type { JsonRecord } from '../policy/documentPaths';

/** The Graph data a baseline rule can read (the `data` of a check in a pack file). */
export type BaselineSourceId =
  'default' | 'policy' | 'authorizationPolicy' | 'b2bManagementPolicy' | 'globalSecureAccess';

export interface BaselineSource {
  readonly id: BaselineSourceId;
  /** What a person reads: "the default cross-tenant access settings". */
  readonly title: string;
  /** The Graph version it is read from; beta sources are read only while beta reads are on. */
  readonly api: 'v1.0' | 'beta';
  /** Whether a fix may be written for it: a draft of this document can be pushed with a v1.0 PATCH. */
  readonly writable: boolean;
}

export const BASELINE_SOURCES: Readonly<Record<BaselineSourceId, BaselineSource>> = {
  default: {
    id: 'default',
    title: 'the default cross-tenant access settings',
    api: 'v1.0',
    writable: true,
  },
  policy: {
    id: 'policy',
    title: 'the cross-tenant access policy',
    api: 'v1.0',
    writable: true,
  },
  authorizationPolicy: {
    id: 'authorizationPolicy',
    title: 'the authorization policy (guest invitations and guest access)',
    api: 'v1.0',
    writable: true,
  },
  b2bManagementPolicy: {
    id: 'b2bManagementPolicy',
    title: 'the B2B management policy (invitation domains)',
    api: 'beta',
    writable: false,
  },
  globalSecureAccess: {
    id: 'globalSecureAccess',
    title: 'the Global Secure Access cross-tenant access settings',
    api: 'beta',
    writable: false,
  },
};

export const BASELINE_SOURCE_IDS = Object.keys(BASELINE_SOURCES) as BaselineSourceId[];

/** Why a source could not be read. */
export type UnavailableReason =
  /** The token lacks the permission, or the signed-in user the role (a 401/403 that names it). */
  | 'permissionDenied'
  /** The tenant has no licence for the feature, or the feature is not turned on. */
  | 'licence'
  /** Beta reads are turned off. */
  | 'betaOff'
  /** Nobody read it: an export folder that does not hold it, or a read that was not asked for. */
  | 'notFetched'
  /** The read failed otherwise (a network failure, a 5xx, an answer we cannot read). */
  | 'error';

export type SourceState =
  | {
      readonly state: 'available';
      readonly value: JsonRecord;
      /**
       * Top-level properties this copy does not hold although Graph has them (an exported file
       * leaves out the policy's `id`): a check on one is not checked rather than failed.
       */
      readonly omitted?: readonly string[];
    }
  | {
      readonly state: 'unavailable';
      readonly reason: UnavailableReason;
      /** One plain sentence: what could not be read and what would fix it. */
      readonly detail: string;
    };

/** What a tenant's rules are evaluated against. A source that is absent counts as not fetched. */
export interface TenantBaselineData {
  readonly tenantId: string;
  /** The organization's name, for reports. */
  readonly displayName?: string;
  /** The tenant's folder in an export (a domain or the tenant id): report locations point into it. */
  readonly folder: string;
  readonly sources: Readonly<Partial<Record<BaselineSourceId, SourceState>>>;
}

export function sourceState(data: TenantBaselineData, source: BaselineSourceId): SourceState {
  return (
    data.sources[source] ?? {
      state: 'unavailable',
      reason: 'notFetched',
      detail: `${capitalise(BASELINE_SOURCES[source].title)} was not read.`,
    }
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
