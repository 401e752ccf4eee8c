import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  findUnlocalizedStrings,
  type UnlocalizedString,
} from '../../support/findUnlocalizedStrings';

// Every word a person reads in the extension goes through vscode.l10n.t (issue 15 §4), so a
// translation bundle can replace it. The sinks the check knows (messages, quick picks, input
// boxes, tree items, tooltips, diagnostics, code actions, progress titles, status bar items,
// thrown errors, the UserInput port) are listed in test/support/findUnlocalizedStrings.ts.
// src/core, the sandbox, the CLI and the webview's browser code are not checked: they run without
// VS Code and speak English (what core says reaches the user inside localised sentences).
const root = path.resolve(__dirname, '../../..');
const FOLDERS = ['commands', 'tree', 'documents', 'webview', 'services', 'host'].map((f) =>
  path.join(root, 'src', f),
);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return e.name.endsWith('.ts') ? [file] : [];
  });
}

const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
const show = (f: UnlocalizedString): string => `${rel(f.file)}:${f.line} [${f.sink}] ${f.text}`;

/** Findings in one probe file placed in src/tree (it is never written to disk). */
function probe(source: string): UnlocalizedString[] {
  const file = path.join(root, 'src', 'tree', 'zz-l10n-probe.ts');
  return findUnlocalizedStrings([file], FOLDERS, new Map([[file, source]]));
}

describe('user-facing strings go through vscode.l10n.t (issue 15 §4)', () => {
  const findings = findUnlocalizedStrings(FOLDERS.flatMap(sourceFiles), FOLDERS);

  it('has no literal text at a user-facing sink in commands, tree, documents, webview, services or host', () => {
    assert.deepEqual(
      findings.map(show),
      [],
      'wrap these in vscode.l10n.t (placeholders {0}, {1}…)',
    );
  });

  describe('the check (probes that prove each sink fires)', () => {
    const cases: [string, string][] = [
      ['a message', `vscode.window.showErrorMessage('Push failed.');`],
      ['a message action', `vscode.window.showWarningMessage(vscode.l10n.t('Sure?'), 'Yes');`],
      ['a modal detail', `vscode.window.showWarningMessage(m, { modal: true, detail: 'Gone.' });`],
      ['a status bar message', `vscode.window.setStatusBarMessage('Copied', 3000);`],
      ['a tree item label', `new vscode.TreeItem('Base policy');`],
      ['a tooltip', `item.tooltip = 'Open the policy';`],
      ['a description built in a template', 'item.description = `${n} partners`;'],
      ['a branch of a conditional', `item.description = ok ? vscode.l10n.t('ok') : 'broken';`],
      ['a quick pick title', `ui.pick(items, { title: 'Choose a tenant' });`],
      ['a pick item label', `const items = [{ label: 'Members', value: 1 }];`],
      ['an input prompt', `ui.input({ prompt: 'Tenant id or domain' });`],
      ['a confirmation action', `ui.confirm({ message: m, actions: ['Delete'] });`],
      ['a UserInput warning', `ctx.ui.warn('Nothing to push.');`],
      ['a progress title', `vscode.window.withProgress({ location, title: 'Pushing…' }, f);`],
      ['a diagnostic', `new vscode.Diagnostic(range, 'Unknown property', severity);`],
      ['a code action', `new vscode.CodeAction('Fix it', kind);`],
      ['a command title', `item.command = { command: 'x.y', title: 'Retry', arguments: [] };`],
      ['markdown', `md.appendMarkdown('**Pair checks**');`],
      ['a thrown error', 'throw new Error(`No tenant ${name}.`);'],
      ['a file system error', `throw vscode.FileSystemError.Unavailable('Not in the view');`],
      ['a status bar text', `this.item.text = \`$(organization) \${n} tenants\`;`],
      ['a constant shown later', `const NONE = 'none';\nitem.description = NONE;`],
      [
        'a table of words',
        `const WORD: Record<string, string> = { on: 'on' };\nitem.description = WORD[k];`,
      ],
      ['a local function', `function f(): string { return 'never'; }\nitem.description = f();`],
      ['a list joined', `item.description = [a, 'sandbox'].filter(Boolean).join(' · ');`],
      [
        'a list pushed to',
        `const parts: string[] = [];\nparts.push('due');\nitem.description = parts.join(', ');`,
      ],
      [
        'a constructor argument shown by the class',
        `class M { constructor(private readonly text: string) {}\n` +
          `  item() { return new vscode.TreeItem(this.text); } }\nnew M('No partners.');`,
      ],
      [
        'English plural words from core',
        `import { plural } from '../core/plural';\nitem.description = plural(n, 'error');`,
      ],
      ['a message that is not a literal', `item.label = vscode.l10n.t(text);`],
      ['an argument of a localised message', `item.label = vscode.l10n.t('{0} left', 'none');`],
    ];
    for (const [what, source] of cases)
      it(`catches ${what}`, () => {
        assert.equal(probe(source).length > 0, true, `nothing found in: ${source}`);
      });

    it('passes the same sinks with localised text, and text that is no words', () => {
      const found = probe(
        [
          `vscode.window.showErrorMessage(vscode.l10n.t('Push failed.'), vscode.l10n.t('Show Log'));`,
          `new vscode.TreeItem(vscode.l10n.t('Base policy'));`,
          `item.tooltip = vscode.l10n.t({ message: 'Open the policy', args: [], comment: 'tooltip' });`,
          'item.description = `${a} · ${b}`;',
          `item.description = ok ? vscode.l10n.t('ok') : '✖';`,
          `this.item.text = \`$(organization) \${vscode.l10n.t('{0} tenants', n)}\`;`,
          `ui.pick(items, { title: vscode.l10n.t('Choose a tenant'), placeHolder: name });`,
          `item.command = { command: 'crossTenant.refresh', title: vscode.l10n.t('Retry') };`,
          // Logs are for support and stay English; ids, icons and comparisons are not shown text.
          `log.warn('Live update failed');`,
          `new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));`,
          `if (f.severity === 'error') item.contextValue = 'message.error';`,
        ].join('\n'),
      );
      assert.deepEqual(found.map(show), []);
    });
  });
});

describe('localised messages are plain text', () => {
  // Notifications, modal dialogs and quick picks show Markdown code spans as literal backticks
  // (issue 16 §11): a message names a command or setting in quotes instead.
  it('has no backticks in a vscode.l10n.t message', () => {
    const message = /l10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
    const found = FOLDERS.flatMap(sourceFiles).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(message)]
        .filter((m) => m[2].includes('`'))
        .map((m) => `${rel(file)}: ${m[2]}`),
    );
    assert.deepEqual(found, []);
  });
});
