import type { ProvisioningObjectSummary } from '../graph/types';
import type { LogRow } from './logRow';
import { asArray, asText, detailValue, field } from './looseJson';

/** Whether a step is an import step; the documented samples also spell the type `Import`. */
function isImport(step: unknown): boolean {
  return asText(field(step, 'provisioningStepType')).toLowerCase() === 'import';
}

/** The source user's principal name: from the import step's attributes, else from the source identity's details. */
function sourceUpnOf(entry: unknown, steps: readonly unknown[]): string {
  for (const step of steps) {
    if (!isImport(step)) continue;
    const upn = detailValue(field(step, 'details'), 'userPrincipalName');
    if (upn !== '') return upn;
  }
  return detailValue(field(field(entry, 'sourceIdentity'), 'details'), 'userPrincipalName');
}

/** The first `SkipReason` a step states (RedundantExport, NotEffectivelyEntitled, StagedDelete …; sync-facts.md §1c). */
function skipReasonOf(steps: readonly unknown[]): string {
  for (const step of steps) {
    const reason = detailValue(field(step, 'details'), 'SkipReason');
    if (reason !== '') return reason;
  }
  return '';
}

/**
 * One provisioning-log entry as a flat table row. The entry comes from Graph, that is from another
 * tenant's data: every field is read defensively and coerced to a string (or 0), and nothing throws.
 * `errorCode` is the error's code; for a skipped entry without one, the skip reason its steps give.
 */
export function toLogRow(entry: ProvisioningObjectSummary): LogRow {
  const e: unknown = entry;
  const statusInfo = field(e, 'provisioningStatusInfo');
  const status = asText(field(statusInfo, 'status'));
  const steps = asArray(field(e, 'provisioningSteps'));
  const source = field(e, 'sourceIdentity');
  const target = field(e, 'targetIdentity');
  const time = Date.parse(asText(field(e, 'activityDateTime')));
  const duration = field(e, 'durationInMilliseconds');
  const errorCode = asText(field(field(statusInfo, 'errorInformation'), 'errorCode'));
  return {
    id: asText(field(e, 'id')),
    time: Number.isNaN(time) ? 0 : time,
    action: asText(field(e, 'provisioningAction')),
    status,
    sourceName: asText(field(source, 'displayName')),
    sourceId: asText(field(source, 'id')),
    targetName: asText(field(target, 'displayName')),
    targetId: asText(field(target, 'id')),
    identityType: asText(field(source, 'identityType')) || asText(field(target, 'identityType')),
    sourceUpn: sourceUpnOf(e, steps),
    errorCode:
      errorCode !== '' ? errorCode : status.toLowerCase() === 'skipped' ? skipReasonOf(steps) : '',
    cycleId: asText(field(e, 'cycleId')),
    changeId: asText(field(e, 'changeId')),
    jobId: asText(field(e, 'jobId')),
    durationMs: typeof duration === 'number' && Number.isFinite(duration) ? duration : 0,
  };
}
