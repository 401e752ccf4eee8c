import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import multitool from '@microsoft/sarif-multitool';
import { baselineJson } from '../../../../src/core/baselines/baselineJson';
import { baselineJunit } from '../../../../src/core/baselines/baselineJunit';
import { baselineMarkdown } from '../../../../src/core/baselines/baselineMarkdown';
import { ruleKey, selectPacks } from '../../../../src/core/baselines/baselinePack';
import { baselineSarif, SARIF_SCHEMA_URI } from '../../../../src/core/baselines/baselineSarif';
import { baselineText } from '../../../../src/core/baselines/baselineText';
import {
  evaluateBaselines,
  type BaselineRun,
} from '../../../../src/core/baselines/evaluateBaselines';
import { SandboxFixture } from '../graph/support/sandbox';
import { exportOf, readSandboxTenants } from './sandboxData';
import { shippedPacks, tenant, defaults, authorization, ROLE } from './support';

/** The multitool's Linux package ships Microsoft's SARIF 2.1.0 schema beside the binary. */
const MULTITOOL = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const SCHEMA = path.join(MULTITOOL, 'sarif-2.1.0.json');

const ORDER = ['failed', 'not checked', 'passed'];
function order(status: string): number {
  return ORDER.indexOf(status);
}

function count(run: BaselineRun, status: string): number {
  return run.tenants.flatMap((t) => t.results).filter((r) => r.status === status).length;
}

describe('baseline reports', () => {
  let fx: SandboxFixture;
  let run: BaselineRun;
  let files: Map<string, string>;
  let sarif: Sarif.Log;
  before(async function () {
    this.timeout(60_000);
    fx = await SandboxFixture.start();
    const live = await readSandboxTenants(fx);
    files = exportOf(live);
    run = evaluateBaselines(
      selectPacks(shippedPacks(), ['cisa', 'maester', 'zta', 'cis', 'asd@1.2.8']),
      live,
    );
    sarif = baselineSarif(run, {
      toolVersion: '0.1.0',
      exportRoot: 'exports',
      fileText: (p) => files.get(p),
    });
  });
  after(() => fx.close());

  describe('SARIF 2.1.0', () => {
    it('is valid against the official SARIF 2.1.0 JSON schema', () => {
      const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object;
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      assert.equal(sarif.$schema, SARIF_SCHEMA_URI);
    });

    it("passes the SARIF multitool's validation with its SARIF and GitHub code scanning rules", function () {
      this.timeout(60_000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baseline-sarif-'));
      try {
        const input = path.join(dir, 'baselines.sarif');
        const output = path.join(dir, 'validation.sarif');
        fs.writeFileSync(input, JSON.stringify(sarif, null, 2));
        const ran = spawnSync(
          multitool,
          [
            'validate',
            input,
            '-j',
            SCHEMA,
            '--rule-kind',
            'Sarif;Gh',
            '-o',
            output,
            '--log',
            'ForceOverwrite',
          ],
          { encoding: 'utf8', timeout: 50_000 },
        );
        assert.equal(ran.status, 0, `${ran.error?.message ?? ''}${ran.stdout}${ran.stderr}`);
        const validation = JSON.parse(fs.readFileSync(output, 'utf8')) as Sarif.Log;
        const problems = (validation.runs[0].results ?? []).filter((r) => r.level === 'error');
        assert.deepEqual(
          problems.map(
            (r) => `${r.ruleId}: ${JSON.stringify(r.message.arguments ?? r.message.text)}`,
          ),
          [],
        );
        // A log the tool could not read yields no results at all; make sure it looked.
        assert.ok(validation.runs[0].invocations?.[0]?.executionSuccessful);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('describes every rule with its pack, version, id and source', () => {
      const rules = sarif.runs[0].tool.driver.rules ?? [];
      assert.equal(
        rules.length,
        run.packs.reduce((n, p) => n + p.rules.length, 0),
      );
      const zta = rules.find((r) => r.id === 'zta@2.6.0/21790')!;
      assert.deepEqual(
        {
          pack: zta.properties?.pack,
          packVersion: zta.properties?.packVersion,
          ruleId: zta.properties?.ruleId,
          automatedByAuthors: zta.properties?.automatedByAuthors,
          path: (zta.properties?.source as { path: string }).path,
        },
        {
          pack: 'zta',
          packVersion: '2.6.0',
          ruleId: '21790',
          automatedByAuthors: true,
          path: 'src/powershell/tests/Test-Assessment.21790.ps1',
        },
      );
      assert.match(
        zta.helpUri ?? '',
        /^https:\/\/github\.com\/microsoft\/zerotrustassessment\/blob\/[0-9a-f]{40}\//,
      );
    });

    it('has one result per failed tenant × rule, located at the exported file and line of the setting', () => {
      const results = sarif.runs[0].results ?? [];
      assert.equal(results.length, count(run, 'failed'));
      const contoso21790 = results.find(
        (r) =>
          r.ruleId === 'zta@2.6.0/21790' &&
          (r.properties?.tenantId as string).startsWith('2f4a9c1e'),
      )!;
      const location = contoso21790.locations![0].physicalLocation!;
      assert.equal(
        location.artifactLocation?.uri,
        'exports/contoso.onmicrosoft.com/default.xta-default.json',
      );
      const text = files.get('contoso.onmicrosoft.com/default.xta-default.json')!;
      const line = text.split('\n')[location.region!.startLine! - 1];
      assert.match(line, /"accessType": "allowed"/);
      for (const result of results)
        for (const l of result.locations ?? []) {
          const uri = l.physicalLocation!.artifactLocation!.uri!;
          assert.ok(files.has(uri.replace(/^exports\//, '')), `${uri} is not an exported file`);
        }
    });

    it('carries the conflicts as run-level notifications naming both rules, and rules not checked with why', () => {
      const invocation = sarif.runs[0].invocations![0];
      const conflicts = invocation.toolConfigurationNotifications ?? [];
      assert.equal(conflicts.length, run.conflicts.length);
      const asd = conflicts.find(
        (n) =>
          (n.properties?.rules as string[]).includes(
            'asd@1.2.8/CTAS.Default.Inbound.B2BCollaboration',
          ) && (n.properties?.rules as string[]).includes('maester@2.2.0/CISA.MS.AAD.8.3'),
      )!;
      assert.equal(asd.properties?.conflictKind, 'incompatible');
      assert.equal(asd.level, 'warning');
      assert.match(
        asd.message.text ?? '',
        /maester@2\.2\.0\/CISA\.MS\.AAD\.8\.3 and asd@1\.2\.8\/CTAS\.Default\.Inbound\.B2BCollaboration cannot both pass/,
      );
      const notChecked = invocation.toolExecutionNotifications ?? [];
      assert.equal(notChecked.length, count(run, 'notChecked'));
      assert.ok(notChecked.some((n) => /not licensed/.test(n.message.text ?? '')));
    });
  });

  it('writes JUnit XML that a JUnit reader parses: a suite per tenant, a case per rule', async () => {
    const { parse } = await import('junit2json');
    const parsed = (await parse(baselineJunit(run))) as {
      testsuite?: {
        name?: string;
        testcase?: {
          classname?: string;
          name?: string;
          failure?: unknown[];
          skipped?: unknown[];
        }[];
      }[];
      tests?: number;
      failures?: number;
    };
    const suites = parsed.testsuite ?? [];
    assert.equal(suites.length, 5);
    const ruleCount = run.packs.reduce((n, p) => n + p.rules.length, 0);
    for (const suite of suites) assert.equal(suite.testcase?.length, ruleCount);
    assert.equal(parsed.tests, 5 * ruleCount);
    assert.equal(parsed.failures, count(run, 'failed'));
    const cases = suites.flatMap((s) => s.testcase ?? []);
    assert.equal(cases.filter((c) => c.skipped).length, count(run, 'notChecked'));
    assert.equal(cases.filter((c) => c.failure).length, count(run, 'failed'));
    assert.ok(cases.some((c) => c.classname === 'zta@2.6.0' && c.name?.startsWith('21790 ')));
    assert.match(suites[0].name ?? '', /^Contoso Group \(2f4a9c1e/);
  });

  it('writes JUnit XML a terminal shows as it is: bidirectional controls from Graph as character references', async () => {
    const renamed = {
      ...run,
      tenants: [{ ...run.tenants[0], displayName: 'Contoso\u202e Group\u2066' }],
    };
    const xml = baselineJunit(renamed);
    assert.doesNotMatch(xml, /[\u202a-\u202e\u2066-\u2069]/);
    assert.match(xml, /name="Contoso&#x202E; Group&#x2066; \(2f4a9c1e/);
    const { parse } = await import('junit2json');
    const parsed = (await parse(xml)) as { testsuite?: { name?: string }[] };
    assert.match(parsed.testsuite?.[0].name ?? '', /^Contoso\u202e Group\u2066 \(/);
  });

  it('writes text for a terminal: per tenant failed, not checked (with why), passed; a total; and last the conflicts', () => {
    const lines = baselineText(run);
    assert.match(
      lines[0],
      /^Baselines: CISA SCuBA .* 1\.8\.0 \(cisa, 3 rules\); .*; ASD's Blueprint for Secure Cloud 1\.2\.8 \(asd, 9 rules\)\.$/,
    );
    const contoso = lines.findIndex((l) =>
      /^Contoso Group \(2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24\): \d+ failed, 1 not checked, \d+ passed\.$/.test(
        l,
      ),
    );
    assert.ok(contoso > 0, lines.join('\n'));
    assert.match(
      lines[
        lines.indexOf(
          '  not checked  zta@2.6.0/25377  Universal tenant restrictions block unauthorized external tenant access',
        ) + 1
      ],
      /^ {15}Global Secure Access is not licensed/,
    );
    const conflicts = lines.findIndex((l) => l.startsWith('Conflicts between the enabled packs ('));
    assert.equal(lines.length - conflicts - 1, run.conflicts.length);
    assert.match(
      lines[conflicts - 2],
      /^5 tenants, \d+ rule checks: \d+ failed, \d+ not checked, \d+ passed\.$/,
    );
    const statuses = lines
      .slice(contoso + 1, lines.indexOf('', contoso))
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.slice(2, 15).trim());
    assert.deepEqual(
      statuses,
      [...statuses].sort((a, b) => order(a) - order(b)),
    );
  });

  it('writes Markdown a person reads: counts per pack, failures with the setting, conflicts, rules without a fix', () => {
    const markdown = baselineMarkdown(run);
    assert.match(markdown, /^# Baseline report/);
    assert.match(markdown, /## Contoso Group \\\(2f4a9c1e\\-/);
    assert.match(markdown, /\| Microsoft Zero Trust Assessment `2\.6\.0` \| \d+ \| \d+ \| \d+ \|/);
    assert.match(markdown, /`b2bCollaborationOutbound\.usersAndGroups\.accessType` is `"allowed"`/);
    assert.match(markdown, /## Conflicts between the enabled baselines\n\n- \*\*/);
    assert.match(markdown, /## Rules without an automatic fix\n\n- /);
  });

  it('escapes names from Graph in Markdown', () => {
    const hostile = {
      ...tenant({
        default: defaults(),
        authorizationPolicy: authorization('everyone', ROLE.member),
      }),
      displayName: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    };
    const markdown = baselineMarkdown(
      evaluateBaselines(selectPacks(shippedPacks(), ['cis']), [hostile]),
    );
    // Every punctuation character is backslash-escaped, so nothing renders as a link or HTML.
    assert.ok(markdown.includes('\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<img'));
    assert.doesNotMatch(markdown, /(^|[^\\])\]\(javascript/m);
    assert.doesNotMatch(markdown, /(^|[^\\])<img/m);
  });

  it('writes JSON with every result, the fixes and the conflicts', () => {
    const report = JSON.parse(JSON.stringify(baselineJson(run))) as {
      format: string;
      tenants: { results: { rule: string; status: string; fix: unknown }[] }[];
      conflicts: { kind: string; rules: string[] }[];
    };
    assert.equal(report.format, 'cross-tenant-explorer/baseline-results');
    assert.equal(report.tenants.length, 5);
    const contoso = report.tenants[0].results.find((r) => r.rule === 'zta@2.6.0/21790')!;
    assert.equal(contoso.status, 'failed');
    assert.ok(contoso.fix);
    assert.equal(report.conflicts.length, run.conflicts.length);
    assert.deepEqual(report.conflicts[0].rules.length, 2);
    assert.ok(report.tenants.every((t) => t.results.every((r) => typeof r.status === 'string')));
    assert.equal(ruleKey(run.tenants[0].results[0].rule), report.tenants[0].results[0].rule);
  });
});
