/** Faults to inject, for tests and benchmarks of a Graph client's resilience. */
export interface FaultSettings {
  /** Added to every Graph request (not to control endpoints). */
  readonly latencyMs?: number;
  /**
   * The next `count` requests (under `pathPrefix` and with `method`, if given: e.g. `/auditLogs`,
   * or a PATCH after the GETs before it) get 429 with Retry-After.
   */
  readonly throttle?: {
    readonly count: number;
    readonly retryAfterSeconds: number;
    readonly pathPrefix?: string;
    readonly method?: string;
  };
  /** The next `count` requests get 503, with Retry-After when given. */
  readonly unavailable?: { readonly count: number; readonly retryAfterSeconds?: number };
  /**
   * The next `count` requests (with `method`, if given: a PATCH after the GETs before it) lose their
   * connection: the HTTP front destroys the socket, fetch rejects with a TypeError.
   */
  readonly drop?: { readonly count: number; readonly method?: string };
  /** The next `count` requests are never answered: the sandbox waits until the client gives up. */
  readonly hang?: { readonly count: number };
  /**
   * The next `count` responses lose their connection mid-body: the request was carried out, the
   * status and headers arrive, then half the body, then the socket closes (fetch's body read
   * rejects with a TypeError).
   */
  readonly truncate?: { readonly count: number };
  /** The next `count` collection pages carry an `@odata.nextLink` to the very URL just read. */
  readonly loopNextLink?: { readonly count: number };
}

/** What the pipeline should do to one request, decided once per request. */
export type FaultDecision =
  | { readonly kind: 'drop' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number }
  | { readonly kind: 'none' };

function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new TypeError(`${what} must be a non-negative integer.`);
  return value;
}

/** Strips a version segment, so `/v1.0/auditLogs` and `/auditLogs` are the same prefix. */
function normalizePrefix(prefix: string): string {
  const p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  return p.replace(/^\/(v1\.0|beta)(?=\/|$)/i, '') || '/';
}

/** Fault state: counters that requests consume. `clear()` returns to the configured base latency. */
export class Faults {
  private latency: number;
  private throttle?: {
    count: number;
    retryAfterSeconds: number;
    pathPrefix?: string;
    method?: string;
  };
  private unavailable?: { count: number; retryAfterSeconds?: number };
  private drop?: { count: number; method?: string };
  private hang?: { count: number };
  private truncate?: { count: number };
  private loopNextLink?: { count: number };

  constructor(private readonly baseLatencyMs = 0) {
    this.latency = baseLatencyMs;
  }

  /** Replaces the settings that are present; absent ones stay as they are. Throws TypeError on invalid values. */
  set(settings: FaultSettings): void {
    if (settings.latencyMs !== undefined)
      this.latency = checkCount(settings.latencyMs, 'latencyMs');
    if (settings.throttle) {
      const { count, retryAfterSeconds, pathPrefix, method } = settings.throttle;
      if (pathPrefix !== undefined && typeof pathPrefix !== 'string')
        throw new TypeError('throttle.pathPrefix must be a string.');
      if (method !== undefined && typeof method !== 'string')
        throw new TypeError('throttle.method must be a string.');
      this.throttle = {
        count: checkCount(count, 'throttle.count'),
        retryAfterSeconds: checkCount(retryAfterSeconds, 'throttle.retryAfterSeconds'),
        pathPrefix: pathPrefix === undefined ? undefined : normalizePrefix(pathPrefix),
        method: method?.toUpperCase(),
      };
    }
    if (settings.unavailable) {
      const { count, retryAfterSeconds } = settings.unavailable;
      this.unavailable = {
        count: checkCount(count, 'unavailable.count'),
        retryAfterSeconds:
          retryAfterSeconds === undefined
            ? undefined
            : checkCount(retryAfterSeconds, 'unavailable.retryAfterSeconds'),
      };
    }
    if (settings.drop) {
      const { method } = settings.drop;
      if (method !== undefined && typeof method !== 'string')
        throw new TypeError('drop.method must be a string.');
      this.drop = {
        count: checkCount(settings.drop.count, 'drop.count'),
        method: method?.toUpperCase(),
      };
    }
    if (settings.hang) this.hang = { count: checkCount(settings.hang.count, 'hang.count') };
    if (settings.truncate)
      this.truncate = { count: checkCount(settings.truncate.count, 'truncate.count') };
    if (settings.loopNextLink)
      this.loopNextLink = {
        count: checkCount(settings.loopNextLink.count, 'loopNextLink.count'),
      };
  }

  clear(): void {
    this.latency = this.baseLatencyMs;
    this.throttle = undefined;
    this.unavailable = undefined;
    this.drop = undefined;
    this.hang = undefined;
    this.truncate = undefined;
    this.loopNextLink = undefined;
  }

  /** The settings in force, with remaining counts. */
  get current(): FaultSettings {
    return {
      latencyMs: this.latency,
      ...(this.throttle && this.throttle.count > 0 ? { throttle: { ...this.throttle } } : {}),
      ...(this.unavailable && this.unavailable.count > 0
        ? { unavailable: { ...this.unavailable } }
        : {}),
      ...(this.drop && this.drop.count > 0 ? { drop: { ...this.drop } } : {}),
      ...(this.hang && this.hang.count > 0 ? { hang: { ...this.hang } } : {}),
      ...(this.truncate && this.truncate.count > 0 ? { truncate: { ...this.truncate } } : {}),
      ...(this.loopNextLink && this.loopNextLink.count > 0
        ? { loopNextLink: { ...this.loopNextLink } }
        : {}),
    };
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** Decides (and consumes) the connection-level fault of one top-level request. */
  takeConnectionFault(method: string): FaultDecision {
    if (
      this.drop &&
      this.drop.count > 0 &&
      (this.drop.method === undefined || this.drop.method === method.toUpperCase())
    ) {
      this.drop.count--;
      return { kind: 'drop' };
    }
    if (this.hang && this.hang.count > 0) {
      this.hang.count--;
      return { kind: 'hang' };
    }
    if (this.unavailable && this.unavailable.count > 0) {
      this.unavailable.count--;
      return { kind: 'unavailable', retryAfterSeconds: this.unavailable.retryAfterSeconds };
    }
    return { kind: 'none' };
  }

  /** Whether this response (one with a body) loses its connection mid-body; consumes the fault. */
  takeTruncate(): boolean {
    if (!this.truncate || this.truncate.count <= 0) return false;
    this.truncate.count--;
    return true;
  }

  /** Whether this collection page links to itself; consumes the fault. */
  takeLoopNextLink(): boolean {
    if (!this.loopNextLink || this.loopNextLink.count <= 0) return false;
    this.loopNextLink.count--;
    return true;
  }

  /** Decides (and consumes) an injected 429 for a request to `path` (version-less, e.g. `/auditLogs/provisioning`). */
  takeThrottle(method: string, path: string): FaultDecision {
    const t = this.throttle;
    if (!t || t.count <= 0) return { kind: 'none' };
    if (t.method !== undefined && t.method !== method.toUpperCase()) return { kind: 'none' };
    if (
      t.pathPrefix &&
      t.pathPrefix !== '/' &&
      !path.toLowerCase().startsWith(t.pathPrefix.toLowerCase())
    )
      return { kind: 'none' };
    t.count--;
    return { kind: 'throttle', retryAfterSeconds: t.retryAfterSeconds };
  }
}
