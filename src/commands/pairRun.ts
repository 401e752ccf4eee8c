import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import type { PairPlan, PairRunHooks, PairRunResult, PlanStep } from '../core/pairs/pairPlan';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import { withCancellableProgress } from '../host/cancellation';
import type { CommandContext } from './commandContext';

/** A plan as one readable list per tenant, in the order it runs: setup changes the target first, removal the source. */
export function planText(
  plan: PairPlan,
  only: 'pending' | 'all' = 'pending',
  sourceFirst = false,
): string {
  const list = (steps: readonly PlanStep[]): string[] =>
    steps
      .filter((s) => only === 'all' || !s.done)
      .map((s) => `  ${s.done ? '✓' : '•'} ${s.title}${s.done ? ' (already done)' : ''}`);
  const target = list(plan.target);
  const source = list(plan.source);
  const targetPart = [
    `In ${plan.targetTenant.displayName} (target):`,
    ...(target.length ? target : ['  nothing to change']),
  ];
  const sourcePart = [
    `In ${plan.sourceTenant.displayName} (source):`,
    ...(source.length ? source : ['  nothing to change']),
  ];
  const parts = sourceFirst
    ? [...sourcePart, '', ...targetPart]
    : [...targetPart, '', ...sourcePart];
  return [...parts, ...(plan.notes.length ? ['', ...plan.notes] : [])].join('\n');
}

export function pendingSteps(plan: PairPlan): PlanStep[] {
  return [...plan.target, ...plan.source].filter((s) => !s.done);
}

/**
 * Runs a pair plan step by step with progress (cancellable), logs every step, reloads both tenants
 * afterwards, and reports the outcome: on a failure, which step in which tenant stopped and that
 * running the command again continues there — a half-done pair is never left unreported.
 */
export async function runPairPlan(
  ctx: CommandContext,
  title: string,
  plan: PairPlan,
  records: readonly TenantRecord[],
  run: (hooks: PairRunHooks) => Promise<PairRunResult>,
): Promise<PairRunResult> {
  const total = pendingSteps(plan).length || 1;
  let result: PairRunResult;
  try {
    result = await withCancellableProgress(
      { location: vscode.ProgressLocation.Notification, title },
      (progress, signal) =>
        run({
          signal,
          onStep: (step, state, detail) => {
            const tenant =
              step.tenantId === plan.sourceTenant.tenantId
                ? plan.sourceTenant.displayName
                : plan.targetTenant.displayName;
            ctx.log.info(
              `${title}: [${state}] ${step.title} (${tenant})${detail ? `: ${detail}` : ''}`,
            );
            if (state === 'running')
              progress.report({ message: `${step.title}${detail ? ` (${detail})` : ''}` });
            if (state === 'done') progress.report({ increment: 100 / total });
          },
        }),
    );
  } finally {
    for (const r of records) ctx.data.invalidate(r);
    ctx.refreshTree();
  }
  if (result.failedStep)
    ctx.log.error(
      `${title} stopped at "${result.failedStep.title}": ${describeError(result.error).detail}. ${result.summary}`,
    );
  else ctx.log.info(`${title}: ${result.summary}`);
  return result;
}

/** Why a run stopped, in one message that says what is done, what is not, and how to continue. */
export function stoppedMessage(plan: PairPlan, result: PairRunResult, what: string): string {
  const step = result.failedStep!;
  const tenant =
    step.tenantId === plan.sourceTenant.tenantId
      ? plan.sourceTenant.displayName
      : plan.targetTenant.displayName;
  return `${what} stopped at "${step.title}" in ${tenant}: ${describeError(result.error).summary} ${result.completed.length} step(s) were done before it; nothing after it was changed. Fix the cause and run it again: it continues where it stopped.`;
}
