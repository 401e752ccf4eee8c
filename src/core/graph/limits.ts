/**
 * Bounds on how long and how far the Graph client goes, so that no answer (or a never-ending one)
 * can hold a command forever. The CLI's --timeout and --deadline set the first two; the extension
 * uses the defaults.
 */
export interface GraphLimits {
  /** One HTTP attempt, from sending the request to the last byte of the answer. */
  readonly requestTimeoutMs: number;
  /** One operation: a request with all its retries and waits, or a listing with all its pages. */
  readonly deadlineMs: number;
  /** The most pages one listing (or one PageCursor) reads. */
  readonly maxPages: number;
}

/**
 * Graph answers the calls we make in well under a second; a minute for one attempt is generous
 * and still tells a hung connection from a slow one. Five minutes covers a listing of thousands of
 * partners or log pages with Retry-After waits. 10,000 pages is ten million log entries at the
 * largest page size, beyond anything the log panel can show.
 */
export const DEFAULT_GRAPH_LIMITS: GraphLimits = {
  requestTimeoutMs: 60_000,
  deadlineMs: 300_000,
  maxPages: 10_000,
};

/** A signal that aborts when `parent` does, or after `ms` with the error `onTimeout` makes. */
export interface TimeLimit {
  readonly signal: AbortSignal;
  /** Clears the timer and the listener on `parent`; call when the work is done. */
  dispose(): void;
}

export function timeLimit(
  ms: number,
  parents: readonly (AbortSignal | undefined)[],
  onTimeout: () => Error,
): TimeLimit {
  const controller = new AbortController();
  const listeners: [AbortSignal, () => void][] = [];
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    const listener = (): void => controller.abort(parent.reason);
    parent.addEventListener('abort', listener, { once: true });
    listeners.push([parent, listener]);
  }
  const timer = controller.signal.aborted
    ? undefined
    : setTimeout(() => controller.abort(onTimeout()), ms);
  // A walk its consumer abandoned (a generator never finished) must not keep the process alive.
  (timer as { unref?: () => void } | undefined)?.unref?.();
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      for (const [parent, listener] of listeners) parent.removeEventListener('abort', listener);
    },
  };
}
