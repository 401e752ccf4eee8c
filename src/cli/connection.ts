import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { CLOUDS, getCloud, type Cloud, type CloudName } from '../core/auth/clouds';
import { GRAPH_COMMAND_LINE_TOOLS_APP_ID } from '../core/auth/publicClients';
import { GraphClient, type GraphClientOptions } from '../core/graph/graphClient';
import { resolveTenantId, TenantInputError } from '../core/tenants/resolveTenant';
import { isGuid } from '../core/policy/guid';
import { CliError } from './args';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the CLI's Graph requests go and how it gets tokens for a tenant. */
export interface Connection {
  /** For messages: "the sandbox at http://…" or "Microsoft Graph (Global)". */
  readonly description: string;
  /** A tenant id for what a folder or `--tenant` names: a tenant id or one of the tenant's domains. */
  resolveTenant(nameOrId: string): Promise<string>;
  /** Graph v1.0 for the tenant, or beta for the few reads only beta serves; one sign-in per tenant for both. */
  client(tenantId: string, apiVersion?: ApiVersion): GraphClient;
}

export type ApiVersion = 'v1.0' | 'beta';

/** How long the CLI waits: for one HTTP attempt, and for the whole command (`signal`). */
export interface CliTimeLimits {
  readonly requestTimeoutMs: number;
  readonly deadlineMs: number;
  /** Aborts, with the error to report, when the command's deadline passes. */
  readonly signal: AbortSignal;
}

export interface ConnectOptions {
  readonly sandbox?: string;
  readonly cloud: CloudName;
  readonly env: Env;
  readonly limits: CliTimeLimits;
  /** Sign in as a user with a device code; shows the user what to do (the code and the page). */
  readonly deviceCode?: (message: string) => void;
}

export function connect(options: ConnectOptions): Connection {
  return options.sandbox !== undefined
    ? sandboxConnection(options.sandbox, options.limits)
    : graphConnection(getCloud(options.cloud), options.env, options.limits, options.deviceCode);
}

/** What every GraphClient of a command gets: the time limits, and the command's deadline as its signal. */
function clientLimits(limits: CliTimeLimits): Pick<GraphClientOptions, 'limits' | 'signal'> {
  return {
    limits: { requestTimeoutMs: limits.requestTimeoutMs, deadlineMs: limits.deadlineMs },
    signal: limits.signal,
  };
}

/** A signal for one request outside the Graph client: the request timeout or the command's deadline. */
function requestSignal(limits: CliTimeLimits): AbortSignal {
  return AbortSignal.any([limits.signal, AbortSignal.timeout(limits.requestTimeoutMs)]);
}

/** `https://graph.microsoft.com/Policy.Read.All` → `Policy.Read.All`, the form a token's `scp` carries. */
function permissionName(scope: string): string {
  return scope.replace(/^https?:\/\/[^/]+\//, '');
}

interface SandboxTenantInfo {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly domains?: readonly string[];
}

/**
 * The HTTP sandbox (`npm run sandbox`, or a test's server): Graph under `<url>/v1.0`, delegated
 * tokens for the scopes each request asks for from `GET /_sandbox/token`, tenants and their domains
 * from `GET /_sandbox/tenants`.
 */
function sandboxConnection(rawUrl: string, limits: CliTimeLimits): Connection {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new CliError(
      `--sandbox needs the sandbox's URL, e.g. http://127.0.0.1:8787, not "${rawUrl}".`,
    );
  }
  const base = url.href.replace(/\/+$/, '');
  const control = async <T>(path: string): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}/_sandbox/${path}`, { signal: requestSignal(limits) });
    } catch (err) {
      if (limits.signal.aborted) throw limits.signal.reason;
      throw new CliError(
        `Cannot reach the sandbox at ${base}: ${reason(err)}. Start it with npm run sandbox -- --port <port>.`,
      );
    }
    if (!response.ok)
      throw new CliError(
        `The sandbox at ${base} answered ${response.status} to /_sandbox/${path.split('?')[0]}: ${(await response.text()).slice(0, 500)}`,
      );
    try {
      return (await response.json()) as T;
    } catch {
      throw new CliError(
        `The sandbox at ${base} answered /_sandbox/${path.split('?')[0]} with a body that is not JSON.`,
      );
    }
  };
  let tenants: Promise<SandboxTenantInfo[]> | undefined;
  return {
    description: `the sandbox at ${base}`,
    async resolveTenant(nameOrId) {
      tenants ??= control<SandboxTenantInfo[]>('tenants');
      const wanted = nameOrId.trim().toLowerCase();
      const found = (await tenants).find(
        (t) =>
          t.tenantId.toLowerCase() === wanted ||
          (t.domains ?? []).some((d) => d.toLowerCase() === wanted),
      );
      if (!found)
        throw new CliError(
          `No sandbox tenant is "${nameOrId}". Sandbox tenants: ${(await tenants).map((t) => t.domains?.[0] ?? t.tenantId).join(', ')}.`,
        );
      return found.tenantId.toLowerCase();
    },
    client(tenantId, apiVersion = 'v1.0') {
      const credential: TokenCredential = {
        async getToken(scopes: string | string[]): Promise<AccessToken> {
          const scp = [scopes].flat().map(permissionName).join(',');
          const body = await control<{ access_token: string; expires_in: number }>(
            `token?tenant=${encodeURIComponent(tenantId)}&scp=${encodeURIComponent(scp)}`,
          );
          return {
            token: body.access_token,
            expiresOnTimestamp: Date.now() + body.expires_in * 1000,
          };
        },
      };
      return new GraphClient({
        tenantId,
        credential,
        baseUrl: base,
        cloud: 'global',
        apiVersion,
        ...clientLimits(limits),
      });
    },
  };
}

/**
 * Real Microsoft Graph in one cloud: app-only with credentials from the environment, or a user's
 * delegated sign-in with a device code. AZURE_AUTHORITY_HOST replaces the cloud's login authority
 * and CROSS_TENANT_GRAPH_URL its Graph host (a proxy, a private cloud, or the sandbox with signed
 * tokens); tokens are still asked for the cloud's Graph resource.
 */
function graphConnection(
  cloud: Cloud,
  env: Env,
  limits: CliTimeLimits,
  deviceCode: ((message: string) => void) | undefined,
): Connection {
  // Before any request: without credentials nothing can work, and the message says what to set.
  if (!deviceCode) environmentCredentialKind(env);
  const authority = authorityHost(env, cloud);
  const graphUrl = graphBaseUrl(env);
  // Per tenant, so a beta client after the v1.0 one asks for no second device code.
  const credentials = new Map<string, TokenCredential>();
  const credentialFor = (tenantId: string): TokenCredential => {
    let credential = credentials.get(tenantId);
    if (!credential) {
      credential = deviceCode
        ? deviceCodeCredential(env, tenantId, cloud, deviceCode)
        : environmentCredential(env, tenantId, cloud);
      credentials.set(tenantId, credential);
    }
    return credential;
  };
  return {
    description: `Microsoft Graph (${cloud.displayName})${graphUrl ? ` at ${graphUrl}` : ''}`,
    async resolveTenant(nameOrId) {
      if (isGuid(nameOrId.trim())) return nameOrId.trim().toLowerCase();
      try {
        return await resolveTenantId(
          nameOrId,
          cloud.name,
          (input, init) => fetch(input, { ...init, signal: requestSignal(limits) }),
          undefined,
          authority,
        );
      } catch (err) {
        if (err instanceof TenantInputError) throw new CliError(err.message);
        throw new CliError(
          `Cannot find the tenant of ${nameOrId} at ${authority}: ${reason(err)}.`,
        );
      }
    },
    client: (tenantId, apiVersion = 'v1.0') =>
      new GraphClient({
        tenantId,
        credential: credentialFor(tenantId),
        cloud,
        apiVersion,
        ...(graphUrl ? { baseUrl: graphUrl } : {}),
        ...clientLimits(limits),
      }),
  };
}

/** AZURE_AUTHORITY_HOST (as @azure/identity reads it), else the cloud's login authority. */
function authorityHost(env: Env, cloud: Cloud): string {
  return (env.AZURE_AUTHORITY_HOST || cloud.loginAuthority).replace(/\/+$/, '');
}

/**
 * MSAL checks an authority it does not know against Microsoft's instance discovery, which knows
 * only Microsoft's hosts: for any other authority host (a private cloud, a test stand-in) the check
 * is turned off, since the user named that host on purpose.
 */
function instanceDiscovery(authority: string): { disableInstanceDiscovery?: true } {
  const known = Object.values(CLOUDS).some(
    (c) => new URL(c.loginAuthority).host === new URL(authority).host,
  );
  return known ? {} : { disableInstanceDiscovery: true };
}

/** CROSS_TENANT_GRAPH_URL: where Graph requests go instead of the cloud's Graph host. */
function graphBaseUrl(env: Env): string | undefined {
  const raw = env.CROSS_TENANT_GRAPH_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(
      `CROSS_TENANT_GRAPH_URL must be a URL such as https://graph.microsoft.com, not "${raw}".`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

export type EnvironmentCredentialKind = 'clientSecret' | 'certificate' | 'workloadIdentity';

/** Where each kind of credential comes from, for messages. */
export const KIND_WORDS: Readonly<Record<EnvironmentCredentialKind, string>> = {
  clientSecret: 'client secret from AZURE_CLIENT_SECRET',
  certificate: 'certificate from AZURE_CLIENT_CERTIFICATE_PATH',
  workloadIdentity: 'workload identity from AZURE_FEDERATED_TOKEN_FILE',
};

/**
 * Which app-only credential the environment describes, following @azure/identity's
 * EnvironmentCredential and WorkloadIdentityCredential conventions: AZURE_CLIENT_ID plus
 * AZURE_CLIENT_SECRET, or AZURE_CLIENT_CERTIFICATE_PATH (and AZURE_CLIENT_CERTIFICATE_PASSWORD),
 * or AZURE_FEDERATED_TOKEN_FILE (workload identity). Throws a CliError naming the variables when
 * none is complete.
 */
export function environmentCredentialKind(env: Env): EnvironmentCredentialKind {
  if (!env.AZURE_CLIENT_ID) {
    throw new CliError(
      'No credentials: set AZURE_CLIENT_ID and one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE ' +
        '(an app registration with the Graph application permissions Policy.Read.All, and Policy.ReadWrite.CrossTenantAccess to push), ' +
        'or use --sandbox <url> for the sandbox tenants.',
    );
  }
  if (env.AZURE_CLIENT_SECRET) return 'clientSecret';
  if (env.AZURE_CLIENT_CERTIFICATE_PATH) return 'certificate';
  if (env.AZURE_FEDERATED_TOKEN_FILE) return 'workloadIdentity';
  throw new CliError(
    'AZURE_CLIENT_ID is set but no secret: set AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE.',
  );
}

/**
 * An app-only credential for `tenantId` (the tenant the command works on, which may differ from
 * AZURE_TENANT_ID for a multitenant app). Its tokens are asked for as `<graph host>/.default`, the
 * application permissions granted to the app; the delegated scope names the Graph client asks for
 * do not apply. @azure/identity is loaded on the first token request.
 */
export function environmentCredential(env: Env, tenantId: string, cloud: Cloud): TokenCredential {
  const kind = environmentCredentialKind(env);
  const clientId = env.AZURE_CLIENT_ID!;
  const authority = authorityHost(env, cloud);
  const options = { authorityHost: authority, ...instanceDiscovery(authority) };
  const create = async (): Promise<TokenCredential> => {
    const identity = await import('@azure/identity');
    switch (kind) {
      case 'clientSecret':
        return new identity.ClientSecretCredential(
          tenantId,
          clientId,
          env.AZURE_CLIENT_SECRET!,
          options,
        );
      case 'certificate':
        return new identity.ClientCertificateCredential(
          tenantId,
          clientId,
          {
            certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH!,
            certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD,
          },
          {
            ...options,
            sendCertificateChain: ['1', 'true'].includes(
              (env.AZURE_CLIENT_SEND_CERTIFICATE_CHAIN ?? '').toLowerCase(),
            ),
          },
        );
      case 'workloadIdentity':
        return new identity.WorkloadIdentityCredential({
          tenantId,
          clientId,
          tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE!,
          ...options,
        });
    }
  };
  return appOnlyCredential(
    create,
    cloud,
    `tenant ${tenantId} from ${authority} (app ${clientId}, ${KIND_WORDS[kind]})`,
  );
}

/**
 * A user's sign-in to `tenantId` with a device code (delegated: the scopes the Graph client asks for,
 * consented for the app). The public client is AZURE_CLIENT_ID, or Microsoft Graph Command Line
 * Tools. The code is shown once per tenant; later tokens (more scopes, renewals) come silently.
 */
export function deviceCodeCredential(
  env: Env,
  tenantId: string,
  cloud: Cloud,
  prompt: (message: string) => void,
): TokenCredential {
  const clientId = env.AZURE_CLIENT_ID || GRAPH_COMMAND_LINE_TOOLS_APP_ID;
  const authority = authorityHost(env, cloud);
  let inner: Promise<TokenCredential> | undefined;
  return {
    async getToken(
      scopes: string | string[],
      options?: GetTokenOptions,
    ): Promise<AccessToken | null> {
      try {
        inner ??= import('@azure/identity').then(
          (identity) =>
            new identity.DeviceCodeCredential({
              tenantId,
              clientId,
              authorityHost: authority,
              ...instanceDiscovery(authority),
              userPromptCallback: (info) => prompt(info.message),
            }),
        );
        return await (
          await inner
        ).getToken(scopes, {
          abortSignal: options?.abortSignal,
          claims: options?.claims,
        });
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        throw new Error(
          `Could not sign in to tenant ${tenantId} at ${authority} with a device code (app ${clientId}): ${reason(err)}`,
          { cause: err },
        );
      }
    },
  };
}

/**
 * Tokens of an app-only credential (created on first use) for whatever scopes the Graph client asks:
 * always `<graph host>/.default`. A failure says whose token it was (`what`), never a secret.
 */
export function appOnlyCredential(
  create: () => Promise<TokenCredential>,
  cloud: Cloud,
  what: string,
): TokenCredential {
  let inner: Promise<TokenCredential> | undefined;
  return {
    async getToken(
      _scopes: string | string[],
      options?: GetTokenOptions,
    ): Promise<AccessToken | null> {
      try {
        inner ??= create().catch((err: unknown) => {
          inner = undefined;
          throw err;
        });
        return await (
          await inner
        ).getToken(`${cloud.graphHost}/.default`, {
          abortSignal: options?.abortSignal,
          claims: options?.claims,
        });
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        throw new Error(`Could not get a token for ${what}: ${reason(err)}`, { cause: err });
      }
    },
  };
}

function reason(err: unknown): string {
  if (err instanceof Error) return err.cause instanceof Error ? err.cause.message : err.message;
  return String(err);
}
