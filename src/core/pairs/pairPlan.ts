import { describeError } from '../describeError';
import { isAbortError, throwIfAborted } from '../graph/abort';

export interface PlanTenant {
  readonly tenantId: string;
  /** The name, or the tenant id when none is known. */
  readonly displayName: string;
}

/** One change of a plan, in one tenant. */
export interface PlanStep<K extends string = string> {
  /** Stable within a pair: `target.userSyncInbound`, `source.assign.<principalId>`. */
  readonly id: string;
  readonly kind: K;
  readonly tenantId: string;
  /** For people: "Allow users from Contoso Group to sync into Fabrikam Retail". */
  readonly title: string;
  /** The Graph call(s) the step makes. */
  readonly detail: string;
  /** Already in place when planned: a run skips it (after checking again). */
  readonly done: boolean;
  /** The user or group an assignment step assigns. */
  readonly principal?: { readonly id: string; readonly type: 'User' | 'Group' };
}

/** Steps per tenant, each list in execution order. */
export interface PairPlan<K extends string = string> {
  readonly sourceTenant: PlanTenant;
  readonly targetTenant: PlanTenant;
  readonly configurationName: string;
  readonly target: readonly PlanStep<K>[];
  readonly source: readonly PlanStep<K>[];
  /** What the plan deliberately leaves alone, and why. */
  readonly notes: readonly string[];
}

export type StepState = 'running' | 'done' | 'skipped' | 'failed';

export interface PairRunHooks {
  onStep(step: PlanStep, state: StepState, detail?: string): void;
  readonly signal?: AbortSignal;
  /** Waits while a new service principal replicates (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PairRunResult {
  /** Steps this run carried out. */
  readonly completed: readonly string[];
  /** Steps found already in place. */
  readonly skipped: readonly string[];
  readonly failedStep?: PlanStep;
  readonly error?: Error;
  /** Always true: running the same plan again re-checks every step and continues where this run stopped. */
  readonly resumable: true;
  readonly summary: string;
}

/** Lets a step report progress on the steps it carries out together with its own (a configuration is created with its job and credentials). */
export type ReportStep = (stepId: string, state: 'running' | 'done', detail?: string) => void;

export interface StepExecutor<K extends string, S> {
  /** Whether the step's outcome is in place in `state`. */
  isDone(step: PlanStep<K>, state: S): boolean;
  /** Carries the step out; returns the state as it is afterwards. */
  run(step: PlanStep<K>, state: S, report: ReportStep): Promise<S>;
}

function counts(completed: readonly string[], skipped: readonly string[]): string {
  return `${completed.length} ${completed.length === 1 ? 'step' : 'steps'} done, ${skipped.length} already in place`;
}

/**
 * Runs steps in the given order against the state `load` reads when the run starts — never the
 * state the plan was made from, which may be old — so a step already in place is skipped and a
 * second run of the same plan changes nothing. Stops at the first failure and returns it; only a
 * cancellation (AbortError) is thrown.
 */
export async function runPlanSteps<K extends string, S>(
  steps: readonly PlanStep<K>[],
  load: () => Promise<S>,
  executor: StepExecutor<K, S>,
  hooks: PairRunHooks,
  label: string,
): Promise<PairRunResult> {
  const completed: string[] = [];
  const skipped: string[] = [];
  const failure = (
    failedStep: PlanStep | undefined,
    error: unknown,
    what: string,
  ): PairRunResult => {
    const err = error instanceof Error ? error : new Error(String(error));
    const reason = describeError(err).summary;
    return {
      completed,
      skipped,
      failedStep,
      error: err,
      resumable: true,
      summary: `${label}: stopped at ${what}: ${reason} ${counts(completed, skipped)}; run it again to continue.`,
    };
  };
  let state: S;
  try {
    throwIfAborted(hooks.signal);
    state = await load();
  } catch (e) {
    if (isAbortError(e)) throw e;
    return failure(undefined, e, 'reading the current settings');
  }
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const step of steps) {
    throwIfAborted(hooks.signal);
    if (completed.includes(step.id)) continue;
    let current: PlanStep = step;
    const report: ReportStep = (stepId, stepState, detail) => {
      const reported = byId.get(stepId);
      if (!reported) return;
      if (stepState === 'running') current = reported;
      else completed.push(stepId);
      hooks.onStep(reported, stepState, detail);
    };
    try {
      if (executor.isDone(step, state)) {
        skipped.push(step.id);
        hooks.onStep(step, 'skipped');
        continue;
      }
      hooks.onStep(step, 'running');
      state = await executor.run(step, state, report);
    } catch (e) {
      if (isAbortError(e)) throw e;
      hooks.onStep(current, 'failed', describeError(e).summary);
      return failure(current, e, `"${current.title}"`);
    }
    if (!completed.includes(step.id)) {
      completed.push(step.id);
      hooks.onStep(step, 'done');
    }
  }
  return {
    completed,
    skipped,
    resumable: true,
    summary: `${label}: ${counts(completed, skipped)}.`,
  };
}
