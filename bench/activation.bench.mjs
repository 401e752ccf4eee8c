#!/usr/bin/env node
// Activation of the packaged extension in real VS Code (code-server 4.139.1), 5 fresh starts: the
// time the extension logs (from its bundle starting to load to the end of activate(), and activate()
// alone), and the bundle sizes against the 500 KB budget. Needs `npm run package` and the harness.
import fs from 'node:fs';
import path from 'node:path';
import { CodeServer, ROOT, launchChromium, makeLogger, sleep } from '../harness/codeServer.mjs';

// BENCH_SMOKE=1 (npm test): one start, to know it runs (bench/smoke.ts).
const RUNS = process.env.BENCH_SMOKE === '1' ? 1 : 5;
const version = process.env.CODE_SERVER_VERSION || '4.139.1';
const vsix = fs
  .readdirSync(ROOT)
  .filter((f) => f.endsWith('.vsix'))
  .map((f) => path.join(ROOT, f))
  .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
if (!vsix) {
  console.error('no .vsix: run npm run package');
  process.exit(2);
}
const quiet = () => undefined;

function findLog(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const f = findLog(p);
      if (f) return f;
    } else if (e.name === 'Cross-Tenant.log') return p;
  }
  return undefined;
}

const figures = [];
for (let i = 0; i < RUNS; i++) {
  const server = new CodeServer({
    version,
    outDir: path.join(ROOT, 'e2e-out', 'bench'),
    tag: `bench-${i}`,
    log: quiet,
  });
  const browser = await launchChromium(server.cs.chromium);
  try {
    server.installVsix(vsix);
    await server.start();
    const page = await browser.newPage();
    await page.goto(server.url(), { waitUntil: 'domcontentloaded' });
    await page
      .locator('.activitybar [aria-label^="Cross-Tenant"]')
      .first()
      .click({ timeout: 60000 });
    let m;
    for (let t = 0; t < 100 && !m; t++) {
      const log = findLog(server.dir);
      m =
        log &&
        /activated in ([\d.]+) ms since the bundle loaded \(activate\(\) itself ([\d.]+) ms, module load ([\d.]+) ms\)/.exec(
          fs.readFileSync(log, 'utf8'),
        );
      if (!m) await sleep(200);
    }
    if (!m) throw new Error('no activation line in the log');
    figures.push([Number(m[1]), Number(m[2]), Number(m[3])]);
  } finally {
    await browser.close();
    await server.stop();
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = makeLogger('bench');
log(`activation of the installed .vsix in VS Code (code-server ${version}), ${RUNS} fresh starts:`);
console.log(
  `  since the bundle loaded: median ${median(figures.map((f) => f[0])).toFixed(1)} ms (min ${Math.min(...figures.map((f) => f[0])).toFixed(1)}, max ${Math.max(...figures.map((f) => f[0])).toFixed(1)})`,
);
console.log(
  `  module load + activate(): median ${median(figures.map((f) => f[1] + f[2])).toFixed(1)} ms (module load ${median(figures.map((f) => f[2])).toFixed(1)} ms, activate() ${median(figures.map((f) => f[1])).toFixed(1)} ms); the rest is VS Code creating the extension context`,
);
for (const [name, size] of zipEntries(vsix).filter(([n]) => n.startsWith('extension/dist/'))) {
  const f = name.slice('extension/'.length);
  console.log(
    `  ${f}: ${(size / 1024).toFixed(0)} KB${f === 'dist/extension.js' ? ' (budget 500 KB; loaded at activation)' : ' (loaded on first use)'}`,
  );
}

/** [name, uncompressed size] of each file in a zip (the .vsix), from its central directory. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let off = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0, n = buf.readUInt16LE(eocd + 10); i < n; i++) {
    const nameLen = buf.readUInt16LE(off + 28);
    out.push([buf.toString('utf8', off + 46, off + 46 + nameLen), buf.readUInt32LE(off + 24)]);
    off += 46 + nameLen + buf.readUInt16LE(off + 30) + buf.readUInt16LE(off + 32);
  }
  return out;
}
