import assert from 'node:assert/strict';
import * as fs from 'fs';
import { parseArgs } from '../../../src/cli/args';
import { CliFixture } from './support';

/** stderr is exactly one line of the CLI's own, free of control characters. */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, stderr);
  // eslint-disable-next-line no-control-regex -- control characters are what must not be there
  assert.doesNotMatch(lines[0], /[\u0000-\u001f\u007f-\u009f]/);
  assert.match(lines[0], /^cross-tenant: /);
  return lines[0];
}

describe('cross-tenant --timeout and --deadline (issue 14, defect 7)', () => {
  const fx = new CliFixture();
  fx.install();

  async function faults(body: unknown): Promise<void> {
    const r = await fetch(`${fx.server.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200, await r.text());
  }

  it('parses --timeout and --deadline in seconds, for every command', () => {
    const parsed = parseArgs(['drift', 'x', '--timeout', '2.5', '--deadline=30']);
    assert.deepEqual([parsed.timeoutMs, parsed.deadlineMs], [2500, 30_000]);
    assert.deepEqual([parseArgs([]).timeoutMs, parseArgs([]).deadlineMs], [60_000, 300_000]);
    for (const bad of ['0', '-1', 'soon', '1e9', ''])
      assert.throws(
        () => parseArgs(['drift', 'x', `--timeout=${bad}`]),
        /--timeout needs a number of seconds/,
        bad,
      );
  });

  it('a server that never answers: exit 2 after --timeout, one line, nothing written', async () => {
    await faults({ hang: { count: 1000 } });
    const out = fx.path('out');
    const run = await fx.cli('export', '--tenant', 'contoso.com', '--out', out, '--timeout', '0.2');
    assert.equal(run.code, 2);
    assert.match(oneLine(run.stderr), /did not answer GET .* within 0\.2 s/);
    assert.equal(fs.existsSync(out), false, 'no file written');
  });

  it('--deadline ends the whole command, retries included', async () => {
    const exported = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out'));
    assert.equal(exported.code, 0, exported.stderr);
    await faults({ hang: { count: 1000 } });
    const run = await fx.cli('drift', fx.path('out'), '--timeout', '0.1', '--deadline', '0.4');
    assert.equal(run.code, 2);
    assert.match(oneLine(run.stderr), /after 0\.4 s/);
  });

  it('a looping @odata.nextLink: exit 2, one line, a bounded number of requests', async () => {
    await faults({ loopNextLink: { count: 100_000 } });
    const out = fx.path('out');
    const run = await fx.cli('export', '--tenant', 'contoso.com', '--out', out);
    assert.equal(run.code, 2);
    assert.match(oneLine(run.stderr), /same next-page link/);
    assert.equal(fs.existsSync(out), false);
    const left = (await (await fetch(`${fx.server.url}/_sandbox/faults`)).json()) as {
      loopNextLink?: { count: number };
    };
    assert.ok(100_000 - (left.loopNextLink?.count ?? 0) <= 4, JSON.stringify(left));
  });
});
