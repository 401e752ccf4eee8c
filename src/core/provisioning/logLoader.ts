import { isAbortError } from '../graph/abort';
import type { PageCursor } from '../graph/paging';
import type { ProvisioningObjectSummary } from '../graph/types';
import type { RateLimiter } from '../sync/rateLimiter';
import type { LoadState } from './panelProtocol';

export interface LoaderProgress {
  readonly state: LoadState;
  readonly loaded: number;
  readonly more: boolean;
  readonly waitMs?: number;
  readonly error?: unknown;
}

export interface LoaderEvents {
  /** A page arrived; `entries` are the ones not seen before. */
  onEntries(entries: readonly ProvisioningObjectSummary[]): void;
  onProgress(progress: LoaderProgress): void;
}

/** How many pages "load more" reads: one rate-limit window's worth. */
export const PAGES_PER_STEP = 5;

/**
 * Walks the provisioning log page by page, newest first, for the log panel: every page request
 * waits for the tenant's identity-reports limiter (Graph allows 5 per 10 s per tenant and app), a
 * cancel stops at once and keeps what is loaded, and a later "load more" resumes at the page that
 * was cancelled or failed (the cursor keeps its place). Entries are de-duplicated by id, so a page
 * read twice never shows a row twice.
 */
export class LogLoader {
  private readonly seen = new Set<string>();
  private abort?: AbortController;
  private running?: Promise<void>;
  private lastState: LoadState = 'paused';

  constructor(
    private readonly cursor: PageCursor<ProvisioningObjectSummary>,
    private readonly limiter: RateLimiter,
    private readonly events: LoaderEvents,
  ) {}

  get loaded(): number {
    return this.seen.size;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  get more(): boolean {
    return !this.cursor.done;
  }

  /** Marks entries as loaded (live mode adds newer ones); returns those not seen before. */
  admit(entries: readonly ProvisioningObjectSummary[]): ProvisioningObjectSummary[] {
    const fresh: ProvisioningObjectSummary[] = [];
    for (const e of entries) {
      const id = typeof e.id === 'string' ? e.id : undefined;
      if (id === undefined || this.seen.has(id)) continue;
      this.seen.add(id);
      fresh.push(e);
    }
    return fresh;
  }

  /** Reads `pages` more pages (Infinity: to the end). Resolves when they are read, cancelled or failed. */
  load(pages: number): Promise<void> {
    // A walk being cancelled still winds down: this load starts once it has, instead of being lost.
    if (this.running && this.abort?.signal.aborted)
      return this.running.then(() => this.load(pages));
    if (this.running) return this.running;
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.walk(pages, abort.signal).finally(() => {
      this.running = undefined;
      this.abort = undefined;
    });
    return this.running;
  }

  /** Stops the walk in flight (the request in flight is aborted); what is loaded stays. */
  cancel(): void {
    this.abort?.abort();
  }

  /** The last state reported, for a webview that asks again after it was reloaded. */
  progress(): LoaderProgress {
    return { state: this.lastState, loaded: this.loaded, more: this.more };
  }

  private report(progress: Omit<LoaderProgress, 'loaded' | 'more'>): void {
    this.lastState = progress.state;
    this.events.onProgress({ ...progress, loaded: this.loaded, more: this.more });
  }

  private async walk(pages: number, signal: AbortSignal): Promise<void> {
    try {
      for (let read = 0; read < pages && !this.cursor.done; read++) {
        signal.throwIfAborted();
        const waitMs = this.limiter.waitTime();
        this.report(waitMs > 0 ? { state: 'waiting', waitMs } : { state: 'loading' });
        await this.limiter.acquire(signal);
        if (waitMs > 0) this.report({ state: 'loading' });
        const page = await this.cursor.read(signal);
        const fresh = this.admit(page);
        if (fresh.length) this.events.onEntries(fresh);
      }
      this.report({ state: this.cursor.done ? 'complete' : 'paused' });
    } catch (error) {
      if (signal.aborted || isAbortError(error)) this.report({ state: 'cancelled' });
      else this.report({ state: 'error', error });
    }
  }
}
