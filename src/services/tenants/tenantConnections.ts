import { tenantLabel } from '../../core/tenants/tenantLabel';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import { getCloud } from '../../core/auth/clouds';
import { describeError } from '../../core/describeError';
import { GraphClient } from '../../core/graph/graphClient';
import { GraphError } from '../../core/graph/graphError';
import { formatGraphLogEntry, graphLogLevel } from '../../core/graph/loggingMiddleware';
import { getOrganization } from '../../core/graph/operations/tenants';
import { SignInRequiredError } from '../../core/tenants/signInRequiredError';
import { tenantKey, type TenantRecord } from '../../core/tenants/tenantRecord';
import { VsCodeSessionCredential } from '../auth/vscodeSessionCredential';
import { requireBundle } from '../../host/lazyBundles';
import type * as IdentityModule from '../auth/identityCredentials';
import type { UserInput } from '../../core/ports/userInput';
import type { Log } from '../../host/log';
import type { SandboxService } from '../sandbox/sandboxService';
import { isUserAction, runInBackground } from '../../host/userAction';
import type { TenantList } from './tenantList';
import { Disposable } from '../../host/disposable';

export type TenantState =
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'needsSignIn' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'error'; readonly message: string };

/** Where a client secret lives: VS Code's SecretStorage (the OS keychain on desktop), never settings or logs. */
export function secretKey(r: Pick<TenantRecord, 'tenantId' | 'clientId'>): string {
  return `crossTenant.clientSecret/${r.tenantId}/${r.clientId ?? ''}`;
}

/**
 * One Graph client and one sign-in state per tenant. Background work (probes, tree loads) never
 * prompts: a credential without a usable session throws SignInRequiredError and the tenant shows
 * "needs sign-in". Only `signIn`, which runs inside a command, may prompt.
 */
export class TenantConnections extends Disposable {
  private readonly clients = new Map<string, GraphClient>();
  private readonly states = new Map<string, TenantState>();
  /** Device-code credentials authenticated in this session (MSAL keeps their tokens in memory only). */
  private readonly liveDeviceCode = new Set<string>();
  private readonly probes = new Map<string, Promise<TenantState>>();
  private readonly changed = this._register(new vscode.EventEmitter<string>());
  readonly onDidChangeState = this.changed.event;

  constructor(
    private readonly store: TenantList,
    private readonly sandbox: SandboxService,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
    /** Where the device code is shown to the user. */
    private readonly ui: UserInput,
  ) {
    super();
  }

  state(key: string): TenantState {
    return this.states.get(key) ?? { kind: 'checking' };
  }

  client(record: TenantRecord): GraphClient {
    const key = tenantKey(record);
    let client = this.clients.get(key);
    if (!client) {
      client = new GraphClient({
        tenantId: record.tenantId,
        cloud: record.cloud,
        credential: this.guarded(key, this.credential(record)),
        ...(record.auth === 'sandbox' || this.sandbox.servesAllTenants
          ? { fetch: this.sandbox.fetch }
          : {}),
        // Writes and failures at info (with their request ids, for a support case); reads at
        // debug, the background $batch of tenant names included (a POST that changes nothing).
        log: (e) => this.log[graphLogLevel(e)](formatGraphLogEntry(e)),
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Checks silently whether the tenant can be used now, and refreshes its name from Graph (so the
   * tree shows the organization's current name, read with this tenant's own token).
   */
  probe(record: TenantRecord, signal?: AbortSignal): Promise<TenantState> {
    // The tree, the status bar and a refresh may all ask at once: one check serves them all.
    const key = tenantKey(record);
    let pending = this.probes.get(key);
    if (!pending) {
      // Never a prompt, even when a command (Refresh) asks: signing in is the Sign In action's.
      pending = runInBackground(() => this.check(record, signal)).finally(() =>
        this.probes.delete(key),
      );
      this.probes.set(key, pending);
    }
    return pending;
  }

  private async check(record: TenantRecord, signal?: AbortSignal): Promise<TenantState> {
    const key = tenantKey(record);
    if (record.signedOut) return this.setState(key, { kind: 'needsSignIn' });
    try {
      await this.refreshIdentity(record, signal);
      return this.setState(key, { kind: 'signedIn' });
    } catch (err) {
      if (err instanceof SignInRequiredError) return this.setState(key, { kind: 'needsSignIn' });
      const d = describeError(err);
      // Graph refused the token without a challenge to answer: expired or revoked, or a clock that
      // disagrees with Graph's. Only signing in again helps.
      if (err instanceof GraphError && err.status === 401) {
        this.log.warn(`${tenantLabel(record)}: ${d.detail}`);
        return this.setState(key, { kind: 'needsSignIn' });
      }
      if (d.cancelled) throw err;
      this.log.warn(`${tenantLabel(record)}: ${d.detail}`);
      return this.setState(key, { kind: 'error', message: d.summary });
    }
  }

  /** Interactive sign-in (call inside a command). Throws what the user must know. */
  async signIn(record: TenantRecord, signal?: AbortSignal): Promise<TenantRecord> {
    const key = tenantKey(record);
    const current = record.signedOut
      ? ((await this.store.update(key, { signedOut: false })) ?? record)
      : record;
    this.setState(key, { kind: 'checking' });
    try {
      const updated = await this.refreshIdentity(current, signal);
      if (current.auth === 'deviceCode') this.liveDeviceCode.add(key);
      this.setState(key, { kind: 'signedIn' });
      return updated;
    } catch (err) {
      const d = describeError(err);
      this.setState(
        key,
        d.cancelled || err instanceof SignInRequiredError
          ? { kind: 'needsSignIn' }
          : { kind: 'error', message: d.summary },
      );
      throw err;
    }
  }

  /** Forgets this tenant's session in the extension; a client secret is deleted from SecretStorage. */
  async signOut(record: TenantRecord): Promise<void> {
    const key = tenantKey(record);
    this.clients.delete(key);
    this.liveDeviceCode.delete(key);
    if (record.auth === 'clientSecret') await this.secrets.delete(secretKey(record));
    await this.store.update(key, { signedOut: true });
    this.setState(key, { kind: 'needsSignIn' });
  }

  forget(key: string): void {
    this.clients.delete(key);
    this.states.delete(key);
    this.liveDeviceCode.delete(key);
  }

  /** Reads the organization with the tenant's own token and stores its current name and default domain. */
  private async refreshIdentity(record: TenantRecord, signal?: AbortSignal): Promise<TenantRecord> {
    const org = await getOrganization(this.client(record), { signal });
    const domains = org.verifiedDomains ?? [];
    const defaultDomain =
      domains.find((d) => d.isDefault)?.name ??
      domains.find((d) => d.isInitial)?.name ??
      record.defaultDomain;
    const change: Partial<TenantRecord> = {};
    if (org.displayName && org.displayName !== record.displayName)
      Object.assign(change, { displayName: org.displayName });
    if (defaultDomain && defaultDomain !== record.defaultDomain)
      Object.assign(change, { defaultDomain });
    if (!Object.keys(change).length) return record;
    return (await this.store.update(tenantKey(record), change)) ?? record;
  }

  private setState(key: string, state: TenantState): TenantState {
    this.states.set(key, state);
    this.changed.fire(key);
    return state;
  }

  /** Refuses tokens for a tenant the user signed out of, without asking the provider. */
  private guarded(key: string, inner: TokenCredential): TokenCredential {
    return {
      getToken: (
        scopes: string | string[],
        options?: GetTokenOptions,
      ): Promise<AccessToken | null> => {
        const r = this.store.get(key);
        if (r?.signedOut)
          return Promise.reject(new SignInRequiredError(r.tenantId, tenantLabel(r)));
        return inner.getToken(scopes, options);
      },
    };
  }

  private credential(record: TenantRecord): TokenCredential {
    const key = tenantKey(record);
    const cloud = getCloud(record.cloud);
    switch (record.auth) {
      case 'sandbox':
        return this.sandbox.credential(record.tenantId);
      case 'microsoft':
        return new VsCodeSessionCredential({
          tenantId: record.tenantId,
          tenantLabel: tenantLabel(record),
          cloud,
          // An empty setting means VS Code's own client id.
          clientId:
            vscode.workspace.getConfiguration('crossTenant').get<string>('auth.clientId') ||
            undefined,
          account: () => {
            const r = this.store.get(key);
            return r?.accountId && r.account ? { id: r.accountId, label: r.account } : undefined;
          },
          onAccount: (a) => void this.store.update(key, { account: a.label, accountId: a.id }),
        });
      default: {
        // @azure/identity is loaded only now, for the first tenant that uses one of its methods.
        let inner: Promise<TokenCredential> | undefined;
        const create = async (): Promise<TokenCredential> => {
          const secret =
            record.auth === 'clientSecret' ? await this.secrets.get(secretKey(record)) : undefined;
          if (record.auth === 'clientSecret' && !secret)
            throw new SignInRequiredError(
              record.tenantId,
              tenantLabel(record),
              vscode.l10n.t('the client secret is not stored on this machine'),
            );
          return requireBundle<typeof IdentityModule>('identity.js').createIdentityCredential({
            method: record.auth as 'deviceCode' | 'clientSecret' | 'certificate' | 'azureCli',
            tenantId: record.tenantId,
            cloud,
            ...(record.clientId ? { clientId: record.clientId } : {}),
            ...(secret ? { secret } : {}),
            ...(record.certificatePath ? { certificatePath: record.certificatePath } : {}),
            onDeviceCode: (info) => void showDeviceCode(this.ui, tenantLabel(record), info),
          });
        };
        return {
          getToken: async (
            scopes: string | string[],
            options?: GetTokenOptions,
          ): Promise<AccessToken | null> => {
            // A device-code flow needs the user; in the background it would wait for nobody.
            if (record.auth === 'deviceCode' && !isUserAction() && !this.liveDeviceCode.has(key)) {
              throw new SignInRequiredError(record.tenantId, tenantLabel(record));
            }
            inner ??= create().catch((err: unknown) => {
              inner = undefined;
              throw err;
            });
            return (await inner).getToken(scopes, options);
          },
        };
      }
    }
  }
}

/** The device code flow's instructions (Entra's own words), with the way to the browser. */
async function showDeviceCode(
  ui: UserInput,
  tenant: string,
  info: { message: string; userCode: string; verificationUri: string },
): Promise<void> {
  const copy = vscode.l10n.t('Copy Code and Open Browser');
  const choice = await ui.inform(vscode.l10n.t('{0}: {1}', tenant, info.message), copy);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(info.userCode);
    await vscode.env.openExternal(vscode.Uri.parse(info.verificationUri));
  }
}
