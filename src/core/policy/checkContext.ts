import type { PolicySchemas } from './policySchemas';

/** What a check needs beyond the text: the compiled schemas, and facts only the caller knows. */
export interface CheckContext {
  readonly schemas: PolicySchemas;
  /** Partner and identity-sync documents: the partner tenant id their URI or file name names. */
  readonly expectedTenantId?: string;
  /**
   * Partner and default documents: the estimated size in bytes of the rest of the cross-tenant
   * access policy (the default and every other partner, see `policyBytes`), for the 25 KB warning.
   */
  readonly restOfPolicyBytes?: number;
}
