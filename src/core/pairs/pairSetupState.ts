import type { CallOptions, GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import { listSyncAssignments } from '../graph/operations/appRoleAssignments';
import { getIdentitySync } from '../graph/operations/identitySync';
import { getPartner } from '../graph/operations/partners';
import {
  accessRoleId,
  CROSS_TENANT_SYNC_JOB_TEMPLATE,
  findSyncConfigurations,
} from '../graph/operations/syncConfigurations';
import { getSyncSchema, listSyncJobs } from '../graph/operations/syncJobs';
import type { IdentitySync, Partner, SyncJob } from '../graph/types';
import { resolveConfigurationTarget } from './resolveConfigurationTarget';
import { userTypeConstant } from './userTypeMapping';

/** A sync configuration of the source tenant, as far as it was read. */
export interface ConfigurationState {
  readonly servicePrincipalId: string;
  readonly displayName: string;
  /** Where it syncs to, when known (see resolveConfigurationTarget); a name match with an unknown target is taken to be this pair's. */
  readonly targetTenantId?: string;
  /** The `msiam_access` role users and groups are assigned with; undefined when not read. */
  readonly appRoleId?: string;
  /** Undefined when not read. */
  readonly jobs?: readonly SyncJob[];
  /** Ids of the assigned users and groups; undefined when not read. */
  readonly assignedPrincipalIds?: readonly string[];
  /** The constant the userType mapping writes ("Member" by default); undefined when the schema was not read. */
  readonly userType?: string;
}

/** What is in place for cross-tenant sync from one tenant to another, on both sides. */
export interface PairSetupState {
  readonly source: {
    readonly tenantId: string;
    readonly displayName?: string;
    /** The source's partner entry for the target. */
    readonly partner?: Partner;
    readonly configurations: readonly ConfigurationState[];
  };
  readonly target: {
    readonly tenantId: string;
    readonly displayName?: string;
    /** The target's partner entry for the source. */
    readonly partner?: Partner;
    readonly identitySync?: IdentitySync;
  };
}

export interface PairClients {
  readonly source: GraphClient;
  readonly target: GraphClient;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The configuration of this pair called `name`: one known to sync to the target, else one whose
 * target is unknown. A configuration of that name that syncs elsewhere is not reused — that would
 * repoint someone else's sync — so asking for it is an error.
 */
export function configurationFor(
  state: PairSetupState,
  name: string,
): ConfigurationState | undefined {
  const named = state.source.configurations.filter((c) => sameName(c.displayName, name));
  const target = state.target.tenantId.toLowerCase();
  const found =
    named.find((c) => c.targetTenantId?.toLowerCase() === target) ??
    named.find((c) => c.targetTenantId === undefined);
  if (!found && named.length > 0) {
    throw new Error(
      `The sync configuration "${named[0].displayName}" in ${state.source.displayName ?? state.source.tenantId} syncs to another tenant (${named[0].targetTenantId}), not to ${state.target.displayName ?? state.target.tenantId}.`,
    );
  }
  return found;
}

/** The configuration's cross-tenant sync job. */
export function azure2AzureJob(configuration: ConfigurationState | undefined): SyncJob | undefined {
  return configuration?.jobs?.find((j) => j.templateId === CROSS_TENANT_SYNC_JOB_TEMPLATE);
}

async function partnerOrUndefined(
  client: GraphClient,
  partnerTenantId: string,
  options: CallOptions,
): Promise<Partner | undefined> {
  try {
    return await getPartner(client, partnerTenantId, options);
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) return undefined;
    throw e;
  }
}

export interface LoadPairSetupOptions extends CallOptions {
  readonly sourceName?: string;
  readonly targetName?: string;
}

/**
 * Reads what a setup or removal of sync from `clients.source` to `clients.target` depends on: both
 * partner entries, the target's identity synchronization policy, the source's configurations,
 * and — for the configuration called `configurationName` — its jobs, assignments and userType
 * mapping. Configurations named after the target (`targetName`, see resolveConfigurationTarget)
 * are taken to sync to it, so a removal keeps the pair's settings while another one remains. Only
 * reads: at most seven GETs.
 */
export async function loadPairSetupState(
  clients: PairClients,
  configurationName: string,
  options: LoadPairSetupOptions = {},
): Promise<PairSetupState> {
  const { signal } = options;
  const sourceId = clients.source.tenantId.toLowerCase();
  const targetId = clients.target.tenantId.toLowerCase();
  const [targetPartner, identitySync, sourcePartner, servicePrincipals] = await Promise.all([
    partnerOrUndefined(clients.target, sourceId, { signal }),
    getIdentitySync(clients.target, sourceId, { signal }),
    partnerOrUndefined(clients.source, targetId, { signal }),
    findSyncConfigurations(clients.source, { signal }),
  ]);
  const targets = options.targetName
    ? [{ tenantId: targetId, displayName: options.targetName }]
    : [];
  const configurations = await Promise.all(
    servicePrincipals.map(async (sp): Promise<ConfigurationState> => {
      const displayName = sp.displayName ?? '';
      const targetTenantId = resolveConfigurationTarget(displayName, {
        sourceTenantId: sourceId,
        partners: targets,
        signedInTenants: [],
      })?.tenantId;
      const base = {
        servicePrincipalId: sp.id ?? '',
        displayName,
        appRoleId: accessRoleId(sp),
        targetTenantId,
      };
      if (!sameName(base.displayName, configurationName) || !sp.id) return base;
      const [jobs, assignments] = await Promise.all([
        listSyncJobs(clients.source, sp.id, { signal }),
        listSyncAssignments(clients.source, sp.id, { signal }),
      ]);
      const job = azure2AzureJob({ ...base, jobs });
      const userType = job?.id
        ? userTypeConstant(await getSyncSchema(clients.source, sp.id, job.id, { signal }))
        : undefined;
      return {
        ...base,
        jobs,
        assignedPrincipalIds: assignments.flatMap((a) => (a.principalId ? [a.principalId] : [])),
        userType,
      };
    }),
  );
  return {
    source: {
      tenantId: sourceId,
      displayName: options.sourceName,
      partner: sourcePartner,
      configurations,
    },
    target: {
      tenantId: targetId,
      displayName: options.targetName,
      partner: targetPartner,
      identitySync,
    },
  };
}
