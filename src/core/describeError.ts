/** How a failure is presented: a one-line summary for the user and the full detail for the log. */
export interface ErrorDescription {
  /** True when the user (or VS Code) cancelled: nothing is shown. */
  readonly cancelled: boolean;
  /** Short, names the fix where one is known. */
  readonly summary: string;
  /** Everything we know, for the log channel. */
  readonly detail: string;
}

export function isCancellation(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'AbortError' || err.name === 'Canceled' || err.name === 'CancellationError';
}

export function describeError(err: unknown): ErrorDescription {
  if (isCancellation(err)) return { cancelled: true, summary: '', detail: 'cancelled' };
  if (err instanceof Error) {
    return { cancelled: false, summary: err.message, detail: err.stack ?? err.message };
  }
  return { cancelled: false, summary: String(err), detail: String(err) };
}
