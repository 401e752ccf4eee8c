import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { CliFixture } from './support';

const ROOT = path.resolve(__dirname, '../../..');

interface Exit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a file as a program, as a shell would (through its shebang); asynchronous, so the in-process sandbox keeps answering. */
function exec(file: string, args: readonly string[]): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { env: { PATH: process.env.PATH ?? '' }, timeout: 8000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('cross-tenant as an executable (the bundle esbuild.js builds)', function () {
  const fx = new CliFixture();
  fx.install();
  let bin = '';
  let outDir = '';

  before(async function () {
    // esbuild.js's own CLI configuration (banner, platform, format), written to a scratch folder
    // inside the package (out/, git-ignored) so the bundle finds schemas/ the way dist/cli.js does.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script
    const { cli } = require(path.join(ROOT, 'esbuild.js')) as { cli: Record<string, unknown> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild is a devDependency
    const esbuild = require('esbuild') as typeof import('esbuild');
    fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    outDir = fs.mkdtempSync(path.join(ROOT, 'out', 'cli-test-'));
    bin = path.join(outDir, 'cli.js');
    await esbuild.build({
      ...cli,
      absWorkingDir: ROOT,
      outfile: bin,
      plugins: [],
      sourcemap: false,
      logLevel: 'silent',
    });
    fs.chmodSync(bin, 0o755);
  });
  after(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('starts through its shebang: --help exits 0', async () => {
    assert.ok(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const help = await exec(bin, ['--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: cross-tenant <command>/);
  });

  it('export, then an unconfirmed push exits 1 and drift reports it as JSON (exit 1)', async () => {
    const exported = await exec(bin, [
      '--sandbox',
      fx.server.url,
      '--json',
      'export',
      '--tenant',
      'contoso.onmicrosoft.com',
      '--out',
      fx.dir,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(JSON.parse(exported.stdout).files.length, 6);

    const file = fx.path(
      'contoso.onmicrosoft.com',
      'partners',
      `${SANDBOX_TENANT_IDS.fabrikam}.xta-partner.json`,
    );
    fx.edit(file, (doc) => (doc.isServiceProvider = true));
    const push = await exec(bin, ['--sandbox', fx.server.url, 'push', file]);
    assert.equal(push.code, 1, push.stderr);
    assert.match(
      push.stdout,
      /Cloud service provider: no → yes\nNothing was sent\. Run again with --yes to push\./,
    );

    const drift = await exec(bin, ['--sandbox', fx.server.url, 'drift', '--json', fx.dir]);
    assert.equal(drift.code, 1, drift.stderr);
    assert.deepEqual(
      JSON.parse(drift.stdout).entries.map((e: { message: string }) => e.message),
      ['cloud service provider: file says true, tenant has false'],
    );
  });

  it('exit 2 with the reason on stderr', async () => {
    const result = await exec(bin, ['--sandbox', fx.server.url, 'drift', fx.path('missing')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^cross-tenant: .*missing: not a folder/);
  });
});
