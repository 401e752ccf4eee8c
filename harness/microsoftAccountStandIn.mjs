// The Microsoft account stand-in of the sign-in run (test/integration/standIns/microsoftAuthentication):
// packed as a .vsix, installed in place of VS Code's built-in Microsoft authentication, and the
// harness's part of the act: accepting VS Code's sign-in prompts as the user would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, sleep } from './codeServer.mjs';

/**
 * The environment the run's code-server needs: VS Code 1.139 then leaves the built-in Microsoft
 * account extension out. 1.110 has no such switch; there the stand-in's higher version replaces the
 * built-in, as an installed update of a built-in extension does.
 */
export const STAND_IN_ENV = { VSCODE_SKIP_BUILTIN_EXTENSIONS: 'vscode.microsoft-authentication' };

/**
 * The stand-in as a .vsix in `outDir`: its manifest (the built-in's id, a higher version) and its
 * compiled code (npm run compile-tests), packed by @vscode/vsce. It is installed rather than loaded
 * as a second extension under development because the workbench keeps only one
 * extensionDevelopmentPath from its URL.
 */
export function packStandIn(outDir) {
  const source = path.join(ROOT, 'test', 'integration', 'standIns', 'microsoftAuthentication');
  const compiled = path.join(
    ROOT,
    'out',
    'test',
    'integration',
    'standIns',
    'microsoftAuthentication',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-stand-in-'));
  try {
    fs.copyFileSync(path.join(source, 'package.json'), path.join(dir, 'package.json'));
    fs.copyFileSync(path.join(compiled, 'extension.js'), path.join(dir, 'extension.js'));
    const vsix = path.join(outDir, 'microsoft-authentication-stand-in.vsix');
    execFileSync(
      path.join(ROOT, 'node_modules', '.bin', 'vsce'),
      [
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--skip-license',
        '--out',
        vsix,
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return vsix;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Plays the user at VS Code's sign-in prompts ("The extension … wants to sign in using Microsoft."):
 * each one is accepted, and what it said is appended to `file` (one JSON line per prompt) for the
 * suite to assert on. Returns a function that stops watching.
 */
export function acceptSignInPrompts(page, file) {
  let watching = true;
  void (async () => {
    while (watching) {
      try {
        const dialog = page.locator('.monaco-dialog-box');
        if (await dialog.isVisible()) {
          const message = (await dialog.locator('.dialog-message-text').textContent()) ?? '';
          if (/wants (you )?to sign in/.test(message)) {
            const detail = await dialog
              .locator('.dialog-message-detail')
              .textContent({ timeout: 500 })
              .catch(() => '');
            fs.appendFileSync(file, `${JSON.stringify({ message, detail, at: Date.now() })}\n`);
            await dialog.getByRole('button', { name: 'Allow' }).click({ timeout: 2000 });
          }
        }
      } catch {
        // The dialog closed while we read it; look again.
      }
      await sleep(100);
    }
  })();
  return () => {
    watching = false;
  };
}
