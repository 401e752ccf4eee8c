import assert from 'node:assert/strict';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';
import { defaultBlastRadius } from '../../../../src/core/policy/blastRadius';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const D = '44444444-4444-4444-8444-444444444444';

const trust = (mfa: boolean | null, compliant: boolean | null, hybrid: boolean | null) => ({
  isMfaAccepted: mfa,
  isCompliantDeviceAccepted: compliant,
  isHybridAzureADJoinedDeviceAccepted: hybrid,
});
const setting = (accessType: 'allowed' | 'blocked') => ({
  usersAndGroups: { accessType, targets: [{ target: 'AllUsers', targetType: 'user' as const }] },
  applications: {
    accessType,
    targets: [{ target: 'AllApplications', targetType: 'application' as const }],
  },
});

const before: DefaultConfiguration = {
  inboundTrust: trust(false, false, false),
  b2bCollaborationInbound: setting('allowed'),
  b2bDirectConnectOutbound: setting('blocked'),
  automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
  invitationRedemptionIdentityProviderConfiguration: {
    fallbackIdentityProvider: 'defaultConfiguredIdp',
    primaryIdentityProviderPrecedenceOrder: ['azureActiveDirectory'],
  },
};

const partners: Partner[] = [
  // A: inherits inbound trust whole (null) and B2B collaboration inbound (absent).
  { tenantId: A, inboundTrust: null },
  // B: own inbound trust, but leaves MFA null inside it; own B2B collaboration inbound.
  {
    tenantId: B,
    inboundTrust: trust(null, true, true),
    b2bCollaborationInbound: setting('blocked'),
  },
  // C: sets everything it could inherit here.
  {
    tenantId: C,
    inboundTrust: trust(true, true, true),
    b2bCollaborationInbound: setting('allowed'),
    b2bDirectConnectOutbound: setting('allowed'),
  },
  // D: own inbound trust with the compliant-device field null; inherits direct connect outbound.
  {
    tenantId: D,
    inboundTrust: trust(false, null, false),
    b2bCollaborationInbound: setting('blocked'),
  },
];

function radius(after: Partial<DefaultConfiguration>) {
  return defaultBlastRadius(before, { ...structuredClone(before), ...after }, partners).map((e) => [
    e.setting,
    e.label,
    e.inheritingPartnerIds,
  ]);
}

describe('defaultBlastRadius', () => {
  const table: [string, Partial<DefaultConfiguration>, ReturnType<typeof radius>][] = [
    ['no change, no entries', {}, []],
    [
      'MFA trust: the partner inheriting the setting and the one leaving MFA null',
      { inboundTrust: trust(true, false, false) },
      [['inboundTrust', 'inbound trust', [A, B]]],
    ],
    [
      'compliant-device trust: only D leaves that field null',
      { inboundTrust: trust(false, true, false) },
      [['inboundTrust', 'inbound trust', [A, D]]],
    ],
    [
      'a whole B2B setting: only the partners without their own',
      { b2bCollaborationInbound: setting('blocked') },
      [['b2bCollaborationInbound', 'B2B collaboration inbound', [A]]],
    ],
    [
      'two settings at once, each with its own partners',
      { b2bDirectConnectOutbound: setting('allowed'), inboundTrust: trust(false, false, true) },
      [
        ['b2bDirectConnectOutbound', 'B2B direct connect outbound', [A, B, D]],
        ['inboundTrust', 'inbound trust', [A]],
      ],
    ],
    [
      'a setting the default stops setting reaches the partners filling fields from it',
      { inboundTrust: null },
      [['inboundTrust', 'inbound trust', [A, B, D]]],
    ],
    [
      'a setting the default starts to set reaches every partner without its own; an unchanged one is not listed',
      { b2bCollaborationInbound: setting('allowed'), b2bCollaborationOutbound: setting('blocked') },
      [['b2bCollaborationOutbound', 'B2B collaboration outbound', [A, B, C, D]]],
    ],
    [
      'settings partners cannot inherit are not listed',
      {
        invitationRedemptionIdentityProviderConfiguration: {
          fallbackIdentityProvider: 'emailOneTimePasscode',
        },
      },
      [],
    ],
  ];
  for (const [name, after, expected] of table) {
    it(name, () => assert.deepEqual(radius(after), expected));
  }

  it('a draft without the read-only automatic consent settings does not change them', () => {
    const { automaticUserConsentSettings: _readOnly, ...draft } = structuredClone(before);
    assert.deepEqual(
      defaultBlastRadius(
        before,
        { ...draft, inboundTrust: trust(true, false, false) },
        partners,
      ).map((e) => e.setting),
      ['inboundTrust'],
    );
  });

  it('lists a changed setting that reaches no partner with an empty list', () => {
    const onlyC = [partners[2]];
    assert.deepEqual(
      defaultBlastRadius(
        before,
        { ...before, b2bCollaborationInbound: setting('blocked') },
        onlyC,
      ).map((e) => [e.setting, e.inheritingPartnerIds]),
      [['b2bCollaborationInbound', []]],
    );
  });
});
