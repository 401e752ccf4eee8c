// The dependency rule of src/, as one table, enforced by the `layers/imports` rule below and
// proved by test/unit/lint/layers.test.ts (a probe per rule).
//
//   core ← host ← services ← (tree, documents, webview, commands) ← extension.ts
//
// core, sandbox, cli and webview-ui run without VS Code. The feature folders (tree, documents,
// webview, commands) may name each other's types but not import each other's code: what they
// share lives in services, and a command tells the nodes it takes apart by kind (nodeArg). The log panel's browser code gets the provisioning core only.
import path from 'node:path';

/** Folder under src/ → the folders its files may import code from (itself always). */
export const LAYERS = {
  core: ['core'],
  sandbox: ['core'],
  cli: ['core', 'sandbox'],
  'webview-ui': ['core/provisioning'],
  host: ['core'],
  services: ['core', 'host'],
  tree: ['core', 'host', 'services'],
  documents: ['core', 'host', 'services'],
  webview: ['core', 'host', 'services'],
  commands: ['core', 'host', 'services'],
  extension: ['*'],
};

/** Imports of only types that a folder may also make (they vanish from the bundle). */
export const TYPE_ONLY = {
  services: ['sandbox'],
  tree: ['documents', 'webview'],
  documents: ['tree', 'webview'],
  webview: ['tree', 'documents'],
  commands: ['tree', 'documents', 'webview'],
};

/** Folders that must not import `vscode`: they run in plain Node or in the browser. */
export const NO_VSCODE = ['core', 'sandbox', 'cli', 'webview-ui'];

/** `src/tree/x.ts` → `tree`; `src/extension.ts` → `extension`; outside src → undefined. */
function folderOf(srcRoot, file) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? path.basename(parts[0]).replace(/\.[^.]+$/, '') : parts[0];
}

function allows(list, targetRel) {
  return list.some((a) => a === '*' || targetRel === a || targetRel.startsWith(`${a}/`));
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { srcRoot: { type: 'string' } } }],
    messages: {
      layer:
        'src/{{from}} must not import {{what}} from src/{{to}}: the rule is core ← host ← services ← (tree, documents, webview, commands) ← extension.ts (eslint/layers.mjs).',
      vscode:
        'src/{{from}} runs without VS Code and must not import `vscode`: put VS Code glue in src/host or src/services.',
    },
  },
  create(context) {
    const srcRoot = path.resolve(context.options[0]?.srcRoot ?? path.join(context.cwd, 'src'));
    const file = context.filename;
    const from = folderOf(srcRoot, file);
    if (!from || !(from in LAYERS)) return {};
    const check = (node, source, typeOnly) => {
      const spec = source?.value;
      if (typeof spec !== 'string') return;
      if (spec === 'vscode') {
        if (NO_VSCODE.includes(from) && !typeOnly)
          context.report({ node, messageId: 'vscode', data: { from } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec);
      const to = folderOf(srcRoot, target);
      if (!to || to === from) return;
      const targetRel = path.relative(srcRoot, target).split(path.sep).join('/');
      if (allows(LAYERS[from], targetRel)) return;
      if (typeOnly && allows(TYPE_ONLY[from] ?? [], targetRel)) return;
      context.report({
        node,
        messageId: 'layer',
        data: { from, to, what: typeOnly ? 'types' : 'code' },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
      'CallExpression[callee.name="require"]': (node) => check(node, node.arguments[0], false),
    };
  },
};

export const layersPlugin = { rules: { imports: importsRule } };
