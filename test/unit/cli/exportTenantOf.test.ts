import assert from 'node:assert/strict';
import { exportTenantOf } from '../../../src/cli/tenantBaselineData';
import { GraphError } from '../../../src/core/graph/graphError';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { SandboxFixture } from '../core/graph/support/sandbox';

const { contoso } = SANDBOX_TENANT_IDS;

describe('the tenant folder export and baseline name (exportTenantOf)', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());

  it("is the organization's default domain, with its name", async () => {
    assert.deepEqual(await exportTenantOf(fx.client(contoso), 'contoso.com'), {
      tenantId: contoso,
      displayName: 'Contoso Group',
      defaultDomain: 'contoso.onmicrosoft.com',
    });
  });

  it('is the domain given when the app may not read the organization (403)', async () => {
    const client = fx.client(contoso, { credentialOptions: { scp: ['Policy.Read.All'] } });
    assert.deepEqual(await exportTenantOf(client, 'Contoso.com'), {
      tenantId: contoso,
      defaultDomain: 'contoso.com',
    });
  });

  it('is not guessed when the read fails otherwise: the error is thrown', async () => {
    await fx.setFaults({ unavailable: { count: 100, retryAfterSeconds: 0 } });
    try {
      await assert.rejects(exportTenantOf(fx.client(contoso), 'contoso.com'), (err) => {
        assert.ok(err instanceof GraphError);
        assert.equal(err.status, 503);
        return true;
      });
    } finally {
      await fetch(`${fx.server.url}/_sandbox/faults`, { method: 'DELETE' });
    }
  });
});
