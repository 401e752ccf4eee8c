import { describeError } from '../describeError';
import type { GraphClient } from '../graph/graphClient';
import type { UserInput } from '../ports/userInput';
import { pickDirectoryObjects, type DirectoryPickWords } from '../sync/pickDirectoryObjects';
import { tenantLabel } from '../tenants/tenantLabel';
import type { TenantRecord } from '../tenants/tenantRecord';
import type { PairRunResult } from './pairPlan';
import { planPairSetup, type PairSetupChoices, type PairSetupPlan } from './pairSetup';
import { loadPairSetupState } from './pairSetupState';
import { pendingSteps, planText, type PlanWords } from './planText';
import { runPairPlan, type PlanRunHost, type StoppedWords } from './runPairPlan';
import { runPairSetup } from './runPairSetup';
import type { SyncedUserType } from './userTypeMapping';

/** A choice in a pick, in words. */
export interface Choice {
  readonly label: string;
  readonly detail: string;
}

/** Everything Set Up Cross-Tenant Sync says, from the command (localised there). Names are tenant labels. */
export interface PairSetupWords {
  /** Fewer than two tenants to choose from. */
  readonly needTwoTenants: string;
  readonly pickSource: string;
  readonly pickTarget: (source: string) => string;
  readonly sameTenant: string;
  readonly title: string;
  readonly whoIsSynced: string;
  readonly chosenUsers: Choice;
  readonly allUsers: (source: string) => Choice;
  readonly principals: (source: string) => DirectoryPickWords;
  readonly syncedUsersBecome: string;
  readonly members: (target: string) => Choice;
  readonly guests: (target: string) => Choice;
  readonly nameTitle: string;
  readonly namePrompt: (source: string, target: string) => string;
  readonly nameMissing: string;
  readonly reading: string;
  readonly plan: PlanWords;
  readonly nothingToDo: (source: string, target: string) => string;
  readonly confirm: (source: string, target: string) => string;
  readonly confirmDetail: (plan: string) => string;
  readonly apply: (changes: number) => string;
  readonly running: (source: string, target: string) => string;
  readonly stopped: StoppedWords;
  readonly done: (source: string, target: string, summary: string) => string;
  readonly showLogs: string;
}

/** What the pair flows need from the extension besides the prompts. */
export interface PairFlowHost extends PlanRunHost {
  readonly ui: UserInput;
  client(tenant: TenantRecord): GraphClient;
}

export interface PairSetupHost extends PairFlowHost {
  /** The tenants to choose from: those in the Tenants view. */
  readonly tenants: readonly TenantRecord[];
  /** Signs the tenant in where it is not (the flow writes to both); throws when it cannot. */
  signIn(tenant: TenantRecord): Promise<void>;
  /** The success message's "Show Provisioning Logs". */
  showLogs(source: TenantRecord, configurationName: string): Promise<void>;
}

/** The pair the flow was started on (a pair in the Tenant Pairs view), when it was. */
export interface PairSetupGiven {
  readonly source?: TenantRecord;
  readonly target?: TenantRecord;
}

export interface PairSetupOutcome {
  readonly plan: PairSetupPlan;
  /** Undefined when everything was in place and nothing ran. */
  readonly result?: PairRunResult;
}

/** A tenant from the list: the only one without asking, else the user's pick. */
async function pickTenant(
  ui: UserInput,
  candidates: readonly TenantRecord[],
  placeHolder: string,
  none: string,
): Promise<TenantRecord> {
  if (!candidates.length) throw new Error(none);
  if (candidates.length === 1) return candidates[0];
  return ui.pick(
    candidates.map((r) => ({
      label: tenantLabel(r),
      description: r.defaultDomain,
      detail: `${r.tenantId} · ${r.auth}`,
      value: r,
    })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
}

async function pickScope(
  host: PairSetupHost,
  words: PairSetupWords,
  source: TenantRecord,
): Promise<Pick<PairSetupChoices, 'scope' | 'principalNames'>> {
  const name = tenantLabel(source);
  const all = await host.ui.pick(
    [
      { ...words.chosenUsers, value: false },
      { ...words.allUsers(name), value: true },
    ],
    { title: words.title, placeHolder: words.whoIsSynced },
  );
  if (all) return { scope: 'allUsers' };
  const objects = await pickDirectoryObjects(host.ui, host.client(source), words.principals(name));
  return {
    scope: {
      userIds: objects.filter((o) => o.type === 'User').map((o) => o.id),
      groupIds: objects.filter((o) => o.type === 'Group').map((o) => o.id),
    },
    principalNames: Object.fromEntries(objects.map((o) => [o.id, o.name])),
  };
}

/**
 * "Set Up Cross-Tenant Sync…": both tenants of a pair configured in one flow. The user picks the
 * source and target (each signed in as it is chosen) unless the flow was started on a pair, who
 * is synced and as what, and the configuration's name; the plan lists every change in each
 * tenant, marking what is already in place; on confirmation it runs step by step (target first:
 * a configuration cannot be created before the target allows sync). Running it again skips what
 * is done, so after a failure (thrown as PairRunStoppedError) it continues where it stopped.
 */
export async function setUpPairFlow(
  host: PairSetupHost,
  words: PairSetupWords,
  given: PairSetupGiven = {},
): Promise<PairSetupOutcome> {
  const { ui } = host;
  const source =
    given.source ?? (await pickTenant(ui, host.tenants, words.pickSource, words.needTwoTenants));
  await host.signIn(source);
  const target =
    given.target ??
    (await pickTenant(
      ui,
      host.tenants.filter((r) => r.tenantId !== source.tenantId),
      words.pickTarget(tenantLabel(source)),
      words.needTwoTenants,
    ));
  if (target.tenantId === source.tenantId) throw new Error(words.sameTenant);
  await host.signIn(target);
  const names = { sourceName: tenantLabel(source), targetName: tenantLabel(target) };
  const clients = { source: host.client(source), target: host.client(target) };

  const scope = await pickScope(host, words, source);
  const userType = await ui.pick<SyncedUserType>(
    [
      { ...words.members(names.targetName), value: 'Member' },
      { ...words.guests(names.targetName), value: 'Guest' },
    ],
    { title: words.title, placeHolder: words.syncedUsersBecome },
  );
  const configurationName = (
    await ui.input({
      title: words.nameTitle,
      prompt: words.namePrompt(names.sourceName, names.targetName),
      value: names.targetName,
      validate: (v) => (v.trim() ? undefined : words.nameMissing),
    })
  ).trim();
  const choices: PairSetupChoices = { ...scope, userType, configurationName };

  const plan = await host.progress(words.reading, (_report, signal) =>
    loadPairSetupState(clients, configurationName, { ...names, signal }).then((state) =>
      planPairSetup(state, choices),
    ),
  );
  host.log.info(`Set Up Cross-Tenant Sync plan:\n${planText(plan, words.plan, 'all')}`);
  const pending = pendingSteps(plan);
  if (!pending.length) {
    void ui.inform(words.nothingToDo(names.sourceName, names.targetName));
    return { plan };
  }
  await ui.confirm({
    message: words.confirm(names.sourceName, names.targetName),
    detail: words.confirmDetail(planText(plan, words.plan)),
    actions: [words.apply(pending.length)],
  });

  const result = await runPairPlan(
    host,
    words.running(names.sourceName, names.targetName),
    plan,
    [source, target],
    words.stopped,
    (hooks) => runPairSetup(plan, clients, hooks),
  );
  // Not awaited: the flow ends now; the message stays until the user dismisses it.
  void ui
    .inform(words.done(names.sourceName, names.targetName, result.summary), words.showLogs)
    .then((chosen) =>
      chosen === words.showLogs ? host.showLogs(source, configurationName) : undefined,
    )
    .catch((err: unknown) =>
      host.log.error(`Show Provisioning Logs after the setup failed: ${describeError(err).detail}`),
    );
  return { plan, result };
}
