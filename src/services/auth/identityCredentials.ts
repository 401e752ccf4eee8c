// Entry of dist/identity.js, a separate bundle: @azure/identity and MSAL weigh about a megabyte,
// so they are loaded only when a tenant uses one of these sign-in methods (see host/lazyBundles.ts).
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import {
  AzureCliCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DeviceCodeCredential,
} from '@azure/identity';
import type { Cloud } from '../../core/auth/clouds';
import { GRAPH_COMMAND_LINE_TOOLS_APP_ID } from '../../core/auth/publicClients';

export type IdentityMethod = 'deviceCode' | 'clientSecret' | 'certificate' | 'azureCli';

export interface IdentityCredentialOptions {
  readonly method: IdentityMethod;
  readonly tenantId: string;
  readonly cloud: Cloud;
  /** Application (client) id: required for app-only methods, optional for device code. */
  readonly clientId?: string;
  /** Client secret, read from SecretStorage by the caller; never persisted elsewhere. */
  readonly secret?: string;
  readonly certificatePath?: string;
  /** Device code: shows the user the code and the verification URL. */
  readonly onDeviceCode?: (info: {
    message: string;
    userCode: string;
    verificationUri: string;
  }) => void;
}

export function createIdentityCredential(o: IdentityCredentialOptions): TokenCredential {
  const authorityHost = o.cloud.loginAuthority;
  switch (o.method) {
    case 'deviceCode':
      return new DeviceCodeCredential({
        tenantId: o.tenantId,
        clientId: o.clientId || GRAPH_COMMAND_LINE_TOOLS_APP_ID,
        authorityHost,
        userPromptCallback: (info) =>
          o.onDeviceCode?.({
            message: info.message,
            userCode: info.userCode,
            verificationUri: info.verificationUri,
          }),
      });
    case 'clientSecret':
      return appOnly(
        new ClientSecretCredential(
          o.tenantId,
          required(o.clientId, vscode.l10n.t('This sign-in method needs a client id.')),
          required(o.secret, vscode.l10n.t('This sign-in method needs a client secret.')),
          { authorityHost },
        ),
        o.cloud,
      );
    case 'certificate':
      return appOnly(
        new ClientCertificateCredential(
          o.tenantId,
          required(o.clientId, vscode.l10n.t('This sign-in method needs a client id.')),
          {
            certificatePath: required(
              o.certificatePath,
              vscode.l10n.t('This sign-in method needs a certificate path.'),
            ),
          },
          { authorityHost },
        ),
        o.cloud,
      );
    case 'azureCli':
      // The CLI issues tokens for a resource, not for individual scopes.
      return appOnly(new AzureCliCredential({ tenantId: o.tenantId }), o.cloud);
  }
}

/**
 * App-only tokens (and Azure CLI tokens) carry the permissions granted to the app, requested as
 * `<graph host>/.default`; the delegated scope names of our bundles do not apply to them.
 */
function appOnly(inner: TokenCredential, cloud: Cloud): TokenCredential {
  return {
    getToken: (
      _scopes: string | string[],
      options?: GetTokenOptions,
    ): Promise<AccessToken | null> => inner.getToken(`${cloud.graphHost}/.default`, options),
  };
}

function required(value: string | undefined, missing: string): string {
  if (!value) throw new Error(missing);
  return value;
}
