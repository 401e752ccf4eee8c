import { parseGraphDateTime } from '../graph/dateTime';
import { parseScheduleInterval } from '../graph/duration';
import { plural } from '../plural';

/** The status a job shows: the status code, except that a finished run that failed outright is `failed`. */
export type JobStatusKind =
  'active' | 'paused' | 'quarantine' | 'notRun' | 'notConfigured' | 'failed' | 'unknown';

interface JobLike {
  id?: string | null;
  schedule?: { interval?: string | null; state?: string | null } | null;
  status?: {
    code?: string | null;
    lastExecution?: {
      state?: string | null;
      timeBegan?: string | null;
      timeEnded?: string | null;
      error?: { code?: string | null; message?: string | null } | null;
      countExported?: number | null;
      countEscrowed?: number | null;
    } | null;
    quarantine?: {
      reason?: string | null;
      currentBegan?: string | null;
      nextAttempt?: string | null;
      seriesCount?: number | null;
      error?: { code?: string | null; message?: string | null } | null;
    } | null;
  } | null;
}

export interface JobStatus {
  readonly kind: JobStatusKind;
  /** e.g. "Active", "Quarantined". */
  readonly label: string;
  readonly lastRun?: Date;
  /** e.g. "succeeded", "failed: …", "completed with 12 entry errors". */
  readonly lastResult?: string;
  /** The schedule interval in ms (cross-tenant sync: 40 minutes, fixed); undefined when there is none. */
  readonly intervalMs?: number;
  /** When the next cycle is expected (an estimate: the service does not publish it, except in quarantine). */
  readonly nextRun?: Date;
  /** Quarantine in words: what happened and what to do. */
  readonly quarantine?: {
    readonly reason: string;
    readonly remedy: string;
    readonly since?: Date;
    readonly error?: string;
  };
}

const QUARANTINE_REASONS: Record<string, { reason: string; remedy: string }> = {
  EncounteredQuarantineException: {
    reason: 'The service cannot connect to the target tenant or its credentials are rejected.',
    remedy:
      'Check the connection (Test Connection): for cross-tenant sync, the target tenant must allow inbound user sync and automatic redemption from this tenant, and this tenant must allow outbound automatic redemption. Then restart the job.',
  },
  EncounteredEscrowProportionThreshold: {
    reason: 'More than 40 % of the provisioning events failed.',
    remedy:
      'Read the failures in the provisioning logs, fix their cause (attribute mappings, conflicts, policies), then restart with "Clear escrows".',
  },
  EncounteredTotalEscrowThreshold: {
    reason: 'Too many provisioning events failed in total.',
    remedy:
      'Read the failures in the provisioning logs, fix their cause, then restart with "Clear escrows".',
  },
  EncounteredBaseEscrowThreshold: {
    reason: "The number of failed events passed the service's threshold.",
    remedy:
      'Read the failures in the provisioning logs, fix their cause, then restart with "Clear escrows".',
  },
  TooManyDeletes: {
    reason:
      'A cycle would delete or disable more users than the accidental-deletion threshold allows.',
    remedy:
      'Check the held deletions in the provisioning logs: if they are intended, restart with "Allow deletes"; if not, restore the assignments or scope, then restart.',
  },
  QuarantinedOnDemand: {
    reason: 'Microsoft placed the job in quarantine.',
    remedy: 'Contact Microsoft support if the reason is not known to you.',
  },
  IngestionInterrupted: {
    reason: 'Importing from the source was interrupted.',
    remedy: "Restart the job; if it happens again, check the source tenant's service health.",
  },
  Unknown: {
    reason: 'The service did not give a reason.',
    remedy: "Read the provisioning logs and the job's last error, then restart the job.",
  },
};

const LABEL: Record<JobStatusKind, string> = {
  active: 'Active',
  paused: 'Paused',
  quarantine: 'Quarantined',
  notRun: 'Not run yet',
  notConfigured: 'Not configured',
  failed: 'Failed',
  unknown: 'Unknown status',
};

/** Interprets a synchronization job's status for people (sync-facts.md §2–§3). */
export function describeJobStatus(job: JobLike): JobStatus {
  const status = job.status ?? {};
  const last = status.lastExecution ?? undefined;
  const lastRun = parseGraphDateTime(last?.timeEnded) ?? parseGraphDateTime(last?.timeBegan);
  const intervalMs = parseScheduleInterval(job.schedule?.interval);
  let kind: JobStatusKind;
  switch (status.code) {
    case 'Active':
      kind = last?.state === 'Failed' && lastRun ? 'failed' : 'active';
      break;
    case 'Paused':
      kind = 'paused';
      break;
    case 'Quarantine':
      kind = 'quarantine';
      break;
    case 'NotRun':
      kind = 'notRun';
      break;
    case 'NotConfigured':
      kind = 'notConfigured';
      break;
    default:
      kind = 'unknown';
  }
  // A job that was just started reports lastExecution "Failed" with never-timestamps: not a real run.
  const lastResult = lastRun && last ? resultText(last) : undefined;
  const q = status.quarantine;
  const quarantine =
    kind === 'quarantine' && q
      ? {
          ...(QUARANTINE_REASONS[q.reason ?? ''] ?? QUARANTINE_REASONS.Unknown),
          since: parseGraphDateTime(q.currentBegan),
          error: errorText(q.error),
        }
      : undefined;
  const scheduled =
    job.schedule?.state === 'Active' &&
    (kind === 'active' || kind === 'failed' || kind === 'notRun' || kind === 'quarantine');
  const nextRun =
    kind === 'quarantine'
      ? parseGraphDateTime(q?.nextAttempt)
      : scheduled && intervalMs && lastRun
        ? new Date(lastRun.getTime() + intervalMs)
        : undefined;
  return {
    kind,
    label: LABEL[kind],
    ...(lastRun ? { lastRun } : {}),
    ...(lastResult ? { lastResult } : {}),
    ...(intervalMs ? { intervalMs } : {}),
    ...(nextRun ? { nextRun } : {}),
    ...(quarantine ? { quarantine } : {}),
  };
}

function resultText(last: NonNullable<NonNullable<JobLike['status']>['lastExecution']>): string {
  switch (last.state) {
    case 'Succeeded':
      return `succeeded${last.countExported ? `, ${last.countExported} exported` : ''}`;
    case 'EntryLevelErrors':
      return `completed with errors${last.countEscrowed ? ` (${last.countEscrowed} objects to retry)` : ''}`;
    case 'Failed':
      return `failed${errorText(last.error) ? `: ${errorText(last.error)}` : ''}`;
    default:
      return last.state ?? 'unknown';
  }
}

function errorText(
  e: { code?: string | null; message?: string | null } | null | undefined,
): string | undefined {
  if (!e || !e.code || e.code === 'None') return undefined;
  return e.message ? `${e.code}: ${e.message}` : e.code;
}

/** "40 minutes", "1 hour", "1 day". */
export function formatInterval(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.round(hours / 24);
  return plural(days, 'day');
}

/** "5 min ago", "in 12 min", "3 h ago", "2 d ago" relative to now. */
/**
 * A moment as every view of a job shows it: local date and time, then how long ago or ahead
 * ("26/11/2026, 12:32:00 (28 min ago)"). The tree, its tooltips and Job Details use this one.
 */
export function formatWhen(date: Date, now: Date): string {
  return `${date.toLocaleString()} (${formatRelative(date, now)})`;
}

export function formatRelative(date: Date, now: Date): string {
  const delta = date.getTime() - now.getTime();
  const abs = Math.abs(delta);
  const m = Math.round(abs / 60_000);
  const text =
    m < 1
      ? 'now'
      : m < 60
        ? `${m} min`
        : m < 48 * 60
          ? `${Math.round(m / 60)} h`
          : `${Math.round(m / 1440)} d`;
  if (text === 'now') return delta < 0 ? 'just now' : 'any moment';
  return delta < 0 ? `${text} ago` : `in ${text}`;
}
