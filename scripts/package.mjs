#!/usr/bin/env node
// `npm run package`: a release build (minified, no source maps) packed into a .vsix by @vscode/vsce.
// Prints the .vsix path and its file list, and fails if anything outside the allowlist slipped in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(process.execPath, ['esbuild.js', '--production']);
// --no-dependencies: the bundle already contains them; vsce would otherwise walk node_modules.
const files = run(vsce, ['ls', '--no-dependencies']).trim().split('\n').filter(Boolean);
const allowed =
  /^(docs\/images\/[^/]+\.png|package\.json|package\.nls\.json|README\.md|CHANGELOG\.md|LICENSE(\.txt)?|dist\/[^/]+\.js|dist\/schemas\/[^/]+\.json|media\/.+|schemas\/.+\.json|baselines\/[^/]+\.json|syntaxes\/.+)$/;
const stray = files.filter((f) => !allowed.test(f) || f.endsWith('.map'));
if (stray.length) {
  console.error(`refusing to package files outside the allowlist:\n  ${stray.join('\n  ')}`);
  process.exit(1);
}
// Relative links stay relative: the README's screenshots are shipped in the .vsix (docs/images)
// and there is no public repository to rewrite them against.
run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out]);
const kb = (f) => (fs.statSync(path.join(root, f)).size / 1024).toFixed(1);
console.log(`${path.relative(root, out)} (${(fs.statSync(out).size / 1024).toFixed(1)} KB)`);
for (const f of files) console.log(`  ${f} ${kb(f)} KB`);
// Rebuild the development bundle (with source maps) so F5 and the integration tests keep working.
run(process.execPath, ['esbuild.js']);
