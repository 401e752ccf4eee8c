import * as vscode from 'vscode';
import { removePairFlow, type PairRemovalWords } from '../core/pairs/removePairFlow';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { CommandDefinition } from './commandContext';
import { pairArg } from './pairArg';
import { pairFlowHost, planWords, stoppedWords } from './pairFlowHost';

const COMMAND = (): string => vscode.l10n.t('Remove Pair');

function words(): PairRemovalWords {
  return {
    reading: vscode.l10n.t('Reading both tenants…'),
    plan: planWords(),
    nothingLeft: (configuration, source, target) =>
      vscode.l10n.t(
        'There is no sync "{0}" from {1} to {2} left to remove.',
        configuration,
        source,
        target,
      ),
    confirm: (configuration, source, target) =>
      vscode.l10n.t(
        'Remove cross-tenant sync "{0}" from {1} to {2}?',
        configuration,
        source,
        target,
      ),
    confirmDetail: (plan, target) =>
      vscode.l10n.t(
        '{0}\n\nUsers already synced stay in {1}; nothing more is synced.',
        plan,
        target,
      ),
    remove: vscode.l10n.t('Remove Sync'),
    running: (source, target) => vscode.l10n.t('Removing sync {0} → {1}', source, target),
    stopped: stoppedWords(COMMAND()),
    done: (source, target, summary) =>
      vscode.l10n.t('Cross-tenant sync from {0} to {1} is removed ({2}).', source, target, summary),
  };
}

/**
 * "Remove Pair…" (core/pairs/removePairFlow): undoes a pair's sync in the safe order, keeping the
 * partner entries, after a confirmation listing every change. Arguments: a synced pair or one of
 * its syncs in the Tenant Pairs view, both tenants signed in. Returns the plan and the run's
 * result; a run that stops is thrown with where it stopped.
 */
export const removePair: CommandDefinition = {
  id: 'crossTenant.removePair',
  run: async (ctx, arg) => {
    const { a: source, b: target, sync } = pairArg(ctx, arg, COMMAND());
    if (!source || !target || !sync)
      throw new Error(
        vscode.l10n.t(
          'Remove Pair works on a synced pair in the Tenant Pairs view whose two tenants are both in the Tenants view.',
        ),
      );
    for (const r of [source, target]) {
      if (ctx.connections.state(tenantKey(r)).kind !== 'signedIn')
        throw new Error(
          vscode.l10n.t(
            'Sign in to {0} first: removing the pair changes both tenants.',
            tenantLabel(r),
          ),
        );
    }
    return removePairFlow(pairFlowHost(ctx), words(), {
      source,
      target,
      configurationName: sync.configurationName,
    });
  },
};
