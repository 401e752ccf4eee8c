import assert from 'node:assert/strict';
import {
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  SANDBOX_TENANTS,
} from '../../../src/sandbox';
import { createSandbox, GraphTestClient, prop } from './graphTestClient';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
const partner = (to: string) =>
  `/policies/crossTenantAccessPolicy/partners/${to}?$expand=identitySynchronization`;

describe('sandbox seeded tenants', () => {
  it('exports SANDBOX_TENANTS with ids, names, default domains and clouds', () => {
    assert.ok(SANDBOX_TENANTS.length >= 3);
    for (const t of SANDBOX_TENANTS) {
      assert.match(t.tenantId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.match(t.defaultDomainName, /^[a-z]+\.onmicrosoft\.com$/);
      assert.equal(t.cloud, 'global');
      assert.ok(t.displayName);
    }
    assert.equal(new Set(SANDBOX_TENANTS.map(prop('tenantId'))).size, SANDBOX_TENANTS.length);
  });

  it('configures Contoso → Fabrikam sync on both sides (target: sync + inbound auto-redeem; source: outbound)', async () => {
    const { sandbox } = createSandbox();
    const target = (await new GraphTestClient(sandbox, fabrikam).get(partner(contoso))).body;
    assert.equal(target.identitySynchronization.userSyncInbound.isSyncAllowed, true);
    assert.equal(target.automaticUserConsentSettings.inboundAllowed, true);
    const source = (await new GraphTestClient(sandbox, contoso).get(partner(fabrikam))).body;
    assert.equal(source.automaticUserConsentSettings.outboundAllowed, true);
  });

  it('configures B2B direct connect with Northwind on both sides', async () => {
    const { sandbox } = createSandbox();
    for (const [from, to] of [
      [contoso, northwind],
      [northwind, contoso],
    ]) {
      const p = (await new GraphTestClient(sandbox, from).get(partner(to))).body;
      assert.equal(
        p.b2bDirectConnectInbound.usersAndGroups.accessType,
        'allowed',
        `${from} inbound`,
      );
      assert.equal(
        p.b2bDirectConnectOutbound.usersAndGroups.accessType,
        'allowed',
        `${from} outbound`,
      );
    }
  });

  it('leaves the Contoso → Tailspin pair mismatched: auto-redemption outbound only', async () => {
    const { sandbox } = createSandbox();
    const source = (await new GraphTestClient(sandbox, contoso).get(partner(tailspin))).body;
    const target = (await new GraphTestClient(sandbox, tailspin).get(partner(contoso))).body;
    assert.equal(source.automaticUserConsentSettings.outboundAllowed, true);
    assert.equal(target.automaticUserConsentSettings.inboundAllowed, false);
    assert.equal(target.identitySynchronization.userSyncInbound.isSyncAllowed, true);
  });

  it('leaves Woodgrove untouched, and gives every configuration a job, assignments and saved credentials', async () => {
    const { sandbox } = createSandbox();
    assert.deepEqual(
      (
        await new GraphTestClient(sandbox, woodgrove).get(
          '/policies/crossTenantAccessPolicy/partners',
        )
      ).body.value,
      [],
    );
    const client = new GraphTestClient(sandbox, contoso);
    for (const c of Object.values(SANDBOX_SYNC_CONFIGURATIONS)) {
      const jobs = (
        await client.get(`/servicePrincipals/${c.servicePrincipalId}/synchronization/jobs`)
      ).body.value;
      assert.deepEqual(jobs.map(prop('id')), [c.jobId]);
      assert.ok(
        (await client.get(`/servicePrincipals/${c.servicePrincipalId}/appRoleAssignedTo`)).body
          .value.length >= 1,
      );
      assert.equal(
        (
          await client.post(
            `/servicePrincipals/${c.servicePrincipalId}/synchronization/jobs/validateCredentials`,
            { useSavedCredentials: true },
          )
        ).status,
        c.targetTenantId === fabrikam ? 204 : 400,
      );
    }
  });
});
