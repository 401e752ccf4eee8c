import assert from 'node:assert/strict';
import { planPush } from '../../../../src/core/policy/pushPlan';
import type { DocumentKindId } from '../../../../src/core/policy/documentKinds';

const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const GROUP = 'c4f19b2e-7a53-4d8c-9e61-0b2d5f8a3c97';

const trust = (mfa: boolean | null, compliant: boolean | null, hybrid: boolean | null) => ({
  isMfaAccepted: mfa,
  isCompliantDeviceAccepted: compliant,
  isHybridAzureADJoinedDeviceAccepted: hybrid,
});
const targets = (accessType: string, ...list: [string, string][]) => ({
  accessType,
  targets: list.map(([target, targetType]) => ({ target, targetType })),
});

/** A partner as Graph returns it: annotations, the key, server-set flags, nulls for inherited settings. */
const livePartner = {
  '@odata.context':
    'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners/$entity',
  tenantId: PARTNER,
  isServiceProvider: false,
  isInMultiTenantOrganization: true,
  inboundTrust: trust(true, true, false),
  automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
  b2bCollaborationInbound: {
    usersAndGroups: targets('allowed', ['AllUsers', 'user']),
    applications: targets('allowed', ['AllApplications', 'application']),
  },
  b2bDirectConnectInbound: null,
  tenantRestrictions: null,
};

/** The same partner as a draft parsed from its document: no annotations or server-owned keys, tenantId put back from the URI. */
function draftOf(changes: Record<string, unknown>): Record<string, unknown> {
  const { '@odata.context': _context, isInMultiTenantOrganization: _mto, ...rest } = livePartner;
  return { ...structuredClone(rest), ...changes };
}

interface Row {
  readonly name: string;
  readonly kind: DocumentKindId;
  readonly live: object;
  readonly draft: object;
  readonly patch: Record<string, unknown>;
  /** The change summary, line by line. */
  readonly changes: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: 'a scalar',
    kind: 'partner',
    live: livePartner,
    draft: draftOf({ isServiceProvider: true }),
    patch: { isServiceProvider: true },
    changes: ['Cloud service provider: no → yes'],
  },
  {
    name: 'a nested leaf sends its whole top-level object',
    kind: 'partner',
    live: livePartner,
    draft: draftOf({ inboundTrust: trust(true, false, false) }),
    patch: { inboundTrust: trust(true, false, false) },
    changes: ['Inbound trust, compliant devices: trusted → not trusted'],
  },
  {
    name: 'null returns a setting to inheriting',
    kind: 'partner',
    live: livePartner,
    draft: draftOf({ inboundTrust: null }),
    patch: { inboundTrust: null },
    changes: [
      'Inbound trust, compliant devices: trusted → inherited',
      'Inbound trust, hybrid joined devices: not trusted → inherited',
      'Inbound trust, MFA: trusted → inherited',
    ],
  },
  {
    name: 'a setting removed from the document is sent as null',
    kind: 'partner',
    live: livePartner,
    draft: (() => {
      const { automaticUserConsentSettings: _gone, ...rest } = draftOf({});
      return rest;
    })(),
    patch: { automaticUserConsentSettings: null },
    changes: [
      'Automatic redemption, inbound: off → inherited',
      'Automatic redemption, outbound: on → inherited',
    ],
  },
  {
    name: 'a target list is replaced whole',
    kind: 'partner',
    live: livePartner,
    draft: draftOf({
      b2bCollaborationInbound: {
        usersAndGroups: targets('allowed', [GROUP, 'group']),
        applications: targets('allowed', ['AllApplications', 'application']),
      },
    }),
    patch: {
      b2bCollaborationInbound: {
        usersAndGroups: targets('allowed', [GROUP, 'group']),
        applications: targets('allowed', ['AllApplications', 'application']),
      },
    },
    changes: [
      'B2B collaboration inbound, users and groups, targets: + group c4f19b2e…',
      'B2B collaboration inbound, users and groups, targets: − all users',
    ],
  },
  {
    name: 'a previously inherited setting written out',
    kind: 'partner',
    live: livePartner,
    draft: draftOf({
      b2bDirectConnectInbound: {
        usersAndGroups: targets('blocked', ['AllUsers', 'user']),
        applications: targets('blocked', ['AllApplications', 'application']),
      },
    }),
    patch: {
      b2bDirectConnectInbound: {
        usersAndGroups: targets('blocked', ['AllUsers', 'user']),
        applications: targets('blocked', ['AllApplications', 'application']),
      },
    },
    changes: [
      'B2B direct connect inbound, applications: inherited → blocked',
      'B2B direct connect inbound, applications, targets: inherited → all applications',
      'B2B direct connect inbound, users and groups: inherited → blocked',
      'B2B direct connect inbound, users and groups, targets: inherited → all users',
    ],
  },
  {
    name: 'no change: read-only, key and annotation differences are not sent',
    kind: 'partner',
    live: livePartner,
    draft: draftOf({
      tenantId: PARTNER.toUpperCase(),
      isInMultiTenantOrganization: false,
      identitySynchronization: { userSyncInbound: { isSyncAllowed: true } },
    }),
    patch: {},
    changes: [],
  },
  {
    name: 'no change: a nested null and a missing field store the same thing',
    kind: 'partner',
    live: {
      ...livePartner,
      tenantRestrictions: {
        usersAndGroups: targets('blocked', ['AllUsers', 'user']),
        applications: targets('blocked', ['AllApplications', 'application']),
        devices: null,
      },
    },
    draft: draftOf({
      tenantRestrictions: {
        usersAndGroups: targets('blocked', ['AllUsers', 'user']),
        applications: targets('blocked', ['AllApplications', 'application']),
      },
    }),
    patch: {},
    changes: [],
  },
  {
    name: 'no change: an object of nulls is how Graph reads back an unset setting',
    kind: 'partner',
    live: {
      ...livePartner,
      automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
    },
    draft: draftOf({ automaticUserConsentSettings: null }),
    patch: {},
    changes: [],
  },
  {
    name: 'default: automaticUserConsentSettings is read-only there and never sent',
    kind: 'default',
    live: {
      id: 'x',
      isServiceDefault: false,
      inboundTrust: trust(true, false, false),
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
    },
    draft: {
      inboundTrust: trust(true, false, true),
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
    },
    patch: { inboundTrust: trust(true, false, true) },
    changes: ['Inbound trust, hybrid joined devices: not trusted → trusted'],
  },
  {
    name: 'policy: allowedCloudEndpoints replaced whole, id never sent',
    kind: 'policy',
    live: {
      id: 'p',
      displayName: 'CrossTenantAccessPolicy',
      allowedCloudEndpoints: ['microsoftonline.us'],
    },
    draft: {
      id: 'other',
      displayName: 'CrossTenantAccessPolicy',
      allowedCloudEndpoints: ['microsoftonline.us', 'partner.microsoftonline.cn'],
    },
    patch: { allowedCloudEndpoints: ['microsoftonline.us', 'partner.microsoftonline.cn'] },
    changes: [
      'Allowed cloud endpoints: microsoftonline.us → microsoftonline.us, partner.microsoftonline.cn',
    ],
  },
  {
    name: 'identity sync: tenantId is the URL key, not a body property',
    kind: 'identitySync',
    live: {
      tenantId: PARTNER,
      displayName: 'Fabrikam Retail',
      userSyncInbound: { isSyncAllowed: true },
    },
    draft: {
      tenantId: PARTNER,
      displayName: 'Fabrikam Retail',
      userSyncInbound: { isSyncAllowed: false },
    },
    patch: { userSyncInbound: { isSyncAllowed: false } },
    changes: ['User sync inbound: allowed → not allowed'],
  },
];

describe('planPush', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const plan = planPush(row.kind, row.live, row.draft);
      assert.deepEqual(plan.patch, row.patch);
      assert.equal(plan.empty, Object.keys(row.patch).length === 0);
      assert.equal(plan.kind, row.kind);
      assert.deepEqual(plan.changes, row.changes);
    });
  }

  it('leaves both inputs untouched', () => {
    const live = structuredClone(livePartner);
    const draft = draftOf({ inboundTrust: null });
    const snapshot = [structuredClone(live), structuredClone(draft)];
    planPush('partner', live, draft);
    assert.deepEqual([live, draft], snapshot);
  });

  it('sync schema: the whole draft, since Graph only replaces a schema with PUT', () => {
    const live = {
      id: 'Azure2Azure.x',
      version: 'v1',
      synchronizationRules: [{ id: 'r1', name: 'USER_TO_USER' }],
      directories: [],
    };
    const draft = {
      ...live,
      synchronizationRules: [{ id: 'r1', name: 'USER_TO_USER', editable: true }],
    };
    const plan = planPush('syncSchema', live, draft);
    assert.deepEqual(plan.patch, draft);
    assert.equal(plan.empty, false);
    assert.equal(planPush('syncSchema', live, structuredClone(live)).empty, true);
  });

  it('default: a removed or null setting is never sent as null, and the plan names it', () => {
    const live = {
      id: 'x',
      isServiceDefault: false,
      inboundTrust: trust(true, false, false),
      tenantRestrictions: {
        usersAndGroups: targets('blocked', ['AllUsers', 'user']),
        applications: targets('blocked', ['AllApplications', 'application']),
      },
      b2bDirectConnectInbound: {
        usersAndGroups: targets('blocked', ['AllUsers', 'user']),
        applications: targets('blocked', ['AllApplications', 'application']),
      },
    };
    const draft = {
      inboundTrust: trust(true, true, false),
      tenantRestrictions: null,
      // b2bDirectConnectInbound removed from the document
    };
    const plan = planPush('default', live, draft);
    assert.deepEqual(plan.patch, { inboundTrust: trust(true, true, false) });
    assert.deepEqual(plan.cannotInherit, ['tenantRestrictions', 'b2bDirectConnectInbound']);
    assert.ok(!Object.values(plan.patch as Record<string, unknown>).includes(null));
  });

  it('partner: nothing is refused, null still means inherit', () => {
    const plan = planPush('partner', livePartner, draftOf({ inboundTrust: null }));
    assert.deepEqual(plan.cannotInherit, []);
    assert.deepEqual(plan.patch, { inboundTrust: null });
  });
});
