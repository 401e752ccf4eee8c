import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { abortError, isAbortError, throwIfAborted } from './abort';
import { NetworkError, RequestTimeoutError } from './graphError';
import { RequestContext } from './requestContext';

/** The WHATWG fetch signature; the global fetch and the sandbox's in-process fetch both fit. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Statuses whose response may not have a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** Rejects as soon as `signal` aborts, whether or not `work` (an injected fetch) honours it. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Last middleware: sends the request with an injectable fetch. The extension passes the sandbox's
 * in-process fetch here, so sandbox tenants need no server and no network. One attempt is the
 * request and its whole answer, body included, within the request timeout: a server that never
 * answers, or a connection that closes half way through the body, fails the attempt here, where
 * the retry middleware can repeat it if that is safe. Failures to get a whole response become
 * NetworkError (RequestTimeoutError for the timeout); an abort stays an AbortError.
 */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const ctx = RequestContext.of(context);
    // An injected fetch need not honour the signal; an aborted request must not go out anyway.
    throwIfAborted(ctx.signal);
    const attempt = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, this.timeoutMs);
    const onAbort = (): void => attempt.abort();
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await unlessAborted(
        this.fetchImpl(ctx.url, { ...context.options, signal: attempt.signal }),
        attempt.signal,
      );
      const body = await unlessAborted(response.arrayBuffer(), attempt.signal);
      context.response = new Response(NULL_BODY.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (err) {
      if (ctx.signal?.aborted) throw abortError(ctx.signal);
      if (timedOut) throw new RequestTimeoutError(ctx, this.timeoutMs, ctx.attempts);
      if (isAbortError(err)) throw err;
      throw new NetworkError(ctx, err, ctx.attempts);
    } finally {
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onAbort);
    }
  }
}
