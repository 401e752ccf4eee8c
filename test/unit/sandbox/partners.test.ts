import assert from 'node:assert/strict';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { createSandbox, GraphTestClient, readAll, type Body, prop } from './graphTestClient';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
const sync = (id: string) => `${PARTNERS}/${id}/identitySynchronization`;

describe('sandbox partner configurations', () => {
  it('lists partners with every structural property; null means inherited', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).get(PARTNERS);
    assert.equal(reply.status, 200);
    assert.match(
      reply.body['@odata.context'],
      /\$metadata#policies\/crossTenantAccessPolicy\/partners$/,
    );
    const tailspinPartner = reply.body.value.find((p: Body) => p.tenantId === tailspin);
    assert.equal(tailspinPartner.b2bCollaborationInbound, null);
    assert.equal(tailspinPartner.inboundTrust, null);
    assert.deepEqual(tailspinPartner.automaticUserConsentSettings, {
      inboundAllowed: null,
      outboundAllowed: true,
    });
    assert.equal(tailspinPartner.isInMultiTenantOrganization, false);
  });

  it('round-trips properties outside the v1.0 metadata (crossCloudMeetingConfiguration) through GET and PATCH', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.deepEqual(
      (await client.get(`${PARTNERS}/${northwind}`)).body.crossCloudMeetingConfiguration,
      { inboundAllowed: false, outboundAllowed: false },
    );
    assert.equal(
      (await client.patch(`${PARTNERS}/${northwind}`, { isServiceProvider: true })).status,
      204,
    );
    const after = (await client.get(`${PARTNERS}/${northwind}`)).body;
    assert.equal(after.isServiceProvider, true);
    assert.deepEqual(after.crossCloudMeetingConfiguration, {
      inboundAllowed: false,
      outboundAllowed: false,
    });
  });

  it('supports $select=tenantId&$expand=identitySynchronization', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, fabrikam).get(
      `${PARTNERS}?$select=tenantId&$expand=identitySynchronization`,
    );
    assert.deepEqual(reply.body.value, [
      {
        tenantId: contoso,
        identitySynchronization: {
          tenantId: contoso,
          displayName: 'Contoso Group',
          userSyncInbound: { isSyncAllowed: true },
        },
      },
    ]);
    const none = await new GraphTestClient(sandbox, contoso).get(
      `${PARTNERS}?$select=tenantId&$expand=identitySynchronization`,
    );
    assert.ok(none.body.value.every((p: Body) => p.identitySynchronization === null));
    assert.equal(
      (
        await new GraphTestClient(sandbox, contoso).get(
          `${PARTNERS}?$expand=serviceProviderConstraints`,
        )
      ).status,
      400,
    );
  });

  it('pages with $top and an opaque $skiptoken when asked', async () => {
    const { sandbox } = createSandbox();
    const { values, pages } = await readAll(
      new GraphTestClient(sandbox, contoso),
      `${PARTNERS}?$top=2&$select=tenantId`,
    );
    assert.equal(pages, 2);
    assert.deepEqual(values.map(prop('tenantId')).sort(), [fabrikam, northwind, tailspin].sort());
  });

  it('gets one partner, 404 Directory_ObjectNotFound for an unknown one, 400 for a non-GUID key', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.get(`${PARTNERS}/${fabrikam.toUpperCase()}`)).body.tenantId,
      fabrikam,
    );
    const missing = await client.get(`${PARTNERS}/${woodgrove}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Directory_ObjectNotFound');
    assert.equal((await client.get(`${PARTNERS}/not-a-guid`)).status, 400);
  });

  it('creates with POST (201 + object, tenantId alone suffices), 409 on a duplicate', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const created = await client.post(PARTNERS, { tenantId: woodgrove });
    assert.equal(created.status, 201);
    assert.equal(created.body.tenantId, woodgrove);
    assert.equal(created.body.inboundTrust, null);
    const duplicate = await client.post(PARTNERS, { tenantId: woodgrove });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.error.code, 'Request_MultipleObjectsWithSameKeyValue');
    assert.equal(
      duplicate.body.error.message,
      'Another object with the same value for property tenantId already exists.',
    );
  });

  it('answers alreadyExists "badRequest": a duplicate POST is 400 with the same code', async () => {
    const { sandbox } = createSandbox();
    sandbox.setAnswers({ alreadyExists: 'badRequest' });
    const duplicate = await new GraphTestClient(sandbox, contoso).post(PARTNERS, {
      tenantId: fabrikam,
    });
    assert.equal(duplicate.status, 400);
    assert.equal(duplicate.body.error.code, 'Request_MultipleObjectsWithSameKeyValue');
  });

  it('rejects POST without tenantId, for its own tenant, or with read-only properties (400)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (const body of [
      {},
      { tenantId: 'nope' },
      { tenantId: contoso },
      { tenantId: woodgrove, isInMultiTenantOrganization: true },
      { tenantId: woodgrove, colour: 'blue' },
    ]) {
      const reply = await client.post(PARTNERS, body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'Request_BadRequest');
    }
  });

  it('PATCH: 204, top-level merge, nested objects replaced whole, explicit null resets to inherit', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const path = `${PARTNERS}/${fabrikam}`;
    assert.equal(
      (await client.patch(path, { inboundTrust: { isMfaAccepted: false } })).status,
      204,
    );
    let partner = (await client.get(path)).body;
    assert.deepEqual(
      partner.inboundTrust,
      { isMfaAccepted: false },
      'siblings not sent are not kept',
    );
    assert.deepEqual(
      partner.automaticUserConsentSettings,
      { inboundAllowed: false, outboundAllowed: true },
      'properties not sent keep their values',
    );
    assert.equal((await client.patch(path, { inboundTrust: null })).status, 204);
    partner = (await client.get(path)).body;
    assert.equal(partner.inboundTrust, null);
  });

  it('rejects tenantId and unknown properties in a partner PATCH (400)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (const body of [
      { tenantId: fabrikam },
      { isInMultiTenantOrganization: false },
      { crossCloudMeetingConfiguration: {} },
      { b2bDirectConnectInbound: { usersAndGroups: { accessType: 'maybe', targets: [] } } },
    ]) {
      assert.equal(
        (await client.patch(`${PARTNERS}/${fabrikam}`, body)).status,
        400,
        JSON.stringify(body),
      );
    }
  });

  it('PATCH of an unknown partner is 404 Directory_ObjectNotFound', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).patch(`${PARTNERS}/${woodgrove}`, {
      isServiceProvider: true,
    });
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'Directory_ObjectNotFound');
  });

  it('DELETE is refused while identitySynchronization exists, and works (204) after it is deleted', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, fabrikam);
    const refused = await client.delete(`${PARTNERS}/${contoso}`);
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /identitySynchronization/);
    assert.equal((await client.delete(sync(contoso))).status, 204);
    assert.equal((await client.delete(`${PARTNERS}/${contoso}`)).status, 204);
    assert.equal((await client.get(`${PARTNERS}/${contoso}`)).status, 404);
  });
});

describe('sandbox partner identity synchronization', () => {
  it('GET returns the policy; 404 Directory_ObjectNotFound when none exists', async () => {
    const { sandbox } = createSandbox();
    assert.deepEqual(
      (await new GraphTestClient(sandbox, fabrikam).get(sync(contoso))).body.userSyncInbound,
      { isSyncAllowed: true },
    );
    const none = await new GraphTestClient(sandbox, contoso).get(sync(fabrikam));
    assert.equal(none.status, 404);
    assert.equal(none.body.error.code, 'Directory_ObjectNotFound');
  });

  it('answers missingIdentitySync "resourceNotFound": GET of none is 400 Request_ResourceNotFound; PATCH stays as documented', async () => {
    const { sandbox } = createSandbox();
    sandbox.setAnswers({ missingIdentitySync: 'resourceNotFound' });
    const client = new GraphTestClient(sandbox, contoso);
    const none = await client.get(sync(fabrikam));
    assert.equal(none.status, 400);
    assert.equal(none.body.error.code, 'Request_ResourceNotFound');
    const patch = await client.patch(sync(fabrikam), { userSyncInbound: { isSyncAllowed: true } });
    assert.deepEqual([patch.status, patch.body.error.code], [404, 'Directory_ObjectNotFound']);
    sandbox.reset();
    assert.equal((await client.get(sync(fabrikam))).status, 404, 'reset restores the default');
  });

  it('PUT creates (204) and answers 409 Request_MultipleObjectsWithSameKeyValue when it exists', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (
        await client.put(sync(fabrikam), {
          displayName: 'Fabrikam Retail',
          userSyncInbound: { isSyncAllowed: true },
        })
      ).status,
      204,
    );
    assert.equal((await client.get(sync(fabrikam))).body.tenantId, fabrikam);
    const again = await client.put(sync(fabrikam), { userSyncInbound: { isSyncAllowed: false } });
    assert.equal(again.status, 409);
    // As the Entra walkthrough's troubleshooting section quotes it, details included.
    const message =
      'A conflicting object with one or more of the specified property values is present in the directory.';
    assert.equal(again.body.error.code, 'Request_MultipleObjectsWithSameKeyValue');
    assert.equal(again.body.error.message, message);
    assert.deepEqual(again.body.error.details, [{ code: 'ConflictingObjects', message }]);
    sandbox.setAnswers({ alreadyExists: 'badRequest' });
    const refused = await client.put(sync(fabrikam), { userSyncInbound: { isSyncAllowed: false } });
    assert.deepEqual(
      [refused.status, refused.body.error.code],
      [400, 'Request_MultipleObjectsWithSameKeyValue'],
    );
  });

  it('PATCH updates (204), and answers 404 Directory_ObjectNotFound when it was never created', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, fabrikam);
    assert.equal(
      (await client.patch(sync(contoso), { userSyncInbound: { isSyncAllowed: false } })).status,
      204,
    );
    assert.equal((await client.get(sync(contoso))).body.userSyncInbound.isSyncAllowed, false);
    assert.equal((await client.get(sync(contoso))).body.displayName, 'Contoso Group');
    const missing = await new GraphTestClient(sandbox, contoso).patch(sync(fabrikam), {
      userSyncInbound: { isSyncAllowed: true },
    });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Directory_ObjectNotFound');
  });

  it('needs the partner configuration first (404), and rejects a mismatching tenantId or unknown property (400)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.put(sync(woodgrove), { userSyncInbound: { isSyncAllowed: true } })).status,
      404,
    );
    assert.equal(
      (
        await client.put(sync(fabrikam), {
          tenantId: tailspin,
          userSyncInbound: { isSyncAllowed: true },
        })
      ).status,
      400,
    );
    assert.equal(
      (await client.put(sync(fabrikam), { groupSyncInbound: { isSyncAllowed: true } })).status,
      400,
    );
  });
});
