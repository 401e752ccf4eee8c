// `npm run test:electron`: the same integration suite in desktop VS Code, for machines that can
// download it (@vscode/test-electron fetches VS Code from Microsoft; this machine cannot).
// Runs on our minimum engines.vscode version and on the current stable build.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const versions = (process.env.VSCODE_VERSIONS ?? '1.110.0 stable').split(/\s+/).filter(Boolean);
  for (const version of versions) {
    console.log(`== integration tests in desktop VS Code ${version}`);
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
      launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
