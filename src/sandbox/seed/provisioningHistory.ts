import { str, type JsonObject } from '../json';
import type { Directory, DirectoryUser } from '../store/directory';
import type { ProvisioningEventSpec } from '../store/records';
import { NEVER, newJobObject, taskExecution } from '../sync/jobObjects';
import { evaluateUser } from '../sync/jobScope';
import { outcomeOf, type ProvisioningOutcomeKey } from '../sync/provisioningOutcomes';
import { Rng } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CYCLE = 40 * MINUTE;

export interface HistoryPlan {
  readonly jobId: string;
  readonly servicePrincipalId: string;
  readonly servicePrincipalName: string;
  readonly applicationId: string;
  readonly targetTenantId: string;
  /** Source users in scope (assigned). */
  readonly scope: ReadonlySet<string>;
  /** The group assigned to the configuration; groups show up as EntityTypeNotSupported skips. */
  readonly scopeGroupId: string;
  /** When the initial cycle ran. */
  readonly startMs: number;
  /** From this time the pair's policy check fails (the target withdrew automatic redemption). */
  readonly breakMs?: number;
  /** The quarantine error the live policy check reports, for the job status. */
  readonly policyError?: JsonObject;
  /** Scales the number of changes per incremental cycle (1 ≈ 3 events per cycle in business hours). */
  readonly volume: number;
  /** The admin who provisions users on demand now and then. */
  readonly admin: { readonly id: string; readonly userPrincipalName: string };
}

export interface HistoryResult {
  readonly specs: ProvisioningEventSpec[];
  readonly provisionedUserIds: string[];
  readonly job: JsonObject;
  readonly nextCycleAt: number | null;
}

/** A set with O(1) add, delete and random pick, so a month of cycles simulates in milliseconds. */
class PickSet<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<T, number>();

  add(item: T): void {
    if (this.index.has(item)) return;
    this.index.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: T): void {
    const i = this.index.get(item);
    if (i === undefined) return;
    const last = this.items.pop()!;
    if (last !== item) {
      this.items[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(item);
  }

  has(item: T): boolean {
    return this.index.has(item);
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Rng): T | undefined {
    return this.items.length === 0 ? undefined : this.items[rng.int(this.items.length)];
  }
}

interface CycleStats {
  readonly id: string;
  readonly began: number;
  readonly ended: number;
  readonly imported: number;
  readonly exported: number;
  readonly failed: number;
}

const FAILURES: readonly (readonly [ProvisioningOutcomeKey, number])[] = [
  ['ambiguousUser', 25],
  ['originatedInExternalService', 25],
  ['timeout', 20],
  ['invitationFailure', 5],
  ['accountDisabled', 5],
  ['masteredOnPremises', 5],
  ['entryConflict', 4],
  ['forbidden', 3],
  ['duplicateTargetEntries', 3],
  ['tooManyRequests', 3],
  ['internalServerError', 3],
  ['quotaExceeded', 2],
  ['insufficientRights', 2],
];

type EventKind =
  | 'skipRedundant'
  | 'skipOutOfScope'
  | 'skipNotEntitled'
  | 'skipGroup'
  | 'update'
  | 'create'
  | 'disable'
  | 'delete'
  | 'stagedDelete'
  | 'failure';
const EVENT_MIX: readonly (readonly [EventKind, number])[] = [
  ['skipRedundant', 52],
  ['skipOutOfScope', 6],
  ['skipNotEntitled', 8],
  ['skipGroup', 3],
  ['update', 20],
  ['create', 5],
  ['disable', 2],
  ['delete', 1],
  ['stagedDelete', 0.5],
  ['failure', 2.5],
];

const DURATIONS: Readonly<Record<string, readonly [number, number]>> = {
  create: [2200, 6000],
  update: [800, 3200],
  disable: [700, 2500],
  delete: [600, 2200],
  stagedDelete: [80, 400],
  failure: [1200, 5200],
  skip: [60, 900],
};

function durationOf(rng: Rng, outcome: ProvisioningOutcomeKey): number {
  const o = outcomeOf(outcome);
  const key =
    o.status === 'failure'
      ? 'failure'
      : o.status === 'skipped' && outcome !== 'stagedDelete'
        ? 'skip'
        : o.action === 'other'
          ? 'skip'
          : outcome === 'stagedDelete'
            ? 'stagedDelete'
            : o.action;
  const [min, max] = DURATIONS[key] ?? DURATIONS.skip;
  return rng.between(min, max);
}

/** How many changes an incremental cycle picks up: more in (UTC) business hours, bursts now and then. */
function eventsInCycle(rng: Rng, at: number, volume: number): number {
  const hour = new Date(at).getUTCHours();
  const business = hour >= 13 && hour <= 23;
  const base = business
    ? rng.weighted<[number, number]>([
        [[0, 0], 25],
        [[1, 3], 45],
        [[4, 8], 24],
        [[9, 24], 6],
      ])
    : rng.weighted<[number, number]>([
        [[0, 0], 65],
        [[1, 2], 30],
        [[3, 6], 5],
      ]);
  return Math.round(rng.between(base[0], base[1]) * volume);
}

/**
 * Simulates a cross-tenant sync job from its initial cycle to the anchor time: every cycle's
 * events (as compact specs), which users ended up in the target, and the resulting job status —
 * Active for a healthy job; for one whose pair broke at `breakMs`, escalating failures, then
 * quarantine with the documented backoff (6 h, 12 h, then daily).
 */
export function simulateHistory(
  plan: HistoryPlan,
  directory: Directory,
  seed: number,
  anchorMs: number,
): HistoryResult {
  const rng = new Rng(seed, `history:${plan.jobId}`);
  const specs: ProvisioningEventSpec[] = [];
  const members = directory.users.filter(
    (u) => u.object.userType === 'Member' && u.object.id !== plan.admin.id,
  );
  const inScope = members.filter((u) => plan.scope.has(str(u.object.id)));
  const outOfScope = members.filter((u) => !plan.scope.has(str(u.object.id)));
  const smsUsers = inScope.filter((u) => u.smsSignIn);
  const retries: DirectoryUser[] = [];
  const idOf = (u: DirectoryUser): string => str(u.object.id);
  const eligibleForCreate = (u: DirectoryUser): boolean =>
    evaluateUser(u, { assigned: true, provisioned: false, policyOk: true }) === 'create';
  // Users in the target, and in-scope users that could still be created there.
  const provisioned = new PickSet<DirectoryUser>();
  const unprovisioned = new PickSet<DirectoryUser>();
  for (const u of inScope) if (eligibleForCreate(u)) unprovisioned.add(u);
  const provision = (u: DirectoryUser): void => {
    provisioned.add(u);
    unprovisioned.delete(u);
  };
  let last: CycleStats | undefined;
  let lastSuccess: CycleStats | undefined;
  let lastWithExports: CycleStats | undefined;
  let firstSteady: number | undefined;

  const runCycle = (
    began: number,
    pick: (emit: (user: DirectoryUser | string, outcome: ProvisioningOutcomeKey) => void) => void,
    initiator?: HistoryPlan['admin'],
  ): CycleStats => {
    const cycleId = rng.guid();
    let cursor = began + rng.between(5_000, 90_000);
    let imported = 0;
    let exported = 0;
    let failed = 0;
    pick((subject, outcome) => {
      const duration = durationOf(rng, outcome);
      cursor += duration + rng.between(20, 400);
      const result = outcomeOf(outcome);
      imported++;
      if (result.status === 'failure') failed++;
      else if (result.status === 'success') exported++;
      specs.push({
        id: rng.guid(),
        at: cursor,
        jobId: plan.jobId,
        servicePrincipalId: plan.servicePrincipalId,
        servicePrincipalName: plan.servicePrincipalName,
        applicationId: plan.applicationId,
        targetTenantId: plan.targetTenantId,
        cycleId,
        changeId: rng.guid(),
        durationMs: duration,
        outcome,
        subjectId: typeof subject === 'string' ? subject : idOf(subject),
        ...(initiator
          ? { initiator: { id: initiator.id, userPrincipalName: initiator.userPrincipalName } }
          : {}),
      });
    });
    return {
      id: cycleId,
      began,
      ended: cursor + rng.between(500, 4000),
      imported,
      exported,
      failed,
    };
  };

  const record = (stats: CycleStats): void => {
    last = stats;
    if (stats.failed === 0) lastSuccess = stats;
    if (stats.exported > 0) lastWithExports = stats;
    firstSteady ??= stats.ended;
  };

  // The initial cycle evaluates everyone in scope.
  record(
    runCycle(plan.startMs, (emit) => {
      for (const user of inScope) {
        let outcome = evaluateUser(user, { assigned: true, provisioned: false, policyOk: true });
        if (outcome === 'create' && rng.chance(0.015)) outcome = 'ambiguousUser';
        if (outcome === 'create' && rng.chance(0.01)) {
          outcome = 'timeout';
          retries.push(user);
        }
        if (outcome === 'create') provision(user);
        emit(user, outcome);
      }
    }),
  );

  const invalidMail = inScope.filter(
    (u) =>
      evaluateUser(u, { assigned: true, provisioned: false, policyOk: true }) ===
      'invalidPropertyValue',
  );
  // The last cycle starts half an hour before the anchor, so every event it logs is in the past.
  const lastStart = anchorMs - 30 * MINUTE;
  const end = plan.breakMs ?? lastStart;
  const onDemandAt = new Set(
    Array.from({ length: 10 }, () =>
      rng.int(Math.max(1, Math.floor((end - plan.startMs) / CYCLE))),
    ),
  );
  let n = 0;
  for (let t = plan.startMs + CYCLE; t <= end; t += CYCLE, n++) {
    if (onDemandAt.has(n)) {
      const user = rng.pick(inScope);
      const outcome = evaluateUser(user, {
        assigned: true,
        provisioned: provisioned.has(user),
        policyOk: true,
      });
      if (outcome === 'create') provision(user);
      runCycle(t - 13 * MINUTE, (emit) => emit(user, outcome), plan.admin);
    }
    const events = eventsInCycle(rng, t, plan.volume);
    const dailyRetry = n % 36 === 17;
    if (events === 0 && retries.length === 0 && !dailyRetry) continue;
    record(
      runCycle(t, (emit) => {
        // Timeouts are retried (and succeed) on the next cycle; failed invitations are retried daily.
        for (const user of retries.splice(0)) {
          provision(user);
          emit(user, 'create');
        }
        if (dailyRetry) for (const user of invalidMail) emit(user, 'invalidPropertyValue');
        for (let i = 0; i < events; i++) {
          const kind = rng.weighted(EVENT_MIX);
          const target = provisioned.pick(rng);
          switch (kind) {
            case 'skipOutOfScope':
              if (smsUsers.length > 0) emit(rng.pick(smsUsers), 'skipOutOfScope');
              break;
            case 'skipNotEntitled':
              if (outOfScope.length > 0) emit(rng.pick(outOfScope), 'skipNotEntitled');
              break;
            case 'skipGroup':
              emit(plan.scopeGroupId, 'skipGroup');
              break;
            case 'create': {
              const user = unprovisioned.pick(rng);
              if (user) {
                provision(user);
                emit(user, 'create');
              } else if (target) emit(target, 'update');
              break;
            }
            case 'failure': {
              const outcome = rng.weighted(FAILURES);
              const fresh =
                outcomeOf(outcome).action === 'create' ? unprovisioned.pick(rng) : target;
              if (fresh) {
                // A timed-out create is retried next cycle; until then nobody else creates the user.
                if (outcome === 'timeout') {
                  retries.push(fresh);
                  unprovisioned.delete(fresh);
                }
                emit(fresh, outcome);
              }
              break;
            }
            case 'delete':
              if (target) {
                provisioned.delete(target);
                unprovisioned.add(target);
                emit(target, 'delete');
              }
              break;
            default:
              if (target) emit(target, kind);
          }
        }
      }),
    );
  }

  const job = newJobObject(plan.jobId, 'Azure2Azure');
  const status = job.status as JsonObject;
  (job.schedule as JsonObject).state = 'Active';
  const execution = (
    s: CycleStats | undefined,
    state: 'Succeeded' | 'EntryLevelErrors' | 'Failed',
    error: JsonObject | null = null,
  ): JsonObject | null =>
    s
      ? taskExecution(
          s.id,
          s.began,
          s.ended,
          {
            entitled: inScope.length,
            imported: s.imported,
            exported: s.exported,
            escrowed: s.failed,
          },
          state,
          error,
        )
      : null;
  status.lastSuccessfulExecution = execution(lastSuccess, 'Succeeded');
  status.lastSuccessfulExecutionWithExports = execution(
    lastWithExports,
    lastWithExports && lastWithExports.failed > 0 ? 'EntryLevelErrors' : 'Succeeded',
  );
  status.steadyStateFirstAchievedTime = firstSteady ? new Date(firstSteady).toISOString() : NEVER;
  status.troubleshootingUrl = '';
  let nextCycleAt: number | null = null;

  if (plan.breakMs === undefined || plan.policyError === undefined) {
    status.code = 'Active';
    status.lastExecution = execution(
      last,
      last && last.failed > 0 ? 'EntryLevelErrors' : 'Succeeded',
    );
    status.steadyStateLastAchievedTime = last ? new Date(last.ended).toISOString() : NEVER;
  } else {
    // The pair broke: changed users fail for a few cycles until the escrow threshold trips quarantine,
    // then retries back off. Logs use the older code until the service's rename three days before the anchor.
    const escrowed: DirectoryUser[] = [];
    const active = inScope.filter((u) => u.object.accountEnabled !== false && !u.smsSignIn);
    const codeAt = (t: number): ProvisioningOutcomeKey =>
      t < anchorMs - 3 * DAY ? 'b2bPolicyCheck' : 'syncPolicyCheck';
    let t = plan.breakMs;
    for (let i = 0; i < 9; i++, t += CYCLE) {
      const at = t;
      last = runCycle(at, (emit) => {
        for (let k = rng.between(2, 5); k > 0; k--) {
          const user = rng.pick(active);
          if (!escrowed.includes(user)) escrowed.push(user);
        }
        for (const user of escrowed) emit(user, codeAt(at));
      });
    }
    // Off the cycle grid, so the next attempt falls after the anchor rather than exactly on it.
    const seriesBegan = t + 17 * MINUTE;
    let seriesCount = 0;
    const retryTimes: number[] = [];
    for (let r = seriesBegan, k = 0; r <= lastStart; k++) {
      retryTimes.push(r);
      r += [6, 12, 24][Math.min(k, 2)] * HOUR;
    }
    for (const at of retryTimes) {
      seriesCount++;
      last = runCycle(at, (emit) => {
        for (const user of escrowed) emit(user, codeAt(at));
      });
    }
    const lastRetry = retryTimes[retryTimes.length - 1];
    nextCycleAt = lastRetry + 24 * HOUR;
    status.code = 'Quarantine';
    status.countSuccessiveCompleteFailures = seriesCount;
    status.lastExecution = execution(last, 'Failed', plan.policyError);
    status.steadyStateLastAchievedTime = lastSuccess
      ? new Date(lastSuccess.ended).toISOString()
      : NEVER;
    status.quarantine = {
      currentBegan: new Date(lastRetry).toISOString(),
      nextAttempt: new Date(nextCycleAt).toISOString(),
      reason: 'EncounteredQuarantineException',
      seriesBegan: new Date(seriesBegan).toISOString(),
      seriesCount,
      error: plan.policyError,
    };
  }
  status.synchronizedEntryCountByType = [{ key: 'User', value: provisioned.size }];
  specs.sort((a, b) => a.at - b.at);
  return {
    specs,
    provisionedUserIds: inScope.filter((u) => provisioned.has(u)).map(idOf),
    job,
    nextCycleAt,
  };
}
