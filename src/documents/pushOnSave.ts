import * as vscode from 'vscode';
import { POLICY_SCHEME } from '../services/documentUris';

/**
 * `crossTenant.pushOnSave: "ask"`: saving a policy document (which keeps the draft) then starts a
 * push, with the same checks, diff summary and confirmation as the Push command. "never" (the
 * default) only keeps the draft.
 */
export function registerPushOnSave(): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument((doc) => {
    if (doc.uri.scheme !== POLICY_SCHEME) return;
    if (vscode.workspace.getConfiguration('crossTenant').get<string>('pushOnSave') !== 'ask')
      return;
    void vscode.commands.executeCommand('crossTenant.push', doc.uri);
  });
}
