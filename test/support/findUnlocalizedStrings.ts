import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** A text a person would read that does not go through `vscode.l10n.t`. */
export interface UnlocalizedString {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** Where it ends up: `showErrorMessage`, `TreeItem label`, `.tooltip =`, `title:`… */
  readonly sink: string;
  /** The literal as written (or what is wrong with it). */
  readonly text: string;
}

// What people read. A string reaches them through one of these sinks; every argument or value
// listed is checked. Log lines are not sinks: the log is for support, in English.

/** Calls whose listed arguments (`'all'`: every one) are shown: `name(…)` or `x.name(…)`. */
const CALL_SINKS: Readonly<Record<string, readonly number[] | 'all'>> = {
  showInformationMessage: 'all',
  showWarningMessage: 'all',
  showErrorMessage: 'all',
  setStatusBarMessage: [0],
  createWebviewPanel: [1],
  appendText: [0],
  appendMarkdown: [0],
  // UserInput (core/ports/userInput): messages and their actions; the option bags of pick, input,
  // confirm, search and pickFolder are object literals, checked by their properties below.
  inform: 'all',
  warn: 'all',
};

/** Sinks that are only sinks on a UserInput (`ui.warn`), not on the log (`log.warn`). */
const USER_INPUT_SINKS = new Set(['inform', 'warn']);
const USER_INPUT = /(^|\.)(ui|userInput)$/;

/** `new X(…)`: the arguments shown. */
const CONSTRUCTOR_SINKS: Readonly<Record<string, readonly number[]>> = {
  TreeItem: [0],
  Diagnostic: [1],
  CodeAction: [0],
  MarkdownString: [0],
  // A thrown error's message is the summary the user is shown (host/reportError).
  Error: [0],
  // core/tenants: its reason ends the sentence the tenant's sign-in prompt shows.
  SignInRequiredError: [2],
};

/** `vscode.FileSystemError.X(message)`: what the editor shows when a document cannot be opened. */
const FILE_SYSTEM_ERRORS = new Set([
  'FileNotFound',
  'FileExists',
  'FileNotADirectory',
  'FileIsADirectory',
  'NoPermissions',
  'Unavailable',
]);

/**
 * Properties that hold shown text, in object literals (`{ title: … }` of a progress, a quick pick,
 * a command; `{ label, description, detail }` of pick items; `{ message, detail, actions }` of a
 * confirmation) and in assignments (`item.tooltip = …`, `statusBarItem.text = …`).
 */
const PROPERTY_SINKS = new Set([
  'title',
  'label',
  'description',
  'detail',
  'tooltip',
  'placeHolder',
  'placeholder',
  'prompt',
  'message',
  'actions',
  'saveLabel',
  'openLabel',
  'validationMessage',
]);
/** Only as assignments: the words are too common as object keys elsewhere. */
const ASSIGNMENT_ONLY_SINKS = new Set(['text', 'name']);

/** Helpers from src/core that build English words: the localised code must not use them. */
const ENGLISH_HELPERS = new Set(['plural']);

/** `$(icon)` and `$(icon~spin)` are theme icons in labels, not words. */
const CODICON = /\$\([a-z0-9-]+(~[a-z]+)?\)/g;

function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(CODICON, ''));
}

function isL10nCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 't' &&
    ((ts.isIdentifier(callee.expression) && callee.expression.text === 'l10n') ||
      (ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n'))
  );
}

function isLiteral(node: ts.Node): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The functions' returned expressions (not those of functions nested inside). */
function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) {
      if (n.expression) out.push(n.expression);
      return;
    }
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** Whether a binding (a name or a destructuring pattern) declares `name`. */
function binds(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((e) => !ts.isOmittedExpression(e) && binds(e.name, name));
}

/** One source file being checked, with what it can resolve names to. */
class FileScan {
  readonly findings: UnlocalizedString[] = [];
  private readonly seen = new Set<ts.Node>();

  constructor(
    readonly source: ts.SourceFile,
    private readonly project: Project,
  ) {}

  private report(node: ts.Node, sink: string, text: string): void {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    const key = `${file.fileName}:${node.getStart(file)}`;
    if (this.project.reported.has(key)) return;
    this.project.reported.add(key);
    this.findings.push({ file: file.fileName, line: line + 1, sink, text });
  }

  /** Checks an expression in a shown position: every literal word that can end up in it. */
  shown(expr: ts.Node | undefined, sink: string): void {
    if (!expr || this.seen.has(expr)) return;
    this.seen.add(expr);
    if (isLiteral(expr)) {
      if (hasWords((expr as ts.StringLiteral).text))
        this.report(expr, sink, (expr as ts.StringLiteral).text);
      return;
    }
    if (ts.isTemplateExpression(expr)) {
      const statics = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join('');
      if (hasWords(statics)) this.report(expr, sink, expr.getText());
      for (const span of expr.templateSpans) this.shown(span.expression, sink);
      return;
    }
    if (
      ts.isParenthesizedExpression(expr) ||
      ts.isAsExpression(expr) ||
      ts.isNonNullExpression(expr) ||
      ts.isSatisfiesExpression(expr) ||
      ts.isTypeAssertionExpression(expr) ||
      ts.isSpreadElement(expr) ||
      ts.isAwaitExpression(expr)
    )
      return this.shown(expr.expression, sink);
    if (ts.isConditionalExpression(expr)) {
      this.shown(expr.whenTrue, sink);
      return this.shown(expr.whenFalse, sink);
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (
        op === ts.SyntaxKind.PlusToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken
      )
        this.shown(expr.left, sink);
      if (
        op === ts.SyntaxKind.PlusToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken ||
        op === ts.SyntaxKind.CommaToken
      )
        this.shown(expr.right, sink);
      return;
    }
    if (ts.isArrayLiteralExpression(expr)) {
      for (const e of expr.elements) this.shown(e, sink);
      return;
    }
    if (ts.isObjectLiteralExpression(expr)) {
      // A table of texts (`STATE_LABEL[kind]`): each of its values may be the one shown.
      for (const p of expr.properties)
        if (ts.isPropertyAssignment(p)) this.shown(p.initializer, sink);
      return;
    }
    if (ts.isElementAccessExpression(expr)) return this.shown(expr.expression, sink);
    if (ts.isCallExpression(expr)) return this.call(expr, sink);
    if (ts.isIdentifier(expr)) return this.identifier(expr, sink);
    if (ts.isPropertyAccessExpression(expr)) return this.property(expr, sink);
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr))
      for (const r of returnedExpressions(expr)) this.shown(r, sink);
  }

  private call(expr: ts.CallExpression, sink: string): void {
    if (isL10nCall(expr)) {
      const [message, ...args] = expr.arguments;
      const literal =
        message &&
        (isLiteral(message) ||
          (ts.isObjectLiteralExpression(message) &&
            message.properties.some(
              (p) =>
                ts.isPropertyAssignment(p) &&
                p.name.getText() === 'message' &&
                isLiteral(p.initializer),
            )));
      if (!literal)
        this.report(
          expr,
          sink,
          `l10n.t(${message?.getText() ?? ''}): the message must be a literal`,
        );
      // Its arguments are shown too, in the translated sentence.
      for (const a of args) this.shown(a, sink);
      return;
    }
    const callee = expr.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      // Texts put together: [a, b].filter(Boolean).join(' · '), names.map((n) => …).join(', ').
      if (
        ['join', 'filter', 'slice', 'concat', 'sort', 'reverse', 'flat', 'trim'].includes(method)
      ) {
        this.shown(callee.expression, sink);
        if (method === 'concat') for (const a of expr.arguments) this.shown(a, sink);
        return;
      }
      if (method === 'map' || method === 'flatMap') {
        this.shown(callee.expression, sink);
        this.shown(expr.arguments[0], sink);
        return;
      }
      if (callee.expression.kind === ts.SyntaxKind.ThisKeyword)
        return this.member(expr, callee.name.text, sink);
      return;
    }
    if (ts.isIdentifier(callee)) {
      if (callee.text === 'String') return this.shown(expr.arguments[0], sink);
      if (ENGLISH_HELPERS.has(callee.text) && this.project.importedFromOutside(callee)) {
        this.report(expr, sink, `${expr.getText()}: English word building; use l10n.t`);
        return;
      }
      for (const fn of this.project.functions(callee))
        for (const r of returnedExpressions(fn)) this.shown(r, sink);
    }
  }

  /** A name: what a local or module constant, or a function of ours, holds. */
  private identifier(id: ts.Identifier, sink: string): void {
    for (const init of this.project.values(id)) this.shown(init, sink);
    // A list built up where it is declared: `parts.push(…)` adds to what is shown.
    for (const d of this.project.declarations(id)) {
      if (!ts.isVariableDeclaration(d)) continue;
      let scope: ts.Node = d;
      while (!ts.isBlock(scope) && !ts.isSourceFile(scope) && scope.parent) scope = scope.parent;
      const visit = (n: ts.Node): void => {
        if (
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          ['push', 'unshift'].includes(n.expression.name.text) &&
          ts.isIdentifier(n.expression.expression) &&
          n.expression.expression.text === id.text
        )
          for (const a of n.arguments) this.shown(a, sink);
        ts.forEachChild(n, visit);
      };
      visit(scope);
    }
  }

  /** `this.x` (a getter or method of this class) or `TABLE.key` (a constant table of ours). */
  private property(expr: ts.PropertyAccessExpression, sink: string): void {
    if (expr.expression.kind === ts.SyntaxKind.ThisKeyword)
      return this.member(expr, expr.name.text, sink);
    if (ts.isIdentifier(expr.expression))
      for (const init of this.project.values(expr.expression))
        if (ts.isObjectLiteralExpression(init)) {
          const p = init.properties.find(
            (x) => ts.isPropertyAssignment(x) && x.name.getText() === expr.name.text,
          );
          if (p && ts.isPropertyAssignment(p)) this.shown(p.initializer, sink);
        }
  }

  private member(at: ts.Node, name: string, sink: string): void {
    let cls: ts.Node | undefined = at.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls) return;
    for (const m of cls.members) {
      // `constructor(private readonly text: string)`: what every `new` of the class passes there.
      if (ts.isConstructorDeclaration(m))
        m.parameters.forEach((p, i) => {
          if (p.name.getText() === name && ts.isParameterPropertyDeclaration(p, m))
            for (const arg of this.project.constructorArguments(cls, i)) this.shown(arg, sink);
        });
      if (m.name?.getText() !== name) continue;
      if (ts.isGetAccessor(m) || ts.isMethodDeclaration(m))
        for (const r of returnedExpressions(m)) this.shown(r, sink);
      if (ts.isPropertyDeclaration(m)) this.shown(m.initializer, sink);
    }
  }

  /** Finds the sinks in the file and checks what reaches them. */
  scan(): void {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && !isL10nCall(node)) this.callSink(node);
      if (ts.isNewExpression(node)) {
        const name = ts.isPropertyAccessExpression(node.expression)
          ? node.expression.name.text
          : node.expression.getText();
        for (const i of Object.hasOwn(CONSTRUCTOR_SINKS, name) ? CONSTRUCTOR_SINKS[name] : [])
          this.shown(node.arguments?.[i], `new ${name}(…) argument ${i + 1}`);
      }
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        const key = node.name.getText();
        // l10n.t({ message, args, comment }) is the localised form itself.
        const localised = node.parent.parent && isL10nCall(node.parent.parent);
        if (PROPERTY_SINKS.has(key) && !localised)
          this.shown(ts.isPropertyAssignment(node) ? node.initializer : node.name, `${key}:`);
      }
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left)
      ) {
        const key = node.left.name.text;
        if (PROPERTY_SINKS.has(key) || ASSIGNMENT_ONLY_SINKS.has(key))
          this.shown(node.right, `.${key} =`);
      }
      ts.forEachChild(node, visit);
    };
    visit(this.source);
  }

  private callSink(node: ts.CallExpression): void {
    const callee = node.expression;
    const name = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isIdentifier(callee)
        ? callee.text
        : undefined;
    if (!name) return;
    if (
      ts.isPropertyAccessExpression(callee) &&
      FILE_SYSTEM_ERRORS.has(name) &&
      callee.expression.getText().endsWith('FileSystemError')
    )
      return this.shown(node.arguments[0], `FileSystemError.${name}`);
    const args = Object.hasOwn(CALL_SINKS, name) ? CALL_SINKS[name] : undefined;
    if (!args) return;
    if (
      USER_INPUT_SINKS.has(name) &&
      !(ts.isPropertyAccessExpression(callee) && USER_INPUT.test(callee.expression.getText()))
    )
      return;
    node.arguments.forEach((a, i) => {
      if (args === 'all' || args.includes(i)) this.shown(a, name);
    });
  }
}

/** The files checked, parsed once, and what their names resolve to. */
class Project {
  private readonly files = new Map<string, ts.SourceFile | undefined>();
  readonly reported = new Set<string>();

  /**
   * `within`: the folders whose code is followed when a name is imported from them; `all`: the
   * files where classes of ours are instantiated.
   */
  constructor(
    private readonly within: readonly string[],
    private readonly all: readonly string[],
  ) {}

  /** The `index`th argument of every `new C(…)` of a class in the files checked. */
  constructorArguments(cls: ts.ClassLikeDeclaration, index: number): ts.Expression[] {
    const name = cls.name?.text;
    if (!name) return [];
    const out: ts.Expression[] = [];
    for (const file of this.all) {
      const visit = (n: ts.Node): void => {
        if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) {
          const arg = n.arguments?.[index];
          if (arg) out.push(arg);
        }
        ts.forEachChild(n, visit);
      };
      const source = this.parse(file);
      if (source) visit(source);
    }
    return out;
  }

  parse(file: string, text?: string): ts.SourceFile | undefined {
    if (!this.files.has(file)) {
      const content = text ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
      this.files.set(
        file,
        content === undefined
          ? undefined
          : ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS),
      );
    }
    return this.files.get(file);
  }

  private followed(file: string): boolean {
    return this.within.some((d) => file.startsWith(d + path.sep));
  }

  /** The import a name comes from in its file, if any. */
  private importOf(id: ts.Identifier): { from: string; name: string } | undefined {
    for (const st of id.getSourceFile().statements) {
      if (!ts.isImportDeclaration(st) || !st.importClause) continue;
      const spec = (st.moduleSpecifier as ts.StringLiteral).text;
      const bindings = st.importClause.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements)
          if (el.name.text === id.text)
            return { from: spec, name: (el.propertyName ?? el.name).text };
    }
    return undefined;
  }

  importedFromOutside(id: ts.Identifier): boolean {
    const imp = this.importOf(id);
    if (!imp) return false;
    return !this.followed(this.resolve(id.getSourceFile().fileName, imp.from) ?? '');
  }

  private resolve(fromFile: string, spec: string): string | undefined {
    if (!spec.startsWith('.')) return undefined;
    const base = path.resolve(path.dirname(fromFile), spec);
    return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
  }

  /** Declarations a name can mean at its place: the nearest enclosing one, or an import of ours. */
  declarations(id: ts.Identifier): ts.Node[] {
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      const found: ts.Node[] = [];
      const statements =
        ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)
          ? scope.statements
          : undefined;
      // A parameter, a loop or catch variable: its value is not written here.
      if (ts.isFunctionLike(scope) && scope.parameters.some((p) => binds(p.name, id.text)))
        return [];
      if (
        (ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) &&
        scope.initializer &&
        ts.isVariableDeclarationList(scope.initializer) &&
        scope.initializer.declarations.some((d) => binds(d.name, id.text))
      )
        return [];
      if (
        ts.isCatchClause(scope) &&
        scope.variableDeclaration &&
        binds(scope.variableDeclaration.name, id.text)
      )
        return [];
      for (const st of statements ?? []) {
        if (ts.isVariableStatement(st))
          for (const d of st.declarationList.declarations) {
            if (ts.isIdentifier(d.name) && d.name.text === id.text) found.push(d);
            // Destructured: which part it is, is not followed.
            else if (binds(d.name, id.text)) return [];
          }
        if (ts.isFunctionDeclaration(st) && st.name?.text === id.text) found.push(st);
      }
      if (found.length) return found;
    }
    const imp = this.importOf(id);
    const target = imp && this.resolve(id.getSourceFile().fileName, imp.from);
    if (!target || !this.followed(target)) return [];
    const file = this.parse(target);
    const out: ts.Node[] = [];
    for (const st of file?.statements ?? []) {
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          if (ts.isIdentifier(d.name) && d.name.text === imp.name) out.push(d);
      if (ts.isFunctionDeclaration(st) && st.name?.text === imp.name) out.push(st);
    }
    return out;
  }

  /** What a name holds: a constant's initializer (or a function itself). */
  values(id: ts.Identifier): ts.Expression[] {
    return this.declarations(id).flatMap((d) =>
      ts.isVariableDeclaration(d) && d.initializer ? [d.initializer] : [],
    );
  }

  /** The functions a called name is: declarations, or constants holding an arrow function. */
  functions(id: ts.Identifier): ts.SignatureDeclaration[] {
    return this.declarations(id).flatMap<ts.SignatureDeclaration>((d) => {
      if (ts.isFunctionDeclaration(d)) return [d];
      if (
        ts.isVariableDeclaration(d) &&
        d.initializer &&
        (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
      )
        return [d.initializer];
      return [];
    });
  }
}

/**
 * Every literal text in `files` that reaches a user-facing sink without `vscode.l10n.t`, following
 * constants, tables, local functions and imports of the folders in `within`. Code outside them
 * (src/core: plain Node, English by design) is not followed, except that its English word builders
 * (`plural`) are refused here. `sources` replaces files' contents (the test's probes).
 */
export function findUnlocalizedStrings(
  files: readonly string[],
  within: readonly string[],
  sources: ReadonlyMap<string, string> = new Map(),
): UnlocalizedString[] {
  const all = files.map((f) => path.resolve(f));
  const project = new Project(
    within.map((d) => path.resolve(d)),
    all,
  );
  files.forEach((f, i) => project.parse(all[i], sources.get(f)));
  const findings: UnlocalizedString[] = [];
  for (const file of all) {
    const source = project.parse(file);
    if (!source) continue;
    const scan = new FileScan(source, project);
    scan.scan();
    findings.push(...scan.findings);
  }
  return findings;
}
