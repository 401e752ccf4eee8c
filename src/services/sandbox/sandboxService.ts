import type { AccessToken, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type * as SandboxModule from '../../sandbox';
import type { Sandbox, SandboxState, SandboxTenant } from '../../sandbox';
import { requireBundle } from '../../host/lazyBundles';
import type { Log } from '../../host/log';
import { isCancellation } from '../../core/describeError';
import { writeFileUnder } from '../../core/files/writeFilesUnder';
import { Disposable, toDisposable } from '../../host/disposable';

/** One request the extension sent to the sandbox, as the sandbox saw it (for the log and the tests). */
export interface SandboxRequestRecord {
  /** The `tid` of the bearer token: which tenant's token was used. */
  readonly tokenTenantId?: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** When the request arrived (Date.now()): throttling tests look at the spacing. */
  readonly at: number;
}

const STATE_FILE = 'sandbox-state.json';

/** A request meant for Graph, sent to the external sandbox with the Graph host it was meant for (so its links point back at Graph). */
function forwarded(request: Request, external: string): Request {
  const url = new URL(request.url);
  const out = new Request(`${external}${url.pathname}${url.search}`, request);
  out.headers.set('x-forwarded-host', url.host);
  return out;
}
const SAVE_DELAY_MS = 300;

/**
 * The in-process sandbox behind the "Sandbox" sign-in: loaded on first use, its state persisted as a
 * file under globalStorageUri. A file, not globalState: in browser-hosted VS Code, globalState lives
 * in the browser profile and would be lost with it (vscode-harness FINDINGS Q5). Requests reach the
 * sandbox through our Graph client's full HTTP pipeline; only the socket is replaced by `fetch`.
 */
export class SandboxService extends Disposable {
  private sandbox?: Sandbox;
  private saveTimer?: NodeJS.Timeout;
  private saving = Promise.resolve();
  private readonly recent: SandboxRequestRecord[] = [];
  /** Per tenant, the permissions an admin "consented" to; absent: everything asked for. */
  private readonly consented = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: Log,
  ) {
    super();
    // A change still waiting for its save is written now, before the window goes.
    this._register(toDisposable(() => this.saveTimer && void this.saveNow()));
  }

  /** The sandbox, created from the saved state on first use. */
  async get(): Promise<Sandbox> {
    if (this.sandbox) return this.sandbox;
    const { Sandbox } = requireBundle<typeof SandboxModule>('sandbox.js');
    const state = await this.readState();
    let sandbox: Sandbox;
    try {
      sandbox = Sandbox.create(state ? { state } : {});
    } catch (err) {
      this.log.warn(
        `The saved sandbox state could not be used (${String(err)}); starting from the seeded tenants.`,
      );
      sandbox = Sandbox.create();
    }
    // Another caller may have finished first while we awaited the file.
    if (this.sandbox) return this.sandbox;
    this.sandbox = sandbox;
    this._register(sandbox.onDidChange(() => this.scheduleSave()));
    return sandbox;
  }

  /**
   * `crossTenant.sandbox.url`: an external HTTP sandbox (`npm run sandbox`) instead of the in-process
   * one, so that the extension, the CLI and tests share one sandbox and requests really go over HTTP.
   */
  private get externalUrl(): string | undefined {
    const url = vscode.workspace.getConfiguration('crossTenant').get<string>('sandbox.url')?.trim();
    return url ? url.replace(/\/+$/, '') : undefined;
  }

  /**
   * `crossTenant.sandbox.allTenants` with an external sandbox: tenants of every sign-in method send
   * their Graph requests there, so the real credentials (VS Code's Microsoft accounts,
   * @azure/identity) can be tried against a sandbox that checks their signed tokens.
   */
  get servesAllTenants(): boolean {
    return (
      this.externalUrl !== undefined &&
      vscode.workspace.getConfiguration('crossTenant').get<boolean>('sandbox.allTenants') === true
    );
  }

  private async control<T>(method: string, path: string, signal?: AbortSignal): Promise<T> {
    const res = await fetch(`${this.externalUrl}${path}`, {
      method,
      signal: signal ?? null,
    }).catch((err: unknown) => {
      if (isCancellation(err)) throw err;
      // fetch says only "fetch failed": name the sandbox asked, why, and the two fixes.
      const reason = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      throw new Error(
        vscode.l10n.t(
          'The sandbox at {0} did not answer ({1}). Start it ("npm run sandbox"), or correct or clear the setting "crossTenant.sandbox.url".',
          this.externalUrl ?? '',
          reason instanceof Error ? reason.message : String(reason),
        ),
      );
    });
    if (!res.ok)
      throw new Error(
        vscode.l10n.t(
          'The sandbox at {0} answered {1} to {2} {3}.',
          this.externalUrl ?? '',
          res.status,
          method,
          path,
        ),
      );
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  async tenants(): Promise<SandboxTenant[]> {
    if (this.externalUrl) {
      return this.control<SandboxTenant[]>('GET', '/_sandbox/tenants');
    }
    return (await this.get()).listTenants();
  }

  /** A fetch that sends to the sandbox and records who asked for what. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const external = this.externalUrl;
    // The external sandbox serves any Graph path at its own origin: same path, its host.
    const response = external
      ? await fetch(forwarded(request, external))
      : await (await this.get()).fetch(request);
    const url = new URL(request.url);
    this.recent.push({
      tokenTenantId: tokenTenant(request.headers.get('authorization')),
      method: request.method,
      path: url.pathname + url.search,
      status: response.status,
      at: Date.now(),
    });
    // Tests remember a position in this list, so it only grows (to a bound no test run reaches).
    if (this.recent.length > 200_000) this.recent.splice(0, this.recent.length - 200_000);
    return response;
  };

  /** Requests seen since start (newest last); the integration tests read this. */
  requests(): readonly SandboxRequestRecord[] {
    return this.recent;
  }

  /**
   * Simulates an admin who consented to only some permissions in a sandbox tenant: later tokens carry
   * only those of the requested scopes, so Graph answers 403 where a permission is missing.
   * `undefined` consents to everything again.
   */
  setConsentedPermissions(tenantId: string, permissions: readonly string[] | undefined): void {
    if (permissions) this.consented.set(tenantId.toLowerCase(), new Set(permissions));
    else this.consented.delete(tenantId.toLowerCase());
  }

  /** A credential for one sandbox tenant: the sandbox's unsigned tokens with the scopes asked for (and consented to). */
  credential(tenantId: string): TokenCredential {
    return {
      getToken: async (scopes: string | string[]): Promise<AccessToken> => {
        // `https://graph.microsoft.com/Policy.Read.All` → `Policy.Read.All`, as Entra puts it in `scp`.
        const consented = this.consented.get(tenantId.toLowerCase());
        const scp = (Array.isArray(scopes) ? scopes : [scopes])
          .map((s) => s.replace(/^https?:\/\/[^/]+\//, ''))
          .filter((s) => s !== '.default' && (!consented || consented.has(s)));
        const expiresInSeconds = 3600;
        const token = this.externalUrl
          ? (
              await this.control<{ access_token: string }>(
                'GET',
                `/_sandbox/token?tenant=${encodeURIComponent(tenantId)}&expiresIn=${expiresInSeconds}${scp.length || consented ? `&scp=${encodeURIComponent(scp.join(' '))}` : ''}`,
              )
            ).access_token
          : (await this.get()).mintToken({
              tenantId,
              ...(scp.length || consented ? { scp } : {}),
              expiresInSeconds,
            });
        return { token, expiresOnTimestamp: Date.now() + expiresInSeconds * 1000 };
      },
    };
  }

  /** Back to the seeded tenants: every change made in the sandbox is dropped. */
  async reset(): Promise<void> {
    if (this.externalUrl) {
      await this.control('POST', '/_sandbox/reset');
      return;
    }
    const sandbox = await this.get();
    sandbox.reset();
    await this.saveNow();
  }

  private get stateUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, STATE_FILE);
  }

  /** The saved state; none before the first save. One that cannot be read is said in the log. */
  private async readState(): Promise<SandboxState | undefined> {
    try {
      return JSON.parse(
        Buffer.from(await vscode.workspace.fs.readFile(this.stateUri)).toString('utf8'),
      ) as SandboxState;
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound'))
        this.log.error(
          `The saved sandbox state in ${this.stateUri.fsPath} could not be read; starting from the seeded tenants: ${String(err)}`,
        );
      return undefined;
    }
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Writes are chained so two saves never interleave. */
  saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    const sandbox = this.sandbox;
    if (!sandbox) return this.saving;
    this.saving = this.saving.then(async () => {
      try {
        // Atomic: a window closed mid-save leaves the previous state, never half of one.
        await writeFileUnder(
          this.storageUri.fsPath,
          STATE_FILE,
          JSON.stringify(sandbox.exportState()),
        );
      } catch (err) {
        this.log.error(`Saving the sandbox state failed: ${String(err)}`);
      }
    });
    return this.saving;
  }
}

function tokenTenant(authorization: string | null): string | undefined {
  const token = authorization?.replace(/^Bearer\s+/i, '');
  try {
    return (
      JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        tid?: string;
      }
    ).tid;
  } catch {
    return undefined;
  }
}
