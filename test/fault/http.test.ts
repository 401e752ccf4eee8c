import assert from 'node:assert/strict';
import * as fs from 'fs';
import { request } from 'node:http';
import * as path from 'path';
import { CliFixture, type Run } from '../unit/cli/support';
import { dataLost, faultInjected } from './ledger';

/** Every file under a folder with its bytes, keyed by the path below it. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
  }
  return out;
}

/** The user got exactly one line on stderr, the CLI's own, printable, matching `expected`. */
function oneClearMessage(run: Run, expected: RegExp): void {
  assert.equal(run.code, 2, run.stdout + run.stderr);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, run.stderr);
  // eslint-disable-next-line no-control-regex -- what a clear message never contains
  assert.doesNotMatch(lines[0], /[\u0000-\u001f\u007f-\u009f]/);
  assert.match(lines[0], /^cross-tenant: /);
  assert.match(lines[0], expected);
}

describe('fault tier: dropped connections, silence and loops against the HTTP sandbox and the CLI', function () {
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

  /** An export in `dir`, and its partner file whose settings a push will change. */
  async function exported(dir: string): Promise<{ files: Map<string, string>; partner: string }> {
    const run = await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path(dir));
    assert.equal(run.code, 0, run.stderr);
    const [tenant] = fs.readdirSync(fx.path(dir));
    const partners = fx.path(dir, tenant, 'partners');
    const partner = fs
      .readdirSync(partners)
      .map((f) => path.join(partners, f))
      .find((f) => f.endsWith('.xta-partner.json'))!;
    return { files: snapshot(fx.path(dir)), partner };
  }

  /** The partner's live settings through Graph, as any client reads them. */
  async function live(partnerFile: string): Promise<unknown> {
    const id = path.basename(partnerFile, '.xta-partner.json');
    const reply = await fx.graph(
      'contoso.com',
      'GET',
      `/policies/crossTenantAccessPolicy/partners/${id}`,
    );
    assert.equal(reply.status, 200);
    return reply.body.inboundTrust;
  }

  function compare(what: string, expected: Map<string, string>, got: Map<string, string>): void {
    // The README says when it was exported: the only line two exports may differ in.
    const stamp = (m: Map<string, string>): Map<string, string> =>
      new Map(
        [...m].map(([f, t]) => [f, t.replace(/^Exported by .* on [^\n]* UTC/m, 'Exported at T')]),
      );
    expected = stamp(expected);
    got = stamp(got);
    for (const [file, text] of expected)
      if (got.get(file) !== text) dataLost(`${what}: ${file} missing or different`);
    assert.deepEqual(got, expected);
  }

  const TRUST = {
    isMfaAccepted: true,
    isCompliantDeviceAccepted: true,
    isHybridAzureADJoinedDeviceAccepted: true,
  };

  it('uploads aborted half way do not take the sandbox down or change it', async () => {
    const { files } = await exported('before');
    const { hostname, port } = new URL(fx.server.url);
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const req = request({
          host: hostname,
          port: Number(port),
          method: 'POST',
          path: '/_sandbox/faults',
          headers: { 'content-type': 'application/json', 'content-length': 5_000_000 },
        });
        req.on('error', () => resolve());
        req.write(Buffer.alloc(100_000, 0x20), () =>
          setTimeout(() => (req.destroy(), resolve()), 20),
        );
      });
    }
    faultInjected('upload aborted mid-body', 5);
    const after = await exported('after');
    compare('export after aborted uploads', files, after.files);
  });

  it('a push whose PATCH connection drops: sent again (PATCH is idempotent), applied once, the file kept', async () => {
    const { partner } = await exported('out');
    fx.edit(partner, (doc) => (doc.inboundTrust = TRUST));
    const edited = fs.readFileSync(partner, 'utf8');
    await faults({ drop: { count: 1, method: 'PATCH' } });
    faultInjected('dropped connection mid-request (PATCH)');
    const run = await fx.cli('push', '--yes', partner);
    assert.equal(run.code, 0, run.stderr);
    if (fs.readFileSync(partner, 'utf8') !== edited)
      dataLost('push through a drop: the edited file changed');
    if (JSON.stringify(await live(partner)) !== JSON.stringify(TRUST))
      dataLost('push through a drop: the edit did not land');
  });

  it('a create whose POST connection drops: not sent again, one line saying to check, then created once', async () => {
    const { partner } = await exported('out');
    const id = path.basename(partner, '.xta-partner.json');
    const partnerPath = `/policies/crossTenantAccessPolicy/partners/${id}`;
    await fx.graph('contoso.com', 'DELETE', `${partnerPath}/identitySynchronization`);
    assert.equal((await fx.graph('contoso.com', 'DELETE', partnerPath)).status, 204);
    const file = fs.readFileSync(partner, 'utf8');
    await faults({ drop: { count: 1, method: 'POST' } });
    faultInjected('dropped connection mid-request (POST)');
    // Removed since the export: creating it again takes --force.
    oneClearMessage(
      await fx.cli('push', '--yes', '--force', partner),
      /may have been carried out: refresh and check/,
    );
    if (fs.readFileSync(partner, 'utf8') !== file)
      dataLost('create through a drop: the file changed');
    assert.equal(
      (await fx.graph('contoso.com', 'GET', partnerPath)).status,
      404,
      'not created twice, nor half',
    );
    const again = await fx.cli('push', '--yes', '--force', partner);
    assert.equal(again.code, 0, again.stderr);
    if ((await fx.graph('contoso.com', 'GET', partnerPath)).status !== 200)
      dataLost('create after a drop did not land');
  });

  it('a push whose reads break off mid-body: applied once, the file kept, the next push has nothing to do', async () => {
    const { partner } = await exported('out');
    fx.edit(partner, (doc) => (doc.inboundTrust = TRUST));
    const edited = fs.readFileSync(partner, 'utf8');
    // The PATCH answers 204 with no body: the live read before it and the re-read after it are cut.
    await faults({ truncate: { count: 2 } });
    faultInjected('connection dropped mid-body', 2);
    const run = await fx.cli('push', '--yes', partner);
    if (run.code !== 0) oneClearMessage(run, /./);
    if (fs.readFileSync(partner, 'utf8') !== edited)
      dataLost('push through a cut body: the edited file changed');
    if (JSON.stringify(await live(partner)) !== JSON.stringify(TRUST))
      dataLost('push through a cut body: the edit did not land');
    await fx.graph('contoso.com', 'GET', '/organization'); // uses up any cut left
    await fetch(`${fx.server.url}/_sandbox/faults`, { method: 'DELETE' });
    const again = await fx.cli('push', partner);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /Nothing to push/);
  });

  it('an export through answers cut mid-body writes exactly what an undisturbed export writes', async () => {
    const { files } = await exported('clean');
    await faults({ truncate: { count: 3 } });
    faultInjected('connection dropped mid-body', 3);
    const after = await exported('cut');
    compare('export through cut bodies', files, after.files);
  });

  it('a server that never answers: one line after --timeout, the previous export untouched', async () => {
    const { files } = await exported('out');
    await faults({ hang: { count: 1_000 } });
    faultInjected('server never answers');
    const run = await fx.cli(
      'export',
      '--tenant',
      'contoso.com',
      '--out',
      fx.path('out'),
      '--timeout',
      '0.2',
    );
    oneClearMessage(run, /did not answer .* within 0\.2 s/);
    compare('export into a folder while Graph hangs', files, snapshot(fx.path('out')));
  });

  it('a looping next link: one line, the previous export untouched, drift stops too', async () => {
    const { files } = await exported('out');
    await faults({ loopNextLink: { count: 100_000 } });
    faultInjected('looping @odata.nextLink', 2);
    oneClearMessage(
      await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out')),
      /same next-page link/,
    );
    oneClearMessage(await fx.cli('drift', fx.path('out')), /same next-page link/);
    compare('export into a folder while Graph loops', files, snapshot(fx.path('out')));
  });

  it('a 429 storm longer than the retries: one line saying to wait, the file kept, nothing sent', async () => {
    const { partner } = await exported('out');
    fx.edit(partner, (doc) => (doc.inboundTrust = TRUST));
    const edited = fs.readFileSync(partner, 'utf8');
    const before = await live(partner);
    await faults({ throttle: { count: 100, retryAfterSeconds: 0 } });
    faultInjected('429 storm');
    oneClearMessage(await fx.cli('push', '--yes', partner), /throttling requests .* Try again/);
    if (fs.readFileSync(partner, 'utf8') !== edited)
      dataLost('push through a 429 storm: the edited file changed');
    await fetch(`${fx.server.url}/_sandbox/faults`, { method: 'DELETE' });
    assert.deepEqual(await live(partner), before);
  });

  // Graph has no ETags (graph-api.md §0): between a push's read and its write nothing can stop a
  // colleague. What must hold is that the push sends only the settings the file changed, so a
  // change to any other setting in that window survives, and that the re-read says the tenant differs.
  it("a push racing a colleague's change: the other setting changed between read and write is kept, and named", async () => {
    const { partner } = await exported('out');
    fx.edit(partner, (doc) => (doc.inboundTrust = TRUST));
    const id = path.basename(partner, '.xta-partner.json');
    // The push's PATCH (after its reads) is answered 429 once: the colleague writes in that second.
    await faults({ throttle: { count: 1, retryAfterSeconds: 1, method: 'PATCH' } });
    faultInjected('a concurrent change between a push’s read and its write');
    const pushing = fx.cli('push', '--yes', partner);
    for (let i = 0; i < 200; i++) {
      const current = (await (await fetch(`${fx.server.url}/_sandbox/faults`)).json()) as {
        throttle?: unknown;
      };
      if (!current.throttle) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const colleague = await fx.graph(
      'contoso.com',
      'PATCH',
      `/policies/crossTenantAccessPolicy/partners/${id}`,
      { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } },
    );
    assert.equal(colleague.status, 204);
    const run = await pushing;
    assert.equal(run.code, 0, run.stderr);
    const after = (
      await fx.graph('contoso.com', 'GET', `/policies/crossTenantAccessPolicy/partners/${id}`)
    ).body;
    if (JSON.stringify(after.inboundTrust) !== JSON.stringify(TRUST))
      dataLost('push racing a colleague: the edit did not land');
    if (after.automaticUserConsentSettings?.inboundAllowed !== true)
      dataLost("push racing a colleague: the colleague's change was overwritten");
    assert.match(
      run.stdout,
      /The tenant still differs from the file in: automaticUserConsentSettings/,
    );
  });

  it('a 503 storm longer than the retries: one line, the previous export untouched', async () => {
    const { files } = await exported('out');
    await faults({ unavailable: { count: 100, retryAfterSeconds: 0 } });
    faultInjected('503 storm');
    oneClearMessage(
      await fx.cli('export', '--tenant', 'contoso.com', '--out', fx.path('out')),
      /temporarily unavailable .* Try again/,
    );
    compare('export into a folder through a 503 storm', files, snapshot(fx.path('out')));
  });
});
