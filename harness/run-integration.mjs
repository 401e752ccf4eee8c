#!/usr/bin/env node
// Runs the integration suite (test/integration, compiled to out/test/integration) inside the
// extension host of a real VS Code: code-server loads this folder as the extension under
// development and out/test/integration/index.js as extensionTestsPath, exactly what
// @vscode/test-electron does on desktop. The workbench calls window.codeAutomationExit(code)
// when the suite's run() settles; the suite also writes a JSON report we print and total.
//
//   CODE_SERVER_VERSION=4.139.1 node harness/run-integration.mjs
// Env: OUT_DIR [e2e-out/integration-<version>], SUMMARY_FILE (JSON {passed, failed}), TIMEOUT_S [300],
//      INTEGRATION_GREP (mocha grep passed to the suite), SANDBOX_RECORD_FILE (the sandboxes in the
//      extension host append every Graph request there, for the contract check)
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeServer,
  ROOT,
  hardTimeout,
  launchChromium,
  makeLogger,
  sleep,
  startMemorySampler,
} from './codeServer.mjs';

const version = process.env.CODE_SERVER_VERSION || '4.139.1';
const outDir = path.resolve(
  process.env.OUT_DIR || path.join(ROOT, 'e2e-out', `integration-${version}`),
);
const timeoutS = Number(process.env.TIMEOUT_S || 300);
const suite = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const log = makeLogger(`integration ${version}`);
fs.mkdirSync(outDir, { recursive: true });
const report = path.join(outDir, 'test-report.json');
fs.rmSync(report, { force: true });

if (!fs.existsSync(suite)) {
  console.error(`missing ${suite}: run npm run compile-tests`);
  process.exit(2);
}
if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('missing dist/extension.js: run npm run build');
  process.exit(2);
}

const env = { HARNESS_TEST_REPORT: report };
if (process.env.INTEGRATION_GREP) env.INTEGRATION_GREP = process.env.INTEGRATION_GREP;
// The extension host runs in code-server's directory, so the recording's path must be absolute.
if (process.env.SANDBOX_RECORD_FILE)
  env.SANDBOX_RECORD_FILE = path.resolve(process.env.SANDBOX_RECORD_FILE);
const server = new CodeServer({ version, outDir, tag: 'integration', log, env });
let browser;
const mem = startMemorySampler();
async function cleanup() {
  if (browser) await Promise.race([browser.close(), sleep(5000)]).catch(() => {});
  await server.stop();
}
hardTimeout(timeoutS, log, cleanup);

function writeSummary(passed, failed) {
  if (process.env.SUMMARY_FILE)
    fs.writeFileSync(process.env.SUMMARY_FILE, JSON.stringify({ passed, failed }));
}

let code = 1;
try {
  await server.start();
  browser = await launchChromium(server.cs.chromium);
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  const consoleLog = fs.createWriteStream(path.join(outDir, 'browser-console.log'));
  page.on('console', (m) => {
    const t = m.text();
    consoleLog.write(`[${m.type()}] ${t}\n`);
    if (t.includes('[harness-tests]')) console.log('  ' + t.replace(/^.*\[harness-tests\] ?/, ''));
  });
  let exitCode = null;
  await page.exposeFunction('codeAutomationExit', (c) => {
    exitCode = c;
  });
  const t = Date.now();
  await page.goto(
    server.url([
      ['extensionDevelopmentPath', server.remote(ROOT)],
      ['extensionTestsPath', server.remote(suite)],
    ]),
    { waitUntil: 'domcontentloaded' },
  );
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  while (exitCode === null && Date.now() - t < (timeoutS - 30) * 1000) await sleep(250);
  log(`suite finished with exit code ${exitCode} after ${Date.now() - t} ms`);
  await page.screenshot({ path: path.join(outDir, 'end.png') }).catch(() => {});
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const x of r.results.filter((x) => x.state !== 'passed'))
      console.log(
        `  FAIL ${x.title}\n       ${(x.err || '').split('\n').slice(0, 6).join('\n       ')}`,
      );
    console.log(
      `integration (VS Code via code-server ${version}): ${r.passed} passed, ${r.failed} failed`,
    );
    writeSummary(r.passed, r.failed);
    code = exitCode === 0 && r.failed === 0 ? 0 : 1;
  } else {
    console.log(
      `integration (code-server ${version}): the suite wrote no report (exit code ${exitCode}); see ${outDir}`,
    );
    writeSummary(0, 1);
  }
} catch (e) {
  log('ERROR', e?.stack || e);
  writeSummary(0, 1);
} finally {
  await cleanup();
  log(`peak memory (PSS) of code-server, extension host and Chromium: ${mem.stop()} MiB`);
}
process.exit(code);
