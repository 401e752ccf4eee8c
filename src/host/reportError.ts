import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import { notificationText } from '../core/printable';
import type { Log } from './log';

/**
 * Shows a failure the one way the extension shows failures: one short line that names the fix,
 * with "Show Log" leading to the detail the caller has written to the log. Not awaited: the work
 * that failed ends now, the message stays until the user dismisses it.
 */
export function showErrorSummary(log: Log, summary: string): void {
  const show = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(notificationText(summary), show).then((choice) => {
    if (choice === show) log.show();
  });
}

/**
 * A failure of something the user asked for (a command, an action in the log panel): logged as
 * "<what> failed: <detail>" (status, Graph error code, request id, stack; redacted by the log) and
 * shown as its summary. A cancelled operation is silent.
 */
export function reportError(log: Log, what: string, err: unknown): void {
  const d = describeError(err);
  if (d.cancelled) return;
  log.error(`${what} failed: ${d.detail}`);
  showErrorSummary(log, d.summary);
}
