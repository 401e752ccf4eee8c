import { tenantLabel } from '../tenants/tenantLabel';
import type { TenantRecord } from '../tenants/tenantRecord';
import type { PairRunResult } from './pairPlan';
import { planPairRemoval, type PairRemovalPlan } from './pairRemoval';
import { loadPairSetupState } from './pairSetupState';
import { pendingSteps, planText, type PlanWords } from './planText';
import { runPairPlan, type StoppedWords } from './runPairPlan';
import { runPairRemoval } from './runPairRemoval';
import type { PairFlowHost } from './setUpPairFlow';

/** Everything Remove Pair says, from the command (localised there). Names are tenant labels. */
export interface PairRemovalWords {
  readonly reading: string;
  readonly plan: PlanWords;
  readonly nothingLeft: (configuration: string, source: string, target: string) => string;
  readonly confirm: (configuration: string, source: string, target: string) => string;
  readonly confirmDetail: (plan: string, target: string) => string;
  readonly remove: string;
  readonly running: (source: string, target: string) => string;
  readonly stopped: StoppedWords;
  readonly done: (source: string, target: string, summary: string) => string;
}

/** The sync to remove: a synced pair of the Tenant Pairs view, both tenants signed in. */
export interface PairRemovalTarget {
  readonly source: TenantRecord;
  readonly target: TenantRecord;
  readonly configurationName: string;
}

export interface PairRemovalOutcome {
  readonly plan: PairRemovalPlan;
  /** Undefined when nothing was left to remove. */
  readonly result?: PairRunResult;
}

/**
 * "Remove Pair…": undoes a pair's cross-tenant sync in the safe order — the source first (pause
 * the job, delete the configuration, outbound automatic redemption off), then the target (inbound
 * user sync and automatic redemption off) — so no cycle runs against half-removed settings.
 * Partner entries stay. The full list is confirmed first; a failure (PairRunStoppedError) says
 * where it stopped, and running it again finishes the rest.
 */
export async function removePairFlow(
  host: PairFlowHost,
  words: PairRemovalWords,
  pair: PairRemovalTarget,
): Promise<PairRemovalOutcome> {
  const { source, target, configurationName } = pair;
  const names = { sourceName: tenantLabel(source), targetName: tenantLabel(target) };
  const clients = { source: host.client(source), target: host.client(target) };
  const plan = await host.progress(words.reading, (_report, signal) =>
    loadPairSetupState(clients, configurationName, { ...names, signal }).then((state) =>
      planPairRemoval(state, configurationName),
    ),
  );
  const pending = pendingSteps(plan).filter((s) => s.kind !== 'keepPartner');
  if (!pending.length) {
    void host.ui.inform(words.nothingLeft(configurationName, names.sourceName, names.targetName));
    return { plan };
  }
  await host.ui.confirm({
    message: words.confirm(configurationName, names.sourceName, names.targetName),
    detail: words.confirmDetail(planText(plan, words.plan, 'pending', true), names.targetName),
    actions: [words.remove],
  });
  const result = await runPairPlan(
    host,
    words.running(names.sourceName, names.targetName),
    plan,
    [source, target],
    words.stopped,
    (hooks) => runPairRemoval(plan, clients, hooks),
  );
  void host.ui.inform(words.done(names.sourceName, names.targetName, result.summary));
  return { plan, result };
}
