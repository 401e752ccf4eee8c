import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CliFixture } from '../unit/cli/support';
import { dataLost, faultInjected } from './ledger';

/** Every file under a folder with its text, keyed by the path below it (the README's export time masked). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(full, 'utf8');
    out.set(
      path.relative(dir, full),
      entry.name === 'README.md'
        ? text.replace(/ on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/, ' on <time>')
        : text,
    );
  }
  return out;
}

describe('fault tier: throttling and outage storms against the HTTP sandbox and the CLI', function () {
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

  it('an export through a 503 storm and a 429 burst writes exactly what an undisturbed export writes', async () => {
    const clean = path.join(fx.dir, 'clean');
    const stormy = path.join(fx.dir, 'stormy');
    const first = await fx.cli('export', '--tenant', 'contoso.com', '--out', clean);
    assert.equal(first.code, 0, first.stderr);

    await faults({
      unavailable: { count: 3, retryAfterSeconds: 0 },
      throttle: { count: 3, retryAfterSeconds: 0 },
    });
    faultInjected('503 with Retry-After', 3);
    faultInjected('429 with Retry-After', 3);
    const second = await fx.cli('export', '--tenant', 'contoso.com', '--out', stormy);
    assert.equal(second.code, 0, second.stderr);
    const left = (await (await fetch(`${fx.server.url}/_sandbox/faults`)).json()) as {
      throttle?: { count: number };
      unavailable?: { count: number };
    };
    assert.equal(left.unavailable?.count ?? 0, 0, 'every injected 503 was served');
    assert.equal(left.throttle?.count ?? 0, 0, 'every injected 429 was served');

    const expected = snapshot(clean);
    const got = snapshot(stormy);
    for (const [file, text] of expected) {
      if (got.get(file) !== text) dataLost(`export through a storm: ${file} missing or different`);
    }
    assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
    assert.deepEqual(got, expected);
  });

  it('a baseline check through 503s, 429s and a cut body (within the retries) reports what an undisturbed check reports', async () => {
    const tenants = 'contoso.com,northwindtraders.onmicrosoft.com';
    const calm = await fx.cli('baseline', '--tenant', tenants, '--format', 'json');
    assert.equal(calm.code, 1, calm.stderr);

    await faults({
      unavailable: { count: 2, retryAfterSeconds: 0 },
      throttle: { count: 2, retryAfterSeconds: 0 },
      truncate: { count: 1 },
    });
    faultInjected('503 with Retry-After', 2);
    faultInjected('429 with Retry-After', 2);
    faultInjected('connection dropped mid-body');
    const stormy = await fx.cli('baseline', '--tenant', tenants, '--format', 'json');
    const left = (await (await fetch(`${fx.server.url}/_sandbox/faults`)).json()) as {
      throttle?: { count: number };
      unavailable?: { count: number };
      truncate?: { count: number };
    };
    assert.deepEqual(
      [left.unavailable?.count ?? 0, left.throttle?.count ?? 0, left.truncate?.count ?? 0],
      [0, 0, 0],
      'every injected fault was served',
    );
    if (stormy.stdout !== calm.stdout) dataLost('baseline through a storm: a different report');
    assert.deepEqual(
      { code: stormy.code, stdout: stormy.stdout, stderr: stormy.stderr },
      { code: calm.code, stdout: calm.stdout, stderr: calm.stderr },
    );
  });

  it('an export whose organization read is throttled past the retries stops with one line instead of writing into another folder', async () => {
    await faults({ throttle: { count: 100, retryAfterSeconds: 0, pathPrefix: '/organization' } });
    faultInjected('429 storm');
    const result = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.dir);
    if (fs.readdirSync(fx.dir).length > 0)
      dataLost(`export through a 429 storm wrote ${fs.readdirSync(fx.dir).join(', ')}`);
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /^cross-tenant: .*throttling requests.* Try again/);
    assert.deepEqual(fs.readdirSync(fx.dir), []);
  });
});
