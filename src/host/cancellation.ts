import * as vscode from 'vscode';

/** An AbortSignal that follows a VS Code cancellation token: the Graph layer speaks AbortSignal. */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const abort = new AbortController();
  if (token.isCancellationRequested) abort.abort();
  else token.onCancellationRequested(() => abort.abort());
  return abort.signal;
}

/** Progress for work the user can cancel: the task gets the cancel button as an AbortSignal. */
export function withCancellableProgress<T>(
  options: Omit<vscode.ProgressOptions, 'cancellable'>,
  task: (
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    signal: AbortSignal,
  ) => Thenable<T>,
): Thenable<T> {
  return vscode.window.withProgress({ ...options, cancellable: true }, (progress, token) =>
    task(progress, abortSignalOf(token)),
  );
}
