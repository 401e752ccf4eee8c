import { parseGraphDateTime } from './dateTime';
import { parseRetryAfter } from './retryPolicy';

export interface GraphErrorDetail {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
}

/** The request a failure belongs to. */
export interface GraphRequestInfo {
  readonly method: string;
  readonly url: string;
  readonly tenantId: string;
  /** The typed operation (`partner.update`), used to name the missing permission of a 403. */
  readonly operation?: string;
}

export interface GraphErrorInit extends GraphRequestInfo {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: Date;
  /** Codes of nested `innerError` objects, outermost first. */
  readonly innerCodes?: readonly string[];
  readonly details?: readonly GraphErrorDetail[];
  /** From `Retry-After` on a 429/503 that retries could not get past. */
  readonly retryAfterSeconds?: number;
  /** How many times the request was sent (1 = no retry). */
  readonly attempts?: number;
  readonly cause?: unknown;
}

/**
 * A failed Graph request. Branch on `status` and `code`, never on `message` (graph-api.md §0).
 * Network failures are the subclass {@link NetworkError} with `status` 0, so every failure of the
 * Graph layer that is not a cancellation is a GraphError and carries method, URL and tenant.
 */
export class GraphError extends Error {
  override name = 'GraphError';
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: Date;
  readonly innerCodes: readonly string[];
  readonly details: readonly GraphErrorDetail[];
  readonly method: string;
  readonly url: string;
  readonly tenantId: string;
  readonly operation?: string;
  readonly retryAfterSeconds?: number;
  readonly attempts?: number;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.innerCodes = init.innerCodes ?? [];
    this.details = init.details ?? [];
    this.method = init.method;
    this.url = init.url;
    this.tenantId = init.tenantId;
    this.operation = init.operation;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.attempts = init.attempts;
  }
}

/**
 * The request never got a whole HTTP response: DNS, TLS, connection refused or reset, proxy, or
 * a connection that closed mid-body. Repeating it is safe only when the request is idempotent.
 */
export class NetworkError extends GraphError {
  override name = 'NetworkError';

  constructor(
    request: GraphRequestInfo,
    cause: unknown,
    attempts?: number,
    override?: { readonly code: string; readonly message: string },
  ) {
    const reason =
      cause instanceof Error
        ? cause.cause instanceof Error
          ? cause.cause.message
          : cause.message
        : String(cause);
    super({
      ...request,
      status: 0,
      code: override?.code ?? 'NetworkError',
      message: override?.message ?? `Could not reach ${originOf(request.url)}: ${reason}`,
      cause,
      attempts,
    });
  }
}

/** One attempt got no whole answer within the request timeout (a NetworkError: retried when idempotent). */
export class RequestTimeoutError extends NetworkError {
  override name = 'RequestTimeoutError';
  readonly timeoutMs: number;

  constructor(request: GraphRequestInfo, timeoutMs: number, attempts?: number) {
    super(request, undefined, attempts, {
      code: 'RequestTimeout',
      message: `${originOf(request.url)} did not answer within ${seconds(timeoutMs)} s.`,
    });
    this.timeoutMs = timeoutMs;
  }
}

/** A whole operation (a request with its retries, or a listing with its pages) ran out of time. Never retried. */
export class DeadlineError extends GraphError {
  override name = 'DeadlineError';
  readonly deadlineMs: number;

  constructor(request: GraphRequestInfo, deadlineMs: number) {
    super({
      ...request,
      status: 0,
      code: 'DeadlineExceeded',
      message: `Gave up after ${seconds(deadlineMs)} s, retries included.`,
    });
    this.deadlineMs = deadlineMs;
  }
}

/** Milliseconds as seconds for a message: `0.15`, `60`. */
export function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function httpDate(text: string | null): Date | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Case-insensitive property lookup: the docs say `innererror`, the directory sends `innerError`. */
function prop(obj: Json, name: string): unknown {
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

interface ParsedErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  innerCodes: string[];
  details: GraphErrorDetail[];
}

/** Reads an OData JSON error body (`{"error": {...}}`), walking nested inner errors for ids and codes. */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const parsed: ParsedErrorBody = { innerCodes: [], details: [] };
  let root: unknown = body;
  if (typeof root === 'string') {
    try {
      root = JSON.parse(root);
    } catch {
      return parsed;
    }
  }
  if (!isObject(root)) return parsed;
  const error = prop(root, 'error');
  if (!isObject(error)) return parsed;
  parsed.code = str(prop(error, 'code'));
  parsed.message = str(prop(error, 'message'));
  const details = prop(error, 'details');
  if (Array.isArray(details)) {
    for (const d of details) {
      if (isObject(d))
        parsed.details.push({
          code: str(prop(d, 'code')),
          message: str(prop(d, 'message')),
          target: str(prop(d, 'target')),
        });
    }
  }
  // Ids sit on the first inner level in practice; deeper levels may repeat or refine them.
  let inner = prop(error, 'innerError');
  for (let depth = 0; isObject(inner) && depth < 10; depth++) {
    parsed.requestId ??= str(prop(inner, 'request-id')) ?? str(prop(inner, 'requestId'));
    parsed.clientRequestId ??=
      str(prop(inner, 'client-request-id')) ?? str(prop(inner, 'clientRequestId'));
    parsed.date ??= str(prop(inner, 'date'));
    const code = str(prop(inner, 'code'));
    if (code) parsed.innerCodes.push(code);
    inner = prop(inner, 'innerError');
  }
  return parsed;
}

export interface ErrorResponseParts {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: Headers;
  /** The body as text or already-parsed JSON (batch items). */
  readonly body: unknown;
}

/** Builds the GraphError for a non-2xx response (or `$batch` item). */
export function graphErrorFromResponse(
  response: ErrorResponseParts,
  request: GraphRequestInfo,
  options: { attempts?: number; now?: number } = {},
): GraphError {
  const parsed = parseErrorBody(response.body);
  const retryAfterMs = parseRetryAfter(
    response.headers.get('retry-after'),
    options.now ?? Date.now(),
  );
  return new GraphError({
    ...request,
    status: response.status,
    code: parsed.code ?? `HTTP${response.status}`,
    message: parsed.message ?? `${response.status} ${response.statusText ?? ''}`.trim(),
    requestId: parsed.requestId ?? response.headers.get('request-id') ?? undefined,
    clientRequestId:
      parsed.clientRequestId ?? response.headers.get('client-request-id') ?? undefined,
    date: parseGraphDateTime(parsed.date) ?? httpDate(response.headers.get('date')),
    innerCodes: parsed.innerCodes,
    details: parsed.details,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    attempts: options.attempts,
  });
}
