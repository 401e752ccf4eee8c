// Entry of the integration suite, loaded by VS Code as `extensionTestsPath`. It follows the
// `@vscode/test-electron` contract (export run(): Promise<void>), so the same suite runs in
// code-server (harness/run-vscode.mjs) and in desktop VS Code (npm run test:electron).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const reportFile = process.env.HARNESS_TEST_REPORT;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  const grep = process.env.INTEGRATION_GREP;
  if (grep) mocha.grep(grep);
  // Order matters: activation.test must run before anything activates the extension.
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) =>
      a.startsWith('activation') ? -1 : b.startsWith('activation') ? 1 : a.localeCompare(b),
    );
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const results: { title: string; state: string; err?: string }[] = [];
    const runner = mocha.run((failures) => {
      const passed = results.filter((r) => r.state === 'passed').length;
      console.log(`[harness-tests] ${passed} passed, ${failures} failed`);
      if (reportFile)
        fs.writeFileSync(
          reportFile,
          JSON.stringify({ passed, failed: failures, results }, null, 2),
        );
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.push({ title: t.fullTitle(), state: 'passed' });
      console.log(`[harness-tests] ok   ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => {
      results.push({ title: t.fullTitle(), state: 'failed', err: String(err?.stack ?? err) });
      console.log(`[harness-tests] FAIL ${t.fullTitle()}: ${String(err)}`);
    });
  });
}
