import { effectivePartner, type EffectiveSettings } from '../graph/effectivePartner';
import type { PartnerOverview, PartnerSummary } from '../graph/partnerOverview';
import type { PairFinding } from './pairFinding';
import type { SyncConfigurationSide, TenantSide } from './tenantSide';

/** One tenant of a pair as the rules see it. */
export interface SideView {
  readonly tenantId: string;
  /** Display name, else the tenant id: messages always name the tenant. */
  readonly name: string;
  /** Undefined for a tenant that is not among the sides (only referenced by the other one). */
  readonly side?: TenantSide;
  /** Present when the tenant's settings are loaded: the rules that read them run only then. */
  readonly overview?: PartnerOverview;
}

/** A sync configuration of the pair, with its two ends. */
export interface SyncView {
  readonly source: SideView;
  readonly target: SideView;
  readonly configuration: SyncConfigurationSide;
}

export interface PairView {
  readonly a: SideView;
  readonly b: SideView;
  readonly syncs: readonly SyncView[];
}

/** One check of a pair; it skips, by itself, whatever needs settings of a tenant that is not loaded. */
export type PairRule = (pair: PairView) => PairFinding[];

/** `from`'s partner entry for `to`, when `from` is loaded and has one. */
export function partnerEntry(from: SideView, to: SideView): PartnerSummary | undefined {
  return from.overview?.partners.find((p) => p.tenantId.toLowerCase() === to.tenantId);
}

/**
 * What applies in `from` to users and apps of `to`: its partner entry over its default, or the
 * default alone when there is no entry (a tenant without an entry is governed by its default).
 * Undefined when `from` is not loaded.
 */
export function effectiveIn(from: SideView, to: SideView): EffectiveSettings | undefined {
  if (!from.overview) return undefined;
  return (
    partnerEntry(from, to)?.effective.settings ??
    effectivePartner({ tenantId: to.tenantId }, from.overview.defaultConfiguration).settings
  );
}

/** Both directions of a pair, for rules that check "X towards Y" once each way. */
export function directions(pair: PairView): [SideView, SideView][] {
  return [
    [pair.a, pair.b],
    [pair.b, pair.a],
  ];
}

/** The pair's sync configurations that sync from `source` into the other tenant. */
export function syncsFrom(pair: PairView, source: SideView): SyncView[] {
  return pair.syncs.filter((s) => s.source === source);
}

/** `"Fabrikam Retail"` or `"A", "B"`: the configurations a finding is about, for its message. */
export function configurationNames(syncs: readonly SyncView[]): string {
  return syncs.map((s) => `"${s.configuration.displayName}"`).join(', ');
}
