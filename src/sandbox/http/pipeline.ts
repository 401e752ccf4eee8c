import { randomUUID } from 'node:crypto';
import type { SandboxAnswers } from '../answers';
import { continuousAccessChallenge } from '../auth/continuousAccess';
import { principalFromClaims, requirePermission, type Principal } from '../auth/permissions';
import type { SigningKeys } from '../auth/signingKeys';
import { invalidToken, readBearerToken } from '../auth/token';
import {
  badRequest,
  errorBody,
  gatewayBadRequest,
  ErrorResponse,
  type RequestIds,
} from '../errors';
import type { Faults } from '../faults';
import { isJsonObject, type Json } from '../json';
import { QueryOptions } from '../odata/queryOptions';
import { handleControl, type SandboxControl } from '../routes/control';
import { GRAPH_ROUTES } from '../routes/graphRoutes';
import type { World } from '../store/world';
import { runDueCycles } from '../sync/jobEngine';
import type { Throttle } from '../throttle';
import { batchResponseEntry, executionOrder, parseBatch, type BatchItemResponse } from './batch';
import type { GraphVersion, RouteContext, ThrottleClass } from './route';
import { Router } from './router';
import type { SandboxOutcome, SandboxRequest, SandboxResponse } from './sandboxRequest';

/** What the pipeline needs from its owner (the Sandbox). */
export interface PipelineEnv {
  readonly world: () => World;
  readonly faults: Faults;
  readonly now: () => number;
  /** Divides the delays of the sync engine (see SandboxOptions.timeCompression). */
  readonly timeCompression: () => number;
  /** The answers in force where Microsoft leaves one open (see answers.ts). */
  readonly answers: () => SandboxAnswers;
  readonly control: SandboxControl;
  readonly limiters: Readonly<Record<ThrottleClass, Throttle>>;
  /** Called after a request changed sandbox state. */
  readonly onChanged: () => void;
  /** When set, tokens must be signed by these keys (see SandboxOptions.signingKeys). */
  readonly signingKeys?: SigningKeys;
  /** Waits out the injected latency (see SandboxOptions.sleep); default a cancellable timer. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** A Graph request after version and body handling: a top-level request or one item of a batch. */
interface GraphRequest {
  readonly method: string;
  readonly url: URL;
  readonly version: string;
  readonly segments: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Json | undefined;
  readonly ids: RequestIds;
}

const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const VERSIONS = new Set(['v1.0', 'beta']);
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);

function splitPath(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw gatewayBadRequest(`Invalid percent-encoding in the URL segment '${s}'.`);
      }
    });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): void => {
      clearTimeout(timer);
      reject(new DOMException('This operation was aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * A body must be sent as `application/json` (parameters such as charset allowed). The media type
 * itself is compared, not searched for: `text/plain; charset=application/json` is what a web page
 * can send without a preflight, and it must not pass.
 */
function requireJson(request: SandboxRequest): void {
  const type = request.headers['content-type'] ?? '';
  if (type.split(';')[0].trim().toLowerCase() !== 'application/json')
    throw new ErrorResponse(
      415,
      'UnsupportedMediaType',
      `The Content-Type '${type || '(none)'}' is not supported: send the body as application/json.`,
    );
}

/** Never resolves; rejects with an AbortError once the client goes away (the hang fault). */
function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    const aborted = (): void =>
      reject(new DOMException('This operation was aborted', 'AbortError'));
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** Reads a top-level body: writes with content must be JSON (415 otherwise) and parse (400 otherwise). */
function readBody(request: SandboxRequest): Json | undefined {
  if (!WRITE_METHODS.has(request.method) || request.body.trim() === '') return undefined;
  requireJson(request);
  try {
    return JSON.parse(request.body) as Json;
  } catch {
    throw new ErrorResponse(
      400,
      'BadRequest',
      'Unable to read JSON request payload: the body is not valid JSON.',
    );
  }
}

/**
 * The core both fronts share: fault injection, versions, authentication (tenant from the token's
 * `tid`), permissions, per-tenant rate limits, routing, `$batch`, error bodies and request ids.
 */
export class Pipeline {
  private readonly router = new Router(GRAPH_ROUTES);

  constructor(private readonly env: PipelineEnv) {}

  /**
   * The answer to a request a front refuses before it reaches the pipeline (a body over the size
   * limit, a foreign Origin): the same error body and request ids as any other error.
   */
  refuse(headers: Readonly<Record<string, string>>, error: ErrorResponse): SandboxResponse {
    const ids = requestIds(headers);
    return this.toResponse(this.errorResult(error, ids), ids);
  }

  async handle(request: SandboxRequest, signal?: AbortSignal): Promise<SandboxOutcome> {
    const ids = requestIds(request.headers);
    let segments: string[];
    try {
      segments = splitPath(request.url.pathname);
    } catch (e) {
      return { kind: 'response', response: this.toResponse(this.errorResult(e, ids), ids) };
    }
    if (segments[0] === '_sandbox')
      return { kind: 'response', response: this.control(request, segments.slice(1), ids) };

    const { faults } = this.env;
    if (faults.latencyMs > 0) await (this.env.sleep ?? sleep)(faults.latencyMs, signal);
    const fault = faults.takeConnectionFault(request.method);
    if (fault.kind === 'drop') return { kind: 'drop' };
    if (fault.kind === 'hang') {
      await untilAborted(signal);
      return { kind: 'drop' };
    }
    await this.env.signingKeys?.prepare(request.headers.authorization, this.env.now());
    try {
      if (fault.kind === 'unavailable') {
        throw new ErrorResponse(
          503,
          'ServiceUnavailable',
          'The service is temporarily unavailable. Retry the request later.',
          undefined,
          fault.retryAfterSeconds === undefined
            ? undefined
            : { 'retry-after': String(fault.retryAfterSeconds) },
        );
      }
      const [version, ...rest] = segments;
      if (version === undefined || !VERSIONS.has(version.toLowerCase()))
        throw gatewayBadRequest(`Invalid version: '${version ?? ''}'. Use /v1.0 or /beta.`);
      const graphRequest: GraphRequest = {
        method: request.method,
        url: request.url,
        version: version.toLowerCase(),
        segments: rest,
        headers: request.headers,
        body: readBody(request),
        ids,
      };
      const result = this.injectLoop(
        rest.length === 1 && rest[0].toLowerCase() === '$batch'
          ? this.batch(graphRequest)
          : this.dispatch(graphRequest),
        request.url,
      );
      const response = this.toResponse(result, ids);
      return {
        kind: response.body !== null && faults.takeTruncate() ? 'truncate' : 'response',
        response,
      };
    } catch (e) {
      return { kind: 'response', response: this.toResponse(this.errorResult(e, ids), ids) };
    }
  }

  /** A collection page under the loopNextLink fault: its next link is the URL just read. */
  private injectLoop(result: BatchItemResponse, url: URL): BatchItemResponse {
    const { body } = result;
    if (result.status !== 200 || !isJsonObject(body) || !Array.isArray(body.value)) return result;
    if (!this.env.faults.takeLoopNextLink()) return result;
    return { ...result, body: { ...body, '@odata.nextLink': url.href } };
  }

  private toResponse(result: BatchItemResponse, ids: RequestIds): SandboxResponse {
    const headers: Record<string, string> = {
      ...result.headers,
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
    };
    if (result.body === undefined || result.status === 204)
      return { status: result.status, headers, body: null };
    return {
      status: result.status,
      headers: {
        ...headers,
        'content-type': headers['content-type'] ?? JSON_CONTENT_TYPE,
        'odata-version': '4.0',
      },
      body: JSON.stringify(result.body),
    };
  }

  private errorResult(e: unknown, ids: RequestIds): BatchItemResponse {
    const error =
      e instanceof ErrorResponse
        ? e
        : new ErrorResponse(
            500,
            'InternalServerError',
            `The sandbox failed to process the request: ${e instanceof Error ? e.message : String(e)}`,
          );
    return {
      status: error.status,
      headers: { ...error.headers, 'content-type': JSON_CONTENT_TYPE },
      body: errorBody(error, ids, this.env.now()),
    };
  }

  private authenticate(headers: Readonly<Record<string, string>>): Principal {
    const claims = readBearerToken(headers.authorization, this.env.now(), this.env.signingKeys);
    const principal = principalFromClaims(claims);
    const tenant = this.env.world().get(principal.tenantId);
    if (!tenant)
      throw invalidToken(
        `The tenant '${principal.tenantId}' of the token does not exist in the sandbox.`,
      );
    const challenge = continuousAccessChallenge(
      claims,
      principal.oid === undefined
        ? undefined
        : tenant.signInRevocations.get(principal.oid.toLowerCase()),
    );
    if (challenge) throw challenge;
    return principal;
  }

  /** Runs one Graph operation; errors become error responses so a batch can carry them per item. */
  private dispatch(request: GraphRequest, batchPrincipal?: Principal): BatchItemResponse {
    const now = this.env.now();
    let changed = false;
    try {
      const { route, params } = this.router.match(
        request.method,
        request.segments,
        request.version as GraphVersion,
      );
      const injected = this.env.faults.takeThrottle(
        request.method,
        `/${request.segments.join('/')}`,
      );
      if (injected.kind === 'throttle') throw tooManyRequests(injected.retryAfterSeconds);
      const principal = batchPrincipal ?? this.authenticate(request.headers);
      requirePermission(principal, route.permission);
      const world = this.env.world();
      const tenant = world.get(principal.tenantId)!;
      const timeCompression = this.env.timeCompression();
      changed = runDueCycles(world, tenant, now, timeCompression);
      const query = QueryOptions.parse(request.url.searchParams);
      query.allowOnly(route.query ?? []);
      if (route.throttle) {
        const retryAfter = this.env.limiters[route.throttle].tryAcquire(
          tenant.tenantId.toLowerCase(),
          now,
        );
        if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
      }
      const { body } = request;
      const ctx: RouteContext = {
        world,
        tenant,
        principal,
        params,
        query,
        headers: request.headers,
        baseUrl: `${request.url.origin}/${request.version}`,
        url: request.url,
        now,
        timeCompression,
        answers: this.env.answers(),
        body: () => {
          if (body === undefined) throw badRequest('A JSON object request body is required.');
          if (!isJsonObject(body)) throw badRequest('The request body must be a JSON object.');
          return body;
        },
        optionalBody: () => {
          if (body === undefined) return undefined;
          if (!isJsonObject(body)) throw badRequest('The request body must be a JSON object.');
          return body;
        },
        changed: (section, tenantId) => {
          world.markDirty(tenantId ?? tenant.tenantId, section);
          changed = true;
        },
      };
      const result = route.handle(ctx);
      return { status: result.status, headers: result.headers ?? {}, body: result.body };
    } catch (e) {
      return this.errorResult(e, request.ids);
    } finally {
      if (changed) this.env.onChanged();
    }
  }

  /**
   * `POST /$batch` (graph-api.md §0): one token for every item, at most 20 items, relative URLs
   * without a version, `dependsOn` ordering with 424 for failed dependencies, per-item statuses,
   * and an outer 200. Responses come back sorted by id, not in request order, as Graph allows.
   */
  private batch(request: GraphRequest): BatchItemResponse {
    if (request.method !== 'POST')
      throw new ErrorResponse(
        405,
        'BadRequest',
        `Specified HTTP method '${request.method}' is not allowed for $batch.`,
      );
    const principal = this.authenticate(request.headers);
    const items = executionOrder(parseBatch(request.body));
    const results = new Map<string, BatchItemResponse>();
    for (const item of items) {
      const ids: RequestIds = {
        requestId: request.ids.requestId,
        clientRequestId: item.headers['client-request-id'] ?? request.ids.clientRequestId,
      };
      const failed = item.dependsOn.find((d) => results.get(d)!.status >= 400);
      if (failed !== undefined) {
        results.set(
          item.id,
          this.errorResult(
            new ErrorResponse(
              424,
              'FailedDependency',
              `Request '${item.id}' was not run because request '${failed}' it depends on failed.`,
            ),
            ids,
          ),
        );
        continue;
      }
      let result: BatchItemResponse;
      try {
        // Relative, with or without the leading "/" (Microsoft's JSON batching example sends
        // them without).
        const relative = item.url.startsWith('/') ? item.url : `/${item.url}`;
        const url = new URL(`${request.url.origin}/${request.version}${relative}`);
        const segments = splitPath(url.pathname).slice(1);
        if (segments.length > 0 && VERSIONS.has(segments[0].toLowerCase()))
          throw badRequest(
            `Batch request urls must not repeat the version: use '${relative.slice(segments[0].length + 1)}'.`,
          );
        if (segments.length === 1 && segments[0].toLowerCase() === '$batch')
          throw badRequest('Batch requests cannot be nested.');
        result = this.dispatch(
          {
            method: item.method,
            url,
            version: request.version,
            segments,
            headers: item.headers,
            body: item.body,
            ids,
          },
          principal,
        );
      } catch (e) {
        result = this.errorResult(e, ids);
      }
      results.set(
        item.id,
        result.body === undefined || result.headers['content-type']
          ? result
          : { ...result, headers: { ...result.headers, 'content-type': JSON_CONTENT_TYPE } },
      );
    }
    const responses = [...results]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => batchResponseEntry(id, r));
    return { status: 200, headers: {}, body: { responses } };
  }

  private control(
    request: SandboxRequest,
    segments: readonly string[],
    ids: RequestIds,
  ): SandboxResponse {
    let result: BatchItemResponse;
    try {
      const body = (): Json | undefined => {
        if (request.body.trim() === '') return undefined;
        requireJson(request);
        try {
          return JSON.parse(request.body) as Json;
        } catch {
          throw badRequest('The request body is not valid JSON.');
        }
      };
      const r = handleControl(this.env.control, request.method, segments, request.url, body);
      result = { status: r.status, headers: {}, body: r.body };
    } catch (e) {
      result = this.errorResult(e, ids);
    }
    return this.toResponse(
      {
        ...result,
        headers: { ...result.headers, 'content-type': 'application/json; charset=utf-8' },
      },
      ids,
    );
  }
}

function requestIds(headers: Readonly<Record<string, string>>): RequestIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: headers['client-request-id'] || requestId };
}

function tooManyRequests(retryAfterSeconds: number): ErrorResponse {
  return new ErrorResponse(
    429,
    'TooManyRequests',
    'Too many requests. Retry after the number of seconds in the Retry-After header.',
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}
