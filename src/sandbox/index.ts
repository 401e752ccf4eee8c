// Public surface of the sandbox: an in-memory Microsoft Graph v1.0 for sandbox tenants, with an
// in-process fetch front and an HTTP front. Nothing here depends on src/core.
export { Sandbox, type Disposable, type MintTokenOptions, type SandboxOptions } from './sandbox';
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';
export type { SandboxState } from './store/world';
export type { FaultSettings, Faults } from './faults';
export { DEFAULT_ANSWERS, type SandboxAnswers } from './answers';
export type { SandboxOutcome, SandboxRequest, SandboxResponse } from './http/sandboxRequest';
export {
  SANDBOX_TENANTS,
  SANDBOX_TENANT_IDS,
  type SandboxCloud,
  type SandboxTenant,
} from './seed/tenants';
export {
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_BOX_SERVICE_PRINCIPAL_ID,
  type SandboxSyncConfiguration,
} from './seed/syncConfigurations';
export { FABRIKAM_SYNC_GROUP_ID, TAILSPIN_PILOT_GROUP_ID } from './seed/crossTenantAccess';
export { HOSTILE_USERS } from './seed/directory';
export { DEFAULT_SEED } from './seed/seedWorld';
export { SANDBOX_DEFAULT_SCOPES } from './auth/permissions';
export { SANDBOX_CLIENT_ID, encodeUnsignedJwt } from './auth/token';
export type { JsonWebKeySet, SigningKeySource } from './auth/signingKeys';
export { AZURE2AZURE_USER_RULE_ID } from './sync/templateSchemas';
export { CROSS_TENANT_SYNC_TEMPLATE_ID } from './sync/servicePrincipalObjects';
export { CYCLE_DELAY_MS, CYCLE_INTERVAL_MS } from './sync/jobEngine';
export { POLICY_SIZE_LIMIT_BYTES } from './policy/policySize';
