import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { SANDBOX_TENANT_IDS } from '../../src/sandbox/seed/tenants';
import { exportInto, extensionApi, freshSandbox, readLog, waitFor } from './api';

const WOODGROVE = `sandbox:${SANDBOX_TENANT_IDS.woodgrove}`;

describe('files: nothing written through a link, no save lost after a failed one (issue 14)', () => {
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
    // The folder exists (with the link in it): replacing its files is confirmed, then refused.
    const { result, ui } = await exportInto(
      'contoso.onmicrosoft.com',
      vscode.Uri.file(out),
      'contoso.onmicrosoft.com',
    );
    assert.equal(result, undefined, 'the command failed');
    assert.deepEqual(
      ui.shown.map((s) => s.kind),
      ['folder', 'confirm'],
    );
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

  it('a failed save of the tenant list does not stop later saves, and is reported once (defect 6)', async () => {
    const api = await extensionApi();
    const file = path.join(api.storagePath, 'tenants.json');
    const failure = 'Could not save the tenant list to';
    const count = async (): Promise<number> =>
      (await readLog(api.logUri)).split(failure).length - 1;
    const before = await count();
    // A folder where the file goes: every write of the list fails.
    fs.rmSync(file, { force: true });
    fs.mkdirSync(file);
    try {
      await vscode.commands.executeCommand('crossTenant.signOut', WOODGROVE);
      await vscode.commands.executeCommand('crossTenant.signIn', WOODGROVE);
      await waitFor('the failure in the log', async () =>
        (await count()) > before ? true : undefined,
      );
    } finally {
      fs.rmSync(file, { recursive: true, force: true });
    }
    // The disk is back: the next change is written, with the whole list as it is now.
    await vscode.commands.executeCommand('crossTenant.signOut', WOODGROVE);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      tenants: { tenantId: string; signedOut?: boolean }[];
    };
    const records = saved.tenants;
    const woodgrove = records.find((r) => r.tenantId === SANDBOX_TENANT_IDS.woodgrove);
    assert.equal(woodgrove?.signedOut, true, JSON.stringify(saved));
    assert.ok(records.length >= 5, 'every tenant is in the file');
    assert.equal((await count()) - before, 1, 'two failed saves, one report');
    await vscode.commands.executeCommand('crossTenant.signIn', WOODGROVE);
  });
});
