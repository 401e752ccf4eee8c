import type { ProgressReport } from '../../../../src/core/ports/progress';
import type { PlanWords } from '../../../../src/core/pairs/planText';
import type { PairRemovalWords } from '../../../../src/core/pairs/removePairFlow';
import type { StoppedWords } from '../../../../src/core/pairs/runPairPlan';
import type { PairSetupHost, PairSetupWords } from '../../../../src/core/pairs/setUpPairFlow';
import type { TenantRecord } from '../../../../src/core/tenants/tenantRecord';
import { SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import type { ScriptedUserInput } from '../../../support/scriptedUserInput';
import type { SandboxFixture } from '../graph/support/sandbox';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;

const record = (tenantId: string, displayName: string): TenantRecord => ({
  tenantId,
  displayName,
  cloud: 'global',
  auth: 'sandbox',
});

/** The seeded sandbox tenants as the Tenants view lists them. */
export const TENANTS = {
  contoso: record(contoso, 'Contoso Group'),
  fabrikam: record(fabrikam, 'Fabrikam Retail'),
  northwind: record(northwind, 'Northwind Traders'),
  tailspin: record(tailspin, 'Tailspin Toys'),
  woodgrove: record(woodgrove, 'Woodgrove Bank'),
};

/** The writes Graph received, each as "source|target METHOD operation" (Contoso is the source). */
export function pairWrites(fx: SandboxFixture): string[] {
  return fx.log
    .filter((e) => e.method !== 'GET')
    .map(
      (e) =>
        `${e.tenantId === TENANTS.contoso.tenantId ? 'source' : 'target'} ${e.method} ${e.operation}`,
    );
}

/** What a flow did besides prompting: everything the test may assert on. */
export interface HostRecord {
  readonly log: string[];
  readonly progress: string[];
  readonly reports: ProgressReport[];
  /** The tenant ids of each "changed" call. */
  readonly changed: string[][];
  readonly signedIn: string[];
  readonly logsShown: string[];
}

/**
 * A pair-flow host over the HTTP sandbox: Graph clients per tenant, a progress that runs the work
 * as it is (recording its title and reports), a log kept as lines.
 */
export function flowHost(
  fx: SandboxFixture,
  ui: ScriptedUserInput,
  overrides: Partial<PairSetupHost> = {},
): PairSetupHost & { readonly record: HostRecord } {
  const rec: HostRecord = {
    log: [],
    progress: [],
    reports: [],
    changed: [],
    signedIn: [],
    logsShown: [],
  };
  return {
    record: rec,
    ui,
    log: {
      info: (l) => rec.log.push(`info ${l}`),
      warn: (l) => rec.log.push(`warn ${l}`),
      error: (l) => rec.log.push(`error ${l}`),
    },
    progress: (title, work) => {
      rec.progress.push(title);
      return work((r) => rec.reports.push(r), new AbortController().signal);
    },
    client: (r) => fx.client(r.tenantId),
    tenants: Object.values(TENANTS),
    signIn: (r) => {
      rec.signedIn.push(r.tenantId);
      return Promise.resolve();
    },
    changed: (tenants) => {
      rec.changed.push(tenants.map((t) => t.tenantId));
      return Promise.resolve();
    },
    showLogs: (source, name) => {
      rec.logsShown.push(`${source.tenantId} ${name}`);
      return Promise.resolve();
    },
    ...overrides,
  };
}

export const PLAN_WORDS: PlanWords = {
  inTarget: (t) => `In ${t} (target):`,
  inSource: (t) => `In ${t} (source):`,
  nothingToChange: 'nothing to change',
  alreadyDone: '(already done)',
};

const stopped: StoppedWords = ({ step, tenant, reason, done }) =>
  `Stopped at "${step}" in ${tenant}: ${reason} ${done} step(s) were done before it.`;

/** Words as the command gives them, in short English: the tests check which prompt comes when. */
export const SETUP_WORDS: PairSetupWords = {
  needTwoTenants: 'Setting up sync needs two tenants.',
  pickSource: 'Sync users FROM which tenant?',
  pickTarget: (s) => `Sync users from ${s} INTO which tenant?`,
  sameTenant: 'Source and target must be two different tenants.',
  title: 'Set Up Cross-Tenant Sync',
  whoIsSynced: 'Who is synced?',
  chosenUsers: { label: 'Chosen users and groups', detail: 'only those assigned' },
  allUsers: (s) => ({ label: 'All users', detail: `every member of ${s}` }),
  principals: (s) => ({
    title: `Users and groups of ${s} to sync`,
    placeHolder: 'Type a name',
    group: 'group',
  }),
  syncedUsersBecome: 'Synced users become…',
  members: (t) => ({ label: 'Members', detail: `members of ${t}` }),
  guests: (t) => ({ label: 'Guests', detail: `guests in ${t}` }),
  nameTitle: 'Configuration name',
  namePrompt: (s, t) => `The sync configuration in ${s} for ${t}`,
  nameMissing: 'Give the configuration a name.',
  reading: 'Reading both tenants…',
  plan: PLAN_WORDS,
  nothingToDo: (s, t) => `Sync from ${s} to ${t} is already set up.`,
  confirm: (s, t) => `Set up cross-tenant sync from ${s} to ${t}?`,
  confirmDetail: (plan) => plan,
  apply: (n) => `Apply ${n}`,
  running: (s, t) => `Setting up sync ${s} → ${t}`,
  stopped,
  done: (s, t, summary) => `Sync from ${s} to ${t} is set up (${summary}).`,
  showLogs: 'Show Provisioning Logs',
};

export const REMOVAL_WORDS: PairRemovalWords = {
  reading: 'Reading both tenants…',
  plan: PLAN_WORDS,
  nothingLeft: (c, s, t) => `No sync "${c}" from ${s} to ${t} left to remove.`,
  confirm: (c, s, t) => `Remove cross-tenant sync "${c}" from ${s} to ${t}?`,
  confirmDetail: (plan, t) => `${plan}\n\nUsers already synced stay in ${t}.`,
  remove: 'Remove Sync',
  running: (s, t) => `Removing sync ${s} → ${t}`,
  stopped,
  done: (s, t, summary) => `Sync from ${s} to ${t} is removed (${summary}).`,
};
