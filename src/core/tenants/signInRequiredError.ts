/**
 * Thrown by a credential that has no usable session and may not prompt (a background refresh, not
 * a user action). The tree shows the tenant as "needs sign-in" rather than as an error.
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  constructor(
    readonly tenantId: string,
    readonly tenantLabel: string,
    detail?: string,
  ) {
    super(
      `Sign in to ${tenantLabel} to continue (Cross-Tenant: Sign In)${detail ? `: ${detail}` : '.'}`,
    );
  }
}
