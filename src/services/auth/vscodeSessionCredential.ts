import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { Cloud } from '../../core/auth/clouds';
import { SignInRequiredError } from '../../core/tenants/signInRequiredError';
import { isUserAction } from '../../host/userAction';

export interface SessionCredentialOptions {
  readonly tenantId: string;
  readonly tenantLabel: string;
  readonly cloud: Cloud;
  /** `crossTenant.auth.clientId`; empty means VS Code's own client id. */
  readonly clientId?: string;
  /**
   * The account chosen at the tenant's last sign-in, read at every request, so that several
   * accounts can be used side by side (VS Code itself remembers one account per extension).
   */
  readonly account?: () => vscode.AuthenticationSessionAccountInformation | undefined;
  /** Called after an interactive sign-in with the account the user picked. */
  readonly onAccount?: (account: vscode.AuthenticationSessionAccountInformation) => void;
}

/**
 * A TokenCredential over VS Code's built-in Microsoft account provider: one session per tenant
 * (`VSCODE_TENANT:<id>`), our client id (`VSCODE_CLIENT_ID:<id>`), and the scopes of the bundle the
 * Graph call needs. It tries silently first and prompts only inside a user action. A claims
 * challenge (Conditional Access step-up, continuous access evaluation) is handed to the provider
 * as a WWW-Authenticate request, which VS Code supports since 1.105. A session whose token has
 * already expired is never used: outside a user action the tenant needs sign-in.
 */
export class VsCodeSessionCredential implements TokenCredential {
  constructor(private readonly options: SessionCredentialOptions) {}

  async getToken(
    scopes: string | string[],
    getTokenOptions?: GetTokenOptions,
  ): Promise<AccessToken> {
    const o = this.options;
    // National clouds are served by a separate provider that reads its cloud from the
    // `microsoft-sovereign-cloud.environment` setting.
    const provider = o.cloud.name === 'global' ? 'microsoft' : 'microsoft-sovereign-cloud';
    const request = [
      ...(Array.isArray(scopes) ? scopes : [scopes]),
      `VSCODE_TENANT:${o.tenantId}`,
      ...(o.clientId ? [`VSCODE_CLIENT_ID:${o.clientId}`] : []),
    ];
    const interactive = isUserAction();
    const remembered = o.account?.();
    const account = remembered ? { account: remembered } : {};
    const claims = getTokenOptions?.claims;
    const what: string | readonly string[] | vscode.AuthenticationWwwAuthenticateRequest = claims
      ? {
          wwwAuthenticate:
            `Bearer realm="", authorization_uri="${o.cloud.loginAuthority}/${o.tenantId}/oauth2/v2.0/authorize", ` +
            `error="insufficient_claims", claims="${Buffer.from(claims, 'utf8').toString('base64')}"`,
          fallbackScopes: request,
        }
      : request;
    const detail = claims
      ? vscode.l10n.t('{0} requires you to sign in again (Conditional Access).', o.tenantLabel)
      : vscode.l10n.t(
          'Sign in to {0} to read and manage its cross-tenant settings.',
          o.tenantLabel,
        );
    let session = await vscode.authentication.getSession(provider, what, {
      ...account,
      silent: true,
    });
    if (interactive && (!session || expired(session))) {
      session = await vscode.authentication.getSession(provider, what, {
        ...account,
        // A session VS Code still holds but whose token has expired is replaced, not returned again.
        ...(session ? { forceNewSession: { detail } } : { createIfNone: { detail } }),
      });
    }
    if (!session) throw new SignInRequiredError(o.tenantId, o.tenantLabel);
    if (expired(session))
      throw new SignInRequiredError(
        o.tenantId,
        o.tenantLabel,
        vscode.l10n.t('the session has expired'),
      );
    if (interactive) o.onAccount?.(session.account);
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) };
  }
}

function expired(session: vscode.AuthenticationSession): boolean {
  return tokenExpiry(session.accessToken) <= Date.now();
}

/** The `exp` claim of a JWT access token; VS Code refreshes sessions itself, so a guess of 5 minutes is safe otherwise. */
function tokenExpiry(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      exp?: number;
    };
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    // opaque token
  }
  return Date.now() + 5 * 60_000;
}
