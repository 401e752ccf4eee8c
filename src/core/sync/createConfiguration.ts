import { sleep as abortableSleep, throwIfAborted } from '../graph/abort';
import type { GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import { pathSegment } from '../graph/odata';
import {
  CROSS_TENANT_SYNC_JOB_TEMPLATE,
  instantiateSyncTemplate,
} from '../graph/operations/syncConfigurations';
import {
  createSyncJob,
  putSyncSecrets,
  validateSyncCredentials,
} from '../graph/operations/syncJobs';
import type { ServicePrincipal, SyncSecret } from '../graph/types';

export type CreateStep =
  'instantiate' | 'waitForServicePrincipal' | 'createJob' | 'saveCredentials' | 'testConnection';

export interface CreateConfigurationInput {
  /** Usually the target tenant's name; it names the configuration in both portals. */
  readonly displayName: string;
  readonly targetTenantId: string;
  /** Where quarantine and accidental-deletion emails go; notifications are on when set. */
  readonly notificationEmail?: string;
  /** Accidental-deletion threshold; the prevention is on when set. */
  readonly deletionThreshold?: number;
  /** true: every user of this tenant is in scope; false (default): only assigned users and groups. */
  readonly syncAll?: boolean;
}

export interface CreateConfigurationHooks {
  onStep(step: CreateStep, detail?: string): void;
  readonly signal?: AbortSignal;
  /** Waits between reads of the new service principal (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface CredentialProblem {
  readonly tenant: 'source' | 'target';
  readonly tenantId: string;
  readonly setting:
    | 'automaticUserConsentSettings.outboundAllowed'
    | 'automaticUserConsentSettings.inboundAllowed'
    | 'identitySynchronization.userSyncInbound.isSyncAllowed'
    | 'other';
  readonly message: string;
}

export interface CreatedConfiguration {
  readonly servicePrincipalId: string;
  readonly appId: string;
  /** The application's object id (for deleting the configuration). */
  readonly applicationObjectId?: string;
  readonly jobId: string;
  readonly test:
    { readonly ok: true } | { readonly ok: false; readonly explanation: CredentialProblem[] };
}

/** Reads of a just-created service principal can 404 for a while (replication): back off 1, 2, 4, 8, 8… s. */
const SP_WAIT_DELAYS_MS = [1000, 2000, 4000, 8000, 8000, 8000];

/** The secrets of a cross-tenant sync configuration (graph-api.md §6 step 7; sync-facts.md §2e–§2f). */
export function syncSecrets(input: CreateConfigurationInput): SyncSecret[] {
  const notifications: Record<string, unknown> = {
    Enabled: input.notificationEmail !== undefined && input.notificationEmail !== '',
    ...(input.notificationEmail ? { Recipients: input.notificationEmail } : {}),
    DeleteThresholdEnabled: input.deletionThreshold !== undefined,
    ...(input.deletionThreshold !== undefined
      ? { DeleteThresholdValue: input.deletionThreshold }
      : {}),
    HumanResourcesLookaheadQueryEnabled: false,
  };
  return [
    { key: 'AuthenticationType', value: 'SyncPolicy' },
    { key: 'CompanyId', value: input.targetTenantId },
    // A JSON document inside a string. The notification address has no secret key of its own in the
    // synchronizationSecret enum; the sandbox keeps it as `Recipients` in these settings.
    { key: 'SyncNotificationSettings', value: JSON.stringify(notifications) },
    { key: 'SyncAll', value: input.syncAll === true ? 'true' : 'false' },
  ];
}

async function waitForServicePrincipal(
  client: GraphClient,
  id: string,
  hooks: CreateConfigurationHooks,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(hooks.signal);
    try {
      await client.request<ServicePrincipal>({
        operation: 'servicePrincipal.get',
        method: 'GET',
        path: `/servicePrincipals/${pathSegment(id)}`,
        query: { $select: 'id' },
        signal: hooks.signal,
      });
      return;
    } catch (e) {
      if (!(e instanceof GraphError && e.status === 404) || attempt >= SP_WAIT_DELAYS_MS.length)
        throw e;
      const ms = SP_WAIT_DELAYS_MS[attempt];
      hooks.onStep('waitForServicePrincipal', `waiting ${Math.round(ms / 1000)}s`);
      await sleep(ms);
    }
  }
}

/**
 * Creates a cross-tenant sync configuration in the signed-in (source) tenant: instantiates the
 * gallery template, waits until the new service principal can be read, creates the Azure2Azure job,
 * saves the credentials and tests the connection. A failed test is a result, not an error: the
 * configuration exists and the explanation says which tenant's setting to change.
 */
export async function createSyncConfiguration(
  client: GraphClient,
  input: CreateConfigurationInput,
  hooks: CreateConfigurationHooks,
): Promise<CreatedConfiguration> {
  const { signal } = hooks;
  const sleep = hooks.sleep ?? ((ms: number) => abortableSleep(ms, signal));
  hooks.onStep('instantiate');
  const { application, servicePrincipal } = await instantiateSyncTemplate(
    client,
    input.displayName,
    { signal },
  );
  const servicePrincipalId = servicePrincipal.id;
  if (!servicePrincipalId || !servicePrincipal.appId)
    throw new Error(
      'Instantiating the cross-tenant sync template returned no service principal id.',
    );
  hooks.onStep('waitForServicePrincipal');
  await waitForServicePrincipal(client, servicePrincipalId, hooks, sleep);
  hooks.onStep('createJob');
  const job = await createSyncJob(client, servicePrincipalId, CROSS_TENANT_SYNC_JOB_TEMPLATE, {
    signal,
  });
  if (!job.id) throw new Error('Creating the synchronization job returned no job id.');
  hooks.onStep('saveCredentials');
  const secrets = syncSecrets(input);
  await putSyncSecrets(client, servicePrincipalId, secrets, { signal });
  hooks.onStep('testConnection');
  let test: CreatedConfiguration['test'] = { ok: true };
  try {
    await validateSyncCredentials(
      client,
      servicePrincipalId,
      {
        useSavedCredentials: false,
        templateId: CROSS_TENANT_SYNC_JOB_TEMPLATE,
        credentials: secrets.slice(0, 2),
      },
      { jobId: job.id, signal },
    );
  } catch (e) {
    if (!isFailedConnectionTest(e)) throw e;
    test = {
      ok: false,
      explanation: explainCredentialFailure(e, client.tenantId, input.targetTenantId),
    };
  }
  return {
    servicePrincipalId,
    appId: servicePrincipal.appId,
    applicationObjectId: application.id ?? undefined,
    jobId: job.id,
    test,
  };
}

/**
 * A validateCredentials refusal that is the test's answer "sync would not work": a 4xx other than
 * sign-in (401), permission (403) or throttling (429) trouble. Microsoft documents no status for
 * it (the sandbox answers 400), so none is singled out.
 */
export function isFailedConnectionTest(err: unknown): err is GraphError {
  return (
    err instanceof GraphError &&
    err.status >= 400 &&
    err.status < 500 &&
    err.status !== 401 &&
    err.status !== 403 &&
    err.status !== 429
  );
}

/**
 * Detail codes that name the setting to change: the sandbox's own (Microsoft documents none), used
 * only to refine an explanation the message already gives (with the exact tenant as `target`).
 */
const DETAIL_SETTINGS: Readonly<
  Record<string, { side: 'source' | 'target'; setting: CredentialProblem['setting'] }>
> = {
  outboundautomaticredemptionnotenabled: {
    side: 'source',
    setting: 'automaticUserConsentSettings.outboundAllowed',
  },
  inboundusersyncnotallowed: {
    side: 'target',
    setting: 'identitySynchronization.userSyncInbound.isSyncAllowed',
  },
  inboundautomaticredemptionnotenabled: {
    side: 'target',
    setting: 'automaticUserConsentSettings.inboundAllowed',
  },
};

/** The codes Entra documents for the failed automatic-redemption and sync policy check (sync-facts.md §1). */
const POLICY_CODES = new Set([
  'azuredirectoryb2bmanagementpolicycheckfailure',
  'azureactivedirectorycrosstenantsyncpolicycheckfailure',
]);

/**
 * The documented texts of the failed checks, one side each (sync-facts.md §1: "the source has not
 * enabled outbound automatic user consent", "the target has not enabled inbound synchronization
 * for this source"; the inbound redemption check in the same words).
 */
const SIDED_TEXTS: readonly {
  readonly pattern: RegExp;
  readonly side: 'source' | 'target';
  readonly setting: CredentialProblem['setting'];
}[] = [
  {
    pattern:
      /\boutbound\s+(automatic\s+)?(user\s+)?(consent|auto-?redemption|redemption|auto-?redeem)/i,
    side: 'source',
    setting: 'automaticUserConsentSettings.outboundAllowed',
  },
  {
    pattern: /\binbound\s+(user\s+)?sync(hroni[sz]ation)?\b/i,
    side: 'target',
    setting: 'identitySynchronization.userSyncInbound.isSyncAllowed',
  },
  {
    pattern:
      /\binbound\s+(automatic\s+)?(user\s+)?(consent|auto-?redemption|redemption|auto-?redeem)/i,
    side: 'target',
    setting: 'automaticUserConsentSettings.inboundAllowed',
  },
];

/** The portal's text for the check without a side: "Policy permitting auto-redemption of invitations not configured". */
const UNSIDED_TEXT = /auto-?redemption|auto-?redeem|automatic redemption/i;

/** Problems the message's sentences name, each with its own sentence as the message. */
function fromText(
  message: string,
  sourceTenantId: string,
  targetTenantId: string,
): CredentialProblem[] {
  return message
    .split(/(?<=[.!?])\s+/)
    .flatMap((sentence) =>
      SIDED_TEXTS.filter(({ pattern }) => pattern.test(sentence)).map(({ side, setting }) => ({
        tenant: side,
        tenantId: side === 'source' ? sourceTenantId : targetTenantId,
        setting,
        message: sentence,
      })),
    )
    .filter(
      (p, i, all) => all.findIndex((q) => q.tenant === p.tenant && q.setting === p.setting) === i,
    );
}

/** The check failed without saying which side: all three settings are candidates. */
function everyCandidate(
  message: string,
  sourceTenantId: string,
  targetTenantId: string,
): CredentialProblem[] {
  return SIDED_TEXTS.map(({ side, setting }) => ({
    tenant: side,
    tenantId: side === 'source' ? sourceTenantId : targetTenantId,
    setting,
    message,
  }));
}

/**
 * Why a connection test failed, per tenant and setting, from what Graph documents: the message's
 * sentences in the documented words name the side and the setting; a documented policy-check
 * code, or the portal's text, without a side makes all three settings candidates; anything else
 * is one `other` problem with the message. The status does not matter beyond it being a refusal
 * (the caller passes only those). Detail codes the client knows refine the explanation with the
 * exact tenant (the sandbox sends them when asked; Microsoft documents none).
 */
export function explainCredentialFailure(
  err: unknown,
  sourceTenantId: string,
  targetTenantId: string,
): CredentialProblem[] {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof GraphError) {
    const refined: CredentialProblem[] = [];
    for (const d of err.details) {
      const known = DETAIL_SETTINGS[(d.code ?? '').toLowerCase()];
      if (!known) continue;
      const side =
        d.target && d.target.toLowerCase() === sourceTenantId.toLowerCase()
          ? 'source'
          : d.target && d.target.toLowerCase() === targetTenantId.toLowerCase()
            ? 'target'
            : known.side;
      refined.push({
        tenant: side,
        tenantId: d.target ?? (side === 'source' ? sourceTenantId : targetTenantId),
        setting: known.setting,
        message: d.message ?? message,
      });
    }
    if (refined.length > 0) return refined;
  }
  const named = fromText(message, sourceTenantId, targetTenantId);
  if (named.length > 0) return named;
  const policyCheck =
    err instanceof GraphError &&
    (POLICY_CODES.has(err.code.toLowerCase()) ||
      err.innerCodes.some((c) => POLICY_CODES.has(c.toLowerCase())));
  if (policyCheck || UNSIDED_TEXT.test(message))
    return everyCandidate(message, sourceTenantId, targetTenantId);
  return [{ tenant: 'target', tenantId: targetTenantId, setting: 'other', message }];
}

/**
 * Deletes a configuration: the application when its object id is known (that removes the service
 * principal too), else the service principal. A 404 counts as already deleted.
 */
export async function deleteSyncConfiguration(
  client: GraphClient,
  servicePrincipalId: string,
  appObjectId?: string,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const path = appObjectId
    ? `/applications/${pathSegment(appObjectId)}`
    : `/servicePrincipals/${pathSegment(servicePrincipalId)}`;
  try {
    await client.request({
      operation: 'syncConfiguration.delete',
      method: 'DELETE',
      path,
      signal: options.signal,
    });
  } catch (e) {
    if (!(e instanceof GraphError && e.status === 404)) throw e;
  }
}
