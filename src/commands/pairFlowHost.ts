import * as vscode from 'vscode';
import type { PlanWords } from '../core/pairs/planText';
import type { StoppedWords } from '../core/pairs/runPairPlan';
import type { PairFlowHost } from '../core/pairs/setUpPairFlow';
import { notificationProgress } from '../host/cancellation';
import type { CommandContext } from './commandContext';

/**
 * What the pair flows of core (setup, removal) get from the extension: the prompts, the log,
 * progress notifications, Graph clients, and after a run the reload of both tenants (their cached
 * data, the Tenants view, the pair checks).
 */
export function pairFlowHost(ctx: CommandContext): PairFlowHost {
  return {
    ui: ctx.ui,
    log: ctx.log,
    progress: notificationProgress,
    client: (r) => ctx.connections.client(r),
    changed: async (tenants) => {
      for (const r of tenants) ctx.data.invalidate(r);
      // The checks follow: a failed check is the pairs view's to show, not the run's.
      await ctx.pairs.recheck().catch(() => undefined);
    },
  };
}

/** The words around a pair plan's steps (the steps' titles are core's). */
export function planWords(): PlanWords {
  return {
    inTarget: (tenant) => vscode.l10n.t('In {0} (target):', tenant),
    inSource: (tenant) => vscode.l10n.t('In {0} (source):', tenant),
    nothingToChange: vscode.l10n.t('nothing to change'),
    alreadyDone: vscode.l10n.t('(already done)'),
  };
}

/** Why a run stopped, in one message that says what is done, what is not, and how to continue. */
export function stoppedWords(command: string): StoppedWords {
  return ({ step, tenant, reason, done }) =>
    vscode.l10n.t(
      'Stopped at "{0}" in {1}: {2} {3} step(s) were done before it; nothing after it was changed. Fix the cause and run {4} again: it continues where it stopped.',
      step,
      tenant,
      reason,
      done,
      command,
    );
}
