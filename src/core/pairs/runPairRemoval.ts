import { deleteIdentitySync } from '../graph/operations/identitySync';
import { updatePartner } from '../graph/operations/partners';
import { getSyncJob, pauseSyncJob } from '../graph/operations/syncJobs';
import type { Partner } from '../graph/types';
import { deleteSyncConfiguration } from '../sync/createConfiguration';
import {
  runPlanSteps,
  type PairRunHooks,
  type PairRunResult,
  type PlanStep,
  type StepExecutor,
} from './pairPlan';
import { isRemovalStepDone, type PairRemovalPlan, type RemovalStepKind } from './pairRemoval';
import {
  azure2AzureJob,
  configurationFor,
  loadPairSetupState,
  type PairClients,
  type PairSetupState,
} from './pairSetupState';

/** The consent object as a whole (PATCH replaces nested objects), with one flag turned off and the other as it was. */
function consentOff(
  partner: Partner | undefined,
  flag: 'inboundAllowed' | 'outboundAllowed',
): NonNullable<Partner['automaticUserConsentSettings']> {
  const current = partner?.automaticUserConsentSettings;
  return {
    inboundAllowed: current?.inboundAllowed ?? false,
    outboundAllowed: current?.outboundAllowed ?? false,
    [flag]: false,
  };
}

function removalExecutor(
  plan: PairRemovalPlan,
  clients: PairClients,
  signal?: AbortSignal,
): StepExecutor<RemovalStepKind, PairSetupState> {
  const sourceId = plan.sourceTenant.tenantId;
  const targetId = plan.targetTenant.tenantId;
  return {
    isDone: (step, state) => isRemovalStepDone(step, state, plan.configurationName),
    async run(step: PlanStep<RemovalStepKind>, state: PairSetupState): Promise<PairSetupState> {
      const configuration = configurationFor(state, plan.configurationName);
      switch (step.kind) {
        case 'pauseJob': {
          const jobId = azure2AzureJob(configuration)?.id;
          if (!configuration || !jobId) return state;
          await pauseSyncJob(clients.source, configuration.servicePrincipalId, jobId, { signal });
          const job = await getSyncJob(clients.source, configuration.servicePrincipalId, jobId, {
            signal,
          });
          const jobs = (configuration.jobs ?? []).map((j) => (j.id === jobId ? job : j));
          return {
            ...state,
            source: {
              ...state.source,
              configurations: state.source.configurations.map((c) =>
                c === configuration ? { ...c, jobs } : c,
              ),
            },
          };
        }
        case 'deleteConfiguration':
          if (configuration)
            await deleteSyncConfiguration(
              clients.source,
              configuration.servicePrincipalId,
              undefined,
              { signal },
            );
          return {
            ...state,
            source: {
              ...state.source,
              configurations: state.source.configurations.filter((c) => c !== configuration),
            },
          };
        case 'autoRedeemOutboundOff': {
          const automaticUserConsentSettings = consentOff(state.source.partner, 'outboundAllowed');
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
        case 'userSyncInboundOff':
          await deleteIdentitySync(clients.target, sourceId, { signal });
          return { ...state, target: { ...state.target, identitySync: undefined } };
        case 'autoRedeemInboundOff': {
          const automaticUserConsentSettings = consentOff(state.target.partner, 'inboundAllowed');
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
        case 'keepPartner':
          return state;
      }
    },
  };
}

/**
 * Carries out a removal plan, the source's steps first, each checked again against the settings
 * read when the run starts. Like runPairSetup: stops at the first failure and returns it, throws
 * only AbortError, and a second run finishes what the first left.
 */
export function runPairRemoval(
  plan: PairRemovalPlan,
  clients: PairClients,
  hooks: PairRunHooks,
): Promise<PairRunResult> {
  return runPlanSteps(
    [...plan.source, ...plan.target],
    () =>
      loadPairSetupState(clients, plan.configurationName, {
        signal: hooks.signal,
        sourceName: plan.sourceTenant.displayName,
        targetName: plan.targetTenant.displayName,
      }),
    removalExecutor(plan, clients, hooks.signal),
    hooks,
    `Removing sync from ${plan.sourceTenant.displayName} to ${plan.targetTenant.displayName}`,
  );
}
