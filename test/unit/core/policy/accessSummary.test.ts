import assert from 'node:assert/strict';
import { effectivePartner } from '../../../../src/core/graph/effectivePartner';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';
import {
  accessLevel,
  formatSummary,
  partnerSummaryParts,
} from '../../../../src/core/policy/accessSummary';

const all = (accessType: string, target: string, targetType: string) => ({
  accessType,
  targets: [{ target, targetType }],
});
const allowAll = {
  usersAndGroups: all('allowed', 'AllUsers', 'user'),
  applications: all('allowed', 'AllApplications', 'application'),
};
const blockAll = {
  usersAndGroups: all('blocked', 'AllUsers', 'user'),
  applications: all('blocked', 'AllApplications', 'application'),
};
const defaults = {
  b2bCollaborationInbound: allowAll,
  b2bCollaborationOutbound: allowAll,
  b2bDirectConnectInbound: blockAll,
  b2bDirectConnectOutbound: blockAll,
  inboundTrust: {
    isMfaAccepted: false,
    isCompliantDeviceAccepted: false,
    isHybridAzureADJoinedDeviceAccepted: false,
  },
} as unknown as DefaultConfiguration;

describe('accessLevel', () => {
  const table: [string, unknown, string][] = [
    ['everyone, every app', allowAll, 'allowed'],
    ['nobody', blockAll, 'blocked'],
    [
      'an allow-list of one group',
      {
        usersAndGroups: all('allowed', '0c9a3c33-3c84-4e24-9b4a-7d3f1c1f9d11', 'group'),
        applications: all('allowed', 'AllApplications', 'application'),
      },
      'partial',
    ],
    [
      'all users blocked from one app',
      {
        usersAndGroups: all('allowed', 'AllUsers', 'user'),
        applications: all('blocked', 'Office365', 'application'),
      },
      'partial',
    ],
    ['not set', null, 'unset'],
  ];
  for (const [name, setting, level] of table) {
    it(`${name} → ${level}`, () => assert.equal(accessLevel(setting as never), level));
  }
});

describe('partner summary', () => {
  it('marks what the partner inherits in parentheses and what it sets plainly', () => {
    const partner = {
      tenantId: '3d0f5a6e-1b2c-4d3e-8f4a-5b6c7d8e9f01',
      b2bDirectConnectInbound: allowAll,
      b2bDirectConnectOutbound: allowAll,
      inboundTrust: {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
    } as unknown as Partner;
    const text = formatSummary(partnerSummaryParts(effectivePartner(partner, defaults), true));
    assert.equal(
      text,
      '(B2B in ✓ out ✓) · direct connect in ✓ out ✓ · trusts MFA · auto-redeem in ✓ out ✗ · user sync in ✓',
    );
  });

  it('shows a partner that sets nothing as entirely inherited', () => {
    const text = formatSummary(
      partnerSummaryParts(effectivePartner({ tenantId: 'x' }, defaults), false),
    );
    assert.equal(
      text,
      '(B2B in ✓ out ✓) · (direct connect in ✗ out ✗) · (trusts nothing) · (auto-redeem in ✗ out ✗)',
    );
  });
});
