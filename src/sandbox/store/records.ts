import type { JsonObject } from '../json';

// Everything in this file is plain JSON-serialisable data: these records are what exportState()
// persists for a tenant whose applications changed.

/** A synchronization job and the engine state the sandbox keeps for it. */
export interface SyncJobRecord {
  /** The `synchronizationJob` as Graph returns it. */
  job: JsonObject;
  /** A schema replaced by PUT; null while the job uses its template's default schema. */
  schema: JsonObject | null;
  /** Source user ids that exist in the target tenant because this job created them. */
  provisionedUserIds: string[];
  /** When the pending cycle runs (epoch ms), after start/restart or a quarantine retry; null when none is pending. */
  nextCycleAt: number | null;
  /** The pending cycle re-evaluates everyone (restart with Watermark), not just changes. */
  initialCycle: boolean;
}

export interface SecretPair {
  key: string;
  value: string;
}

/** A service principal and what hangs off it: synchronization jobs, secrets, app role assignments. */
export interface ServicePrincipalRecord {
  servicePrincipal: JsonObject;
  /** The synchronization templates this application offers (e.g. `Azure2Azure` for cross-tenant sync). */
  synchronizationTemplates: string[];
  jobs: SyncJobRecord[];
  /** Saved by PUT …/synchronization/secrets (replaced wholesale). */
  secrets: SecretPair[];
  appRoleAssignedTo: JsonObject[];
  /** The object id of the application behind the service principal, when the sandbox created it (instantiate). */
  applicationObjectId?: string;
}

/** Compact description of one provisioning event, materialised into a full `provisioningObjectSummary` on read. */
export interface ProvisioningEventSpec {
  id: string;
  /** Epoch ms. */
  at: number;
  jobId: string;
  servicePrincipalId: string;
  servicePrincipalName: string;
  applicationId: string;
  targetTenantId: string;
  cycleId: string;
  changeId: string;
  durationMs: number;
  /** Key into the outcome catalog (sync/provisioningOutcomes.ts). */
  outcome: string;
  /** Source user or group id. */
  subjectId: string;
  /** Set for on-demand provisioning: the admin who asked. */
  initiator?: { id: string; userPrincipalName: string };
}
