import type { JsonObject } from '../json';

/** "Never" in the non-nullable timestamps of the synchronization API. */
export const NEVER = '0001-01-01T00:00:00Z';
/** TimeSpan.MaxValue: "no schedule". */
export const NO_SCHEDULE = 'P10675199DT2H48M5.4775807S';

/** Job ids look like `<templateId>.<tenantId without dashes>.<guid>` (sync-facts.md §3). */
export function synchronizationJobId(templateId: string, tenantId: string, guid: string): string {
  return `${templateId}.${tenantId.replace(/-/g, '').toLowerCase()}.${guid}`;
}

export function emptyStatus(code: 'NotConfigured' | 'Paused'): JsonObject {
  return {
    code,
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    progress: [],
    quarantine: null,
    steadyStateFirstAchievedTime: NEVER,
    steadyStateLastAchievedTime: NEVER,
    synchronizedEntryCountByType: [],
    troubleshootingUrl: null,
  };
}

/**
 * A job as `POST …/jobs` creates it. Azure2Azure jobs come up paused with a disabled 40-minute
 * schedule and their two default settings (sync-facts.md §3); other templates come up not
 * configured with no schedule, as the generic doc sample shows.
 */
export function newJobObject(id: string, templateId: string): JsonObject {
  const crossTenant = templateId === 'Azure2Azure';
  return {
    id,
    templateId,
    schedule: {
      expiration: null,
      interval: crossTenant ? 'PT40M' : NO_SCHEDULE,
      state: 'Disabled',
    },
    status: emptyStatus(crossTenant ? 'Paused' : 'NotConfigured'),
    synchronizationJobSettings: crossTenant
      ? [
          { name: 'AzureIngestionAttributeOptimization', value: 'False' },
          { name: 'LookaheadQueryEnabled', value: 'False' },
        ]
      : [],
  };
}

export interface ExecutionCounts {
  readonly entitled: number;
  readonly imported: number;
  readonly exported: number;
  readonly escrowed: number;
}

/** A `synchronizationTaskExecution` for a cycle that ran from `began` to `ended`. */
export function taskExecution(
  activityIdentifier: string,
  began: number,
  ended: number,
  counts: ExecutionCounts,
  state: 'Succeeded' | 'Failed' | 'EntryLevelErrors',
  error: JsonObject | null,
): JsonObject {
  return {
    activityIdentifier,
    countEntitled: counts.entitled,
    countEntitledForProvisioning: counts.entitled,
    countEscrowed: counts.escrowed,
    countEscrowedRaw: counts.escrowed,
    countExported: counts.exported,
    countExports: counts.exported,
    countImported: counts.imported,
    countImportedDeltas: counts.imported,
    countImportedReferenceDeltas: 0,
    state,
    timeBegan: new Date(began).toISOString(),
    timeEnded: new Date(ended).toISOString(),
    error,
  };
}
