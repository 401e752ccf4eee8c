import * as vscode from 'vscode';
import { planPairSetup, type PairSetupChoices } from '../core/pairs/pairSetup';
import { loadPairSetupState } from '../core/pairs/pairSetupState';
import { runPairSetup } from '../core/pairs/runPairSetup';
import type { SyncedUserType } from '../core/pairs/userTypeMapping';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import { pickDirectoryObjects } from './pickDirectoryObjects';
import { pickTenant } from './pickTenant';
import type { CommandContext, CommandDefinition } from './commandContext';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { pairArg } from './pairArg';
import { pendingSteps, planText, runPairPlan, stoppedMessage } from './pairRun';

/** What a caller (the Pairs view's "Resume", a test) can decide instead of the user. */
interface SetUpOptions {
  readonly source?: string;
  readonly target?: string;
  readonly scope?: PairSetupChoices['scope'];
  readonly userType?: SyncedUserType;
  readonly configurationName?: string;
  readonly notificationEmail?: string;
  readonly confirm?: boolean;
}

/**
 * "Set Up Cross-Tenant Sync…": both tenants of a pair configured in one flow. The user picks the
 * source and target (signing in where needed), who is synced and as what; the plan lists every
 * change in each tenant, marking what is already in place; on confirmation it runs step by step
 * (target first: a configuration cannot be created before the target allows sync). Running it
 * again skips what is done, so after a failure it continues where it stopped.
 */
export const setUpSync: CommandDefinition = {
  id: 'crossTenant.setUpSync',
  run: async (ctx, arg, rawOptions) => {
    const options = (rawOptions ?? {}) as SetUpOptions;
    const fromPair = pairArg(ctx, arg);
    const source = await ensureSignedIn(
      ctx,
      options.source ?? fromPair.a,
      'Sync users FROM which tenant (the source)?',
    );
    if (!source) return undefined;
    const target = await ensureSignedIn(
      ctx,
      options.target ?? fromPair.b,
      `Sync users from ${tenantLabel(source)} INTO which tenant (the target)?`,
      (r) => r.tenantId !== source.tenantId,
    );
    if (!target) return undefined;
    if (target.tenantId === source.tenantId)
      throw new Error('Source and target must be two different tenants.');
    const clients = {
      source: ctx.connections.client(source),
      target: ctx.connections.client(target),
    };

    const scope = options.scope ? { choice: options.scope } : await pickScope(ctx, source);
    if (!scope) return undefined;
    const userType = options.userType ?? (await pickUserType(target));
    if (!userType) return undefined;
    const configurationName =
      options.configurationName ??
      (await vscode.window.showInputBox({
        title: 'Set Up Cross-Tenant Sync: configuration name',
        prompt: `The sync configuration in ${tenantLabel(source)}; an existing configuration of this name for ${tenantLabel(target)} is reused.`,
        value: tenantLabel(target),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'Give the configuration a name.'),
      }));
    if (!configurationName) return undefined;
    const choices: PairSetupChoices = {
      scope: scope.choice,
      userType,
      configurationName: configurationName.trim(),
      notificationEmail: options.notificationEmail,
      principalNames: scope.names,
    };

    const names = { sourceName: tenantLabel(source), targetName: tenantLabel(target) };
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Reading both tenants…' },
      () =>
        loadPairSetupState(clients, choices.configurationName, names).then((state) =>
          planPairSetup(state, choices),
        ),
    );
    ctx.log.info(`Set Up Cross-Tenant Sync plan:\n${planText(plan, 'all')}`);
    const pending = pendingSteps(plan);
    if (!pending.length) {
      void vscode.window.showInformationMessage(
        `Cross-tenant sync from ${names.sourceName} to ${names.targetName} is already set up: nothing to change.`,
      );
      return { plan, result: undefined };
    }
    if (options.confirm !== false) {
      const apply = `Apply ${pending.length} Change${pending.length === 1 ? '' : 's'}`;
      const choice = await vscode.window.showWarningMessage(
        `Set up cross-tenant sync from ${names.sourceName} to ${names.targetName}?`,
        {
          modal: true,
          detail: `${planText(plan)}\n\nChanges are made in this order; steps already in place are skipped.`,
        },
        apply,
      );
      if (choice !== apply) return undefined;
    }

    const result = await runPairPlan(
      ctx,
      `Setting up sync ${names.sourceName} → ${names.targetName}`,
      plan,
      [source, target],
      (hooks) => runPairSetup(plan, clients, hooks),
    );
    await ctx.pairs.recheck().catch(() => undefined);
    if (result.failedStep) {
      const resume = 'Resume';
      void vscode.window
        .showErrorMessage(stoppedMessage(plan, result, 'Setup'), resume, 'Show Log')
        .then(async (c) => {
          if (c === resume)
            await vscode.commands.executeCommand(setUpSync.id, undefined, {
              source: tenantKey(source),
              target: tenantKey(target),
              scope: choices.scope,
              userType,
              configurationName: choices.configurationName,
              notificationEmail: choices.notificationEmail,
            });
          if (c === 'Show Log') ctx.log.show();
        });
      return { plan, result };
    }
    const logs = 'Show Provisioning Logs';
    void vscode.window
      .showInformationMessage(
        `Cross-tenant sync from ${names.sourceName} to ${names.targetName} is set up and started (${result.summary}). The first cycle runs shortly.`,
        logs,
      )
      .then(async (c) => {
        if (c !== logs) return;
        const config = (await ctx.data.sync(source)).find(
          (x) =>
            x.servicePrincipal.displayName?.trim().toLowerCase() ===
            choices.configurationName.toLowerCase(),
        );
        if (config)
          ctx.logPanels.show(
            source,
            config.servicePrincipal.id!,
            config.servicePrincipal.displayName ?? choices.configurationName,
          );
      });
    return { plan, result };
  },
};

/** The tenant to use, signed in: the wizard writes to both, so a tenant that needs sign-in is signed in now. */
async function ensureSignedIn(
  ctx: CommandContext,
  given: TenantRecord | string | undefined,
  placeHolder: string,
  filter?: (r: TenantRecord) => boolean,
): Promise<TenantRecord | undefined> {
  const record =
    given && typeof given !== 'string' ? given : await pickTenant(ctx, given, placeHolder, filter);
  if (!record) return undefined;
  if (ctx.connections.state(tenantKey(record)).kind !== 'signedIn') {
    await vscode.commands.executeCommand('crossTenant.signIn', tenantKey(record));
    if (ctx.connections.state(tenantKey(record)).kind !== 'signedIn')
      throw new Error(`Sign in to ${tenantLabel(record)} to set up sync with it.`);
  }
  return record;
}

interface ScopeChoice {
  readonly choice: PairSetupChoices['scope'];
  readonly names?: Record<string, string>;
}

async function pickScope(
  ctx: CommandContext,
  source: TenantRecord,
): Promise<ScopeChoice | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: 'Chosen users and groups',
        detail:
          'Recommended: only the users and groups you assign are synced (you can assign more later).',
        all: false,
      },
      {
        label: 'All users',
        detail: `Every internal member of ${tenantLabel(source)} is synced.`,
        all: true,
      },
    ],
    { title: 'Set Up Cross-Tenant Sync: who is synced?', ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.all) return { choice: 'allUsers' };
  const objects = await pickDirectoryObjects(
    ctx.ui,
    ctx.connections.client(source),
    `Users and groups of ${tenantLabel(source)} to sync`,
  );
  if (!objects?.length) return undefined;
  return {
    choice: {
      userIds: objects.filter((o) => o.type === 'User').map((o) => o.id),
      groupIds: objects.filter((o) => o.type === 'Group').map((o) => o.id),
    },
    names: Object.fromEntries(objects.map((o) => [o.id, o.name])),
  };
}

async function pickUserType(target: TenantRecord): Promise<SyncedUserType | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: 'Members',
        detail: `Synced users are members of ${tenantLabel(target)} (the service default; what multitenant organizations expect).`,
        value: 'Member' as const,
      },
      {
        label: 'Guests',
        detail: `Synced users are guests in ${tenantLabel(target)}.`,
        value: 'Guest' as const,
      },
    ],
    { title: 'Set Up Cross-Tenant Sync: synced users become…', ignoreFocusOut: true },
  );
  return picked?.value;
}
