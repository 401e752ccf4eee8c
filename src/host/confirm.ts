import * as vscode from 'vscode';

/**
 * A modal confirmation for a command that changes something. Callers that have already confirmed
 * (another command, a test) pass `{ confirm: false }` as the command's options to skip it.
 */
export async function confirmModal(
  options: unknown,
  message: string,
  detail: string,
  action: string,
): Promise<boolean> {
  if ((options as { confirm?: boolean } | undefined)?.confirm === false) return true;
  return (
    (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action
  );
}
