import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkDocument } from '../core/policy/checkDocument';
import type { Diagnostic } from '../core/policy/diagnostic';
import { kindOfFileName, type DocumentKind } from '../core/policy/documentKinds';
import { listedByJsonService } from '../core/policy/listedByJsonService';
import { fromUri, fromWorkspacePath } from '../core/policy/documentUri';
import type { PolicySchemas } from '../core/policy/policySchemas';
import { requireBundle } from '../host/lazyBundles';
import type * as PolicySchemasModule from '../core/policy/policySchemas';
import { LIVE_SCHEME, POLICY_SCHEME } from '../services/documentUris';
import { Disposable, toDisposable } from '../host/disposable';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The policy document kind of a text document, from its file name suffix (any scheme, workspace files too). */
export function documentKind(doc: { uri: vscode.Uri }): DocumentKind | undefined {
  return kindOfFileName(path.posix.basename(doc.uri.path));
}

export function toVsRange(r: Diagnostic['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * Runs our checks (core/policy/checkDocument) on policy documents and workspace files, as they are
 * typed. The same checks gate a push, so Problems, the status bar and a push refusal count the same
 * findings with the same severities. VS Code's JSON service gets schemas that judge nothing
 * (core/policy/editorSchema.ts) and lists only what its parser finds (syntax errors, duplicate
 * keys), which ours leave out: each problem is listed once.
 */
export class PolicyChecker extends Disposable {
  private schemas?: PolicySchemas;
  private readonly collection = this._register(
    vscode.languages.createDiagnosticCollection('cross-tenant'),
  );
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * `startedFrom`: the canonical text a document started from, where it is known (our policy
   * documents), so a default setting removed since is flagged as it is typed.
   */
  constructor(
    private readonly extensionPath: string,
    private readonly startedFrom: (uri: vscode.Uri) => string | undefined = () => undefined,
  ) {
    super();
    this._register(toDisposable(() => this.timers.forEach((t) => clearTimeout(t))));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 250)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /**
   * Every problem of a document (syntax and schema included), with quick fixes: for push and for
   * code actions. `startedFrom` (push: live as just re-read) replaces the text it started from.
   */
  check(doc: vscode.TextDocument, startedFrom?: object): Diagnostic[] {
    const kind = documentKind(doc);
    if (!kind) return [];
    // Loading ajv and compiling the schemas takes tens of milliseconds: only when the first policy document is checked.
    this.schemas ??= requireBundle<typeof PolicySchemasModule>(
      'policySchemas.js',
    ).PolicySchemas.load(this.extensionPath);
    const expectedTenantId = expectedPartner(doc.uri);
    // A live document is what Graph returned: it started from itself.
    const base =
      startedFrom ??
      parsedObject(doc.uri.scheme === LIVE_SCHEME ? doc.getText() : this.startedFrom(doc.uri));
    return checkDocument(kind.id, doc.getText(), {
      schemas: this.schemas,
      ...(expectedTenantId ? { expectedTenantId } : {}),
      ...(base ? { startedFrom: base } : {}),
    });
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!documentKind(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed) return;
        const shown = this.check(doc).filter((d) => !listedByJsonService(d));
        this.collection.set(
          doc.uri,
          shown.map((d) => {
            const diagnostic = new vscode.Diagnostic(
              toVsRange(d.range),
              d.message,
              SEVERITY[d.severity],
            );
            diagnostic.source = 'cross-tenant';
            diagnostic.code = d.code;
            return diagnostic;
          }),
        );
      }, delayMs),
    );
  }
}

/** A canonical text back to its object; undefined for no text or one that is not an object. */
function parsedObject(text: string | undefined): object | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The partner tenant a partner or identity-sync document is about: from our URI, or from an exported file's name. */
function expectedPartner(uri: vscode.Uri): string | undefined {
  if (uri.scheme === POLICY_SCHEME || uri.scheme === LIVE_SCHEME) {
    const id = fromUri(uri);
    return id && 'partnerTenantId' in id ? id.partnerTenantId : undefined;
  }
  const segments = uri.path.split('/');
  // Export layout: <tenant>/partners/<partnerTenantId>.xta-partner.json
  const exported = fromWorkspacePath(segments.slice(-3).join('/'));
  return exported?.partnerTenantId;
}

/** Quick fixes of our checks (semantic, schema and syntax alike) where the fix is unambiguous. */
export class PolicyCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: PolicyChecker) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of this.checker.check(doc)) {
      const r = toVsRange(d.range);
      if (!r.intersection(range) || !d.fixes.length) continue;
      for (const fix of d.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, toVsRange(e.range), e.newText);
        // Link the fix to the problem it solves: ours, or the JSON service's at the same place.
        action.diagnostics = context.diagnostics.filter((cd) => cd.range.intersection(r));
        action.isPreferred = d.fixes.length === 1;
        actions.push(action);
      }
    }
    return actions;
  }
}
