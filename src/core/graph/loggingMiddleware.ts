import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { redactSecrets } from '../redact';
import { RequestContext } from './requestContext';

/** One HTTP attempt as it went on the wire. Never contains a token or an Authorization header. */
export interface GraphLogEntry {
  readonly tenantId: string;
  readonly operation: string;
  readonly method: string;
  /** Redacted. */
  readonly url: string;
  /** 0 when no response arrived. */
  readonly status: number;
  readonly durationMs: number;
  /** Whether it may change the tenant (a `$batch` of reads is a POST that does not). */
  readonly write: boolean;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  readonly requestId?: string;
  readonly clientRequestId: string;
  /** Why no response arrived (redacted). */
  readonly error?: string;
}

export type GraphLogSink = (entry: GraphLogEntry) => void;

/** One line for a log channel: `GET https://… → 200 (41 ms) partner.get tenant=… request-id=… client-request-id=…`. */
export function formatGraphLogEntry(e: GraphLogEntry): string {
  const outcome = e.status === 0 ? `failed: ${e.error ?? 'no response'}` : String(e.status);
  const retry = e.attempt > 1 ? ` attempt=${e.attempt}` : '';
  const requestId = e.requestId ? ` request-id=${e.requestId}` : '';
  return `${e.method} ${e.url} → ${outcome} (${e.durationMs} ms) ${e.operation} tenant=${e.tenantId}${retry}${requestId} client-request-id=${e.clientRequestId}`;
}

/**
 * The log level of one attempt: writes and failures at info, with their request ids for a support
 * case; reads at debug (hidden at the Output view's default level), `$batch` reads included, which
 * the tree sends in the background and would otherwise be half the log.
 */
export function graphLogLevel(e: GraphLogEntry): 'info' | 'debug' {
  return e.write || e.status >= 400 || e.status === 0 ? 'info' : 'debug';
}

/**
 * Sits right before the transport so every attempt, retries included, is recorded with its own
 * status and timing. Only fields picked one by one are logged, never headers, so the bearer token
 * cannot reach the sink; the URL and error text still go through redactSecrets in case a caller
 * put a secret into a query string.
 */
export class LoggingMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly sink: GraphLogSink,
    private readonly now: () => number,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('LoggingMiddleware has no next middleware');
    const ctx = RequestContext.of(context);
    const started = this.now();
    const base = {
      tenantId: ctx.tenantId,
      operation: ctx.operation,
      method: ctx.method,
      url: redactSecrets(ctx.url),
      attempt: ctx.attempts,
      write: ctx.write,
      clientRequestId: ctx.clientRequestId,
    };
    try {
      await this.next.execute(context);
    } catch (err) {
      const error = redactSecrets(err instanceof Error ? err.message : String(err));
      this.sink({ ...base, status: 0, durationMs: this.now() - started, error });
      throw err;
    }
    const response = context.response;
    this.sink({
      ...base,
      status: response?.status ?? 0,
      durationMs: this.now() - started,
      requestId: response?.headers.get('request-id') ?? undefined,
      clientRequestId: response?.headers.get('client-request-id') ?? ctx.clientRequestId,
    });
  }
}
