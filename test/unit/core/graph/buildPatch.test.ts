import assert from 'node:assert/strict';
import { buildPatch } from '../../../../src/core/graph/buildPatch';
import type { Partner } from '../../../../src/core/graph/types';

const allowAll = {
  usersAndGroups: {
    accessType: 'allowed' as const,
    targets: [{ target: 'AllUsers', targetType: 'user' as const }],
  },
  applications: {
    accessType: 'allowed' as const,
    targets: [{ target: 'AllApplications', targetType: 'application' as const }],
  },
};

const live: Partner = {
  tenantId: '9c5d131d-b1c3-4fc4-9e3f-c6557947d551',
  inboundTrust: {
    isMfaAccepted: true,
    isCompliantDeviceAccepted: false,
    isHybridAzureADJoinedDeviceAccepted: false,
  },
  b2bCollaborationInbound: allowAll,
  b2bCollaborationOutbound: null,
  automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
  isServiceProvider: false,
  isInMultiTenantOrganization: false,
};

describe('buildPatch', () => {
  it('is empty when nothing changed, whatever the key order', () => {
    const reordered = JSON.parse(
      JSON.stringify({
        ...live,
        inboundTrust: {
          isHybridAzureADJoinedDeviceAccepted: false,
          isCompliantDeviceAccepted: false,
          isMfaAccepted: true,
        },
      }),
    ) as Partner;
    assert.deepEqual(buildPatch(live, reordered), {});
  });

  it('sends a changed nested object whole, siblings included', () => {
    const edited = structuredClone(live);
    edited.inboundTrust!.isCompliantDeviceAccepted = true;
    assert.deepEqual(buildPatch(live, edited), {
      inboundTrust: {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
    });
  });

  it('sends both usersAndGroups and applications when only one target list changed', () => {
    const edited = structuredClone(live);
    edited.b2bCollaborationInbound!.applications!.targets = [
      { target: 'Office365', targetType: 'application' },
    ];
    const patch = buildPatch(live, edited);
    assert.deepEqual(Object.keys(patch), ['b2bCollaborationInbound']);
    assert.deepEqual(patch.b2bCollaborationInbound?.usersAndGroups, allowAll.usersAndGroups);
    assert.deepEqual(patch.b2bCollaborationInbound?.applications?.targets, [
      { target: 'Office365', targetType: 'application' },
    ]);
  });

  it('sends null to return a setting to inheriting, for null and for a removed property', () => {
    const edited: Partner = { ...structuredClone(live), inboundTrust: null };
    delete edited.automaticUserConsentSettings;
    assert.deepEqual(buildPatch(live, edited), {
      inboundTrust: null,
      automaticUserConsentSettings: null,
    });
  });

  it('sends a setting that goes from inheriting to explicit', () => {
    const edited = { ...structuredClone(live), b2bCollaborationOutbound: allowAll };
    assert.deepEqual(buildPatch(live, edited), { b2bCollaborationOutbound: allowAll });
  });

  it('treats a reordered target list as a change', () => {
    const two = {
      accessType: 'allowed' as const,
      targets: [
        { target: 'a', targetType: 'group' as const },
        { target: 'b', targetType: 'group' as const },
      ],
    };
    const before = {
      ...live,
      b2bDirectConnectInbound: { usersAndGroups: two, applications: null },
    };
    const after = structuredClone(before);
    after.b2bDirectConnectInbound.usersAndGroups.targets.reverse();
    assert.deepEqual(Object.keys(buildPatch(before, after)), ['b2bDirectConnectInbound']);
  });

  it('never sends keys, server-owned properties or OData annotations', () => {
    const before = { ...live, '@odata.context': 'x', 'identitySynchronization@odata.context': 'y' };
    const after = {
      ...before,
      tenantId: 'other',
      isInMultiTenantOrganization: true,
      '@odata.context': 'z',
      identitySynchronization: null,
    };
    assert.deepEqual(buildPatch(before, after), {});
  });

  it('honours a custom read-only list (the default document)', () => {
    const before = {
      isServiceDefault: true,
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
      inboundTrust: null,
    };
    const after = {
      isServiceDefault: false,
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
      inboundTrust: null,
    };
    assert.deepEqual(
      buildPatch(before, after, ['isServiceDefault', 'automaticUserConsentSettings']),
      {},
    );
  });
});
