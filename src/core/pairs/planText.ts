import type { PairPlan, PlanStep } from './pairPlan';

/** The words around a plan's steps, from the command (localised there); the step titles are core's. */
export interface PlanWords {
  /** "In {tenant} (target):" */
  readonly inTarget: (tenant: string) => string;
  /** "In {tenant} (source):" */
  readonly inSource: (tenant: string) => string;
  /** A tenant with no step to take. */
  readonly nothingToChange: string;
  /** Appended to a step already in place. */
  readonly alreadyDone: string;
}

/** The steps of a plan not yet in place, in the order they run (target, then source). */
export function pendingSteps(plan: PairPlan): PlanStep[] {
  return [...plan.target, ...plan.source].filter((s) => !s.done);
}

/**
 * A plan as one readable list per tenant, in the order it runs: setup changes the target first,
 * removal the source (`sourceFirst`). `only: 'all'` also lists the steps already in place.
 */
export function planText(
  plan: PairPlan,
  words: PlanWords,
  only: 'pending' | 'all' = 'pending',
  sourceFirst = false,
): string {
  const list = (steps: readonly PlanStep[]): string[] =>
    steps
      .filter((s) => only === 'all' || !s.done)
      .map((s) => `  ${s.done ? '✓' : '•'} ${s.title}${s.done ? ` ${words.alreadyDone}` : ''}`);
  const part = (heading: string, steps: readonly PlanStep[]): string[] => {
    const lines = list(steps);
    return [heading, ...(lines.length ? lines : [`  ${words.nothingToChange}`])];
  };
  const target = part(words.inTarget(plan.targetTenant.displayName), plan.target);
  const source = part(words.inSource(plan.sourceTenant.displayName), plan.source);
  const parts = sourceFirst ? [...source, '', ...target] : [...target, '', ...source];
  return [...parts, ...(plan.notes.length ? ['', ...plan.notes] : [])].join('\n');
}
