import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

// Proves the lint rules the architecture relies on actually fire, by linting real files placed in
// the tree for the duration of the test (typed linting needs files that belong to the project).
const root = path.resolve(__dirname, '../../..');

async function lintProbe(relDir: string, source: string): Promise<string[]> {
  const file = path.join(root, relDir, `zz-lint-probe-${process.pid}.ts`);
  fs.writeFileSync(file, source);
  try {
    const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('lint rules', function () {
  this.timeout(60000);

  it('rejects an import of vscode under src/core', async () => {
    const messages = await lintProbe(
      'src/core',
      "import * as vscode from 'vscode';\nexport const v: string = vscode.version;\n",
    );
    assert.ok(
      messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('src/core')),
      messages.join('\n'),
    );
  });

  it('rejects an import of VS Code glue (src/host) under src/core', async () => {
    const messages = await lintProbe(
      'src/core',
      "import { createLog } from '../host/log';\nexport const f = createLog;\n",
    );
    assert.ok(
      messages.some((m) => m.startsWith('no-restricted-imports')),
      messages.join('\n'),
    );
  });

  it('accepts vscode under src/host but rejects a floating promise there', async () => {
    const messages = await lintProbe(
      'src/host',
      "import * as vscode from 'vscode';\nexport function f(): void {\n  vscode.commands.executeCommand('x');\n}\n",
    );
    assert.ok(!messages.some((m) => m.startsWith('no-restricted-imports')), messages.join('\n'));
    assert.ok(
      messages.some((m) => m.startsWith('@typescript-eslint/no-floating-promises')),
      messages.join('\n'),
    );
  });

  it('rejects markup from strings in the webview code', async () => {
    const messages = await lintProbe(
      'src/webview-ui',
      "export function show(el: HTMLElement, name: string): void {\n  el.innerHTML = name;\n  el.insertAdjacentHTML('beforeend', name);\n}\n",
    );
    assert.equal(
      messages.filter((m) => m.startsWith('no-restricted-properties')).length,
      2,
      messages.join('\n'),
    );
  });
});
