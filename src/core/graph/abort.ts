/**
 * Cancellation helpers. Every wait in the Graph layer (retry back-off, pages, batches) goes through
 * these so that an abort is noticed within one tick, and always surfaces as an error named
 * `AbortError`, which `describeError` treats as a silent cancellation.
 */

/**
 * The error to throw for an aborted signal: its reason when that is an AbortError, or an Error
 * that explains the abort (a deadline's error, which is not a cancellation and must be shown);
 * else a new AbortError.
 */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  if (reason instanceof Error && !(reason instanceof DOMException)) return reason;
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
