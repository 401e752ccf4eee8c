import * as vscode from 'vscode';
import { setUpPairFlow, type PairSetupWords } from '../core/pairs/setUpPairFlow';
import { tenantLabel } from '../core/tenants/tenantLabel';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import { withCancellableProgress } from '../host/cancellation';
import type { CommandContext, CommandDefinition } from './commandContext';
import { directoryPickWords } from './pickDirectoryObjects';
import { pairArg } from './pairArg';
import { pairFlowHost, planWords, stoppedWords } from './pairFlowHost';

const COMMAND = (): string => vscode.l10n.t('Set Up Cross-Tenant Sync');

function words(): PairSetupWords {
  const title = COMMAND();
  return {
    needTwoTenants: vscode.l10n.t(
      'Setting up sync needs two tenants in the Tenants view: add one with "Cross-Tenant: Add Tenant…" or try the sandbox.',
    ),
    pickSource: vscode.l10n.t('Sync users FROM which tenant (the source)?'),
    pickTarget: (source) =>
      vscode.l10n.t('Sync users from {0} INTO which tenant (the target)?', source),
    sameTenant: vscode.l10n.t('Source and target must be two different tenants.'),
    title,
    whoIsSynced: vscode.l10n.t('Who is synced?'),
    chosenUsers: {
      label: vscode.l10n.t('Chosen users and groups'),
      detail: vscode.l10n.t(
        'Recommended: only the users and groups you assign are synced (you can assign more later).',
      ),
    },
    allUsers: (source) => ({
      label: vscode.l10n.t('All users'),
      detail: vscode.l10n.t('Every internal member of {0} is synced.', source),
    }),
    principals: (source) =>
      directoryPickWords(vscode.l10n.t('Users and groups of {0} to sync', source)),
    syncedUsersBecome: vscode.l10n.t('Synced users become…'),
    members: (target) => ({
      label: vscode.l10n.t('Members'),
      detail: vscode.l10n.t(
        'Synced users are members of {0} (the service default; what multitenant organizations expect).',
        target,
      ),
    }),
    guests: (target) => ({
      label: vscode.l10n.t('Guests'),
      detail: vscode.l10n.t('Synced users are guests in {0}.', target),
    }),
    nameTitle: vscode.l10n.t('Set Up Cross-Tenant Sync: configuration name'),
    namePrompt: (source, target) =>
      vscode.l10n.t(
        'The sync configuration in {0}; an existing configuration of this name for {1} is reused.',
        source,
        target,
      ),
    nameMissing: vscode.l10n.t('Give the configuration a name.'),
    reading: vscode.l10n.t('Reading both tenants…'),
    plan: planWords(),
    nothingToDo: (source, target) =>
      vscode.l10n.t(
        'Cross-tenant sync from {0} to {1} is already set up: nothing to change.',
        source,
        target,
      ),
    confirm: (source, target) =>
      vscode.l10n.t('Set up cross-tenant sync from {0} to {1}?', source, target),
    confirmDetail: (plan) =>
      vscode.l10n.t(
        '{0}\n\nChanges are made in this order; steps already in place are skipped.',
        plan,
      ),
    apply: (changes) =>
      changes === 1 ? vscode.l10n.t('Apply 1 Change') : vscode.l10n.t('Apply {0} Changes', changes),
    running: (source, target) => vscode.l10n.t('Setting up sync {0} → {1}', source, target),
    stopped: stoppedWords(title),
    done: (source, target, summary) =>
      vscode.l10n.t(
        'Cross-tenant sync from {0} to {1} is set up and started ({2}). The first cycle runs shortly.',
        source,
        target,
        summary,
      ),
    showLogs: vscode.l10n.t('Show Provisioning Logs'),
  };
}

/** The tenant signed in: the flow writes to both, so a tenant that needs sign-in is signed in now. */
async function signIn(ctx: CommandContext, record: TenantRecord): Promise<void> {
  if (ctx.connections.state(tenantKey(record)).kind === 'signedIn') return;
  const label = tenantLabel(record);
  const updated = await withCancellableProgress(
    {
      location: { viewId: 'crossTenant.tenants' },
      title: vscode.l10n.t('Signing in to {0}', label),
    },
    (_p, signal) => ctx.connections.signIn(record, signal),
  );
  ctx.log.info(`Signed in to ${label} (${updated.tenantId}) to set up sync.`);
  if (ctx.connections.state(tenantKey(record)).kind !== 'signedIn')
    throw new Error(vscode.l10n.t('Sign in to {0} to set up sync with it.', label));
}

/**
 * "Set Up Cross-Tenant Sync…" (core/pairs/setUpPairFlow): both tenants of a pair configured in one
 * flow. Arguments: a pair or one of its syncs in the Tenant Pairs view (that pair's source and
 * target, not asked), or none (the view's title bar, the palette: both are asked). Returns the
 * plan and the run's result; a run that stops is thrown with where it stopped.
 */
export const setUpSync: CommandDefinition = {
  id: 'crossTenant.setUpSync',
  run: async (ctx, arg) => {
    const pair = pairArg(ctx, arg, COMMAND());
    await ctx.tenants.load();
    const outcome = await setUpPairFlow(
      {
        ...pairFlowHost(ctx),
        tenants: ctx.tenants.all(),
        signIn: (r) => signIn(ctx, r),
        showLogs: async (source, configurationName) => {
          const config = (await ctx.data.sync(source)).find(
            (x) =>
              x.servicePrincipal.displayName?.trim().toLowerCase() ===
              configurationName.toLowerCase(),
          );
          if (config) ctx.walkthrough.complete('openedLogs');
          if (config)
            ctx.logPanels.show(
              source,
              config.servicePrincipal.id!,
              config.servicePrincipal.displayName ?? configurationName,
            );
        },
      },
      words(),
      { source: pair.a, target: pair.b },
    );
    // Set up, or found in place: either way the pair is ready.
    ctx.walkthrough.complete('pairSetUp');
    return outcome;
  },
};
