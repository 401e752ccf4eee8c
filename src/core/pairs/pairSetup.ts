import {
  CROSS_TENANT_SYNC_JOB_TEMPLATE,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
} from '../graph/operations/syncConfigurations';
import type { PairPlan, PlanStep, PlanTenant } from './pairPlan';
import {
  azure2AzureJob,
  configurationFor,
  type ConfigurationState,
  type PairSetupState,
} from './pairSetupState';
import type { SyncedUserType } from './userTypeMapping';

export type SetupStepKind =
  | 'targetPartner'
  | 'userSyncInbound'
  | 'autoRedeemInbound'
  | 'sourcePartner'
  | 'autoRedeemOutbound'
  | 'configuration'
  | 'job'
  | 'credentials'
  | 'testConnection'
  | 'userType'
  | 'assign'
  | 'startJob';

export interface PairSetupChoices {
  /** Who is synced: the assigned users and groups (SyncAll off), or every user of the source. */
  readonly scope:
    { readonly userIds: readonly string[]; readonly groupIds: readonly string[] } | 'allUsers';
  /** What synced users become in the target (the service default is Member). */
  readonly userType: SyncedUserType;
  /** Usually the target's name; an existing configuration of this name is reused. */
  readonly configurationName: string;
  /** Where quarantine and accidental-deletion emails go; notifications are off without one. */
  readonly notificationEmail?: string;
  /** Accidental-deletion threshold; prevention is off without one. */
  readonly deletionThreshold?: number;
  /** Names of the users and groups in `scope`, for step titles. */
  readonly principalNames?: Readonly<Record<string, string>>;
}

export type PairSetupPlan = PairPlan<SetupStepKind> & { readonly choices: PairSetupChoices };

/**
 * A job that was ever started has been given credentials and passed a connection test. The secrets
 * cannot be read back (graph-api.md §6 step 7), so this is the only sign of them; writing them again
 * would also reset notification and deletion settings an admin may have changed since.
 */
function started(configuration: ConfigurationState | undefined): boolean {
  const state = azure2AzureJob(configuration)?.schedule?.state;
  return state !== undefined && state !== null && state !== 'Disabled';
}

/** Whether a setup step's outcome is in place: the same test for planning and, on fresh state, for running. */
export function isSetupStepDone(
  step: PlanStep<SetupStepKind>,
  state: PairSetupState,
  choices: PairSetupChoices,
): boolean {
  const configuration = configurationFor(state, choices.configurationName);
  const job = azure2AzureJob(configuration);
  switch (step.kind) {
    case 'targetPartner':
      return state.target.partner !== undefined;
    case 'userSyncInbound':
      return state.target.identitySync?.userSyncInbound?.isSyncAllowed === true;
    case 'autoRedeemInbound':
      return state.target.partner?.automaticUserConsentSettings?.inboundAllowed === true;
    case 'sourcePartner':
      return state.source.partner !== undefined;
    case 'autoRedeemOutbound':
      return state.source.partner?.automaticUserConsentSettings?.outboundAllowed === true;
    case 'configuration':
      return configuration !== undefined;
    case 'job':
      return job !== undefined;
    case 'credentials':
    case 'testConnection':
      return started(configuration);
    case 'userType':
      return configuration?.userType === choices.userType;
    case 'assign':
      return (
        configuration?.assignedPrincipalIds?.some(
          (id) => id.toLowerCase() === step.principal?.id.toLowerCase(),
        ) === true
      );
    case 'startJob':
      // A quarantined job is "started" but not syncing; start lifts the quarantine.
      return job?.schedule?.state === 'Active' && job.status?.code !== 'Quarantine';
  }
}

function tenant(t: { tenantId: string; displayName?: string }): PlanTenant {
  return { tenantId: t.tenantId.toLowerCase(), displayName: t.displayName ?? t.tenantId };
}

function principals(choices: PairSetupChoices): { id: string; type: 'User' | 'Group' }[] {
  if (choices.scope === 'allUsers') return [];
  const seen = new Set<string>();
  const out: { id: string; type: 'User' | 'Group' }[] = [];
  for (const [ids, type] of [
    [choices.scope.groupIds, 'Group'],
    [choices.scope.userIds, 'User'],
  ] as const) {
    for (const id of ids) {
      if (seen.has(id.toLowerCase())) continue;
      seen.add(id.toLowerCase());
      out.push({ id, type });
    }
  }
  return out;
}

/**
 * The steps that set up cross-tenant sync from the source to the target, in the order Entra
 * needs them: the target first — a partner entry for the source, inbound user sync, inbound
 * automatic redemption (a configuration cannot be set up before the target allows sync,
 * peers.md §3) — then the source: its partner entry for the target, outbound automatic
 * redemption, the configuration with its job, credentials and connection test, the userType
 * mapping when it differs from the choice, one assignment per user or group not yet assigned, and
 * the start. Steps already in place are marked done. Existing assignments of others are kept.
 */
export function planPairSetup(state: PairSetupState, choices: PairSetupChoices): PairSetupPlan {
  const name = choices.configurationName.trim();
  if (name === '')
    throw new Error('Name the sync configuration (usually after the target tenant).');
  const scope = principals(choices);
  if (choices.scope !== 'allUsers' && scope.length === 0)
    throw new Error(
      'Choose at least one user or group to sync, or sync all users: only assigned users and groups are synced otherwise.',
    );
  const src = tenant(state.source);
  const tgt = tenant(state.target);
  const S = src.displayName;
  const T = tgt.displayName;
  const configuration = configurationFor(state, name);
  const job = azure2AzureJob(configuration);
  const sp = configuration?.servicePrincipalId ?? '{servicePrincipalId}';
  const jobPath = `/servicePrincipals/${sp}/synchronization/jobs/${job?.id ?? '{jobId}'}`;
  const partners = '/policies/crossTenantAccessPolicy/partners';
  const syncAll = choices.scope === 'allUsers';

  const step = (
    id: string,
    kind: SetupStepKind,
    tenantId: string,
    title: string,
    detail: string,
    principal?: PlanStep['principal'],
  ): PlanStep<SetupStepKind> => {
    const s: PlanStep<SetupStepKind> = {
      id,
      kind,
      tenantId,
      title,
      detail,
      done: false,
      ...(principal ? { principal } : {}),
    };
    return { ...s, done: isSetupStepDone(s, state, { ...choices, configurationName: name }) };
  };

  const target = [
    step(
      'target.partner',
      'targetPartner',
      tgt.tenantId,
      `Add ${S} as a partner of ${T}`,
      `POST ${partners} {"tenantId":"${src.tenantId}"} in ${T}`,
    ),
    step(
      'target.userSyncInbound',
      'userSyncInbound',
      tgt.tenantId,
      `Allow users from ${S} to sync into ${T}`,
      `PUT ${partners}/${src.tenantId}/identitySynchronization {"userSyncInbound":{"isSyncAllowed":true}} in ${T} (PATCH when the policy exists)`,
    ),
    step(
      'target.autoRedeemInbound',
      'autoRedeemInbound',
      tgt.tenantId,
      `Redeem invitations from ${S} automatically in ${T}`,
      `PATCH ${partners}/${src.tenantId} automaticUserConsentSettings.inboundAllowed = true in ${T}`,
    ),
  ];
  const userTypeKnownOther =
    configuration?.userType !== undefined && configuration.userType !== choices.userType;
  const source = [
    step(
      'source.partner',
      'sourcePartner',
      src.tenantId,
      `Add ${T} as a partner of ${S}`,
      `POST ${partners} {"tenantId":"${tgt.tenantId}"} in ${S}`,
    ),
    step(
      'source.autoRedeemOutbound',
      'autoRedeemOutbound',
      src.tenantId,
      `Redeem invitations to ${T} automatically from ${S}`,
      `PATCH ${partners}/${tgt.tenantId} automaticUserConsentSettings.outboundAllowed = true in ${S}`,
    ),
    step(
      'source.configuration',
      'configuration',
      src.tenantId,
      `Create the sync configuration "${name}" in ${S}`,
      `POST /applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate {"displayName":"${name}"}, then wait until its service principal can be read`,
    ),
    step(
      'source.job',
      'job',
      src.tenantId,
      `Create the provisioning job of "${name}"`,
      `POST /servicePrincipals/${sp}/synchronization/jobs {"templateId":"${CROSS_TENANT_SYNC_JOB_TEMPLATE}"}`,
    ),
    step(
      'source.credentials',
      'credentials',
      src.tenantId,
      `Point "${name}" at ${T}, syncing ${syncAll ? 'all users' : 'assigned users and groups'}`,
      `PUT /servicePrincipals/${sp}/synchronization/secrets: CompanyId ${tgt.tenantId}, AuthenticationType SyncPolicy, SyncAll ${syncAll}, ` +
        `notifications ${choices.notificationEmail ? `to ${choices.notificationEmail}` : 'off'}, deletion threshold ${choices.deletionThreshold ?? 'off'}`,
    ),
    step(
      'source.testConnection',
      'testConnection',
      src.tenantId,
      `Test the connection from ${S} to ${T}`,
      `POST ${jobPath}/validateCredentials`,
    ),
    ...(choices.userType === 'Guest' || userTypeKnownOther
      ? [
          step(
            'source.userType',
            'userType',
            src.tenantId,
            `Create users from ${S} in ${T} as ${choices.userType === 'Guest' ? 'guests' : 'members'}`,
            `GET ${jobPath}/schema, set the userType mapping to the constant "${choices.userType}", PUT the whole schema back (users that already exist keep their type)`,
          ),
        ]
      : []),
    ...scope.map((p) =>
      step(
        `source.assign.${p.id.toLowerCase()}`,
        'assign',
        src.tenantId,
        `Assign ${p.type === 'Group' ? 'group' : 'user'} ${choices.principalNames?.[p.id] ?? p.id} to "${name}"`,
        `POST /servicePrincipals/${sp}/appRoleAssignedTo {"principalId":"${p.id}","resourceId":"${sp}","appRoleId":"<msiam_access role>"}`,
        p,
      ),
    ),
    step(
      'source.startJob',
      'startJob',
      src.tenantId,
      `Start provisioning from ${S} to ${T}`,
      `POST ${jobPath}/start`,
    ),
  ];
  const notes: string[] = [];
  if (started(configuration))
    notes.push(
      `"${name}" has run before, so its saved credentials are kept: Graph cannot read them back to compare.`,
    );
  const chosen = new Set(scope.map((p) => p.id.toLowerCase()));
  const others =
    configuration?.assignedPrincipalIds?.filter((id) => !chosen.has(id.toLowerCase())) ?? [];
  if (others.length > 0)
    notes.push(
      `${others.length} other ${others.length === 1 ? 'user or group stays' : 'users and groups stay'} assigned to "${name}".`,
    );
  return {
    sourceTenant: src,
    targetTenant: tgt,
    configurationName: name,
    choices: { ...choices, configurationName: name },
    target,
    source,
    notes,
  };
}
