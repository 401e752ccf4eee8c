import { formatResetScope, type ResetScopeMember } from '../flags';
import type { CallOptions, GraphClient } from '../graphClient';
import { pathSegment } from '../odata';
import { listAll } from '../paging';
import {
  parseProvisionOnDemandResult,
  type ProvisionOnDemandResult,
} from '../provisionOnDemandResult';
import type {
  StringKeyStringValuePair,
  SyncJob,
  SyncJobApplicationParameters,
  SyncJobRestartCriteria,
  SyncSchema,
  SyncSecret,
  ValidateCredentialsRequest,
} from '../types';
import { CROSS_TENANT_SYNC_JOB_TEMPLATE } from './syncConfigurations';

function jobs(servicePrincipalId: string): string {
  return `/servicePrincipals/${pathSegment(servicePrincipalId)}/synchronization/jobs`;
}

function job(servicePrincipalId: string, jobId: string): string {
  return `${jobs(servicePrincipalId)}/${pathSegment(jobId)}`;
}

export function listSyncJobs(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<SyncJob[]> {
  return listAll<SyncJob>(client, {
    operation: 'syncJobs.list',
    method: 'GET',
    path: jobs(servicePrincipalId),
    signal: options.signal,
  });
}

export function getSyncJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: CallOptions = {},
): Promise<SyncJob> {
  return client.request({
    operation: 'syncJob.get',
    method: 'GET',
    path: job(servicePrincipalId, jobId),
    signal: options.signal,
  });
}

/** 201; the new job is paused with its schedule disabled until `start`. */
export function createSyncJob(
  client: GraphClient,
  servicePrincipalId: string,
  templateId: string = CROSS_TENANT_SYNC_JOB_TEMPLATE,
  options: CallOptions = {},
): Promise<SyncJob> {
  return client.request({
    operation: 'syncJob.create',
    method: 'POST',
    path: jobs(servicePrincipalId),
    body: { templateId },
    signal: options.signal,
  });
}

/**
 * Resumes a paused or quarantined job. Not "run now": on an active job use restartSyncJob or
 * provisionOnDemand — repeated starts on a running job can stop the service (graph-api.md §11.9).
 */
export async function startSyncJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'syncJob.start',
    method: 'POST',
    path: `${job(servicePrincipalId, jobId)}/start`,
    signal: options.signal,
  });
}

export async function pauseSyncJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'syncJob.pause',
    method: 'POST',
    path: `${job(servicePrincipalId, jobId)}/pause`,
    signal: options.signal,
  });
}

/** Forces reprocessing; `resetScope` members are sent as one flags string (`"Watermark, Escrows, QuarantineState"`). */
export async function restartSyncJob(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  resetScope: readonly ResetScopeMember[],
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'syncJob.restart',
    method: 'POST',
    path: `${job(servicePrincipalId, jobId)}/restart`,
    body: {
      criteria: { resetScope: formatResetScope(resetScope) } satisfies SyncJobRestartCriteria,
    },
    signal: options.signal,
  });
}

/** Provisions the given subjects now (5 requests per 10 s). The JSON-in-strings answer comes back parsed. */
export async function provisionOnDemand(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  parameters: SyncJobApplicationParameters[],
  options: CallOptions = {},
): Promise<ProvisionOnDemandResult> {
  const pair = await client.request<StringKeyStringValuePair>({
    operation: 'syncJob.provisionOnDemand',
    method: 'POST',
    path: `${job(servicePrincipalId, jobId)}/provisionOnDemand`,
    body: { parameters },
    signal: options.signal,
  });
  return parseProvisionOnDemandResult(pair ?? {});
}

/**
 * Tests credentials: 204 when they work, a GraphError saying why when not. Without a job id the
 * collection-bound variant is used, which works before any job exists.
 */
export async function validateSyncCredentials(
  client: GraphClient,
  servicePrincipalId: string,
  request: ValidateCredentialsRequest,
  options: CallOptions & { jobId?: string } = {},
): Promise<void> {
  const base =
    options.jobId === undefined ? jobs(servicePrincipalId) : job(servicePrincipalId, options.jobId);
  await client.request({
    operation: 'syncJob.validateCredentials',
    method: 'POST',
    path: `${base}/validateCredentials`,
    body: request,
    signal: options.signal,
  });
}

export function getSyncSchema(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  options: CallOptions = {},
): Promise<SyncSchema> {
  return client.request({
    operation: 'syncSchema.get',
    method: 'GET',
    path: `${job(servicePrincipalId, jobId)}/schema`,
    signal: options.signal,
  });
}

/** Replaces the whole schema (there is no PATCH): send what getSyncSchema returned, modified. */
export async function putSyncSchema(
  client: GraphClient,
  servicePrincipalId: string,
  jobId: string,
  schema: SyncSchema,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'syncSchema.put',
    method: 'PUT',
    path: `${job(servicePrincipalId, jobId)}/schema`,
    body: schema,
    signal: options.signal,
  });
}

/**
 * The saved secret set (`{value: [{key, value}]}`, passwords masked). Not in the v1.0 reference
 * (only the PUT is), though the metadata has the property and real tenants answer it, so callers
 * must expect a refusal (see readSyncSettings).
 */
export async function getSyncSecrets(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<SyncSecret[]> {
  const body = await client.request<{ value?: SyncSecret[] }>({
    operation: 'syncSecrets.get',
    method: 'GET',
    path: `/servicePrincipals/${pathSegment(servicePrincipalId)}/synchronization/secrets`,
    signal: options.signal,
  });
  return Array.isArray(body.value) ? body.value : [];
}

/** Replaces the whole secret set. The body field is `value`, whatever the doc's table says. */
export async function putSyncSecrets(
  client: GraphClient,
  servicePrincipalId: string,
  secrets: SyncSecret[],
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'syncSecrets.put',
    method: 'PUT',
    path: `/servicePrincipals/${pathSegment(servicePrincipalId)}/synchronization/secrets`,
    body: { value: secrets },
    signal: options.signal,
  });
}
