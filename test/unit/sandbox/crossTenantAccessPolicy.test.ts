import assert from 'node:assert/strict';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { createSandbox, GraphTestClient } from './graphTestClient';

const { contoso, woodgrove } = SANDBOX_TENANT_IDS;
const POLICY = '/policies/crossTenantAccessPolicy';
const DEFAULT = `${POLICY}/default`;

const blockedGroup = {
  usersAndGroups: {
    accessType: 'blocked',
    targets: [{ target: '0be493dc-cb56-4a53-936f-9cf64410b8b0', targetType: 'group' }],
  },
  applications: {
    accessType: 'blocked',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

describe('sandbox cross-tenant access policy and default configuration', () => {
  it('serves the policy entity (not wrapped in value) and PATCHes allowedCloudEndpoints with 204', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const before = await client.get(POLICY);
    assert.equal(before.status, 200);
    assert.equal(before.body.value, undefined);
    assert.equal(before.body.displayName, 'CrossTenantAccessPolicy');
    assert.deepEqual(before.body.allowedCloudEndpoints, []);
    const patched = await client.patch(POLICY, { allowedCloudEndpoints: ['microsoftonline.us'] });
    assert.equal(patched.status, 204);
    assert.equal(patched.body, null);
    assert.deepEqual((await client.get(POLICY)).body.allowedCloudEndpoints, ['microsoftonline.us']);
    assert.equal(
      (await client.patch(POLICY, { allowedCloudEndpoints: ['example.com'] })).status,
      400,
    );
  });

  it('serves the service default for an untouched tenant', async () => {
    const { sandbox } = createSandbox();
    const def = (await new GraphTestClient(sandbox, woodgrove).get(DEFAULT)).body;
    assert.equal(def.isServiceDefault, true);
    assert.equal(def.b2bCollaborationInbound.usersAndGroups.accessType, 'allowed');
    assert.equal(def.b2bDirectConnectInbound.usersAndGroups.accessType, 'blocked');
    assert.deepEqual(def.automaticUserConsentSettings, {
      inboundAllowed: false,
      outboundAllowed: false,
    });
    assert.deepEqual(def.inboundTrust, {
      isMfaAccepted: false,
      isCompliantDeviceAccepted: false,
      isHybridAzureADJoinedDeviceAccepted: false,
    });
  });

  it('PATCH of the default: 204, isServiceDefault flips to false, a nested object is replaced whole', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, woodgrove);
    assert.equal(
      (
        await client.patch(DEFAULT, {
          b2bCollaborationOutbound: { usersAndGroups: blockedGroup.usersAndGroups },
        })
      ).status,
      204,
    );
    const def = (await client.get(DEFAULT)).body;
    assert.equal(def.isServiceDefault, false);
    assert.deepEqual(def.b2bCollaborationOutbound.usersAndGroups, blockedGroup.usersAndGroups);
    // The sibling that was not sent is gone (absent, as in the documented create sample): nested objects are replaced, not merged.
    assert.equal('applications' in def.b2bCollaborationOutbound, false);
    assert.equal(
      def.b2bCollaborationInbound.usersAndGroups.accessType,
      'allowed',
      'top-level properties not sent keep their values',
    );
  });

  it('resetToSystemDefault (204) brings back the service default and isServiceDefault', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.get(DEFAULT)).body.isServiceDefault, false);
    const reset = await client.post(`${DEFAULT}/resetToSystemDefault`);
    assert.equal(reset.status, 204);
    const def = (await client.get(DEFAULT)).body;
    assert.equal(def.isServiceDefault, true);
    assert.equal(def.inboundTrust.isMfaAccepted, false);
  });

  const rejected: [string, object][] = [
    ['read-only isServiceDefault', { isServiceDefault: false }],
    [
      'read-only automaticUserConsentSettings',
      { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } },
    ],
    ['an unknown property', { b2bCollaborationInbund: blockedGroup }],
    ['an unknown nested property', { inboundTrust: { isMfaAccepted: true, isFooAccepted: true } }],
    [
      'an invalid accessType',
      { b2bCollaborationOutbound: { usersAndGroups: { accessType: ' blocked', targets: [] } } },
    ],
    [
      'an invalid targetType',
      {
        b2bCollaborationOutbound: {
          usersAndGroups: {
            accessType: 'blocked',
            targets: [{ target: 'AllUsers', targetType: 'users' }],
          },
        },
      },
    ],
    [
      'an application keyword in usersAndGroups',
      {
        b2bCollaborationOutbound: {
          usersAndGroups: {
            accessType: 'blocked',
            targets: [{ target: 'AllApplications', targetType: 'application' }],
          },
        },
      },
    ],
    [
      'a non-GUID group target',
      {
        b2bCollaborationOutbound: {
          usersAndGroups: {
            accessType: 'blocked',
            targets: [{ target: 'Sales', targetType: 'group' }],
          },
        },
      },
    ],
    ['a wrong type', { inboundTrust: { isMfaAccepted: 'yes' } }],
    [
      'a null collection',
      { b2bCollaborationOutbound: { usersAndGroups: { accessType: 'blocked', targets: null } } },
    ],
    [
      'an invalid identity provider',
      {
        invitationRedemptionIdentityProviderConfiguration: {
          primaryIdentityProviderPrecedenceOrder: ['facebook'],
          fallbackIdentityProvider: 'defaultConfiguredIdp',
        },
      },
    ],
  ];
  for (const [name, body] of rejected) {
    it(`answers 400 Request_BadRequest to a default PATCH with ${name}, and changes nothing`, async () => {
      const { sandbox } = createSandbox();
      const client = new GraphTestClient(sandbox, woodgrove);
      const reply = await client.patch(DEFAULT, body);
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 'Request_BadRequest');
      assert.equal((await client.get(DEFAULT)).body.isServiceDefault, true);
    });
  }

  it('names the offending property in the 400 message', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, woodgrove).patch(DEFAULT, {
      isServiceDefault: true,
    });
    assert.match(reply.body.error.message, /isServiceDefault/);
  });

  it('resets a default property sent as null to the service default', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.patch(DEFAULT, { inboundTrust: null })).status, 204);
    assert.equal((await client.get(DEFAULT)).body.inboundTrust.isMfaAccepted, false);
  });

  it('round-trips settings it does not model, and the newer M365 settings', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const m365 = {
      users: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] },
    };
    assert.equal((await client.patch(DEFAULT, { m365CollaborationInbound: m365 })).status, 204);
    assert.deepEqual((await client.get(DEFAULT)).body.m365CollaborationInbound, m365);
  });

  it('refuses a write that would take the whole policy over 25 KB (400)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, woodgrove);
    const targets = Array.from({ length: 400 }, (_, i) => ({
      target: `0be493dc-cb56-4a53-936f-${String(i).padStart(12, '0')}`,
      targetType: 'group',
    }));
    const reply = await client.patch(DEFAULT, {
      b2bCollaborationInbound: {
        usersAndGroups: { accessType: 'allowed', targets },
        applications: blockedGroup.applications,
      },
    });
    assert.equal(reply.status, 400);
    assert.match(reply.body.error.message, /25 KB/);
    const small = await client.patch(DEFAULT, {
      b2bCollaborationInbound: {
        usersAndGroups: { accessType: 'allowed', targets: targets.slice(0, 50) },
        applications: blockedGroup.applications,
      },
    });
    assert.equal(small.status, 204);
  });
});
