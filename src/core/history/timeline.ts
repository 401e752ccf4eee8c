import { actorLabel } from './describeHistoryEntry';
import type { HistoryEntry } from './historyEntry';

/** What the cross-tenant time line shows; every field narrows it, absent fields do not. */
export interface TimelineFilter {
  /** Only entries in these tenants' logs. */
  readonly tenantIds?: readonly string[];
  /**
   * Only entries about these partner tenants: partner settings, identity sync, service providers,
   * and sync configurations whose target tenant `syncTargets` knows.
   */
  readonly partnerTenantIds?: readonly string[];
  /** Text the actor's name, sign-in name or app id contains (any case). */
  readonly actor?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/**
 * The tenant a sync configuration syncs to, by its service principal id (lower case), for each
 * tenant whose configurations are known: the log names only the service principal.
 */
export type SyncTargets = ReadonlyMap<string, string>;

/** The partner tenant an entry is about, if any. */
export function partnerOf(
  entry: HistoryEntry,
  syncTargets: SyncTargets = new Map(),
): string | undefined {
  const target = entry.target;
  if ('partnerTenantId' in target) return target.partnerTenantId;
  if (target.kind === 'syncConfiguration' && target.servicePrincipalId)
    return syncTargets.get(target.servicePrincipalId.toLowerCase());
  return undefined;
}

function byTimeDescending(a: HistoryEntry, b: HistoryEntry): number {
  return (
    b.time.getTime() - a.time.getTime() ||
    (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Every tenant's history merged into one time line, newest first (ties by tenant, then id), each entry once. */
export function mergeTimelines(histories: readonly (readonly HistoryEntry[])[]): HistoryEntry[] {
  const seen = new Set<string>();
  const merged: HistoryEntry[] = [];
  for (const history of histories)
    for (const entry of history) {
      const key = `${entry.tenantId}/${entry.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(entry);
    }
  return merged.sort(byTimeDescending);
}

/**
 * The entries a filter keeps, in their order. For a pair, give both tenants and both as partners:
 * each side's changes about the other, and the source's sync configurations to the target.
 */
export function filterTimeline(
  entries: readonly HistoryEntry[],
  filter: TimelineFilter,
  syncTargets: SyncTargets = new Map(),
): HistoryEntry[] {
  const tenants = filter.tenantIds && new Set(filter.tenantIds.map((t) => t.toLowerCase()));
  const partners =
    filter.partnerTenantIds && new Set(filter.partnerTenantIds.map((t) => t.toLowerCase()));
  const actor = filter.actor?.trim().toLowerCase();
  const from = filter.from?.getTime() ?? -Infinity;
  const to = filter.to?.getTime() ?? Infinity;
  return entries.filter((entry) => {
    const time = entry.time.getTime();
    if (time < from || time > to) return false;
    if (tenants && !tenants.has(entry.tenantId.toLowerCase())) return false;
    if (partners) {
      const partner = partnerOf(entry, syncTargets);
      if (!partner || !partners.has(partner.toLowerCase())) return false;
    }
    if (actor) {
      const a = entry.actor;
      const words = [
        actorLabel(a),
        a.kind === 'user' ? [a.id, a.displayName, a.userPrincipalName] : [],
        a.kind === 'app' ? [a.appId, a.displayName, a.servicePrincipalId] : [],
        a.kind === 'microsoftSupport' ? ['Microsoft Support', a.via] : [],
      ]
        .flat()
        .filter((w): w is string => typeof w === 'string')
        .join('\n')
        .toLowerCase();
      if (!words.includes(actor)) return false;
    }
    return true;
  });
}
