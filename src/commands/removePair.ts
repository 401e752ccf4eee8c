import * as vscode from 'vscode';
import { planPairRemoval } from '../core/pairs/pairRemoval';
import { loadPairSetupState } from '../core/pairs/pairSetupState';
import { runPairRemoval } from '../core/pairs/runPairRemoval';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import type { CommandContext, CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { pairArg } from './pairArg';
import { pendingSteps, planText, runPairPlan, stoppedMessage } from './pairRun';

/**
 * "Remove Pair…": undoes a pair's cross-tenant sync in the safe order — the source first (pause
 * the job, delete the configuration, outbound automatic redemption off), then the target (inbound
 * user sync and automatic redemption off) — so no cycle runs against half-removed settings. Partner
 * entries stay. The full list is confirmed first; a failure says where it stopped, and running the
 * command again finishes the rest.
 */
export const removePair: CommandDefinition = {
  id: 'crossTenant.removePair',
  run: async (ctx, arg, rawOptions) => {
    const options = (rawOptions ?? {}) as {
      source?: string;
      target?: string;
      configurationName?: string;
      confirm?: boolean;
    };
    const fromPair = pairArg(ctx, arg);
    const source = fromPair.a ?? byKey(ctx, options.source);
    const target = fromPair.b ?? byKey(ctx, options.target);
    const configurationName = fromPair.sync?.configurationName ?? options.configurationName;
    if (!source || !target || !configurationName)
      throw new Error(
        'Remove Pair works on a synced pair in the Tenant Pairs view whose two tenants are both signed in.',
      );
    for (const r of [source, target]) {
      if (ctx.connections.state(tenantKey(r)).kind !== 'signedIn')
        throw new Error(
          `Sign in to ${tenantLabel(r)} first: removing the pair changes both tenants.`,
        );
    }
    const clients = {
      source: ctx.connections.client(source),
      target: ctx.connections.client(target),
    };
    const names = { sourceName: tenantLabel(source), targetName: tenantLabel(target) };
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Reading both tenants…' },
      () =>
        loadPairSetupState(clients, configurationName, names).then((state) =>
          planPairRemoval(state, configurationName),
        ),
    );
    const pending = pendingSteps(plan).filter((s) => s.kind !== 'keepPartner');
    if (!pending.length) {
      void vscode.window.showInformationMessage(
        `There is no sync "${configurationName}" from ${names.sourceName} to ${names.targetName} left to remove.`,
      );
      return { plan, result: undefined };
    }
    if (options.confirm !== false) {
      const remove = 'Remove Sync';
      const choice = await vscode.window.showWarningMessage(
        `Remove cross-tenant sync "${configurationName}" from ${names.sourceName} to ${names.targetName}?`,
        {
          modal: true,
          detail: `${planText(plan, 'pending', true)}\n\nUsers already synced stay in ${names.targetName}; nothing more is synced.`,
        },
        remove,
      );
      if (choice !== remove) return undefined;
    }
    const result = await runPairPlan(
      ctx,
      `Removing sync ${names.sourceName} → ${names.targetName}`,
      plan,
      [source, target],
      (hooks) => runPairRemoval(plan, clients, hooks),
    );
    await ctx.pairs.recheck().catch(() => undefined);
    if (result.failedStep)
      void vscode.window.showErrorMessage(stoppedMessage(plan, result, 'Removal'));
    else
      void vscode.window.showInformationMessage(
        `Cross-tenant sync from ${names.sourceName} to ${names.targetName} is removed (${result.summary}).`,
      );
    return { plan, result };
  },
};

function byKey(ctx: CommandContext, key: string | undefined): TenantRecord | undefined {
  return key ? (ctx.tenants.get(key) ?? ctx.tenants.byTenantId(key)) : undefined;
}
