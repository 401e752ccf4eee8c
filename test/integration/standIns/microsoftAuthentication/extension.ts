// A stand-in for VS Code's built-in Microsoft account provider (extension vscode.microsoft-authentication),
// loaded by the integration run as a second extension under development: VS Code lets an extension
// under development replace a built-in one with the same id. It behaves as the built-in provider
// does towards extensions (sessions per scope set, `VSCODE_TENANT:` and `VSCODE_CLIENT_ID:` in the
// scopes, accounts, claims challenges through the challenge methods), keeps no real credentials, and
// records every request so that the tests can assert what the extension under test asked for.
import * as vscode from 'vscode';

export interface StandInAccount {
  readonly id: string;
  readonly label: string;
}

export type RequestKind =
  | 'getSessions'
  | 'createSession'
  | 'getSessionsFromChallenges'
  | 'createSessionFromChallenges'
  | 'removeSession';

/** One call VS Code made on the provider for an extension. */
export interface ProviderRequest {
  readonly provider: string;
  readonly kind: RequestKind;
  /** The scopes as asked, `VSCODE_*` entries included. */
  readonly scopes: readonly string[];
  /** From `VSCODE_TENANT:`. */
  readonly tenantId?: string;
  /** From `VSCODE_CLIENT_ID:`. */
  readonly clientId?: string;
  /** The resource scopes (everything but the `VSCODE_*` entries). */
  readonly resourceScopes: readonly string[];
  readonly account?: StandInAccount;
  /** A claims challenge, decoded (the challenge methods only). */
  readonly claims?: string;
  /** How many sessions were returned (0 or 1 for the create methods' failure or success). */
  readonly answered: number;
  /** When it was asked (Date.now()), to order it against the sign-in prompts the harness logs. */
  readonly at: number;
}

/** What a token is made for; the test signs it. */
export interface TokenRequest {
  readonly tenantId: string;
  readonly account: StandInAccount;
  readonly clientId?: string;
  /** Graph permission names, without the resource prefix. */
  readonly permissions: readonly string[];
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly lifetimeSeconds: number;
}

export interface MicrosoftAccountStandIn {
  readonly requests: readonly ProviderRequest[];
  /** How access tokens are made (the test signs them with its issuer). */
  setTokenMinter(mint: (request: TokenRequest) => string): void;
  /** The account the user picks when VS Code asks them to sign in to `tenantId`. */
  signInAs(tenantId: string, account: StandInAccount): void;
  /** Entra no longer honours this account's refresh tokens in the tenant (expired, revoked): silent requests find no session. */
  endSession(tenantId: string, accountId: string): void;
  /** While on, sessions of the tenant carry an access token that has already expired (a cache handing out what it holds). */
  serveExpiredTokens(tenantId: string, on: boolean): void;
  /** Forgets every session, request and setting. */
  reset(): void;
}

const TENANT = 'VSCODE_TENANT:';
const CLIENT = 'VSCODE_CLIENT_ID:';
const LIFETIME_SECONDS = 3600;

interface Grant {
  readonly account: StandInAccount;
  valid: boolean;
}

interface ParsedScopes {
  readonly tenantId: string;
  readonly clientId?: string;
  readonly resourceScopes: string[];
}

function parseScopes(scopes: readonly string[]): ParsedScopes {
  const tenant = scopes.find((s) => s.startsWith(TENANT))?.slice(TENANT.length);
  const client = scopes.find((s) => s.startsWith(CLIENT))?.slice(CLIENT.length);
  return {
    // The built-in provider signs in to `organizations` when no tenant is named.
    tenantId: (tenant ?? 'organizations').toLowerCase(),
    ...(client ? { clientId: client } : {}),
    resourceScopes: scopes.filter((s) => !s.startsWith('VSCODE_')),
  };
}

/** The claims of a `WWW-Authenticate` challenge as VS Code hands it over: parsed, or raw. */
function claimsOf(constraint: unknown): string | undefined {
  const c = constraint as {
    challenges?: readonly { scheme?: string; params?: Record<string, string> }[];
  };
  const encoded = c.challenges?.find((x) => x.params?.claims)?.params?.claims;
  return encoded ? Buffer.from(encoded, 'base64').toString('utf8') : undefined;
}

function notBeforeOf(claims: string | undefined): number | undefined {
  if (!claims) return undefined;
  try {
    const value = (JSON.parse(claims) as { access_token?: { nbf?: { value?: unknown } } })
      .access_token?.nbf?.value;
    return value === undefined ? undefined : Number(value);
  } catch {
    return undefined;
  }
}

class StandInProvider {
  readonly requests: ProviderRequest[] = [];
  private readonly grants = new Map<string, Grant>();
  private readonly planned = new Map<string, StandInAccount>();
  private readonly expired = new Set<string>();
  private mint?: (request: TokenRequest) => string;
  readonly changed =
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();

  api(): MicrosoftAccountStandIn {
    return {
      requests: this.requests,
      setTokenMinter: (mint) => (this.mint = mint),
      signInAs: (tenantId, account) => this.planned.set(tenantId.toLowerCase(), account),
      endSession: (tenantId, accountId) => {
        for (const [key, grant] of this.grants)
          if (key.startsWith(`${tenantId.toLowerCase()}|${accountId}|`)) grant.valid = false;
      },
      serveExpiredTokens: (tenantId, on) =>
        on ? this.expired.add(tenantId.toLowerCase()) : this.expired.delete(tenantId.toLowerCase()),
      reset: () => {
        this.requests.length = 0;
        this.grants.clear();
        this.planned.clear();
        this.expired.clear();
      },
    };
  }

  provider(id: string): vscode.AuthenticationProvider & Record<string, unknown> {
    const record = (
      kind: RequestKind,
      scopes: readonly string[],
      account: StandInAccount | undefined,
      answered: number,
      claims?: string,
    ): void => {
      const parsed = parseScopes(scopes);
      this.requests.push({
        provider: id,
        kind,
        scopes: [...scopes],
        tenantId: scopes.some((s) => s.startsWith(TENANT)) ? parsed.tenantId : undefined,
        clientId: parsed.clientId,
        resourceScopes: parsed.resourceScopes,
        ...(account ? { account: { id: account.id, label: account.label } } : {}),
        ...(claims ? { claims } : {}),
        answered,
        at: Date.now(),
      });
    };
    // A grant (a refresh token, in MSAL's terms) is per tenant, account and client app: a session
    // for other scopes of the same app comes silently; another app needs its own sign-in.
    const grantKey = (tenantId: string, accountId: string, clientId?: string): string =>
      `${tenantId}|${accountId}|${clientId ?? ''}`;
    const silent = (
      scopes: readonly string[],
      account: StandInAccount | undefined,
      notBefore?: number,
    ): vscode.AuthenticationSession[] => {
      const { tenantId, clientId } = parseScopes(scopes);
      return [...this.grants.values()]
        .filter((g) => g.valid && (!account || g.account.id === account.id))
        .filter((g) => this.grants.get(grantKey(tenantId, g.account.id, clientId)) === g)
        .map((g) => this.session(scopes, g.account, notBefore));
    };
    const interactive = (
      scopes: readonly string[],
      account: StandInAccount | undefined,
      notBefore?: number,
    ): vscode.AuthenticationSession => {
      const { tenantId, clientId } = parseScopes(scopes);
      const who = account ?? this.planned.get(tenantId);
      if (!who) throw new Error(`The stand-in has no account to sign in to ${tenantId} with.`);
      this.grants.set(grantKey(tenantId, who.id, clientId), { account: who, valid: true });
      const session = this.session(scopes, who, notBefore);
      this.changed.fire({ added: [session], removed: [], changed: [] });
      return session;
    };
    return {
      onDidChangeSessions: this.changed.event,
      getSessions: (scopes, options) => {
        const sessions = scopes ? silent(scopes, options.account) : [];
        if (scopes) record('getSessions', scopes, options.account, sessions.length);
        return Promise.resolve(sessions);
      },
      createSession: (scopes, options) => {
        const session = interactive(scopes, options.account);
        record('createSession', scopes, options.account, 1);
        return Promise.resolve(session);
      },
      removeSession: (sessionId) => {
        const [tenantId, accountId, clientId] = sessionId.split('|');
        this.grants.delete(grantKey(tenantId, accountId, clientId || undefined));
        record('removeSession', [], undefined, 0);
        return Promise.resolve();
      },
      // The challenge methods (VS Code's authenticationChallenges API, which the built-in provider
      // implements): called when an extension passes a WWW-Authenticate request to getSession.
      getSessionsFromChallenges: (
        constraint: { fallbackScopes?: readonly string[] },
        options: { account?: StandInAccount },
      ) => {
        const scopes = constraint.fallbackScopes ?? [];
        const claims = claimsOf(constraint);
        const sessions = silent(scopes, options.account, notBeforeOf(claims));
        record('getSessionsFromChallenges', scopes, options.account, sessions.length, claims);
        return Promise.resolve(sessions);
      },
      createSessionFromChallenges: (
        constraint: { fallbackScopes?: readonly string[] },
        options: { account?: StandInAccount },
      ) => {
        const scopes = constraint.fallbackScopes ?? [];
        const claims = claimsOf(constraint);
        const session = interactive(scopes, options.account, notBeforeOf(claims));
        record('createSessionFromChallenges', scopes, options.account, 1, claims);
        return Promise.resolve(session);
      },
    };
  }

  private session(
    scopes: readonly string[],
    account: StandInAccount,
    notBefore?: number,
  ): vscode.AuthenticationSession {
    const { tenantId, clientId, resourceScopes } = parseScopes(scopes);
    if (!this.mint) throw new Error('The stand-in has no token minter: call setTokenMinter first.');
    const now = Math.floor(Date.now() / 1000);
    const stale = this.expired.has(tenantId);
    const accessToken = this.mint({
      tenantId,
      account,
      ...(clientId ? { clientId } : {}),
      permissions: resourceScopes.map((s) => s.replace(/^https?:\/\/[^/]+\//, '')),
      issuedAt: stale ? now - 2 * LIFETIME_SECONDS : Math.max(now, notBefore ?? 0),
      lifetimeSeconds: LIFETIME_SECONDS,
    });
    return {
      id: `${tenantId}|${account.id}|${clientId ?? ''}|${resourceScopes.join(' ')}`,
      accessToken,
      account: { id: account.id, label: account.label },
      scopes: [...scopes],
    };
  }
}

/**
 * The sign-in run (harness/run-sign-in.mjs) starts the suite here: with an extensionTestsPath, VS
 * Code would refuse to show its sign-in prompts. The suite writes its own report.
 */
function startSuite(suite: string): void {
  setTimeout(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled suite entry
    const entry = require(suite) as { run(): Promise<void> };
    entry.run().catch((err: unknown) => console.error('[harness-tests] suite failed:', err));
  }, 0);
}

export function activate(context: vscode.ExtensionContext): MicrosoftAccountStandIn {
  const standIn = new StandInProvider();
  context.subscriptions.push(standIn.changed);
  for (const [id, label] of [
    ['microsoft', 'Microsoft'],
    ['microsoft-sovereign-cloud', 'Microsoft Sovereign Cloud'],
  ])
    context.subscriptions.push(
      vscode.authentication.registerAuthenticationProvider(id, label, standIn.provider(id), {
        supportsMultipleAccounts: true,
        // The built-in provider passes this too (authenticationChallenges API, not in our typings).
        ...({ supportsChallenges: true } as object),
      }),
    );
  const suite = process.env.HARNESS_SIGN_IN_SUITE;
  if (suite) startSuite(suite);
  return standIn.api();
}
