import * as vscode from 'vscode';

// Counts of pair findings as the views say them. Each form is a message of its own in the bundle
// (not a noun with an s), so a translation can say it as its language does.

/** "1 error", "3 errors". */
export function errorCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n);
}

/** "1 warning", "3 warnings". */
export function warningCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n);
}
