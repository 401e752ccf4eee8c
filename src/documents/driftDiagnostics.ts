import * as vscode from 'vscode';
import type { DriftEntry } from '../core/policy/drift';
import { toVsRange } from './policyChecker';
import { Disposable } from '../host/disposable';

export const DRIFT_SOURCE = 'cross-tenant drift';

/**
 * Drift found by "Check Drift Against Live", in the Problems panel: one entry per drifted property,
 * each with a "Diff Against Live" action. Entries stay until the next check of the same folder.
 */
export class DriftDiagnostics extends Disposable implements vscode.CodeActionProvider {
  private readonly collection = this._register(
    vscode.languages.createDiagnosticCollection('cross-tenant-drift'),
  );

  /** Replaces the drift shown for files under `folder` with `entries` (file paths relative to `base`). */
  show(base: vscode.Uri, folder: vscode.Uri, entries: readonly DriftEntry[]): void {
    const prefix = folder.toString().replace(/\/?$/, '/');
    this.collection.forEach((uri) => {
      if (uri.toString().startsWith(prefix)) this.collection.delete(uri);
    });
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const e of entries) {
      const d = new vscode.Diagnostic(
        e.range ? toVsRange(e.range) : new vscode.Range(0, 0, 0, 1),
        e.message,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = DRIFT_SOURCE;
      d.code = 'drift';
      const list = byFile.get(e.file) ?? [];
      list.push(d);
      byFile.set(e.file, list);
    }
    for (const [file, list] of byFile)
      this.collection.set(vscode.Uri.joinPath(base, ...file.split('/')), list);
  }

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const drift = context.diagnostics.filter((d) => d.source === DRIFT_SOURCE);
    if (!drift.length) return [];
    const title = vscode.l10n.t('Diff Against Live');
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = {
      command: 'crossTenant.diffWithLive',
      title,
      arguments: [doc.uri],
    };
    action.diagnostics = drift;
    return [action];
  }
}
