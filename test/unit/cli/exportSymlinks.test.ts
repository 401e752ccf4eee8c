import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliFixture, type Run } from './support';

const TENANT_DIR = 'contoso.onmicrosoft.com';

/** The user got exactly one line on stderr, the CLI's own, and it matches `expected`. */
function oneLine(run: Run, expected: RegExp): void {
  assert.equal(run.code, 2, run.stdout + run.stderr);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], /^cross-tenant: /);
  assert.match(lines[0], expected);
}

describe('cross-tenant export never writes through a symbolic link (issue 14, defect 3)', function () {
  const fx = new CliFixture();
  fx.install();
  let outside = '';
  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cross-tenant-outside-'));
  });
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));

  /** A file outside --out that an attacker wants overwritten, with its bytes. */
  function victim(name: string): string {
    const file = path.join(outside, name);
    fs.writeFileSync(file, 'precious\n');
    return file;
  }

  it('a link to a folder outside --out, planted as the partners folder: refused, the outside folder stays empty', async () => {
    fs.mkdirSync(fx.path('out', TENANT_DIR), { recursive: true });
    fs.symlinkSync(outside, fx.path('out', TENANT_DIR, 'partners'), 'dir');
    const run = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    oneLine(run, /contoso\.onmicrosoft\.com\/partners is a symbolic link.*nothing was written/i);
    assert.deepEqual(fs.readdirSync(outside), []);
    // Nothing else was written either: the export is all or nothing at the check.
    assert.deepEqual(fs.readdirSync(fx.path('out', TENANT_DIR)), ['partners']);
  });

  it('a link planted as the README, pointing at a file outside: refused, the file keeps its bytes', async () => {
    const target = victim('authorized_keys');
    fs.mkdirSync(fx.path('out', TENANT_DIR), { recursive: true });
    fs.symlinkSync(target, fx.path('out', TENANT_DIR, 'README.md'));
    const run = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    oneLine(run, /contoso\.onmicrosoft\.com\/README\.md is a symbolic link/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'precious\n');
    assert.ok(fs.lstatSync(fx.path('out', TENANT_DIR, 'README.md')).isSymbolicLink());
  });

  it('a dangling link planted as the tenant folder: refused, nothing created where it points', async () => {
    fs.mkdirSync(fx.path('out'));
    const where = path.join(outside, 'created-by-export');
    fs.symlinkSync(where, fx.path('out', TENANT_DIR));
    const run = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    oneLine(run, /contoso\.onmicrosoft\.com is a symbolic link/);
    assert.equal(fs.existsSync(where), false);
  });

  it('an export over an earlier one (no links) still replaces its files', async () => {
    const first = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    assert.equal(first.code, 0, first.stderr);
    fs.writeFileSync(fx.path('out', TENANT_DIR, 'README.md'), 'stale');
    const second = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    assert.equal(second.code, 0, second.stderr);
    assert.match(fx.read('out', TENANT_DIR, 'README.md'), /^# Cross-tenant access settings/);
    // No temporary file is left behind.
    assert.deepEqual(
      fs.readdirSync(fx.path('out', TENANT_DIR)).filter((f) => f.includes('.tmp')),
      [],
    );
  });
});
