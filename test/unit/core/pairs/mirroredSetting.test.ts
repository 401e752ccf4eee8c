import assert from 'node:assert/strict';
import { mirroredSettings } from '../../../../src/core/pairs/mirroredSetting';

describe('mirroredSettings', () => {
  const cases: [string, string[]][] = [
    [
      'automaticUserConsentSettings.inboundAllowed',
      [
        'automaticUserConsentSettings.outboundAllowed',
        'automaticUserConsentSettings.inboundAllowed',
      ],
    ],
    [
      'b2bCollaborationOutbound.usersAndGroups',
      ['b2bCollaborationInbound.usersAndGroups', 'b2bCollaborationOutbound.usersAndGroups'],
    ],
    ['b2bDirectConnectInbound', ['b2bDirectConnectOutbound', 'b2bDirectConnectInbound']],
    // Graph has no outbound trust: the same setting on the other side is the nearest.
    ['inboundTrust.isMfaAccepted', ['inboundTrust.isMfaAccepted']],
    [
      'identitySynchronization.userSyncInbound.isSyncAllowed',
      ['identitySynchronization.userSyncInbound.isSyncAllowed'],
    ],
    ['allowedCloudEndpoints', ['allowedCloudEndpoints']],
  ];
  for (const [setting, expected] of cases)
    it(`${setting} shows on ${expected.join(', else ')} on the other side`, () =>
      assert.deepEqual(mirroredSettings(setting), expected));
});
