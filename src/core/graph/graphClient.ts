import type { TokenCredential } from '@azure/core-auth';
import { Client, ResponseType, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { getCloud, type Cloud, type CloudName } from '../auth/clouds';
import { permissionFor, type GraphOperation } from '../auth/operationPermissions';
import { operationScopes, type ScopeBundle } from '../auth/scopes';
import { AuthMiddleware } from './authMiddleware';
import { FetchMiddleware, type FetchLike } from './fetchMiddleware';
import { DeadlineError, GraphError, graphErrorFromResponse } from './graphError';
import { DEFAULT_GRAPH_LIMITS, timeLimit, type GraphLimits } from './limits';
import { LoggingMiddleware, type GraphLogSink } from './loggingMiddleware';
import { encodeQuery, type QueryValue } from './odata';
import { USER_AGENT } from './userAgent';
import { RequestContext } from './requestContext';
import { RetryMiddleware } from './retryMiddleware';
import {
  DEFAULT_RETRY_OPTIONS,
  isIdempotent,
  systemClock,
  type Clock,
  type RetryOptions,
} from './retryPolicy';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GraphRequestSpec {
  /** The typed operation; decides the token bundle and how a 403 is explained. */
  readonly operation: GraphOperation | 'batch';
  readonly method: HttpMethod;
  /** Path below the version segment, e.g. `/policies/crossTenantAccessPolicy/partners`; keys already encoded. */
  readonly path?: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** An absolute URL sent unchanged instead of path + query: an `@odata.nextLink`. Must share the client's origin. */
  readonly url?: string;
  /** JSON body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** The token bundle when it is not the operation's own (a `$batch` needs the largest of its items'). */
  readonly bundle?: ScopeBundle;
  /** Whether repeating after a 504 or a dropped connection is safe; defaults from the method. */
  readonly idempotent?: boolean;
  /**
   * Whether it may change the tenant, so waits for this tenant's other writes first (and is
   * logged as a write); defaults to every method but GET.
   */
  readonly serialise?: boolean;
}

/** What every typed operation accepts besides its own arguments. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface GraphResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON; undefined for an empty body (204). */
  readonly body: T;
}

export interface GraphClientOptions {
  readonly tenantId: string;
  readonly credential: TokenCredential;
  /** Default: global. */
  readonly cloud?: CloudName | Cloud;
  /** Replaces the cloud's Graph host, e.g. `http://127.0.0.1:PORT` for the HTTP sandbox. */
  readonly baseUrl?: string;
  readonly apiVersion?: 'v1.0' | 'beta';
  /** Default: the global fetch. The extension passes the in-process sandbox's fetch. */
  readonly fetch?: FetchLike;
  readonly log?: GraphLogSink;
  readonly retry?: Partial<RetryOptions>;
  /** Tests inject a clock so retries do not wait. */
  readonly clock?: Partial<Clock>;
  /** Time and page bounds; DEFAULT_GRAPH_LIMITS for what is not given. */
  readonly limits?: Partial<GraphLimits>;
  /**
   * Ends every request of this client when it aborts (the CLI's deadline for a whole command); a
   * reason that is an Error is what the requests fail with.
   */
  readonly signal?: AbortSignal;
}

/**
 * Microsoft Graph for one tenant in one cloud. Built on the Graph SDK's `Client` with our own
 * middleware chain — auth → retry → logging → transport — so tokens are asked for just in time per
 * operation, throttling is handled once for every caller, every attempt is logged without secrets,
 * and the transport is an injectable fetch. A batch belongs to one client, so it never mixes tenants.
 * Writes to the tenant are sent one at a time (graph-api.md §0: serialise writes per tenant).
 */
export class GraphClient {
  readonly tenantId: string;
  readonly cloud: Cloud;
  /** Origin (plus optional path) the requests go to, without a trailing slash. */
  readonly baseUrl: string;
  readonly apiVersion: 'v1.0' | 'beta';
  readonly retryOptions: RetryOptions;
  readonly clock: Clock;
  readonly limits: GraphLimits;
  /** See GraphClientOptions.signal. */
  readonly signal?: AbortSignal;
  private readonly sdk: Client;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(options: GraphClientOptions) {
    this.tenantId = options.tenantId;
    this.cloud = typeof options.cloud === 'object' ? options.cloud : getCloud(options.cloud);
    this.baseUrl = (options.baseUrl ?? this.cloud.graphHost).replace(/\/+$/, '');
    this.apiVersion = options.apiVersion ?? 'v1.0';
    this.retryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.clock = { ...systemClock, ...options.clock };
    this.limits = { ...DEFAULT_GRAPH_LIMITS, ...options.limits };
    this.signal = options.signal;
    const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
    const now = (): number => this.clock.now();
    const middleware = [
      new AuthMiddleware(options.credential, this.tenantId, now),
      new RetryMiddleware(this.retryOptions, this.clock),
      ...(options.log ? [new LoggingMiddleware(options.log, now)] : []),
      new FetchMiddleware(fetchImpl, this.limits.requestTimeoutMs),
    ];
    this.sdk = Client.initWithMiddleware({
      middleware,
      baseUrl: this.baseUrl,
      defaultVersion: this.apiVersion,
    });
  }

  /** `https://graph.microsoft.com/v1.0` or the override's equivalent. */
  get versionUrl(): string {
    return `${this.baseUrl}/${this.apiVersion}`;
  }

  /** Absolute URL of a path below the version segment. */
  url(path: string, query?: Readonly<Record<string, QueryValue>>): string {
    const qs = query ? encodeQuery(query) : '';
    return `${this.versionUrl}${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
  }

  /** Sends one request (retried as the policy says); throws GraphError for a non-2xx final response. */
  async send<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
    const url =
      spec.url !== undefined ? this.ownUrl(spec.url) : this.url(spec.path ?? '/', spec.query);
    const permission = spec.operation === 'batch' ? undefined : permissionFor(spec.operation);
    const bundle = spec.bundle ?? permission?.bundle ?? 'browse';
    const info = { method: spec.method, url, tenantId: this.tenantId, operation: spec.operation };
    const deadline = timeLimit(
      this.limits.deadlineMs,
      [spec.signal, this.signal],
      () => new DeadlineError(info, this.limits.deadlineMs),
    );
    const write = spec.serialise ?? spec.method !== 'GET';
    const ctx = new RequestContext({
      ...info,
      write,
      scopes: operationScopes(bundle, permission?.additionalScopes, this.cloud),
      idempotent: spec.idempotent ?? isIdempotent(spec.method),
      clientRequestId: crypto.randomUUID(),
      signal: deadline.signal,
    });
    const run = (): Promise<GraphResponse<T>> => this.execute<T>(spec, ctx);
    try {
      if (!write) return await run();
      const result = this.writes.then(run);
      this.writes = result.catch(() => undefined);
      return await result;
    } finally {
      deadline.dispose();
    }
  }

  /** Like send, returning only the body. */
  async request<T>(spec: GraphRequestSpec): Promise<T> {
    return (await this.send<T>(spec)).body;
  }

  private async execute<T>(spec: GraphRequestSpec, ctx: RequestContext): Promise<GraphResponse<T>> {
    // The SDK needs a path to build its own URL from; the transport sends ctx.url (see RequestContext).
    const sdkPath = ctx.url.slice(this.versionUrl.length) || '/';
    const request = this.sdk
      .api(sdkPath)
      .middlewareOptions([ctx])
      .responseType(ResponseType.RAW)
      .header('client-request-id', ctx.clientRequestId)
      .header('User-Agent', USER_AGENT);
    if (spec.headers) request.headers(spec.headers);
    let response: Response;
    try {
      response = await dispatch(request, spec);
    } catch (err) {
      throw ctx.failure ?? err;
    }
    const text = await response.text();
    if (!response.ok) {
      throw graphErrorFromResponse(
        {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          body: text,
        },
        ctx,
        { attempts: ctx.attempts, now: this.clock.now() },
      );
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parseBody<T>(text, response, ctx),
    };
  }

  /** An @odata.nextLink may only be followed within our origin: the request carries this tenant's token. */
  private ownUrl(url: string): string {
    const base = new URL(this.versionUrl);
    const target = new URL(url);
    if (target.origin !== base.origin || !target.pathname.startsWith(`${base.pathname}/`)) {
      throw new Error(
        `Refusing to send a ${this.tenantId} token to ${target.origin}${target.pathname}: it is outside ${this.versionUrl}.`,
      );
    }
    return url;
  }
}

async function dispatch(request: GraphRequest, spec: GraphRequestSpec): Promise<Response> {
  switch (spec.method) {
    case 'GET':
      return (await request.get()) as Response;
    case 'POST':
      return (await request.post(spec.body)) as Response;
    case 'PUT':
      return (await request.put(spec.body)) as Response;
    case 'PATCH':
      return (await request.patch(spec.body)) as Response;
    case 'DELETE':
      return (await request.delete()) as Response;
  }
}

/**
 * A successful body: empty, or a JSON object (OData answers are objects; a collection or a
 * primitive comes wrapped in `value`). Anything else is an InvalidResponseBody error here, not a
 * `Cannot read properties of null` wherever the caller first touches it.
 */
function parseBody<T>(text: string, response: Response, ctx: RequestContext): T {
  if (text === '') return undefined as T;
  const invalid = (what: string, cause?: unknown): GraphError =>
    new GraphError({
      method: ctx.method,
      url: ctx.url,
      tenantId: ctx.tenantId,
      operation: ctx.operation,
      status: response.status,
      code: 'InvalidResponseBody',
      message: `Graph answered ${response.status} with ${what}.`,
      requestId: response.headers.get('request-id') ?? undefined,
      clientRequestId: ctx.clientRequestId,
      cause,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw invalid('a body that is not JSON', err);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid(`JSON that is not an object (${parsed === null ? 'null' : typeof parsed})`);
  return parsed as T;
}
