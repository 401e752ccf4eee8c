import assert from 'node:assert/strict';
import { effectivePartner } from '../../../../src/core/graph/effectivePartner';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';

const allowAllUsers = {
  accessType: 'allowed' as const,
  targets: [{ target: 'AllUsers', targetType: 'user' as const }],
};
const allowAllApps = {
  accessType: 'allowed' as const,
  targets: [{ target: 'AllApplications', targetType: 'application' as const }],
};
const blockAllUsers = {
  accessType: 'blocked' as const,
  targets: [{ target: 'AllUsers', targetType: 'user' as const }],
};
const blockAllApps = {
  accessType: 'blocked' as const,
  targets: [{ target: 'AllApplications', targetType: 'application' as const }],
};

const defaults: DefaultConfiguration = {
  isServiceDefault: false,
  b2bCollaborationInbound: { usersAndGroups: allowAllUsers, applications: allowAllApps },
  b2bCollaborationOutbound: { usersAndGroups: allowAllUsers, applications: allowAllApps },
  b2bDirectConnectInbound: { usersAndGroups: blockAllUsers, applications: blockAllApps },
  b2bDirectConnectOutbound: { usersAndGroups: blockAllUsers, applications: blockAllApps },
  inboundTrust: {
    isMfaAccepted: true,
    isCompliantDeviceAccepted: false,
    isHybridAzureADJoinedDeviceAccepted: false,
  },
};

describe('effectivePartner', () => {
  it('takes a null or missing partner setting from the default and marks it inherited', () => {
    const e = effectivePartner({ tenantId: 't1', b2bCollaborationInbound: null }, defaults);
    assert.deepEqual(e.settings.b2bCollaborationInbound, {
      value: defaults.b2bCollaborationInbound,
      source: 'default',
      inheritedFields: [],
    });
    assert.equal(e.settings.b2bDirectConnectOutbound.source, 'default');
    assert.deepEqual(e.settings.inboundTrust.value, defaults.inboundTrust);
  });

  it('keeps an explicit partner setting, even one that is "off"', () => {
    const partner: Partner = {
      tenantId: 't1',
      b2bCollaborationInbound: { usersAndGroups: blockAllUsers, applications: blockAllApps },
    };
    const e = effectivePartner(partner, defaults);
    assert.equal(e.settings.b2bCollaborationInbound.source, 'partner');
    assert.deepEqual(e.settings.b2bCollaborationInbound.value, partner.b2bCollaborationInbound);
    assert.deepEqual(e.settings.b2bCollaborationInbound.inheritedFields, []);
  });

  it('fills null fields of a partner object from the default and lists them', () => {
    const partner: Partner = {
      tenantId: 't1',
      inboundTrust: {
        isMfaAccepted: null,
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: null,
      },
      b2bDirectConnectOutbound: { usersAndGroups: allowAllUsers },
    };
    const e = effectivePartner(partner, defaults);
    assert.deepEqual(e.settings.inboundTrust.value, {
      isMfaAccepted: true,
      isCompliantDeviceAccepted: true,
      isHybridAzureADJoinedDeviceAccepted: false,
    });
    assert.deepEqual(e.settings.inboundTrust.inheritedFields, [
      'isMfaAccepted',
      'isHybridAzureADJoinedDeviceAccepted',
    ]);
    assert.deepEqual(e.settings.b2bDirectConnectOutbound.value, {
      usersAndGroups: allowAllUsers,
      applications: blockAllApps,
    });
    assert.deepEqual(e.settings.b2bDirectConnectOutbound.inheritedFields, ['applications']);
  });

  it('treats unset automatic consent as false even when the default omits it', () => {
    const e = effectivePartner(
      {
        tenantId: 't1',
        automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null },
      },
      defaults,
    );
    assert.deepEqual(e.settings.automaticUserConsentSettings.value, {
      inboundAllowed: true,
      outboundAllowed: false,
    });
    assert.deepEqual(e.settings.automaticUserConsentSettings.inheritedFields, ['outboundAllowed']);
    const none = effectivePartner({ tenantId: 't1' }, defaults);
    assert.deepEqual(none.settings.automaticUserConsentSettings, {
      value: { inboundAllowed: false, outboundAllowed: false },
      source: 'default',
      inheritedFields: [],
    });
  });

  it('leaves a setting null when neither side sets it', () => {
    const e = effectivePartner({ tenantId: 't1' }, defaults);
    assert.deepEqual(e.settings.tenantRestrictions, {
      value: null,
      source: 'default',
      inheritedFields: [],
    });
    assert.equal(e.tenantId, 't1');
  });
});
