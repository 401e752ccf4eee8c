import { randomUUID } from 'node:crypto';
import { isJsonObject, objectProp, type JsonObject, str } from '../json';
import type {
  ProvisioningEventSpec,
  ServicePrincipalRecord,
  SyncJobRecord,
} from '../store/records';
import type { TenantStore } from '../store/tenantStore';
import type { World } from '../store/world';
import { NEVER, taskExecution } from './jobObjects';
import { evaluateUser, scopedUserIds, syncTargetTenantId } from './jobScope';
import { outcomeOf } from './provisioningOutcomes';
import { RESTART_SCOPE } from './restartScope';
import {
  checkCrossTenantSync,
  describeSyncProblems,
  SYNC_POLICY_CHECK_FAILURE,
} from './syncPolicyCheck';

/** How long after start/restart the sandbox runs the cycle (the real service takes minutes; demos should not). */
export const CYCLE_DELAY_MS = 30_000;
/** The fixed interval between the cycles of a cross-tenant sync job (sync-facts.md §3). */
export const CYCLE_INTERVAL_MS = 40 * 60_000;

/** A sync-engine delay under time compression (1 = real time); never below 1 ms. */
export function compressed(ms: number, timeCompression = 1): number {
  return Math.max(1, Math.round(ms / (timeCompression > 0 ? timeCompression : 1)));
}
/** Quarantine retries back off 6 h, 12 h, then daily (sync-facts.md §2c). */
const QUARANTINE_RETRY_HOURS = [6, 12, 24];
/** A cycle logs at most this many events, to keep persisted state small. */
const MAX_EVENTS_PER_CYCLE = 400;
const MAX_CATCH_UP_CYCLES = 30;

function status(record: SyncJobRecord): JsonObject {
  const s = record.job.status;
  if (!isJsonObject(s)) throw new Error(`Job ${str(record.job.id)} has no status`);
  return s;
}

function schedule(record: SyncJobRecord): JsonObject {
  const s = record.job.schedule;
  if (!isJsonObject(s)) throw new Error(`Job ${str(record.job.id)} has no schedule`);
  return s;
}

/**
 * `start`: resumes a paused job or lifts quarantine, and schedules a cycle. Starting a job that is
 * already running changes nothing (the real service warns against doing it at all).
 */
export function startJob(record: SyncJobRecord, now: number, timeCompression = 1): void {
  const st = status(record);
  const running =
    schedule(record).state === 'Active' &&
    (st.code === 'Active' || st.code === 'NotRun') &&
    (record.nextCycleAt === null ||
      record.nextCycleAt > now + compressed(CYCLE_DELAY_MS, timeCompression));
  if (running) return;
  schedule(record).state = 'Active';
  st.quarantine = null;
  if (st.lastExecution === null) {
    // A freshly started job reports a failed execution at "never" with error code None until its first cycle ends (sync-facts.md §3).
    st.code = 'NotRun';
    st.lastExecution = {
      ...taskExecution('', 0, 0, { entitled: 0, imported: 0, exported: 0, escrowed: 0 }, 'Failed', {
        code: 'None',
        message: '',
        tenantActionable: false,
      }),
      timeBegan: NEVER,
      timeEnded: NEVER,
    };
  } else {
    st.code = st.steadyStateFirstAchievedTime === NEVER ? 'NotRun' : 'Active';
  }
  record.nextCycleAt = now + compressed(CYCLE_DELAY_MS, timeCompression);
}

/** `pause`: keeps all state; the pending cycle is dropped. */
export function pauseJob(record: SyncJobRecord): void {
  schedule(record).state = 'Paused';
  status(record).code = 'Paused';
  record.nextCycleAt = null;
}

/** `restart` with a parsed resetScope: clears what the scope names, then runs a cycle. */
export function restartJob(
  record: SyncJobRecord,
  scope: number,
  now: number,
  timeCompression = 1,
): void {
  const st = status(record);
  if ((scope & RESTART_SCOPE.Escrows) !== 0) st.countSuccessiveCompleteFailures = 0;
  if ((scope & RESTART_SCOPE.Watermark) !== 0) record.initialCycle = true;
  schedule(record).state = 'Active';
  if ((scope & RESTART_SCOPE.QuarantineState) !== 0 || st.quarantine === null) {
    st.quarantine = null;
    st.code = 'NotRun';
  }
  record.nextCycleAt = now + compressed(CYCLE_DELAY_MS, timeCompression);
}

/** Runs every job cycle of `tenant` that is due by `now`. Returns whether anything changed. */
export function runDueCycles(
  world: World,
  tenant: TenantStore,
  now: number,
  timeCompression = 1,
): boolean {
  let changed = false;
  for (const sp of tenant.servicePrincipals.values()) {
    for (const record of sp.jobs) {
      if (record.job.templateId !== 'Azure2Azure') continue;
      // A sandbox resumed after a long pause catches up on missed quarantine retries, within reason.
      for (
        let n = 0;
        n < MAX_CATCH_UP_CYCLES && record.nextCycleAt !== null && record.nextCycleAt <= now;
        n++
      ) {
        runCycle(world, tenant, sp, record, record.nextCycleAt, timeCompression);
        changed = true;
      }
    }
  }
  if (changed) {
    world.markDirty(tenant.tenantId, 'applications');
    world.markDirty(tenant.tenantId, 'provisioning');
  }
  return changed;
}

/**
 * One synchronization cycle at time `at`: evaluates every user in scope against the pair's live
 * policies, logs the changes (everyone on an initial cycle), and moves the job to Active, or into
 * (or further into) quarantine when the policy check fails.
 */
function runCycle(
  world: World,
  tenant: TenantStore,
  sp: ServicePrincipalRecord,
  record: SyncJobRecord,
  at: number,
  timeCompression: number,
): void {
  const st = status(record);
  const targetTenantId = syncTargetTenantId(sp);
  const problems = targetTenantId
    ? checkCrossTenantSync(world, tenant.tenantId, targetTenantId)
    : [
        {
          code: 'CredentialsNotConfigured',
          message:
            'No credentials are saved for this configuration: PUT …/synchronization/secrets with CompanyId and AuthenticationType=SyncPolicy.',
          target: tenant.tenantId,
        },
      ];
  const policyOk = problems.length === 0;
  const scope = scopedUserIds(tenant, sp);
  const provisioned = new Set(record.provisionedUserIds);
  const cycleId = randomUUID();
  const specs: ProvisioningEventSpec[] = [];
  let cursor = at;
  let exported = 0;
  let failed = 0;
  for (const user of tenant.directory.users) {
    const id = str(user.object.id);
    const assigned = scope.has(id);
    if (!assigned && !provisioned.has(id)) continue;
    const outcome = evaluateUser(user, { assigned, provisioned: provisioned.has(id), policyOk });
    if (outcome === 'skipRedundant' && !record.initialCycle) continue;
    if (outcome === 'skipNotEntitled' && !provisioned.has(id) && !record.initialCycle) continue;
    const result = outcomeOf(outcome);
    if (result.status === 'failure') failed++;
    if (outcome === 'create') provisioned.add(id);
    if (result.status === 'success') exported++;
    if (specs.length >= MAX_EVENTS_PER_CYCLE) continue;
    cursor += compressed(400 + (specs.length % 7) * 350, timeCompression);
    specs.push({
      id: randomUUID(),
      at: cursor,
      jobId: str(record.job.id),
      servicePrincipalId: str(sp.servicePrincipal.id),
      servicePrincipalName: str(sp.servicePrincipal.displayName),
      applicationId: str(sp.servicePrincipal.appId),
      targetTenantId: targetTenantId ?? '',
      cycleId,
      changeId: randomUUID(),
      durationMs: cursor - (specs.at(-1)?.at ?? at),
      outcome,
      subjectId: id,
    });
  }
  tenant.provisioning.appendSpecs(specs);
  record.provisionedUserIds = [...provisioned];
  record.initialCycle = false;
  const counts = { entitled: scope.size, imported: specs.length, exported, escrowed: failed };
  const ended = cursor + compressed(1000, timeCompression);
  if (policyOk) {
    const execution = taskExecution(
      cycleId,
      at,
      ended,
      counts,
      failed > 0 ? 'EntryLevelErrors' : 'Succeeded',
      null,
    );
    st.code = 'Active';
    st.quarantine = null;
    st.countSuccessiveCompleteFailures = 0;
    st.lastExecution = execution;
    if (failed === 0) st.lastSuccessfulExecution = execution;
    if (exported > 0) st.lastSuccessfulExecutionWithExports = execution;
    if (st.steadyStateFirstAchievedTime === NEVER)
      st.steadyStateFirstAchievedTime = new Date(ended).toISOString();
    st.steadyStateLastAchievedTime = new Date(ended).toISOString();
    st.synchronizedEntryCountByType = [{ key: 'User', value: provisioned.size }];
    // Cycles repeat on the fixed 40-minute schedule while the job is active.
    record.nextCycleAt = Math.max(ended, at + compressed(CYCLE_INTERVAL_MS, timeCompression));
    return;
  }
  const error = {
    code: SYNC_POLICY_CHECK_FAILURE,
    message: describeSyncProblems(problems),
    tenantActionable: true,
  };
  const previous = objectProp(st, 'quarantine');
  const seriesCount = typeof previous?.seriesCount === 'number' ? previous.seriesCount + 1 : 1;
  const nextAttempt =
    at +
    QUARANTINE_RETRY_HOURS[Math.min(seriesCount - 1, QUARANTINE_RETRY_HOURS.length - 1)] *
      3_600_000;
  st.code = 'Quarantine';
  st.countSuccessiveCompleteFailures =
    (typeof st.countSuccessiveCompleteFailures === 'number'
      ? st.countSuccessiveCompleteFailures
      : 0) + 1;
  st.lastExecution = taskExecution(cycleId, at, ended, counts, 'Failed', error);
  st.quarantine = {
    currentBegan: new Date(at).toISOString(),
    nextAttempt: new Date(nextAttempt).toISOString(),
    reason: 'EncounteredQuarantineException',
    seriesBegan:
      typeof previous?.seriesBegan === 'string' ? previous.seriesBegan : new Date(at).toISOString(),
    seriesCount,
    error,
  };
  record.nextCycleAt = nextAttempt;
}
