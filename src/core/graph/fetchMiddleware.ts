import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { abortError, isAbortError, throwIfAborted } from './abort';
import { NetworkError } from './graphError';
import { RequestContext } from './requestContext';

/** The WHATWG fetch signature; the global fetch and the sandbox's in-process fetch both fit. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Last middleware: sends the request with an injectable fetch. The extension passes the sandbox's
 * in-process fetch here, so sandbox tenants need no server and no network. Failures to get any
 * response become NetworkError; an abort stays an AbortError.
 */
export class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}

  async execute(context: Context): Promise<void> {
    const ctx = RequestContext.of(context);
    // An injected fetch need not honour the signal; an aborted request must not go out anyway.
    throwIfAborted(ctx.signal);
    try {
      context.response = await this.fetchImpl(ctx.url, { ...context.options, signal: ctx.signal });
    } catch (err) {
      if (ctx.signal?.aborted) throw abortError(ctx.signal);
      if (isAbortError(err)) throw err;
      throw new NetworkError(ctx, err, ctx.attempts);
    }
  }
}
