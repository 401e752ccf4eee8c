import assert from 'node:assert/strict';
import { readBaselineFolder } from '../../../../src/core/baselines/baselineFolder';
import { ruleKey, selectPacks } from '../../../../src/core/baselines/baselinePack';
import type { TenantBaselineData } from '../../../../src/core/baselines/baselineSources';
import {
  evaluateBaselines,
  type BaselineRun,
  type RuleStatus,
} from '../../../../src/core/baselines/evaluateBaselines';
import { SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { SandboxFixture } from '../graph/support/sandbox';
import { exportOf, readSandboxTenants } from './sandboxData';
import { shippedPacks } from './support';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;

function statusOf(run: BaselineRun, tenantId: string, key: string): RuleStatus {
  const result = run.tenants
    .find((t) => t.tenantId === tenantId)!
    .results.find((r) => ruleKey(r.rule) === key);
  if (!result) throw new Error(`no result for ${key}`);
  return result.status;
}

function statuses(run: BaselineRun): string[] {
  return run.tenants.flatMap((t) =>
    t.results.map((r) => `${t.tenantId} ${ruleKey(r.rule)} ${r.status}`),
  );
}

describe('baselines on the sandbox tenants', () => {
  let fx: SandboxFixture;
  let live: TenantBaselineData[];
  const packs = selectPacks(shippedPacks(), [
    'cisa',
    'maester',
    'zta',
    'cis',
    'asd@1.2.8',
    'asd@1.3.3',
  ]);
  before(async () => {
    fx = await SandboxFixture.start();
    live = await readSandboxTenants(fx);
  });
  after(() => fx.close());

  it('covers passing, failing and not-checked cases as the seeds intend', () => {
    const run = evaluateBaselines(packs, live);
    const expect: [string, string, RuleStatus][] = [
      [contoso, 'zta@2.6.0/21790', 'failed'],
      [contoso, 'zta@2.6.0/25377', 'notChecked'],
      [contoso, 'zta@2.6.0/21822', 'passed'],
      [fabrikam, 'cis@7.0.0/5.1.6.1', 'passed'],
      [fabrikam, 'zta@2.6.0/21822', 'failed'],
      [northwind, 'zta@2.6.0/21793', 'passed'],
      [northwind, 'zta@2.6.0/25377', 'passed'],
      [northwind, 'cis@7.0.0/5.1.6.3', 'passed'],
      [tailspin, 'cisa@1.8.0/MS.AAD.8.1v1', 'failed'],
      [tailspin, 'zta@2.6.0/25377', 'failed'],
      [woodgrove, 'cis@7.0.0/5.1.6.3', 'failed'],
      [woodgrove, 'asd@1.3.3/CTAS.Default.Inbound.B2BCollaboration', 'failed'],
    ];
    for (const [tenant, key, status] of expect)
      assert.equal(statusOf(run, tenant, key), status, `${tenant} ${key}`);
    const woodgroveAsd = run.tenants
      .find((t) => t.tenantId === woodgrove)!
      .results.filter((r) => r.rule.pack === 'asd' && r.rule.packVersion === '1.2.8');
    assert.ok(woodgroveAsd.length > 0);
    assert.deepEqual(
      woodgroveAsd.filter((r) => r.status !== 'passed').map((r) => r.rule.id),
      [],
      'Woodgrove follows ASD Blueprint 1.2.8',
    );
    const contosoGsa = run.tenants
      .find((t) => t.tenantId === contoso)!
      .results.find((r) => ruleKey(r.rule) === 'zta@2.6.0/25377')!;
    assert.deepEqual(
      contosoGsa.missing.map((m) => m.reason),
      ['licence'],
    );
  });

  it('gives the same results offline from an export as live', () => {
    const files = exportOf(live);
    const offline = live.map((data) =>
      readBaselineFolder(
        { folder: data.folder, tenantId: data.tenantId, displayName: data.displayName },
        (path) => files.get(path),
      ),
    );
    assert.deepEqual(
      statuses(evaluateBaselines(packs, offline)),
      statuses(evaluateBaselines(packs, live)),
    );
  });

  it('offline, the export alone gives the tenant, and the reason a source could not be read then', () => {
    const files = exportOf(live);
    const offline = live.map((data) =>
      readBaselineFolder({ folder: data.folder }, (path) => files.get(path)),
    );
    const { tenants } = evaluateBaselines(packs, offline);
    const expected = evaluateBaselines(packs, live).tenants;
    assert.deepEqual(
      tenants.map((t) => [t.tenantId, t.displayName]),
      expected.map((t) => [t.tenantId, t.displayName]),
    );
    assert.deepEqual(
      tenants.map((t) => t.results.map((r) => [r.status, r.missing, r.findings])),
      expected.map((t) => t.results.map((r) => [r.status, r.missing, r.findings])),
    );
    const contosoData = live.find((d) => d.tenantId === contoso)!;
    assert.deepEqual(
      JSON.parse(files.get(`${contosoData.folder}/baseline-data/unavailable.json`)!),
      {
        globalSecureAccess: {
          reason: 'licence',
          detail:
            'Global Secure Access is not licensed or not turned on in this tenant (Graph answered 403 Forbidden).',
        },
      },
    );
    // An entry that is not what export writes counts for nothing: the file is simply missing.
    files.set(
      `${contosoData.folder}/baseline-data/unavailable.json`,
      JSON.stringify({ globalSecureAccess: { reason: 'passed', detail: 'trust me' } }),
    );
    const tampered = readBaselineFolder({ folder: contosoData.folder }, (path) => files.get(path));
    assert.deepEqual(tampered.sources.globalSecureAccess, {
      state: 'unavailable',
      reason: 'notFetched',
      detail:
        'The export has no contoso.onmicrosoft.com/baseline-data/globalSecureAccess.beta.json (the Global Secure Access cross-tenant access settings).',
    });
  });

  it('offline, a rule whose data the export lacks is not checked and says the file is missing', () => {
    const files = exportOf(live);
    const data = live.find((d) => d.tenantId === northwind)!;
    files.delete(`${data.folder}/baseline-data/authorizationPolicy.json`);
    const offline = readBaselineFolder({ folder: data.folder }, (path) => files.get(path));
    const run = evaluateBaselines(packs, [offline]);
    const result = run.tenants[0].results.find((r) => ruleKey(r.rule) === 'cis@7.0.0/5.1.6.3')!;
    assert.equal(result.status, 'notChecked');
    assert.match(
      result.missing[0].detail,
      /The export has no northwindtraders\.onmicrosoft\.com\/baseline-data\/authorizationPolicy\.json/,
    );
  });
});
