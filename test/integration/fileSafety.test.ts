import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { extensionApi, freshSandbox, readLog, waitFor } from './api';

describe('files: nothing written through a link (issue 14)', () => {
  let dir = '';
  before(async () => {
    await freshSandbox();
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Export Tenant refuses a link planted in the folder: the file it points at keeps its bytes, the user is told', async () => {
    const api = await extensionApi();
    const victim = path.join(dir, 'authorized_keys');
    fs.writeFileSync(victim, 'precious');
    const out = path.join(dir, 'out');
    fs.mkdirSync(path.join(out, 'contoso.onmicrosoft.com'), { recursive: true });
    fs.symlinkSync(victim, path.join(out, 'contoso.onmicrosoft.com', 'README.md'));
    const result = await vscode.commands.executeCommand(
      'crossTenant.exportTenant',
      'contoso.onmicrosoft.com',
      { folder: vscode.Uri.file(out), overwrite: true },
    );
    assert.equal(result, undefined, 'the command failed');
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
    // Refused before any file was written.
    assert.deepEqual(fs.readdirSync(path.join(out, 'contoso.onmicrosoft.com')), ['README.md']);
    // The log says why (the user's notification has the same line, with Show Log).
    await waitFor('the refusal in the log', async () =>
      /crossTenant\.exportTenant failed: .*contoso\.onmicrosoft\.com\/README\.md is a symbolic link: refusing to write through it, nothing was written/.test(
        await readLog(api.logUri),
      )
        ? true
        : undefined,
    );
  });
});
