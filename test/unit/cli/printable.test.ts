import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CliFixture } from './support';

// eslint-disable-next-line no-control-regex -- control characters are what must not be printed
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('cross-tenant prints nothing raw from outside (issue 14, defect 10)', () => {
  const fx = new CliFixture();
  fx.install();

  const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\nforged: ok \u202Egnp.exe';

  it('strips terminal escapes, line breaks and bidi controls from what the server and files say', async () => {
    const exported = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    assert.equal(exported.code, 0, exported.stderr);
    const [tenantFolder] = fs.readdirSync(fx.path('out'));
    const partners = fx.path('out', tenantFolder, 'partners');
    const file = path.join(partners, fs.readdirSync(partners)[0]);
    const partnerId = path.basename(file).split('.')[0];
    const before = await fx.graph(
      'contoso.com',
      'GET',
      `/policies/crossTenantAccessPolicy/partners/${partnerId}`,
    );
    fx.edit(file, (doc) => (doc[HOSTILE] = true));
    const run = await fx.cli('push', '--yes', file);
    assert.equal(run.code, 2);
    for (const line of `${run.stdout}${run.stderr}`.split('\n'))
      assert.doesNotMatch(line, CONTROL, JSON.stringify(line));
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    // The hostile key is named, made printable, in the note that points at it; then one error.
    assert.match(lines[0], /: Unknown property " forged: ok gnp\.exe" in the partner/);
    assert.equal(lines.filter((l) => l.startsWith('cross-tenant:')).length, 1, run.stderr);
    assert.match(
      lines.at(-1)!,
      /^cross-tenant: .*nothing was pushed: Graph answers 400 to a property it does not know/,
    );
    // Nothing reached Graph: the partner is as it was.
    const after = await fx.graph(
      'contoso.com',
      'GET',
      `/policies/crossTenantAccessPolicy/partners/${partnerId}`,
    );
    assert.deepEqual(after.body, before.body);
  });

  it('escapes them in --json output too, which still parses to the same text', async () => {
    const run = await fx.cli('--json', 'export', '--tenant', HOSTILE, '--out', fx.path('out'));
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stdout, CONTROL);
    assert.ok(!run.stdout.includes('\u001b'), 'no raw ESC');
    assert.match((JSON.parse(run.stdout) as { error: string }).error, /No sandbox tenant/);
  });

  it('redacts a token in a CLI error of its own', async () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiIxMjM0NSJ9.c2ln';
    const run = await fx.cli('export', '--tenant', `x_${jwt}`, '--out', fx.path('out'));
    assert.equal(run.code, 2);
    assert.ok(!run.stderr.includes('eyJhbGci'), run.stderr);
  });
});
