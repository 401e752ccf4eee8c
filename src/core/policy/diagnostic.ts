/**
 * Editor-independent diagnostics. Positions are zero-based lines and UTF-16 character offsets,
 * exactly as VS Code counts them, so the host maps them 1:1 onto `vscode.Diagnostic`.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix: applying all its edits to the checked text makes the problem go away. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** Stable id of the check (`syntax`, `schema-enum`, `special-target`, …) for filtering and tests. */
  readonly code: string;
  readonly source: 'cross-tenant';
  readonly fixes: readonly QuickFix[];
}
