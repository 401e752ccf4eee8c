import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { parseClaimsChallenge } from '../auth/claimsChallenge';
import { isAbortError, throwIfAborted } from './abort';
import { GraphError } from './graphError';
import { discardBody, RequestContext, requestHeaders } from './requestContext';

/** Ask again this long before a cached token expires, so it cannot expire in flight or during retry waits. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  readonly scopes: ReadonlySet<string>;
  readonly token: AccessToken;
}

/**
 * First middleware of the chain: attaches a bearer token for the request's scopes, asked for just
 * in time from the tenant's TokenCredential, and answers a claims challenge (continuous access
 * evaluation) once. Tokens are cached per scope set; a token for a bigger bundle serves requests of
 * a smaller one, so a signed-in admin who already consented to "edit" is not asked again for "browse".
 * Being first, it also records whatever the rest of the chain throws (see RequestContext.failure).
 */
export class AuthMiddleware implements Middleware {
  private next?: Middleware;
  private cached: CachedToken[] = [];
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly credential: TokenCredential,
    private readonly tenantId: string,
    private readonly now: () => number,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const ctx = RequestContext.of(context);
    try {
      await this.send(context, ctx, undefined);
      const response = context.response;
      if (response?.status !== 401) return;
      // A rejected token must not be served from the cache again, whatever happens next.
      this.forget(ctx.scopes);
      const claims = parseClaimsChallenge(response.headers.get('www-authenticate'));
      if (claims === undefined) return;
      await discardBody(response);
      context.response = undefined;
      await this.send(context, ctx, claims);
    } catch (err) {
      ctx.failure = err;
      throw err;
    }
  }

  private async send(
    context: Context,
    ctx: RequestContext,
    claims: string | undefined,
  ): Promise<void> {
    if (!this.next) throw new Error('AuthMiddleware is not the head of a middleware chain');
    throwIfAborted(ctx.signal);
    const token = await this.token(ctx, claims);
    requestHeaders(context).set('Authorization', `Bearer ${token}`);
    await this.next.execute(context);
  }

  private async token(ctx: RequestContext, claims: string | undefined): Promise<string> {
    for (;;) {
      if (claims === undefined) {
        const hit = this.cached.find(
          (c) =>
            ctx.scopes.every((s) => c.scopes.has(s)) &&
            c.token.expiresOnTimestamp - this.now() > REFRESH_MARGIN_MS,
        );
        if (hit) return hit.token.token;
      }
      // Requests that start together (a tree refresh) share one getToken call, so a credential
      // that prompts does so once.
      const key = `${ctx.scopes.join(' ')}\n${claims ?? ''}`;
      const shared = this.inFlight.get(key);
      try {
        const token = await (shared ?? this.ask(key, ctx, claims));
        throwIfAborted(ctx.signal);
        return token;
      } catch (err) {
        // The shared call ended because the request that started it was cancelled; this one was not.
        if (shared && isAbortError(err) && !ctx.signal?.aborted) continue;
        throw err;
      }
    }
  }

  private ask(key: string, ctx: RequestContext, claims: string | undefined): Promise<string> {
    const pending = (async (): Promise<string> => {
      const token = await this.credential.getToken([...ctx.scopes], {
        abortSignal: ctx.signal,
        tenantId: this.tenantId,
        claims,
      });
      if (!token) {
        throw new GraphError({
          method: ctx.method,
          url: ctx.url,
          tenantId: ctx.tenantId,
          operation: ctx.operation,
          status: 401,
          code: 'TokenUnavailable',
          message: `No access token for tenant ${this.tenantId}.`,
        });
      }
      this.forget(ctx.scopes);
      this.cached.push({ scopes: new Set(ctx.scopes), token });
      return token.token;
    })();
    this.inFlight.set(key, pending);
    void pending.then(
      () => this.inFlight.delete(key),
      () => this.inFlight.delete(key),
    );
    return pending;
  }

  private forget(scopes: readonly string[]): void {
    this.cached = this.cached.filter((c) => !scopes.every((s) => c.scopes.has(s)));
  }
}
