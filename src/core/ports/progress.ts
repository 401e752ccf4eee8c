/** One progress report: a line saying what runs now, and how much of the whole (in percent) was done since the last report. */
export interface ProgressReport {
  readonly message?: string;
  readonly increment?: number;
}

/**
 * Runs long work with its progress shown and a way to cancel it: a VS Code notification with a
 * Cancel button in the product (host/cancellation), whose click aborts `signal`; tests run the work
 * as it is. The work's result or error is passed through.
 */
export type WithProgress = <T>(
  title: string,
  work: (report: (progress: ProgressReport) => void, signal: AbortSignal) => Promise<T>,
) => Promise<T>;
