import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import multitool from '@microsoft/sarif-multitool';
import { parseArgs } from '../../../src/cli/args';
import { SANDBOX_TENANTS, SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { CliFixture, run } from './support';

const { contoso, woodgrove } = SANDBOX_TENANT_IDS;
const DOMAINS = SANDBOX_TENANTS.map((t) => t.defaultDomainName);
const NORTHWIND_DIR = 'northwindtraders.onmicrosoft.com';
const CONTOSO_DIR = 'contoso.onmicrosoft.com';
/** The multitool's Linux package ships Microsoft's SARIF 2.1.0 schema beside its binary. */
const SARIF_SCHEMA = path.join(
  path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')),
  'sarif-2.1.0.json',
);
/** What a terminal would act on: C0/C1 controls other than a line break, and bidirectional controls. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The lines of a text report. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('cross-tenant baseline (issue 18)', function () {
  this.timeout(30_000);
  const fx = new CliFixture();
  fx.install();

  /** Exports the tenants into the scratch folder, as a pipeline would before checking offline. */
  async function exportTenants(...domains: string[]): Promise<void> {
    for (const domain of domains) {
      const result = await fx.cli('export', '--tenant', domain, '--out', fx.dir);
      assert.equal(result.code, 0, result.stderr);
    }
  }

  async function faults(body: unknown): Promise<void> {
    const r = await fetch(`${fx.server.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200, await r.text());
  }

  describe('exit codes', () => {
    it('0 when every enabled rule passes: Woodgrove follows ASD Blueprint 1.2.8', async () => {
      const result = await fx.cli(
        'baseline',
        '--pack',
        'asd@1.2.8',
        '--tenant',
        'woodgrovebank.onmicrosoft.com',
      );
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.equal(result.stderr, '');
      const out = lines(result.stdout);
      assert.match(
        out[0],
        /^Baselines: ASD's Blueprint for Secure Cloud 1\.2\.8 \(asd, \d+ rules\)\.$/,
      );
      assert.ok(
        out.includes(`Woodgrove Bank (${woodgrove}): 0 failed, 0 not checked, 9 passed.`),
        result.stdout,
      );
      assert.ok(
        out.some((l) => /^ {2}passed {7}asd@1\.2\.8\/ECS\.GuestInviteRestrictions {2}/.test(l)),
      );
      assert.equal(
        out.at(-1),
        'Conflicts between the enabled packs: none; they agree wherever they meet.',
      );
    });

    it('1 on a failure: Contoso fails ZTA 21790, with what was found and expected, and the text ends with the conflicts', async () => {
      const result = await fx.cli('baseline', '--pack', 'zta,asd@1.2.8', '--tenant', 'contoso.com');
      assert.equal(result.code, 1, result.stdout + result.stderr);
      const out = lines(result.stdout);
      const at = out.findIndex((l) => l.startsWith('  failed       zta@2.6.0/21790  '));
      assert.ok(at > 0, result.stdout);
      assert.equal(
        out[at + 1].trim(),
        'the default cross-tenant access settings: b2bCollaborationOutbound.usersAndGroups.accessType is "allowed"; expected: b2bCollaborationOutbound.usersAndGroups.accessType is "blocked"',
      );
      assert.match(
        out.find((l, i) => i > at && l.trim().startsWith('fix: '))!,
        /fix: set b2bCollaborationOutbound\.usersAndGroups\.accessType, b2bCollaborationOutbound\.applications\.accessType/,
      );
      // Rules not checked say why, and never count as passed.
      const gsa = out.findIndex((l) => l.startsWith('  not checked  zta@2.6.0/25377  '));
      assert.match(
        out[gsa + 1],
        /Global Secure Access is not licensed or not turned on in this tenant/,
      );
      assert.ok(out.includes(`Contoso Group (${contoso}): 6 failed, 1 not checked, 7 passed.`));
      // The conflicts close the report, each naming both rules.
      const heading = out.findIndex((l) =>
        /^Conflicts between the enabled packs \(\d+\):$/.test(l),
      );
      assert.ok(heading > gsa);
      const conflicts = out.slice(heading + 1);
      assert.equal(conflicts.length, Number(/\((\d+)\)/.exec(out[heading])![1]));
      assert.ok(
        conflicts.some((l) =>
          /^ {2}incompatible: zta@2\.6\.0\/21790 and asd@1\.2\.8\/CTAS\.Default\.Outbound\.B2BCollaboration cannot both pass: /.test(
            l,
          ),
        ),
        conflicts.join('\n'),
      );
    });

    it('1 when nothing failed but a rule was not checked: beta reads off leave the invitation-domain rule unchecked', async () => {
      const result = await fx.cli(
        'baseline',
        '--pack',
        'asd@1.2.8',
        '--tenant',
        'woodgrovebank.onmicrosoft.com',
        '--no-beta',
      );
      assert.equal(result.code, 1, result.stdout + result.stderr);
      const out = lines(result.stdout);
      assert.ok(out.includes(`Woodgrove Bank (${woodgrove}): 0 failed, 1 not checked, 8 passed.`));
      const at = out.findIndex((l) =>
        l.startsWith('  not checked  asd@1.2.8/ECS.CollaborationRestrictions'),
      );
      assert.equal(
        out[at + 1].trim(),
        'The B2B management policy (invitation domains) is only in the beta API, and beta reads are turned off.',
      );
    });

    it('2 when nothing failed but Graph could not be read: the check is incomplete and says which rule', async () => {
      await faults({
        throttle: { count: 6, retryAfterSeconds: 0, pathPrefix: '/policies/authorizationPolicy' },
      });
      const result = await fx.cli('baseline', '--pack', 'cis', '--tenant', NORTHWIND_DIR);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      const out = lines(result.stdout);
      const at = out.findIndex((l) => l.startsWith('  not checked  cis@7.0.0/5.1.6.3'));
      assert.match(out[at + 1], /Reading the authorization policy .* failed \(429 /);
      assert.match(result.stderr, /Some data could not be read .* exit 2\.\n$/);
    });

    it('2 on bad arguments: one clear line, nothing sent', async () => {
      // Nothing answers at this address: a request would fail with "Cannot reach the sandbox".
      const nowhere = ['--sandbox', 'http://127.0.0.1:9'];
      const cases: [string[], RegExp][] = [
        [['baseline'], /^cross-tenant: Usage: cross-tenant baseline /],
        [
          ['baseline', '--tenant', 'contoso.com', 'exports'],
          /live tenants \(--tenant\) or an export folder \(exports\), not both/,
        ],
        [
          ['baseline', '--pack', 'cisa,nist', '--tenant', 'contoso.com'],
          /There is no baseline pack "nist"\. Packs: asd, cis, cisa, maester, zta\./,
        ],
        [
          ['baseline', '--pack', 'asd@9.9.9', '--tenant', 'contoso.com'],
          /The baseline pack "asd" has no version 9\.9\.9\. Versions: 1\.2\.8, 1\.3\.3\./,
        ],
        [['baseline', '--pack', 'cisa,', '--tenant', 'contoso.com'], /--pack needs pack names/],
        [
          ['baseline', '--format', 'xml', '--tenant', 'contoso.com'],
          /Unknown format "xml": use text, json, sarif, junit\./,
        ],
        [
          ['baseline', '--json', '--format', 'sarif', '--tenant', 'contoso.com'],
          /--json prints JSON; it cannot be used with --format sarif/,
        ],
        [['baseline', '--tenant', 'contoso.com,,x'], /--tenant needs tenant ids or domains/],
        [['baseline', '--out', 'x', '--tenant', 'contoso.com'], /--out does not apply to baseline/],
        [['validate', 'x', '--pack', 'cisa'], /--pack does not apply to validate/],
      ];
      for (const [argv, message] of cases) {
        const result = await run([...nowhere, ...argv]);
        assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stderr}`);
        const errors = lines(result.stderr);
        assert.equal(errors.length, 1, result.stderr);
        assert.match(errors[0], /^cross-tenant: /);
        assert.match(errors[0], message);
        assert.doesNotMatch(result.stderr, /Cannot reach/);
      }
    });

    it('2 offline when an exported file cannot be read, naming it', async () => {
      await exportTenants('northwindtraders.onmicrosoft.com');
      const passing = await run(['baseline', '--pack', 'cis', fx.dir]);
      assert.equal(passing.code, 0, passing.stdout + passing.stderr);
      fs.writeFileSync(fx.path(NORTHWIND_DIR, 'baseline-data', 'authorizationPolicy.json'), '{');
      const broken = await run(['baseline', '--pack', 'cis', fx.dir]);
      assert.equal(broken.code, 2, broken.stdout + broken.stderr);
      assert.match(
        broken.stdout,
        /not checked {2}cis@7\.0\.0\/5\.1\.6\.3 .*\n {15}northwindtraders\.onmicrosoft\.com\/baseline-data\/authorizationPolicy\.json is not a JSON object\./,
      );
    });
  });

  describe('offline, from what export wrote', () => {
    /** Runs the CLI offline in the export root, as a pipeline does in its checkout. */
    async function offline(...argv: string[]): ReturnType<typeof run> {
      const cwd = process.cwd();
      process.chdir(fx.dir);
      try {
        return await run(['baseline', '.', ...argv]);
      } finally {
        process.chdir(cwd);
      }
    }

    it('gives the same results as live for the five sandbox tenants, in text, JSON and JUnit', async () => {
      await exportTenants(...DOMAINS);
      for (const format of ['text', 'json', 'junit']) {
        const live = await fx.cli('baseline', '--tenant', DOMAINS.join(','), '--format', format);
        const fromExport = await offline('--format', format);
        assert.equal(live.code, 1, live.stderr);
        assert.deepEqual(
          { code: fromExport.code, stdout: fromExport.stdout, stderr: fromExport.stderr },
          { code: live.code, stdout: live.stdout, stderr: live.stderr },
          format,
        );
      }
      // The report has every tenant and pack, and the reasons a rule was not checked.
      const report = JSON.parse((await offline('--format', 'json')).stdout);
      assert.deepEqual(
        report.tenants.map((t: { displayName: string }) => t.displayName),
        [
          'Contoso Group',
          'Fabrikam Retail',
          'Northwind Traders',
          'Tailspin Toys',
          'Woodgrove Bank',
        ],
      );
      assert.deepEqual(
        report.packs.map((p: { pack: string; version: string }) => `${p.pack}@${p.version}`),
        ['asd@1.3.3', 'cis@7.0.0', 'cisa@1.8.0', 'maester@2.2.0', 'zta@2.6.0'],
      );
      const contosoGsa = report.tenants[0].results.find(
        (r: { rule: string }) => r.rule === 'zta@2.6.0/25377',
      );
      assert.deepEqual(
        [contosoGsa.status, contosoGsa.missing.map((m: { reason: string }) => m.reason)],
        ['notChecked', ['licence']],
      );
    });

    it('writes SARIF 2.1.0 that the SARIF multitool validates (SARIF and GitHub rules), with the conflicts as run-level notifications naming both rules', async function () {
      this.timeout(60_000);
      await exportTenants(...DOMAINS);
      const result = await offline('--format', 'sarif', '--pack', 'zta,asd@1.2.8,maester');
      assert.equal(result.code, 1, result.stderr);
      const file = fx.path('baseline.sarif');
      fs.writeFileSync(file, result.stdout);
      const validation = fx.path('validation.sarif');
      const ran = spawnSync(
        multitool,
        [
          'validate',
          file,
          '-j',
          SARIF_SCHEMA,
          '--rule-kind',
          'Sarif;Gh',
          '-o',
          validation,
          '--log',
          'ForceOverwrite',
        ],
        { encoding: 'utf8', timeout: 50_000 },
      );
      assert.equal(ran.status, 0, `${ran.error?.message ?? ''}${ran.stdout}${ran.stderr}`);
      const checked = JSON.parse(fs.readFileSync(validation, 'utf8')) as Sarif.Log;
      assert.ok(checked.runs[0].invocations?.[0]?.executionSuccessful);
      assert.deepEqual(
        (checked.runs[0].results ?? [])
          .filter((r) => r.level === 'error')
          .map((r) => `${r.ruleId}: ${JSON.stringify(r.message.arguments ?? r.message.text)}`),
        [],
      );

      const sarif = JSON.parse(result.stdout) as Sarif.Log;
      const invocation = sarif.runs[0].invocations![0];
      const conflicts = invocation.toolConfigurationNotifications ?? [];
      const ztaAsd = conflicts.find((n) =>
        (n.properties?.rules as string[]).includes(
          'asd@1.2.8/CTAS.Default.Outbound.B2BCollaboration',
        ),
      )!;
      assert.deepEqual(ztaAsd.properties?.rules, [
        'zta@2.6.0/21790',
        'asd@1.2.8/CTAS.Default.Outbound.B2BCollaboration',
      ]);
      assert.match(
        ztaAsd.message.text!,
        /^zta@2\.6\.0\/21790 and asd@1\.2\.8\/CTAS\.Default\.Outbound\.B2BCollaboration cannot both pass/,
      );
      assert.equal(ztaAsd.level, 'warning');
      const json = JSON.parse(
        (await offline('--format', 'json', '--pack', 'zta,asd@1.2.8,maester')).stdout,
      );
      assert.equal(conflicts.length, json.conflicts.length);

      // Not checked, with the reason; never a result that passed.
      const gsa = (invocation.toolExecutionNotifications ?? []).find(
        (n) => n.associatedRule?.id === 'zta@2.6.0/25377' && n.properties?.tenantId === contoso,
      )!;
      assert.match(gsa.message.text!, /was not checked\. Global Secure Access is not licensed/);

      // A failure points at the setting in the exported file.
      const failure = sarif.runs[0].results!.find(
        (r) => r.ruleId === 'zta@2.6.0/21790' && r.properties?.tenantId === contoso,
      )!;
      const where = failure.locations![0].physicalLocation!;
      assert.equal(where.artifactLocation!.uri, `${CONTOSO_DIR}/default.xta-default.json`);
      const text = fx.read(CONTOSO_DIR, 'default.xta-default.json').split('\n');
      assert.match(text[where.region!.startLine! - 1], /"accessType": "allowed"/);
    });

    it('live SARIF names the same results and files, without regions, and is valid against the SARIF 2.1.0 schema', async () => {
      await exportTenants(...DOMAINS);
      const live = JSON.parse(
        (await fx.cli('baseline', '--tenant', DOMAINS.join(','), '--format', 'sarif')).stdout,
      ) as Sarif.Log;
      const fromExport = JSON.parse((await offline('--format', 'sarif')).stdout) as Sarif.Log;
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as object);
      assert.ok(validate(live), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      const withoutRegions = (log: Sarif.Log): unknown =>
        JSON.parse(JSON.stringify(log), (key, value: unknown) =>
          key === 'region' ? undefined : value,
        );
      assert.deepEqual(withoutRegions(live), withoutRegions(fromExport));
      assert.ok(fromExport.runs[0].results!.some((r) => r.locations![0].physicalLocation!.region));
    });

    it('escapes Graph text before the terminal in every format', async () => {
      await exportTenants('contoso.com');
      const tenantFile = fx.path(CONTOSO_DIR, 'baseline-data', 'tenant.json');
      fx.edit(tenantFile, (doc) => {
        doc.displayName =
          'Contoso\u001b]8;;https://evil.example\u0007 Group\u202e\u0085\r\nFAKE: all passed';
      });
      for (const format of ['text', 'json', 'sarif', 'junit']) {
        const result = await offline('--format', format, '--pack', 'cis');
        assert.equal(result.code, 1, result.stderr);
        assert.doesNotMatch(result.stdout, UNSAFE, format);
        assert.doesNotMatch(result.stdout, /^FAKE/m, format);
      }
      const text = await offline('--pack', 'cis');
      // One line, controls gone: the name cannot draw a link or a line of its own.
      assert.match(text.stdout, /^Contoso .*Group +FAKE: all passed \(2f4a9c1e-[^\n]*: 2 failed/m);
      const junit = await offline('--format', 'junit', '--pack', 'cis');
      assert.match(junit.stdout, /Group&#x202E;/);
    });

    it('refuses options of live checks, and a folder without an export', async () => {
      for (const [argv, message] of [
        [
          ['--sandbox', 'http://127.0.0.1:9', 'baseline', fx.dir],
          /--sandbox and --device-code are for live tenants/,
        ],
        [['baseline', '--no-beta', fx.dir], /--no-beta applies to live tenants and to export/],
        [['baseline', fx.dir], /no exported tenant .* in or below it/],
        [['baseline', fx.path('missing')], /not a folder/],
      ] as const) {
        const result = await run(argv);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, message);
      }
    });
  });

  it('parses --pack, --format and --no-beta for baseline only', () => {
    const parsed = parseArgs([
      'baseline',
      '--pack=cisa, asd@1.2.8',
      '--format',
      'sarif',
      '--no-beta',
      'x',
    ]);
    assert.deepEqual(
      [parsed.packs, parsed.format, parsed.noBeta],
      [['cisa', 'asd@1.2.8'], 'sarif', true],
    );
    assert.deepEqual(parseArgs(['export', '--no-beta']).noBeta, true);
    assert.throws(
      () => parseArgs(['drift', 'x', '--no-beta']),
      /--no-beta does not apply to drift/,
    );
  });
});
