import { describeError } from '../describeError';
import type { GraphClient } from '../graph/graphClient';
import { BACK, type Back, type StepPosition, type UserInput } from '../ports/userInput';
import { runWizard, type WizardStep } from '../ports/wizard';
import { pickDirectoryObjectsStep, type DirectoryPickWords } from '../sync/pickDirectoryObjects';
import { UserCancelledError } from '../userCancelledError';
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

/** A tenant from the list, as a step of the flow. */
function pickTenantStep(
  ui: UserInput,
  candidates: readonly TenantRecord[],
  words: PairSetupWords,
  placeHolder: string,
  at: StepPosition,
): Promise<TenantRecord | Back> {
  return ui.pickStep(
    candidates.map((r) => ({
      label: tenantLabel(r),
      description: r.defaultDomain,
      detail: `${r.tenantId} · ${r.auth}`,
      value: r,
    })),
    { title: words.title, placeHolder, matchOnDescription: true, matchOnDetail: true },
    at,
  );
}

type Scope = Pick<PairSetupChoices, 'scope' | 'principalNames'>;

/** Who is synced: all users, or the users and groups searched next (whose Back asks again). */
async function pickScope(
  host: PairSetupHost,
  words: PairSetupWords,
  source: TenantRecord,
  at: StepPosition,
): Promise<Scope | Back> {
  const name = tenantLabel(source);
  // Bounded like every loop: each round is the user choosing, then pressing Back.
  for (let round = 0; round < 100; round++) {
    const all = await host.ui.pickStep(
      [
        { ...words.chosenUsers, value: false },
        { ...words.allUsers(name), value: true },
      ],
      { title: words.title, placeHolder: words.whoIsSynced },
      at,
    );
    if (all === BACK) return BACK;
    if (all) return { scope: 'allUsers' };
    const objects = await pickDirectoryObjectsStep(
      host.ui,
      host.client(source),
      words.principals(name),
      { ...at, back: true },
    );
    if (objects === BACK) continue;
    return {
      scope: {
        userIds: objects.filter((o) => o.type === 'User').map((o) => o.id),
        groupIds: objects.filter((o) => o.type === 'Group').map((o) => o.id),
      },
      principalNames: Object.fromEntries(objects.map((o) => [o.id, o.name])),
    };
  }
  throw new UserCancelledError();
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
  let sourceChoice = given.source;
  let targetChoice = given.target;
  let scope: Scope = { scope: 'allUsers' };
  let userType: SyncedUserType = 'Member';
  let configurationName = '';
  // A name the user typed is kept when they come back to it; the prefilled one follows the target.
  let typedName: string | undefined;
  const others = (from: TenantRecord): TenantRecord[] =>
    host.tenants.filter((r) => r.tenantId !== from.tenantId);
  /** The target once chosen or known: never the source, and signed in (the flow writes to it). */
  const settle = async (chosen: TenantRecord | undefined, from: TenantRecord): Promise<void> => {
    if (!chosen) throw new Error(words.needTwoTenants);
    if (chosen.tenantId === from.tenantId) throw new Error(words.sameTenant);
    targetChoice = chosen;
    await host.signIn(chosen);
  };
  if (!sourceChoice && host.tenants.length < 2) throw new Error(words.needTwoTenants);
  // A tenant is asked for only when there is a choice: the only other tenant is the target.
  const askTarget =
    !targetChoice && (sourceChoice ? others(sourceChoice).length : host.tenants.length - 1) > 1;

  const steps: WizardStep[] = [];
  if (!sourceChoice)
    steps.push(async (at) => {
      const chosen = await pickTenantStep(ui, host.tenants, words, words.pickSource, at);
      if (chosen === BACK) return BACK;
      sourceChoice = chosen;
      await host.signIn(chosen);
      if (!askTarget && !given.target) await settle(others(chosen)[0], chosen);
    });
  else {
    await host.signIn(sourceChoice);
    if (targetChoice) await settle(targetChoice, sourceChoice);
    else if (!askTarget) await settle(others(sourceChoice)[0], sourceChoice);
  }
  if (askTarget)
    steps.push(async (at) => {
      const from = sourceChoice!;
      const chosen = await pickTenantStep(
        ui,
        others(from),
        words,
        words.pickTarget(tenantLabel(from)),
        at,
      );
      if (chosen === BACK) return BACK;
      await settle(chosen, from);
    });
  steps.push(async (at) => {
    const chosen = await pickScope(host, words, sourceChoice!, at);
    if (chosen === BACK) return BACK;
    scope = chosen;
  });
  steps.push(async (at) => {
    const chosen = await ui.pickStep<SyncedUserType>(
      [
        { ...words.members(tenantLabel(targetChoice!)), value: 'Member' },
        { ...words.guests(tenantLabel(targetChoice!)), value: 'Guest' },
      ],
      { title: words.title, placeHolder: words.syncedUsersBecome },
      at,
    );
    if (chosen === BACK) return BACK;
    userType = chosen;
  });
  steps.push(async (at) => {
    const name = await ui.inputStep(
      {
        title: words.nameTitle,
        prompt: words.namePrompt(tenantLabel(sourceChoice!), tenantLabel(targetChoice!)),
        value: typedName ?? tenantLabel(targetChoice!),
        validate: (v) => (v.trim() ? undefined : words.nameMissing),
      },
      at,
    );
    if (name === BACK) return BACK;
    configurationName = name.trim();
    typedName = configurationName === tenantLabel(targetChoice!) ? undefined : configurationName;
  });
  await runWizard(steps);
  const [source, target] = [sourceChoice, targetChoice];
  if (!source || !target) throw new Error(words.needTwoTenants);
  const names = { sourceName: tenantLabel(source), targetName: tenantLabel(target) };
  const clients = { source: host.client(source), target: host.client(target) };
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
