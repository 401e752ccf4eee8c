import { randomUUID } from 'node:crypto';
import { checkAnswers, DEFAULT_ANSWERS, type SandboxAnswers } from './answers';
import { SANDBOX_DEFAULT_SCOPES } from './auth/permissions';
import { SigningKeys, type SigningKeySource } from './auth/signingKeys';
import { mintToken } from './auth/token';
import { badRequest, ErrorResponse, MAX_REQUEST_BODY_BYTES, requestTooLarge } from './errors';
import { Faults } from './faults';
import { ExchangeRecorder, RECORD_FILE_ENV } from './http/exchangeRecorder';
import { Pipeline } from './http/pipeline';
import type { SandboxOutcome, SandboxRequest, SandboxResponse } from './http/sandboxRequest';
import { cloneJson, type JsonObject, str } from './json';
import type { SandboxControl } from './routes/control';
import { addBenchmarkPartners } from './seed/benchmarkPartners';
import { createWorld, DEFAULT_SEED } from './seed/seedWorld';
import type { SandboxTenant } from './seed/tenants';
import type { TenantStore } from './store/tenantStore';
import type { SandboxState, World } from './store/world';
import { Throttle } from './throttle';

export interface SandboxOptions {
  /** Persisted state from exportState(): seed, anchor time and changes since. */
  readonly state?: SandboxState;
  /** The clock (epoch ms); tests inject one to move time without waiting. */
  readonly now?: () => number;
  /** Latency added to every Graph request; fault injection can change it, clear() restores it. */
  readonly latencyMs?: number;
  /**
   * How the latency is waited out (default: a timer that an aborted request cancels); tests pass
   * one that records the delay asked for, so nothing depends on how fast the machine is.
   */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Seed of the generated data when there is no state. */
  readonly seed?: number;
  /**
   * How many times faster sync time runs (default 1): divides the delay before a started or
   * restarted job's cycle and the 40-minute interval between cycles, so tests and demos see cycles
   * within seconds. Changeable later with setTimeCompression or POST /_sandbox/settings.
   */
  readonly timeCompression?: number;
  /**
   * Appends every Graph request and its answer to this JSONL file (see http/exchangeRecorder.ts).
   * Defaults to the SANDBOX_RECORD_FILE environment variable; unset, nothing is recorded.
   */
  readonly recordFile?: string;
  /**
   * Check tokens as Graph does: only RS256 tokens signed by a key of this JWKS (or of the JWKS at
   * this URL, read on first use and again when a token names a new key) are accepted, with their
   * issuer, `nbf`, `exp` and audience checked. Without it the sandbox takes its own unsigned tokens
   * (`mintToken`, `GET /_sandbox/token`), which a signature-checking sandbox refuses.
   */
  readonly signingKeys?: SigningKeySource;
  /** Answers other than the defaults where Microsoft leaves one open (see answers.ts). */
  readonly answers?: Partial<SandboxAnswers>;
}

/** A valid time compression factor: a finite number ≥ 1 (a slower-than-real sandbox is not useful). */
export function checkTimeCompression(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1)
    throw new RangeError('timeCompression must be a finite number of at least 1.');
  return value;
}

export interface MintTokenOptions {
  /** Tenant id or any verified domain of a sandbox tenant. */
  readonly tenantId: string;
  /** Delegated scopes. When neither scp nor roles is given, the token gets SANDBOX_DEFAULT_SCOPES. */
  readonly scp?: readonly string[];
  /** Application permissions (an app-only token). */
  readonly roles?: readonly string[];
  readonly expiresInSeconds?: number;
  /** Delegated tokens default to the tenant's administrator. */
  readonly oid?: string;
  readonly upn?: string;
}

export interface Disposable {
  dispose(): void;
}

const MINUTE = 60_000;

/**
 * An in-memory Microsoft Graph v1.0 for sandbox tenants. `fetch` is a drop-in for the global fetch
 * (any host; paths under /v1.0 or /beta); the HTTP front (server.ts) serves the same pipeline.
 */
export class Sandbox implements SandboxControl {
  readonly faults: Faults;
  private world: World;
  private readonly pipeline: Pipeline;
  private readonly listeners = new Set<() => void>();
  private compression = 1;
  private chosen: SandboxAnswers = DEFAULT_ANSWERS;
  private recorder?: ExchangeRecorder;
  private readonly limiters = {
    identityReports: new Throttle(5, 10_000),
    provisionOnDemand: new Throttle(5, 10_000),
  };

  private constructor(
    private readonly now: () => number,
    private readonly seed: number,
    private readonly anchorMs: number,
    state: SandboxState | undefined,
    latencyMs: number,
    signingKeys: SigningKeySource | undefined,
    sleep: SandboxOptions['sleep'],
  ) {
    this.world = createWorld(seed, anchorMs, state);
    this.faults = new Faults(latencyMs);
    this.pipeline = new Pipeline({
      world: () => this.world,
      faults: this.faults,
      now: this.now,
      timeCompression: () => this.compression,
      answers: () => this.chosen,
      control: this,
      limiters: this.limiters,
      onChanged: () => this.fireChanged(),
      ...(signingKeys === undefined ? {} : { signingKeys: new SigningKeys(signingKeys) }),
      ...(sleep === undefined ? {} : { sleep }),
    });
  }

  /** A sandbox with the seeded tenants, or the one `state` describes. The anchor (end of seeded history) is now, to the minute. */
  static create(options: SandboxOptions = {}): Sandbox {
    const now = options.now ?? Date.now;
    const { state } = options;
    if (state && state.version !== 1)
      throw new TypeError(`Unsupported sandbox state version ${String(state.version)}.`);
    const anchorMs = state ? Date.parse(state.anchor) : Math.floor(now() / MINUTE) * MINUTE;
    if (Number.isNaN(anchorMs))
      throw new TypeError('The sandbox state has an invalid anchor time.');
    const sandbox = new Sandbox(
      now,
      state?.seed ?? options.seed ?? DEFAULT_SEED,
      anchorMs,
      state,
      options.latencyMs ?? 0,
      options.signingKeys,
      options.sleep,
    );
    if (options.timeCompression !== undefined) sandbox.setTimeCompression(options.timeCompression);
    if (options.answers) sandbox.setAnswers(options.answers);
    const recordFile = options.recordFile ?? process.env[RECORD_FILE_ENV];
    if (recordFile) sandbox.recorder = new ExchangeRecorder(recordFile);
    return sandbox;
  }

  /** The current time compression factor (1 = real time). */
  get timeCompression(): number {
    return this.compression;
  }

  /** Changes the time compression; cycles already scheduled keep their time, the next ones use the new factor. */
  setTimeCompression(factor: number): void {
    this.compression = checkTimeCompression(factor);
  }

  /** The answers in force where Microsoft leaves one open (see answers.ts). */
  get answers(): SandboxAnswers {
    return this.chosen;
  }

  /** Changes the answers named; the others stay. Throws TypeError for an unknown switch or choice. */
  setAnswers(answers: Partial<SandboxAnswers>): void {
    this.chosen = { ...this.chosen, ...checkAnswers(answers) };
  }

  /**
   * WHATWG fetch over the sandbox. An aborted signal rejects with an AbortError DOMException; a
   * dropped connection (fault injection) rejects with a TypeError, as fetch does on network failure.
   * A bound property, so it can be handed to an HTTP pipeline as a plain function.
   */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { signal } = request;
    const aborted = (): DOMException =>
      new DOMException('This operation was aborted', 'AbortError');
    if (signal.aborted) throw aborted();
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (Buffer.byteLength(body, 'utf8') > MAX_REQUEST_BODY_BYTES) {
      const refused = this.refuse(headers, requestTooLarge());
      return new Response(refused.body, { status: refused.status, headers: refused.headers });
    }
    const outcome = await this.handle(
      { method: request.method, url: new URL(request.url), headers, body },
      signal,
    );
    if (signal.aborted) throw aborted();
    if (outcome.kind === 'drop')
      throw new TypeError('fetch failed', {
        cause: new Error('The sandbox dropped the connection (fault injection).'),
      });
    const { status, headers: responseHeaders, body: responseBody } = outcome.response;
    if (outcome.kind === 'truncate' && responseBody !== null) {
      const bytes = new TextEncoder().encode(responseBody);
      // Half the body arrives, then the stream fails as fetch's does when the socket closes.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status, headers: responseHeaders });
    }
    return new Response(responseBody, { status, headers: responseHeaders });
  };

  /** The shared core of both fronts. */
  async handle(request: SandboxRequest, signal?: AbortSignal): Promise<SandboxOutcome> {
    const outcome = await this.pipeline.handle(request, signal);
    this.recorder?.record(request, outcome);
    return outcome;
  }

  /** The error response for a request a front refuses before handling it (see Pipeline.refuse). */
  refuse(headers: Readonly<Record<string, string>>, error: ErrorResponse): SandboxResponse {
    return this.pipeline.refuse(headers, error);
  }

  private tenant(idOrDomain: string): TenantStore {
    const tenant = this.world.find(idOrDomain);
    if (!tenant)
      throw new ErrorResponse(
        404,
        'NotFound',
        `'${idOrDomain}' is not a sandbox tenant id or domain.`,
      );
    return tenant;
  }

  /** An unsigned token for a sandbox tenant (see auth/token.ts for the claims). */
  mintToken(options: MintTokenOptions): string {
    const tenant = this.tenant(options.tenantId);
    const delegated = options.roles === undefined;
    const admin = delegated ? tenant.directory.users[0]?.object : undefined;
    return mintToken(
      {
        tenantId: tenant.tenantId,
        scp: delegated ? (options.scp ?? SANDBOX_DEFAULT_SCOPES) : undefined,
        roles: options.roles,
        expiresInSeconds: options.expiresInSeconds,
        oid: options.oid ?? (admin ? str(admin.id) : undefined),
        upn: options.upn ?? (admin ? str(admin.userPrincipalName) : undefined),
      },
      this.now(),
    );
  }

  listTenants(): SandboxTenant[] {
    return this.world.all().map((t) => t.info);
  }

  /** Back to the seeded state (same seed and anchor); clears faults, rate-limit windows and answers. */
  reset(): void {
    this.world = createWorld(this.seed, this.anchorMs);
    this.faults.clear();
    this.chosen = DEFAULT_ANSWERS;
    this.limiters.identityReports.reset();
    this.limiters.provisionOnDemand.reset();
    this.fireChanged();
  }

  /** Small JSON: the seed, the anchor and what changed since. Feed it back to Sandbox.create({ state }). */
  exportState(): SandboxState {
    return this.world.exportState();
  }

  /** Called after every change of sandbox state, so a host can persist exportState(). */
  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Adds `count` new tenants as partners of `tenantId` (benchmarks: 10…1000 partners). */
  addPartners(tenantId: string, count: number): SandboxTenant[] {
    const added = addBenchmarkPartners(this.world, this.tenant(tenantId).tenantId, count);
    this.fireChanged();
    return added;
  }

  /** Appends provisioning-log entries to a tenant; missing id, activityDateTime and tenantId are filled in. */
  appendProvisioningLogs(tenantId: string, entries: readonly JsonObject[]): JsonObject[] {
    const tenant = this.tenant(tenantId);
    const now = new Date(this.now()).toISOString();
    const completed = entries.map((entry) => {
      const e = cloneJson(entry);
      e.id ??= randomUUID();
      e.activityDateTime ??= now;
      e.tenantId ??= tenant.tenantId;
      if (typeof e.activityDateTime !== 'string' || Number.isNaN(Date.parse(e.activityDateTime)))
        throw badRequest(`Invalid activityDateTime in entry '${str(e.id)}'.`);
      return e;
    });
    tenant.provisioning.appendEntries(completed);
    this.world.markDirty(tenant.tenantId, 'provisioning');
    this.fireChanged();
    return completed.map((e) => cloneJson(e));
  }

  /**
   * Appends directory audit events (benchmarks and tests; changes made through Graph are logged
   * by themselves). Missing id and activityDateTime are filled in.
   */
  appendDirectoryAudits(tenantId: string, entries: readonly JsonObject[]): JsonObject[] {
    return this.appendEvents(tenantId, entries, 'audit', 'activityDateTime');
  }

  /** Appends sign-in events; missing id and createdDateTime are filled in. */
  appendSignIns(tenantId: string, entries: readonly JsonObject[]): JsonObject[] {
    return this.appendEvents(tenantId, entries, 'signIns', 'createdDateTime');
  }

  private appendEvents(
    tenantId: string,
    entries: readonly JsonObject[],
    section: 'audit' | 'signIns',
    timeKey: string,
  ): JsonObject[] {
    const tenant = this.tenant(tenantId);
    const now = new Date(this.now()).toISOString();
    const completed = entries.map((entry) => {
      const e = cloneJson(entry);
      e.id ??= randomUUID();
      e[timeKey] ??= now;
      const time = e[timeKey];
      if (typeof time !== 'string' || Number.isNaN(Date.parse(time)))
        throw badRequest(`Invalid ${timeKey} in entry '${str(e.id)}'.`);
      return e;
    });
    (section === 'audit' ? tenant.audits : tenant.signIns).append(completed);
    this.world.markDirty(tenant.tenantId, section);
    this.fireChanged();
    return completed.map((e) => cloneJson(e));
  }

  private fireChanged(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
