import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
// @ts-expect-error -- a plain ES module without types: the table the lint rule reads
import { LAYERS, NO_VSCODE, TYPE_ONLY } from '../../../eslint/layers.mjs';

// Proves the lint rules the architecture relies on actually fire, by linting real files placed in
// the tree for the duration of the test (typed linting needs files that belong to the project).
// All probes are linted in one ESLint run: a run costs seconds, a probe almost nothing.
const root = path.resolve(__dirname, '../../..');
const layers = LAYERS as Record<string, string[]>;
const typeOnly = TYPE_ONLY as Record<string, string[]>;
const noVscode = NO_VSCODE as string[];
const FOLDERS = Object.keys(layers).filter((f) => f !== 'extension');

interface Probe {
  readonly name: string;
  readonly folder: string;
  readonly source: string;
}

async function lintProbes(probes: readonly Probe[]): Promise<Map<Probe, string[]>> {
  const files = probes.map((p, i) =>
    path.join(root, 'src', p.folder, `zz-lint-probe-${process.pid}-${i}.ts`),
  );
  probes.forEach((p, i) => fs.writeFileSync(files[i], p.source));
  try {
    const results = await new ESLint({ cwd: root }).lintFiles(files);
    const byFile = new Map(results.map((r) => [r.filePath, r.messages]));
    return new Map(
      probes.map((p, i) => [
        p,
        (byFile.get(files[i]) ?? []).map((m) => `${m.ruleId}: ${m.message}`),
      ]),
    );
  } finally {
    for (const f of files) fs.rmSync(f, { force: true });
  }
}

const importOf = (to: string, kind: 'code' | 'types'): string => {
  const spec = `../${to}/zzTarget`;
  return kind === 'code'
    ? `import { target } from '${spec}';\nexport const f: unknown = target;\n`
    : `import type { Target } from '${spec}';\nexport type F = Target;\n`;
};

/** Every import the table forbids (code and types) and every one it allows, one probe each. */
function layerProbes(): { refused: Probe[]; accepted: Probe[] } {
  const refused: Probe[] = [];
  const accepted: Probe[] = [];
  for (const from of FOLDERS)
    for (const to of [...FOLDERS, 'core/provisioning']) {
      if (to === from || (from === 'core' && to.startsWith('core'))) continue;
      const allowed = layers[from].some((a) => to === a || to.startsWith(`${a}/`));
      const typesAllowed = allowed || (typeOnly[from] ?? []).includes(to);
      for (const kind of ['code', 'types'] as const) {
        const probe = {
          name: `${from} → ${to} (${kind})`,
          folder: from,
          source: importOf(to, kind),
        };
        ((kind === 'code' ? allowed : typesAllowed) ? accepted : refused).push(probe);
      }
    }
  return { refused, accepted };
}

describe('lint rules', function () {
  this.timeout(120000);
  const { refused, accepted } = layerProbes();
  const vscodeProbes = FOLDERS.map((folder) => ({
    name: `vscode in ${folder}`,
    folder,
    source: "import * as vscode from 'vscode';\nexport const v: string = vscode.version;\n",
  }));
  const floating: Probe = {
    name: 'floating promise in host',
    folder: 'host',
    source:
      "import * as vscode from 'vscode';\nexport function f(): void {\n  vscode.commands.executeCommand('x');\n}\n",
  };
  const markup: Probe = {
    name: 'markup in webview-ui',
    folder: 'webview-ui',
    source:
      "export function show(el: HTMLElement, name: string): void {\n  el.innerHTML = name;\n  el.insertAdjacentHTML('beforeend', name);\n}\n",
  };
  let results: Map<Probe, string[]>;
  before(async () => {
    results = await lintProbes([...refused, ...accepted, ...vscodeProbes, floating, markup]);
  });
  const layerMessages = (p: Probe) => results.get(p)!.filter((m) => m.startsWith('layers/'));

  it('refuses every import against the folder rule, naming both folders', () => {
    const missed = refused.filter((p) => {
      const [from, to] = [p.folder, p.name.split(' → ')[1].split(' ')[0]];
      return !layerMessages(p).some(
        (m) => m.includes(`src/${from} must not`) && m.includes(`src/${to}`),
      );
    });
    assert.deepEqual(
      missed.map((p) => p.name),
      [],
    );
    // The table is not empty of refusals: the probes would prove nothing otherwise.
    assert.ok(refused.length > 50, `${refused.length} refusals probed`);
  });

  it('accepts every import the folder rule allows, and type imports between views', () => {
    const flagged = accepted.filter((p) => layerMessages(p).length > 0);
    assert.deepEqual(
      flagged.map((p) => `${p.name}: ${layerMessages(p).join(' ')}`),
      [],
    );
    assert.ok(accepted.some((p) => p.name === 'tree → documents (types)'));
    assert.ok(refused.some((p) => p.name === 'tree → documents (code)'));
    assert.ok(accepted.some((p) => p.name === 'webview-ui → core/provisioning (code)'));
  });

  it('refuses `vscode` exactly in core, sandbox, cli and webview-ui', () => {
    const refusing = vscodeProbes
      .filter((p) => layerMessages(p).some((m) => m.includes('must not import `vscode`')))
      .map((p) => p.folder);
    assert.deepEqual(refusing.sort(), [...noVscode].sort());
  });

  it('rejects a floating promise in VS Code code', () => {
    assert.ok(
      results.get(floating)!.some((m) => m.startsWith('@typescript-eslint/no-floating-promises')),
      results.get(floating)!.join('\n'),
    );
  });

  it('rejects markup from strings in the webview code', () => {
    assert.equal(
      results.get(markup)!.filter((m) => m.startsWith('no-restricted-properties')).length,
      2,
      results.get(markup)!.join('\n'),
    );
  });
});
