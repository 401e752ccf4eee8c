/** Who made a change, as the directory audit's `initiatedBy` says. */
export type HistoryActor =
  | {
      readonly kind: 'user';
      readonly id?: string;
      readonly userPrincipalName?: string;
      readonly displayName?: string;
    }
  | {
      readonly kind: 'app';
      readonly appId?: string;
      readonly displayName?: string;
      readonly servicePrincipalId?: string;
    }
  /** Microsoft Support during a support case (the support tenant, or the app that acts for it). */
  | { readonly kind: 'microsoftSupport'; readonly via?: string }
  | { readonly kind: 'unknown' };

/** What a change was made to. A partner id is absent when the log does not say which partner. */
export type HistoryTarget =
  | { readonly kind: 'partner'; readonly partnerTenantId?: string }
  | { readonly kind: 'identitySync'; readonly partnerTenantId?: string }
  | { readonly kind: 'default' }
  | { readonly kind: 'policy' }
  /** A service provider's assignable roles (Microsoft Support during a case). */
  | { readonly kind: 'serviceProvider'; readonly partnerTenantId?: string }
  | {
      readonly kind: 'syncConfiguration';
      readonly servicePrincipalId?: string;
      readonly displayName?: string;
      readonly jobId?: string;
    }
  | { readonly kind: 'other'; readonly displayName?: string };

export type HistoryOperation = 'add' | 'update' | 'delete' | 'reset' | 'other';

/** One setting as the log changed it, decoded. `null` is "not set" (for a partner: inherited). */
export interface SettingChange {
  /** Graph's name for the property (the log's casing is not trusted), or the log's name when unknown. */
  readonly property: string;
  readonly before: unknown;
  readonly after: unknown;
  /** False when a value could not be read (not JSON, or an encoding not known); `before`/`after` then hold the raw text. */
  readonly decoded: boolean;
}

/** A directory audit event, decoded: the unit of a history and of the cross-tenant time line. */
export interface HistoryEntry {
  readonly id: string;
  /** The tenant whose log holds the event. */
  readonly tenantId: string;
  readonly time: Date;
  readonly category: string;
  readonly activity: string;
  readonly operation: HistoryOperation;
  /** False when `result` is not success (the change did not take effect). */
  readonly succeeded: boolean;
  readonly actor: HistoryActor;
  readonly target: HistoryTarget;
  readonly changes: readonly SettingChange[];
  /** `additionalDetails`, as key and value. */
  readonly details: Readonly<Record<string, string>>;
}
