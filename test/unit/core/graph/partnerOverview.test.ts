import assert from 'node:assert/strict';
import { GraphError } from '../../../../src/core/graph/graphError';
import { graphLogLevel } from '../../../../src/core/graph/loggingMiddleware';
import { updatePolicy } from '../../../../src/core/graph/operations/policy';
import { loadPartnerOverview } from '../../../../src/core/graph/partnerOverview';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS } from '../../../../src/sandbox';
import { SandboxFixture } from './support/sandbox';

const { contoso: CONTOSO, fabrikam: FABRIKAM } = SANDBOX_TENANT_IDS;

describe('loadPartnerOverview', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  it('resolves names and sync flags of the seeded partners', async () => {
    const overview = await loadPartnerOverview(fx.client(FABRIKAM));
    assert.equal(overview.tenantId, FABRIKAM);
    assert.equal(typeof overview.defaultConfiguration.isServiceDefault, 'boolean');
    const contoso = overview.partners.find((p) => p.tenantId === CONTOSO);
    assert.ok(contoso);
    assert.equal(
      contoso.displayName,
      SANDBOX_TENANTS.find((t) => t.tenantId === CONTOSO)?.displayName,
    );
    assert.equal(contoso.defaultDomainName, 'contoso.onmicrosoft.com');
    assert.equal(contoso.inboundSyncAllowed, true, 'Fabrikam allows user sync from Contoso');
    assert.equal(contoso.automaticRedemption.inbound, true);
    assert.equal(contoso.effective.settings.automaticUserConsentSettings.source, 'partner');
  });

  it("logs its background reads, the names' $batch included, below info; a write at info", async () => {
    const client = fx.client(FABRIKAM);
    await loadPartnerOverview(client);
    const levels = fx.log.map((e) => `${e.method} ${e.operation} ${graphLogLevel(e)}`);
    assert.ok(levels.includes('POST batch debug'), levels.join(', '));
    assert.deepEqual(
      levels.filter((l) => l.endsWith(' info')),
      [],
      'loading the tree writes nothing at info',
    );
    fx.log.length = 0;
    await updatePolicy(client, { displayName: 'Cross-tenant policy' });
    assert.deepEqual(
      fx.log.map((e) => `${e.method} ${graphLogLevel(e)}`),
      ['PATCH info'],
    );
  });

  for (const n of [25, 130]) {
    it(`stays within 3 + ceil(N/20) requests for ${n} added partners`, async () => {
      fx.sandbox.addPartners(CONTOSO, n);
      const overview = await loadPartnerOverview(fx.client(CONTOSO));
      const total = overview.partners.length;
      assert.ok(total >= n);
      assert.equal(fx.log.length, 2 + Math.ceil(total / 20));
      assert.ok(fx.log.length <= 3 + Math.ceil(total / 20));
      assert.deepEqual(
        fx.log.map((e) => e.operation).sort(),
        [
          'default.get',
          'partners.list',
          ...Array<string>(Math.ceil(total / 20)).fill('batch'),
        ].sort(),
      );
      assert.ok(
        overview.partners.every(
          (p) => p.displayName && p.defaultDomainName && p.lookupError === undefined,
        ),
      );
      const syncing = overview.partners.filter((p) => p.inboundSyncAllowed).length;
      assert.ok(syncing >= Math.floor(n / 3), `every third added partner allows sync (${syncing})`);
    });
  }

  it('keeps a partner whose name cannot be resolved, with the reason', async () => {
    await fx.setFaults({
      throttle: { count: 1, retryAfterSeconds: 1, pathPrefix: '/tenantRelationships' },
    });
    const overview = await loadPartnerOverview(fx.client(CONTOSO, { retry: { maxRetries: 0 } }));
    const unresolved = overview.partners.filter((p) => p.displayName === undefined);
    assert.equal(unresolved.length, 1);
    assert.ok(unresolved[0].lookupError instanceof GraphError);
    assert.equal(unresolved[0].lookupError.status, 429);
    assert.equal(overview.partners.length, 3);
  });

  it('lists partners without names in a cloud without tenant lookup', async () => {
    const overview = await loadPartnerOverview(fx.client(CONTOSO, { cloud: 'china' }));
    assert.ok(overview.partners.length > 0);
    assert.ok(
      overview.partners.every((p) => p.displayName === undefined && p.lookupError === undefined),
    );
    assert.deepEqual(fx.log.map((e) => e.operation).sort(), ['default.get', 'partners.list']);
  });
});
