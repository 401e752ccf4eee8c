import * as vscode from 'vscode';
import { withAbortSignal } from './abortSignal';
import type { WithProgress } from '../core/ports/progress';

/** Progress for work the user can cancel: the task gets the cancel button as an AbortSignal. */
export function withCancellableProgress<T>(
  options: Omit<vscode.ProgressOptions, 'cancellable'>,
  task: (
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    signal: AbortSignal,
  ) => Thenable<T>,
): Thenable<T> {
  return vscode.window.withProgress({ ...options, cancellable: true }, (progress, token) =>
    withAbortSignal(token, (signal) => task(progress, signal)),
  );
}

/** The `WithProgress` port of core orchestration: a cancellable progress notification. */
export const notificationProgress: WithProgress = (title, work) =>
  Promise.resolve(
    withCancellableProgress(
      { location: vscode.ProgressLocation.Notification, title },
      (p, signal) => work((report) => p.report(report), signal),
    ),
  );
