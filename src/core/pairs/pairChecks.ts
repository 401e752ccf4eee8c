import { CROSS_TENANT_SYNC_JOB_TEMPLATE } from '../graph/operations/syncConfigurations';
import { describeJobStatus, type JobStatusKind } from '../sync/jobStatus';
import { syncedUsersCollaboration, directConnect } from './collaborationRules';
import type { PairFinding } from './pairFinding';
import type { PairRule, PairView, SideView, SyncView } from './pairView';
import { cloudEndpoints, partnerMissing } from './relationshipRules';
import { automaticRedemption, mfaTrust, userSyncInbound } from './syncRules';
import type { TenantSide } from './tenantSide';

export interface PairTenant {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly signedIn: boolean;
  /** Its settings were loaded, so the checks that need them ran. */
  readonly loaded: boolean;
}

/** One sync configuration between the two tenants. */
export interface SyncDirection {
  readonly sourceTenantId: string;
  readonly targetTenantId: string;
  readonly configurationName: string;
  readonly servicePrincipalId: string;
  /** Of its Azure2Azure job; undefined when the configuration has no job. */
  readonly jobStatus?: JobStatusKind;
  /** Where its target came from (see SyncConfigurationSide). */
  readonly targetFrom?: 'caller' | 'credentials' | 'name';
  /** Why its saved settings could not be read, when Graph refused them. */
  readonly settingsUnreadable?: string;
}

/**
 * `error`/`warning`: the worst finding. `incomplete`: nothing wrong was found, but a tenant's
 * settings were missing, so not everything could be checked. `ok`: all checked, nothing (or only
 * information) found.
 */
export type PairStatus = 'ok' | 'warning' | 'error' | 'incomplete';

export interface TenantPair {
  readonly a: PairTenant;
  readonly b: PairTenant;
  readonly syncs: readonly SyncDirection[];
  readonly status: PairStatus;
  readonly findings: readonly PairFinding[];
}

const RULES: readonly PairRule[] = [
  userSyncInbound,
  automaticRedemption,
  syncedUsersCollaboration,
  mfaTrust,
  directConnect,
  partnerMissing,
  cloudEndpoints,
];

function key(x: string, y: string): string {
  return [x, y].sort().join('|');
}

function notLoaded(view: SideView, other: SideView): PairFinding {
  const message = view.side?.signedIn
    ? `${view.name}'s settings are not loaded; checks that need them were skipped.`
    : `${view.name} is not signed in; checks that need its settings were skipped.`;
  return {
    id: 'tenantNotSignedIn',
    severity: 'info',
    tenantId: view.tenantId,
    partnerTenantId: other.tenantId,
    message,
  };
}

function statusOf(findings: readonly PairFinding[]): PairStatus {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return findings.some((f) => f.id === 'tenantNotSignedIn') ? 'incomplete' : 'ok';
}

function pairTenant(view: SideView): PairTenant {
  return {
    tenantId: view.tenantId,
    displayName: view.side?.displayName ?? (view.name === view.tenantId ? undefined : view.name),
    signedIn: view.side?.signedIn ?? false,
    loaded: view.overview !== undefined,
  };
}

/**
 * Every pair of tenants that reference each other — a partner entry on either side, or a sync
 * configuration whose (resolved) target is the other — checked on both sides at once, with the
 * partner-over-default settings in force. A referenced tenant that is not among the sides, or not
 * signed in, still forms a pair: the checks that need only the known side run, the others are
 * skipped and a finding says so. Pairs come in the order their first tenant appears in `sides`.
 */
export function findPairs(sides: readonly TenantSide[]): TenantPair[] {
  const byId = new Map<string, TenantSide>();
  for (const s of sides)
    if (!byId.has(s.tenantId.toLowerCase())) byId.set(s.tenantId.toLowerCase(), s);
  // A tenant known only from the other side's partner list is named from that list.
  const partnerNames = new Map<string, string>();
  for (const s of sides)
    for (const p of s.overview?.partners ?? [])
      if (p.displayName) partnerNames.set(p.tenantId.toLowerCase(), p.displayName);
  const views = new Map<string, SideView>();
  const view = (tenantId: string): SideView => {
    const id = tenantId.toLowerCase();
    let v = views.get(id);
    if (!v) {
      const side = byId.get(id);
      v = {
        tenantId: id,
        name: side?.displayName ?? partnerNames.get(id) ?? id,
        side,
        overview: side?.signedIn ? side.overview : undefined,
      };
      views.set(id, v);
    }
    return v;
  };

  const pairs = new Map<string, { a: SideView; b: SideView; syncs: SyncView[] }>();
  const touch = (
    from: TenantSide,
    otherId: string,
  ): { a: SideView; b: SideView; syncs: SyncView[] } | undefined => {
    const self = view(from.tenantId);
    const other = view(otherId);
    if (self === other) return undefined;
    const k = key(self.tenantId, other.tenantId);
    let pair = pairs.get(k);
    if (!pair) {
      // `self` appears in `sides` no later than `other` (or `other` is not there at all).
      pair = { a: self, b: other, syncs: [] };
      pairs.set(k, pair);
    }
    return pair;
  };
  for (const side of byId.values()) {
    for (const p of side.overview?.partners ?? []) touch(side, p.tenantId);
    for (const c of side.syncConfigurations ?? []) {
      if (c.targetTenantId === undefined) continue;
      touch(side, c.targetTenantId)?.syncs.push({
        source: view(side.tenantId),
        target: view(c.targetTenantId),
        configuration: c,
      });
    }
  }

  return [...pairs.values()].map((p): TenantPair => {
    const pair: PairView = p;
    const findings: PairFinding[] = [];
    if (!pair.a.overview) findings.push(notLoaded(pair.a, pair.b));
    if (!pair.b.overview) findings.push(notLoaded(pair.b, pair.a));
    for (const rule of RULES) findings.push(...rule(pair));
    return {
      a: pairTenant(pair.a),
      b: pairTenant(pair.b),
      syncs: pair.syncs.map((s) => {
        const job =
          s.configuration.jobs.find((j) => j.templateId === CROSS_TENANT_SYNC_JOB_TEMPLATE) ??
          s.configuration.jobs[0];
        return {
          sourceTenantId: s.source.tenantId,
          targetTenantId: s.target.tenantId,
          configurationName: s.configuration.displayName,
          servicePrincipalId: s.configuration.servicePrincipalId,
          ...(job ? { jobStatus: describeJobStatus(job).kind } : {}),
          ...(s.configuration.targetFrom ? { targetFrom: s.configuration.targetFrom } : {}),
          ...(s.configuration.settingsUnreadable
            ? { settingsUnreadable: s.configuration.settingsUnreadable }
            : {}),
        };
      }),
      status: statusOf(findings),
      findings,
    };
  });
}
