import { describeError } from '../describeError';
import type { TenantRecord } from '../tenants/tenantRecord';
import type { LogPort } from '../ports/logPort';
import type { WithProgress } from '../ports/progress';
import type { PairPlan, PairRunHooks, PairRunResult, PlanStep } from './pairPlan';
import { pendingSteps } from './planText';

/** What running a pair plan needs from the extension. */
export interface PlanRunHost {
  readonly log: LogPort;
  readonly progress: WithProgress;
  /** The run changed these tenants (also when it failed or was cancelled): reload what shows them. */
  changed(tenants: readonly TenantRecord[]): Promise<void>;
}

/** Why a run stopped, for the user: the step, its tenant, the reason, and how many steps were done before it. */
export type StoppedWords = (stopped: {
  readonly step: string;
  readonly tenant: string;
  readonly reason: string;
  readonly done: number;
}) => string;

/**
 * A pair run stopped at a failed step. Its message says where and how to continue (running the
 * command again re-checks every step and continues there); the command wrapper shows it.
 */
export class PairRunStoppedError extends Error {
  constructor(
    message: string,
    readonly plan: PairPlan,
    readonly result: PairRunResult,
  ) {
    super(message);
  }
}

function tenantOf(plan: PairPlan, step: PlanStep): string {
  return step.tenantId === plan.sourceTenant.tenantId
    ? plan.sourceTenant.displayName
    : plan.targetTenant.displayName;
}

/**
 * Runs a pair plan step by step with progress (cancellable), logs every step, and has both
 * tenants reloaded afterwards, whatever happened. A failed step is thrown as PairRunStoppedError
 * naming the step, the tenant and how to continue, so a half-done pair is never left unreported;
 * a failure to read the settings before any step is thrown as it is. The full error (with Graph's
 * request id) is in the log.
 */
export async function runPairPlan(
  host: PlanRunHost,
  title: string,
  plan: PairPlan,
  tenants: readonly TenantRecord[],
  stopped: StoppedWords,
  run: (hooks: PairRunHooks) => Promise<PairRunResult>,
): Promise<PairRunResult> {
  const total = pendingSteps(plan).length || 1;
  let result: PairRunResult;
  try {
    result = await host.progress(title, (report, signal) =>
      run({
        signal,
        onStep: (step, state, detail) => {
          host.log.info(
            `${title}: [${state}] ${step.title} (${tenantOf(plan, step)})${detail ? `: ${detail}` : ''}`,
          );
          if (state === 'running')
            report({ message: `${step.title}${detail ? ` (${detail})` : ''}` });
          if (state === 'done') report({ increment: 100 / total });
        },
      }),
    );
  } finally {
    await host.changed(tenants);
  }
  if (!result.error) {
    host.log.info(`${title}: ${result.summary}`);
    return result;
  }
  const step = result.failedStep;
  host.log.error(
    `${title} stopped ${step ? `at "${step.title}"` : 'before its first step'}: ${describeError(result.error).detail}. ${result.summary}`,
  );
  // Reading the current settings failed: nothing was changed, and Graph's own words say why.
  if (!step) throw result.error;
  throw new PairRunStoppedError(
    stopped({
      step: step.title,
      tenant: tenantOf(plan, step),
      reason: describeError(result.error).summary,
      done: result.completed.length,
    }),
    plan,
    result,
  );
}
