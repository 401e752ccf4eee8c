import type { GraphClient } from '../graph/graphClient';
import { isAlreadyExists } from '../graph/alreadyExists';
import { pathSegment } from '../graph/odata';
import { addSyncAssignment } from '../graph/operations/appRoleAssignments';
import { setIdentitySync } from '../graph/operations/identitySync';
import { createPartner, getPartner, updatePartner } from '../graph/operations/partners';
import {
  accessRoleId,
  CROSS_TENANT_SYNC_JOB_TEMPLATE,
} from '../graph/operations/syncConfigurations';
import {
  createSyncJob,
  getSyncJob,
  getSyncSchema,
  putSyncSchema,
  putSyncSecrets,
  startSyncJob,
  validateSyncCredentials,
} from '../graph/operations/syncJobs';
import type { Partner, ServicePrincipal, SyncJob } from '../graph/types';
import {
  createSyncConfiguration,
  explainCredentialFailure,
  isFailedConnectionTest,
  syncSecrets,
  type CreateStep,
  type CredentialProblem,
} from '../sync/createConfiguration';
import {
  runPlanSteps,
  type PairRunHooks,
  type PairRunResult,
  type PlanStep,
  type ReportStep,
  type StepExecutor,
} from './pairPlan';
import { isSetupStepDone, type PairSetupPlan, type SetupStepKind } from './pairSetup';
import {
  azure2AzureJob,
  configurationFor,
  loadPairSetupState,
  type ConfigurationState,
  type PairClients,
  type PairSetupState,
} from './pairSetupState';
import { withUserType } from './userTypeMapping';

/** The connection test failed: the configuration exists, but a tenant's settings do not allow the sync yet. */
export class ConnectionTestFailedError extends Error {
  override name = 'ConnectionTestFailedError';

  constructor(readonly problems: readonly CredentialProblem[]) {
    super(`The connection test failed: ${problems.map((p) => p.message).join(' ')}`);
  }
}

/** Creates a partner entry; one that exists already (isAlreadyExists) is read instead, and the steps after it change it with PATCH. */
async function ensurePartner(
  client: GraphClient,
  partnerTenantId: string,
  report: (detail: string) => void,
  signal?: AbortSignal,
): Promise<Partner> {
  try {
    return await createPartner(client, { tenantId: partnerTenantId }, { signal });
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    report('it existed already');
    return await getPartner(client, partnerTenantId, { signal });
  }
}

/** The consent object as a whole (PATCH replaces nested objects), with one flag turned on and the other as it was. */
function consent(
  partner: Partner | undefined,
  flag: 'inboundAllowed' | 'outboundAllowed',
): NonNullable<Partner['automaticUserConsentSettings']> {
  const current = partner?.automaticUserConsentSettings;
  return {
    inboundAllowed: current?.inboundAllowed ?? false,
    outboundAllowed: current?.outboundAllowed ?? false,
    [flag]: true,
  };
}

function withConfiguration(
  state: PairSetupState,
  configuration: ConfigurationState,
): PairSetupState {
  const others = state.source.configurations.filter(
    (c) => c.servicePrincipalId !== configuration.servicePrincipalId,
  );
  return { ...state, source: { ...state.source, configurations: [...others, configuration] } };
}

function withJob(configuration: ConfigurationState, job: SyncJob): ConfigurationState {
  return {
    ...configuration,
    jobs: [...(configuration.jobs ?? []).filter((j) => j.id !== job.id), job],
  };
}

const CREATE_STEP_IDS: Readonly<Record<CreateStep, string>> = {
  instantiate: 'source.configuration',
  waitForServicePrincipal: 'source.configuration',
  createJob: 'source.job',
  saveCredentials: 'source.credentials',
  testConnection: 'source.testConnection',
};

function setupExecutor(
  plan: PairSetupPlan,
  clients: PairClients,
  hooks: PairRunHooks,
): StepExecutor<SetupStepKind, PairSetupState> {
  const { choices } = plan;
  const { signal } = hooks;
  const sourceId = plan.sourceTenant.tenantId;
  const targetId = plan.targetTenant.tenantId;
  const secretsInput = {
    displayName: choices.configurationName,
    targetTenantId: targetId,
    notificationEmail: choices.notificationEmail,
    deletionThreshold: choices.deletionThreshold,
    syncAll: choices.scope === 'allUsers',
  };
  const configurationIn = (state: PairSetupState): ConfigurationState => {
    const found = configurationFor(state, choices.configurationName);
    if (!found)
      throw new Error(
        `The sync configuration "${choices.configurationName}" does not exist (any more) in ${plan.sourceTenant.displayName}.`,
      );
    return found;
  };
  const jobIdIn = (configuration: ConfigurationState): string => {
    const id = azure2AzureJob(configuration)?.id;
    if (!id)
      throw new Error(
        `The sync configuration "${configuration.displayName}" has no provisioning job.`,
      );
    return id;
  };

  /** Instantiate, wait, job, credentials and test in one go (createSyncConfiguration), reporting each as its own step. */
  async function createConfiguration(
    state: PairSetupState,
    report: ReportStep,
  ): Promise<PairSetupState> {
    let running = 'source.configuration';
    const created = await createSyncConfiguration(clients.source, secretsInput, {
      signal,
      sleep: hooks.sleep,
      onStep: (step, detail) => {
        const id = CREATE_STEP_IDS[step];
        if (id !== running) {
          report(running, 'done');
          running = id;
          report(id, 'running', detail);
        } else if (detail) {
          report(id, 'running', detail);
        }
      },
    });
    if (!created.test.ok) throw new ConnectionTestFailedError(created.test.explanation);
    report('source.testConnection', 'done');
    const job = await getSyncJob(clients.source, created.servicePrincipalId, created.jobId, {
      signal,
    });
    return withConfiguration(state, {
      servicePrincipalId: created.servicePrincipalId,
      displayName: choices.configurationName,
      targetTenantId: targetId,
      jobs: [job],
      assignedPrincipalIds: [],
    });
  }

  async function testConnection(configuration: ConfigurationState): Promise<void> {
    const credentials = syncSecrets(secretsInput).filter(
      (s) => s.key === 'AuthenticationType' || s.key === 'CompanyId',
    );
    try {
      await validateSyncCredentials(
        clients.source,
        configuration.servicePrincipalId,
        { useSavedCredentials: false, templateId: CROSS_TENANT_SYNC_JOB_TEMPLATE, credentials },
        { jobId: jobIdIn(configuration), signal },
      );
    } catch (e) {
      if (isFailedConnectionTest(e))
        throw new ConnectionTestFailedError(explainCredentialFailure(e, sourceId, targetId));
      throw e;
    }
  }

  async function appRoleIdOf(configuration: ConfigurationState): Promise<string> {
    if (configuration.appRoleId) return configuration.appRoleId;
    const sp = await clients.source.request<ServicePrincipal>({
      operation: 'servicePrincipal.get',
      method: 'GET',
      path: `/servicePrincipals/${pathSegment(configuration.servicePrincipalId)}`,
      query: { $select: 'id,appRoles' },
      signal,
    });
    const roleId = accessRoleId(sp);
    if (!roleId)
      throw new Error(
        `The sync configuration "${configuration.displayName}" has no msiam_access app role to assign users and groups with.`,
      );
    return roleId;
  }

  return {
    isDone: (step, state) => isSetupStepDone(step, state, choices),
    async run(
      step: PlanStep<SetupStepKind>,
      state: PairSetupState,
      report: ReportStep,
    ): Promise<PairSetupState> {
      const detail = (text: string): void => report(step.id, 'running', text);
      switch (step.kind) {
        case 'targetPartner':
          return {
            ...state,
            target: {
              ...state.target,
              partner: await ensurePartner(clients.target, sourceId, detail, signal),
            },
          };
        case 'userSyncInbound': {
          const userSyncInbound = { isSyncAllowed: true };
          await setIdentitySync(
            clients.target,
            sourceId,
            { displayName: plan.sourceTenant.displayName, userSyncInbound },
            { signal },
          );
          return {
            ...state,
            target: {
              ...state.target,
              identitySync: { tenantId: sourceId, ...state.target.identitySync, userSyncInbound },
            },
          };
        }
        case 'autoRedeemInbound': {
          const automaticUserConsentSettings = consent(state.target.partner, 'inboundAllowed');
          await updatePartner(
            clients.target,
            sourceId,
            { automaticUserConsentSettings },
            { signal },
          );
          return {
            ...state,
            target: {
              ...state.target,
              partner: {
                tenantId: sourceId,
                ...state.target.partner,
                automaticUserConsentSettings,
              },
            },
          };
        }
        case 'sourcePartner':
          return {
            ...state,
            source: {
              ...state.source,
              partner: await ensurePartner(clients.source, targetId, detail, signal),
            },
          };
        case 'autoRedeemOutbound': {
          const automaticUserConsentSettings = consent(state.source.partner, 'outboundAllowed');
          await updatePartner(
            clients.source,
            targetId,
            { automaticUserConsentSettings },
            { signal },
          );
          return {
            ...state,
            source: {
              ...state.source,
              partner: {
                tenantId: targetId,
                ...state.source.partner,
                automaticUserConsentSettings,
              },
            },
          };
        }
        case 'configuration':
          return createConfiguration(state, report);
        case 'job': {
          const configuration = configurationIn(state);
          const job = await createSyncJob(
            clients.source,
            configuration.servicePrincipalId,
            CROSS_TENANT_SYNC_JOB_TEMPLATE,
            { signal },
          );
          return withConfiguration(state, withJob(configuration, job));
        }
        case 'credentials':
          await putSyncSecrets(
            clients.source,
            configurationIn(state).servicePrincipalId,
            syncSecrets(secretsInput),
            { signal },
          );
          return state;
        case 'testConnection':
          await testConnection(configurationIn(state));
          return state;
        case 'userType': {
          const configuration = configurationIn(state);
          const jobId = jobIdIn(configuration);
          const schema = await getSyncSchema(
            clients.source,
            configuration.servicePrincipalId,
            jobId,
            { signal },
          );
          const changed = withUserType(schema, choices.userType);
          if (!changed)
            throw new Error(
              `The schema of "${configuration.displayName}" has no userType mapping to set to ${choices.userType}.`,
            );
          await putSyncSchema(clients.source, configuration.servicePrincipalId, jobId, changed, {
            signal,
          });
          return withConfiguration(state, { ...configuration, userType: choices.userType });
        }
        case 'assign': {
          const configuration = configurationIn(state);
          const principalId = step.principal?.id;
          if (!principalId) throw new Error(`Step ${step.id} names no user or group.`);
          const appRoleId = await appRoleIdOf(configuration);
          await addSyncAssignment(
            clients.source,
            configuration.servicePrincipalId,
            principalId,
            appRoleId,
            { signal },
          );
          return withConfiguration(state, {
            ...configuration,
            appRoleId,
            assignedPrincipalIds: [...(configuration.assignedPrincipalIds ?? []), principalId],
          });
        }
        case 'startJob': {
          const configuration = configurationIn(state);
          const jobId = jobIdIn(configuration);
          await startSyncJob(clients.source, configuration.servicePrincipalId, jobId, { signal });
          return withConfiguration(
            state,
            withJob(
              configuration,
              await getSyncJob(clients.source, configuration.servicePrincipalId, jobId, { signal }),
            ),
          );
        }
      }
    },
  };
}

/**
 * Carries out a setup plan: the target's steps, then the source's, each checked again against
 * the settings read when the run starts, so what is in place is skipped and a re-run after a
 * failure continues where it stopped (a configuration of the chosen name is reused with its job).
 * Stops at the first failure and returns it — a failed connection test as a
 * ConnectionTestFailedError naming the setting to change — and throws only AbortError.
 */
export function runPairSetup(
  plan: PairSetupPlan,
  clients: PairClients,
  hooks: PairRunHooks,
): Promise<PairRunResult> {
  return runPlanSteps(
    [...plan.target, ...plan.source],
    () =>
      loadPairSetupState(clients, plan.choices.configurationName, {
        signal: hooks.signal,
        sourceName: plan.sourceTenant.displayName,
        targetName: plan.targetTenant.displayName,
      }),
    setupExecutor(plan, clients, hooks),
    hooks,
    `Sync from ${plan.sourceTenant.displayName} to ${plan.targetTenant.displayName}`,
  );
}
