import assert from 'node:assert/strict';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS } from '../../../src/sandbox';
import { createSandbox, GraphTestClient, prop, props } from './graphTestClient';

const { contoso, fabrikam, northwind, woodgrove } = SANDBOX_TENANT_IDS;
const byId = (id: string) =>
  `/tenantRelationships/findTenantInformationByTenantId(tenantId='${id}')`;
const byDomain = (domain: string) =>
  `/tenantRelationships/findTenantInformationByDomainName(domainName='${domain.replace(/'/g, "''")}')`;

describe('sandbox tenant lookup', () => {
  it('finds every sandbox tenant by id', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (const t of SANDBOX_TENANTS) {
      const reply = await client.get(byId(t.tenantId));
      assert.equal(reply.status, 200);
      assert.deepEqual(
        {
          tenantId: reply.body.tenantId,
          displayName: reply.body.displayName,
          defaultDomainName: reply.body.defaultDomainName,
          federationBrandName: reply.body.federationBrandName,
        },
        {
          tenantId: t.tenantId,
          displayName: t.displayName,
          defaultDomainName: t.defaultDomainName,
          federationBrandName: t.federationBrandName,
        },
      );
      assert.match(reply.body['@odata.context'], /#microsoft\.graph\.tenantInformation$/);
    }
  });

  it('finds a tenant by any verified domain, case-insensitively', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.get(byDomain('fabrikamretail.onmicrosoft.com'))).body.tenantId,
      fabrikam,
    );
    assert.equal((await client.get(byDomain('NorthwindTraders.com'))).body.tenantId, northwind);
  });

  it('reads function parameters as OData string literals (quotes doubled, percent-encoding allowed)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const quoted = await client.get(byDomain("o'brien.example"));
    assert.equal(quoted.status, 404, 'a doubled quote is part of the value, not a syntax error');
    const encoded = await client.get(
      `/tenantRelationships/findTenantInformationByDomainName(domainName=%27woodgrovebank.com%27)`,
    );
    assert.equal(encoded.body.tenantId, woodgrove);
    assert.equal(
      (
        await client.get(
          `/tenantRelationships/findTenantInformationByTenantId(tenantId=${woodgrove})`,
        )
      ).status,
      400,
    );
  });

  it('answers 404 for unknown tenants and 400 for an id that is not a GUID', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const unknown = await client.get(byId('6babcaad-604b-40ac-a9d7-9fd97c0b779f'));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'Directory_ObjectNotFound');
    assert.equal((await client.get(byDomain('nowhere.example'))).status, 404);
    assert.equal((await client.get(byId('contoso'))).status, 400);
  });
});

describe('sandbox organization', () => {
  it('serves /organization as a collection of exactly one, and /organization/{id}', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, fabrikam);
    const list = await client.get('/organization');
    assert.equal(list.body.value.length, 1);
    const org = list.body.value[0];
    assert.equal(org.id, fabrikam);
    assert.deepEqual(org.verifiedDomains.map(props('name', 'isDefault', 'isInitial')), [
      ['fabrikamretail.onmicrosoft.com', true, true],
      ['fabrikam.com', false, false],
    ]);
    assert.equal(
      (await client.get(`/organization/${fabrikam}`)).body.displayName,
      'Fabrikam Retail',
    );
    assert.equal((await client.get(`/organization/${contoso}`)).status, 404);
  });
});

describe('sandbox multitenant organization (read-only)', () => {
  it('shows the MTO to its members and 200 "inactive" to other tenants', async () => {
    const { sandbox } = createSandbox();
    const member = await new GraphTestClient(sandbox, fabrikam).get(
      '/tenantRelationships/multiTenantOrganization',
    );
    assert.equal(member.body.state, 'active');
    const outsider = await new GraphTestClient(sandbox, northwind).get(
      '/tenantRelationships/multiTenantOrganization',
    );
    assert.equal(outsider.status, 200);
    assert.equal(outsider.body.state, 'inactive');
    assert.equal(outsider.body.displayName, null);
  });

  it('lists member tenants; ReadBasic shows only ids and names', async () => {
    const { sandbox } = createSandbox();
    const basic = await new GraphTestClient(sandbox, contoso, {
      scp: ['MultiTenantOrganization.ReadBasic.All'],
    }).get('/tenantRelationships/multiTenantOrganization/tenants');
    assert.deepEqual(basic.body.value.map(props('tenantId', 'role')), [
      [contoso, null],
      [fabrikam, null],
    ]);
    const full = await new GraphTestClient(sandbox, contoso, {
      scp: ['MultiTenantOrganization.Read.All'],
    }).get('/tenantRelationships/multiTenantOrganization/tenants');
    assert.deepEqual(full.body.value.map(prop('role')), ['owner', 'member']);
  });
});
