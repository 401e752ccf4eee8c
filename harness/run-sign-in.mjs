#!/usr/bin/env node
// The sign-in run: the integration tests of signing in with a Microsoft account
// (test/integration/microsoftSignIn.test.ts) in a real VS Code whose built-in Microsoft account
// provider is replaced by a stand-in (harness/microsoftAccountStandIn.mjs), with VS Code's own
// sign-in prompts shown and accepted by the harness as the user would.
//
// It is a run of its own because VS Code refuses every modal dialog while an extensionTestsPath is
// set (its DialogService throws "refused to show dialog in tests"), and a sign-in prompt is one. So
// the workbench loads this folder as the extension under development without extensionTestsPath,
// and the stand-in starts the suite (out/test/integration/index.js, grepped to the sign-in tests)
// once it is activated; the suite writes its report, which ends the run.
//
//   CODE_SERVER_VERSION=4.139.1 node harness/run-sign-in.mjs
// Env: OUT_DIR [e2e-out/sign-in-<version>], SUMMARY_FILE (JSON {passed, failed}), TIMEOUT_S [240],
//      SANDBOX_RECORD_FILE (the sandboxes in the extension host append every Graph request there,
//      for the contract check)
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
import { STAND_IN_ENV, acceptSignInPrompts, packStandIn } from './microsoftAccountStandIn.mjs';

const version = process.env.CODE_SERVER_VERSION || '4.139.1';
const outDir = path.resolve(
  process.env.OUT_DIR || path.join(ROOT, 'e2e-out', `sign-in-${version}`),
);
const timeoutS = Number(process.env.TIMEOUT_S || 240);
const suite = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const log = makeLogger(`sign-in ${version}`);
fs.mkdirSync(outDir, { recursive: true });
const report = path.join(outDir, 'test-report.json');
const prompts = path.join(outDir, 'sign-in-prompts.jsonl');
for (const f of [report, prompts]) fs.rmSync(f, { force: true });

if (!fs.existsSync(suite)) {
  console.error(`missing ${suite}: run npm run compile-tests`);
  process.exit(2);
}
if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('missing dist/extension.js: run npm run build');
  process.exit(2);
}

const server = new CodeServer({
  version,
  outDir,
  tag: 'sign-in',
  log,
  env: {
    ...STAND_IN_ENV,
    HARNESS_TEST_REPORT: report,
    HARNESS_SIGN_IN_PROMPTS: prompts,
    HARNESS_SIGN_IN_SUITE: suite,
    INTEGRATION_GREP: 'signing in with a Microsoft account',
    // The extension host runs in code-server's directory, so the recording's path must be absolute.
    ...(process.env.SANDBOX_RECORD_FILE
      ? { SANDBOX_RECORD_FILE: path.resolve(process.env.SANDBOX_RECORD_FILE) }
      : {}),
  },
});
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
  server.installVsix(packStandIn(outDir));
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
  const stopPrompts = acceptSignInPrompts(page, prompts);
  const t = Date.now();
  await page.goto(server.url([['extensionDevelopmentPath', server.remote(ROOT)]]), {
    waitUntil: 'domcontentloaded',
  });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  while (!fs.existsSync(report) && Date.now() - t < (timeoutS - 30) * 1000) await sleep(250);
  stopPrompts();
  log(`suite finished after ${Date.now() - t} ms`);
  await page.screenshot({ path: path.join(outDir, 'end.png') }).catch(() => {});
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const x of r.results.filter((x) => x.state !== 'passed'))
      console.log(
        `  FAIL ${x.title}\n       ${(x.err || '').split('\n').slice(0, 6).join('\n       ')}`,
      );
    console.log(
      `sign-in (VS Code via code-server ${version}): ${r.passed} passed, ${r.failed} failed`,
    );
    writeSummary(r.passed, r.failed);
    code = r.failed === 0 && r.passed > 0 ? 0 : 1;
  } else {
    console.log(`sign-in (code-server ${version}): the suite wrote no report; see ${outDir}`);
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
