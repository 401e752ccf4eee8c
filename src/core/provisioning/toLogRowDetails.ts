import type { ProvisioningObjectSummary } from '../graph/types';
import { explainProvisioningCode } from '../sync/provisioningErrors';
import type { LogRowDetails, LogStep } from './logRow';
import { asArray, asText, detailEntries, detailValue, field } from './looseJson';
import { policyPointerFor, type TenantPair } from './policyPointer';
import { toLogRow } from './toLogRow';

/** What the details need besides the entry: the configuration's tenants, for the policy pointer. */
export type DetailsContext = TenantPair;

/** A hostile entry with a million steps or properties must not freeze the details pane; real ones have a handful. */
const MAX_ITEMS = 200;

function stepOf(step: unknown): LogStep {
  return {
    name: asText(field(step, 'name')),
    type: asText(field(step, 'provisioningStepType')),
    status: asText(field(step, 'status')),
    description: asText(field(step, 'description')),
    details: detailEntries(field(step, 'details')).slice(0, MAX_ITEMS),
  };
}

/** The error block: the entry's error information, or for a skipped entry the skip reason and the step that gives it. */
function errorOf(
  entry: unknown,
  skipped: boolean,
  steps: readonly unknown[],
): LogRowDetails['error'] {
  const info = field(field(entry, 'provisioningStatusInfo'), 'errorInformation');
  let error = {
    code: asText(field(info, 'errorCode')),
    reason: asText(field(info, 'reason')),
    additionalDetails: asText(field(info, 'additionalDetails')),
    recommendedAction: asText(field(info, 'recommendedAction')),
    category: asText(field(info, 'errorCategory')),
  };
  if (error.code === '' && error.reason === '' && error.additionalDetails === '') {
    const skipStep = skipped
      ? steps.find((s) => detailValue(field(s, 'details'), 'SkipReason') !== '')
      : undefined;
    if (skipStep === undefined) return undefined;
    error = {
      code: detailValue(field(skipStep, 'details'), 'SkipReason'),
      reason: asText(field(skipStep, 'description')),
      additionalDetails: '',
      recommendedAction: '',
      category: '',
    };
  }
  const known = error.code === '' ? undefined : explainProvisioningCode(error.code);
  return known
    ? { ...error, meaning: known.meaning, remedy: known.remedy, retries: known.retries }
    : error;
}

/**
 * Everything the details pane shows about one entry, prepared on the host: the steps, the changed
 * attributes, the error with our explanation of its code, the ids a support ticket needs, whether
 * the user can be provisioned on demand, and for a failed policy check the setting to change
 * (without the context's target tenant there is no pointer).
 */
export function toLogRowDetails(
  entry: ProvisioningObjectSummary,
  context?: DetailsContext,
): LogRowDetails {
  const e: unknown = entry;
  const row = toLogRow(entry);
  const steps = asArray(field(e, 'provisioningSteps'));
  const error = errorOf(e, row.status.toLowerCase() === 'skipped', steps);
  const ids: [string, string][] = (
    [
      ['Entry id', row.id],
      ['Change id', row.changeId],
      ['Cycle id', row.cycleId],
      ['Job id', row.jobId],
      ['Source object id', row.sourceId],
      ['Target object id', row.targetId],
      ['Service principal id', asText(field(field(e, 'servicePrincipal'), 'id'))],
      ['Tenant id', asText(field(e, 'tenantId'))],
    ] as [string, string][]
  ).filter(([, value]) => value !== '');
  const policy = error
    ? policyPointerFor(error.code, `${error.reason}\n${error.additionalDetails}`, context)
    : undefined;
  return {
    id: row.id,
    steps: steps.slice(0, MAX_ITEMS).map(stepOf),
    modifiedProperties: asArray(field(e, 'modifiedProperties'))
      .slice(0, MAX_ITEMS)
      .map((p) => ({
        name: asText(field(p, 'displayName')),
        oldValue: asText(field(p, 'oldValue')),
        newValue: asText(field(p, 'newValue')),
      })),
    ...(error ? { error } : {}),
    ids,
    canProvisionOnDemand:
      row.identityType.toLowerCase() === 'user' && row.sourceId !== '' && row.jobId !== '',
    ...(policy ? { policy } : {}),
  };
}
