import type * as vscode from 'vscode';

/**
 * Runs `task` with an AbortSignal that follows a VS Code cancellation token (the Graph layer speaks
 * AbortSignal), and stops listening to the token when the task ends: a token outlives the task
 * (a progress notification, a document provider's request), and a listener left behind keeps the
 * controller, and whatever the task captured, alive until the token goes.
 */
export async function withAbortSignal<T>(
  token: vscode.CancellationToken,
  task: (signal: AbortSignal) => Thenable<T>,
): Promise<T> {
  const abort = new AbortController();
  if (token.isCancellationRequested) {
    abort.abort();
    return await task(abort.signal);
  }
  const listener = token.onCancellationRequested(() => abort.abort());
  try {
    return await task(abort.signal);
  } finally {
    listener.dispose();
  }
}
