import type { PairPlan, PlanStep, PlanTenant } from './pairPlan';
import { azure2AzureJob, configurationFor, type PairSetupState } from './pairSetupState';

export type RemovalStepKind =
  | 'pauseJob'
  | 'deleteConfiguration'
  | 'autoRedeemOutboundOff'
  | 'userSyncInboundOff'
  | 'autoRedeemInboundOff'
  | 'keepPartner';

export type PairRemovalPlan = PairPlan<RemovalStepKind>;

/** Whether a removal step's outcome is in place. Keeping a partner entry is always "in place": it is in the list to say so. */
export function isRemovalStepDone(
  step: PlanStep<RemovalStepKind>,
  state: PairSetupState,
  configurationName: string,
): boolean {
  const configuration = configurationFor(state, configurationName);
  switch (step.kind) {
    case 'pauseJob':
      return azure2AzureJob(configuration)?.schedule?.state !== 'Active';
    case 'deleteConfiguration':
      return configuration === undefined;
    case 'autoRedeemOutboundOff':
      return state.source.partner?.automaticUserConsentSettings?.outboundAllowed !== true;
    case 'userSyncInboundOff':
      return state.target.identitySync === undefined;
    case 'autoRedeemInboundOff':
      return state.target.partner?.automaticUserConsentSettings?.inboundAllowed !== true;
    case 'keepPartner':
      return true;
  }
}

function tenant(t: { tenantId: string; displayName?: string }): PlanTenant {
  return { tenantId: t.tenantId.toLowerCase(), displayName: t.displayName ?? t.tenantId };
}

/**
 * The steps that undo cross-tenant sync from the source to the target, in the safe order: the
 * source first — pause the job (so no cycle runs half-way through the rest), delete the
 * configuration, turn outbound automatic redemption off — then the target: delete the identity
 * synchronization policy (users already synced stay) and turn inbound automatic redemption off.
 * Partner entries are kept: they may carry B2B settings that have nothing to do with sync. When
 * another configuration of the source is known to sync to the same target, the pair's redemption
 * and user-sync settings stay, because that configuration needs them.
 */
export function planPairRemoval(state: PairSetupState, configurationName: string): PairRemovalPlan {
  const name = configurationName.trim();
  const src = tenant(state.source);
  const tgt = tenant(state.target);
  const S = src.displayName;
  const T = tgt.displayName;
  const configuration = configurationFor(state, name);
  const sp = configuration?.servicePrincipalId ?? '{servicePrincipalId}';
  const jobId = azure2AzureJob(configuration)?.id ?? '{jobId}';
  const partners = '/policies/crossTenantAccessPolicy/partners';
  const others = state.source.configurations.filter(
    (c) => c !== configuration && c.targetTenantId?.toLowerCase() === tgt.tenantId,
  );

  const step = (
    id: string,
    kind: RemovalStepKind,
    tenantId: string,
    title: string,
    detail: string,
  ): PlanStep<RemovalStepKind> => {
    const s: PlanStep<RemovalStepKind> = { id, kind, tenantId, title, detail, done: false };
    return { ...s, done: isRemovalStepDone(s, state, name) };
  };
  const keep = (
    id: string,
    tenantId: string,
    holder: string,
    partner: string,
  ): PlanStep<RemovalStepKind> =>
    step(
      id,
      'keepPartner',
      tenantId,
      `Keep ${holder}'s partner entry for ${partner}`,
      'No call: the partner entry and its other settings stay; delete it separately if it is no longer wanted.',
    );

  const notes: string[] = [
    'Partner entries stay in both tenants; only the sync settings are turned off.',
  ];
  if (others.length > 0) {
    notes.push(
      `${others.map((c) => `"${c.displayName}"`).join(', ')} also ${others.length === 1 ? 'syncs' : 'sync'} from ${S} to ${T}, so automatic redemption and user sync between them stay on.`,
    );
  }
  const settingsOff = others.length === 0;
  const source = [
    step(
      'source.pauseJob',
      'pauseJob',
      src.tenantId,
      `Pause provisioning from ${S} to ${T}`,
      `POST /servicePrincipals/${sp}/synchronization/jobs/${jobId}/pause`,
    ),
    step(
      'source.deleteConfiguration',
      'deleteConfiguration',
      src.tenantId,
      `Delete the sync configuration "${name}" in ${S}`,
      `DELETE /servicePrincipals/${sp} (its job, credentials and assignments go with it; users already synced stay in ${T})`,
    ),
    ...(settingsOff
      ? [
          step(
            'source.autoRedeemOutboundOff',
            'autoRedeemOutboundOff',
            src.tenantId,
            `Stop redeeming invitations to ${T} automatically from ${S}`,
            `PATCH ${partners}/${tgt.tenantId} automaticUserConsentSettings.outboundAllowed = false in ${S}`,
          ),
        ]
      : []),
    keep('source.keepPartner', src.tenantId, S, T),
  ];
  const target = [
    ...(settingsOff
      ? [
          step(
            'target.userSyncInboundOff',
            'userSyncInboundOff',
            tgt.tenantId,
            `Stop users from ${S} syncing into ${T}`,
            `DELETE ${partners}/${src.tenantId}/identitySynchronization in ${T} (users already synced stay)`,
          ),
          step(
            'target.autoRedeemInboundOff',
            'autoRedeemInboundOff',
            tgt.tenantId,
            `Stop redeeming invitations from ${S} automatically in ${T}`,
            `PATCH ${partners}/${src.tenantId} automaticUserConsentSettings.inboundAllowed = false in ${T}`,
          ),
        ]
      : []),
    keep('target.keepPartner', tgt.tenantId, T, S),
  ];
  return { sourceTenant: src, targetTenant: tgt, configurationName: name, target, source, notes };
}
