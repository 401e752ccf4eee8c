import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { GraphRequestInfo } from './graphError';

export interface RequestContextInit extends GraphRequestInfo {
  readonly operation: string;
  /** Scopes the token must carry, already prefixed for the cloud. */
  readonly scopes: readonly string[];
  /** Whether repeating the request after an ambiguous failure (504, dropped connection) is safe. */
  readonly idempotent: boolean;
  /** Whether it may change the tenant: a `$batch` of reads is a POST that does not. */
  readonly write: boolean;
  readonly clientRequestId: string;
  readonly signal?: AbortSignal;
}

/**
 * What our middleware chain needs to know about one logical request, attached through the SDK's
 * per-request middleware options.
 *
 * `url` is the exact URL sent on the wire. The SDK's own `context.request` is rebuilt from parsed
 * parts (query parameters reordered, only `https://` hosts recognised), so the transport sends this
 * one instead: that is how an `@odata.nextLink` is followed unchanged and how an `http://` sandbox
 * base URL works.
 *
 * The SDK wraps anything a middleware throws into its own error type, losing ours (a NetworkError
 * or an AbortError). The first middleware records the original in `failure`, and the client
 * rethrows that.
 */
export class RequestContext implements MiddlewareOptions, RequestContextInit {
  readonly method: string;
  readonly url: string;
  readonly tenantId: string;
  readonly operation: string;
  readonly scopes: readonly string[];
  readonly idempotent: boolean;
  readonly write: boolean;
  readonly clientRequestId: string;
  readonly signal?: AbortSignal;
  /** Attempts made so far, set by the retry middleware (1 = first try). */
  attempts = 0;
  failure?: unknown;

  constructor(init: RequestContextInit) {
    this.method = init.method;
    this.url = init.url;
    this.tenantId = init.tenantId;
    this.operation = init.operation;
    this.scopes = init.scopes;
    this.idempotent = init.idempotent;
    this.write = init.write;
    this.clientRequestId = init.clientRequestId;
    this.signal = init.signal;
  }

  static of(context: Context): RequestContext {
    const found = context.middlewareControl?.getMiddlewareOptions(RequestContext);
    if (!(found instanceof RequestContext))
      throw new Error('Graph request sent without a RequestContext');
    return found;
  }
}

/** The SDK hands headers over as a plain object; our middlewares work on a Headers instance. */
export function requestHeaders(context: Context): Headers {
  const options = (context.options ??= {});
  if (!(options.headers instanceof Headers)) options.headers = new Headers(options.headers);
  return options.headers;
}

/** Releases a response we will not read (a retried 429) so its connection can be reused. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already consumed or errored: nothing left to release.
  }
}
