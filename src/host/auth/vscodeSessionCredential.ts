import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { Cloud } from '../../core/auth/clouds';
import { SignInRequiredError } from '../../core/tenants/signInRequiredError';
import { isUserAction } from '../userAction';

export interface SessionCredentialOptions {
  readonly tenantId: string;
  readonly tenantLabel: string;
  readonly cloud: Cloud;
  /** `crossTenant.auth.clientId`; empty means VS Code's own client id. */
  readonly clientId?: string;
  /** The account chosen at the last sign-in, so that several accounts can be used side by side. */
  readonly account?: vscode.AuthenticationSessionAccountInformation;
  /** Called after an interactive sign-in with the account the user picked. */
  readonly onAccount?: (account: vscode.AuthenticationSessionAccountInformation) => void;
}

/**
 * A TokenCredential over VS Code's built-in Microsoft account provider: one session per tenant
 * (`VSCODE_TENANT:<id>`), our client id (`VSCODE_CLIENT_ID:<id>`), and the scopes of the bundle the
 * Graph call needs. It tries silently first and prompts only inside a user action. A claims
 * challenge (Conditional Access step-up, continuous access evaluation) is handed to the provider
 * as a WWW-Authenticate request, which VS Code supports since 1.105.
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
    const account = o.account ? { account: o.account } : {};
    const claims = getTokenOptions?.claims;
    let session: vscode.AuthenticationSession | undefined;
    if (claims) {
      const challenge = {
        wwwAuthenticate:
          `Bearer realm="", authorization_uri="${o.cloud.loginAuthority}/${o.tenantId}/oauth2/v2.0/authorize", ` +
          `error="insufficient_claims", claims="${Buffer.from(claims, 'utf8').toString('base64')}"`,
        fallbackScopes: request,
      };
      session = interactive
        ? await vscode.authentication.getSession(provider, challenge, {
            ...account,
            createIfNone: {
              detail: `${o.tenantLabel} requires you to sign in again (Conditional Access).`,
            },
          })
        : await vscode.authentication.getSession(provider, challenge, { ...account, silent: true });
    } else {
      session = await vscode.authentication.getSession(provider, request, {
        ...account,
        silent: true,
      });
      if (!session && interactive) {
        session = await vscode.authentication.getSession(provider, request, {
          ...account,
          createIfNone: {
            detail: `Sign in to ${o.tenantLabel} to read and manage its cross-tenant settings.`,
          },
        });
      }
    }
    if (!session) throw new SignInRequiredError(o.tenantId, o.tenantLabel);
    if (interactive) o.onAccount?.(session.account);
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) };
  }
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
