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
  /**
   * The object the document started from (live as it was read, or the version a draft began
   * from), when the caller knows it. An unknown property it holds is one Graph returned: a hint,
   * not a warning. Default documents: a setting it holds that the document leaves out was
   * removed, and the default settings cannot inherit (rule `default-cannot-inherit`).
   */
  readonly startedFrom?: object;
}
