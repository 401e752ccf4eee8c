import assert from 'node:assert/strict';
import { valueAt } from '../../../../src/core/policy/documentPaths';
import { planPush } from '../../../../src/core/policy/pushPlan';
import { resolveConflicts, threeWay } from '../../../../src/core/policy/threeWay';

const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const GROUP_A = 'c4f19b2e-7a53-4d8c-9e61-0b2d5f8a3c97';
const GROUP_B = '5d2e8a71-9c34-4b6f-a1d8-3e7f0b9c2a46';

const trust = (mfa: boolean, compliant: boolean, hybrid: boolean) => ({
  isMfaAccepted: mfa,
  isCompliantDeviceAccepted: compliant,
  isHybridAzureADJoinedDeviceAccepted: hybrid,
});
const list = (accessType: string, ...targets: [string, string][]) => ({
  accessType,
  targets: targets.map(([target, targetType]) => ({ target, targetType })),
});

/** The partner the draft started from (what live was when the user opened it). */
function base(): Record<string, unknown> {
  return {
    tenantId: PARTNER,
    isServiceProvider: false,
    inboundTrust: trust(true, false, false),
    automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
    b2bCollaborationInbound: {
      usersAndGroups: list('allowed', [GROUP_A, 'group']),
      applications: list('allowed', ['AllApplications', 'application']),
    },
    tenantRestrictions: null,
  };
}

/** `base()` with changes at paths ('inboundTrust.isMfaAccepted'); undefined deletes. */
function edit(changes: Record<string, unknown>): Record<string, unknown> {
  const doc = base();
  for (const [dotted, value] of Object.entries(changes)) {
    const path = dotted.split('.');
    let node = doc;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    if (value === undefined) delete node[path[path.length - 1]];
    else node[path[path.length - 1]] = value;
  }
  return doc;
}

describe('threeWay', () => {
  it('live unchanged: merged is the draft, nothing from theirs', () => {
    const draft = edit({ isServiceProvider: true });
    const result = threeWay('partner', base(), base(), draft);
    assert.equal(result.liveChanged, false);
    assert.deepEqual(result.theirs, []);
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.merged, draft);
  });

  it('merges disjoint edits inside the same nested object', () => {
    const live = edit({ 'inboundTrust.isMfaAccepted': false }); // a colleague stopped trusting MFA
    const draft = edit({ 'inboundTrust.isCompliantDeviceAccepted': true }); // the user trusts compliant devices
    const result = threeWay('partner', base(), live, draft);
    assert.equal(result.liveChanged, true);
    assert.deepEqual(result.theirs, ['Inbound trust, MFA: trusted → not trusted']);
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.merged.inboundTrust, trust(false, true, false));
    // The push built from the merge keeps the colleague's change: the nested object goes whole.
    assert.deepEqual(planPush('partner', live, result.merged).patch, {
      inboundTrust: trust(false, true, false),
    });
  });

  it('both changing the same leaf differently is a conflict with a readable label', () => {
    const live = edit({ 'b2bCollaborationInbound.usersAndGroups.accessType': 'blocked' });
    const draft = edit({
      'b2bCollaborationInbound.usersAndGroups.accessType': 'allowed',
      'b2bCollaborationInbound.usersAndGroups.targets': [
        { target: 'AllUsers', targetType: 'user' },
      ],
    });
    // The same leaf: live blocked the list; the draft keeps "allowed" but changes the list. No conflict on accessType (draft = base there).
    const clean = threeWay('partner', base(), live, draft);
    assert.deepEqual(clean.conflicts, []);
    assert.deepEqual(clean.merged.b2bCollaborationInbound, {
      usersAndGroups: list('blocked', ['AllUsers', 'user']),
      applications: list('allowed', ['AllApplications', 'application']),
    });

    const draft2 = edit({
      'b2bCollaborationInbound.usersAndGroups.accessType': 'unknownFutureValue',
    });
    const result = threeWay('partner', base(), live, draft2);
    assert.deepEqual(result.conflicts, [
      {
        path: ['b2bCollaborationInbound', 'usersAndGroups', 'accessType'],
        label: 'B2B collaboration inbound › users and groups › access type',
        base: 'allowed',
        live: 'blocked',
        draft: 'unknownFutureValue',
      },
    ]);
    // Until resolved, the merge holds live's value at the conflict.
    assert.equal(
      valueAt(result.merged, ['b2bCollaborationInbound', 'usersAndGroups', 'accessType']),
      'blocked',
    );
  });

  it('identical edits on both sides are not a conflict', () => {
    const both = edit({
      'inboundTrust.isHybridAzureADJoinedDeviceAccepted': true,
      isServiceProvider: true,
    });
    const result = threeWay('partner', base(), both, structuredClone(both));
    assert.equal(result.liveChanged, true);
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.merged, both);
    assert.equal(planPush('partner', both, result.merged).empty, true);
  });

  it('live reset a setting to inherit (null) that the draft edited: conflict on the whole setting', () => {
    const live = edit({ inboundTrust: null });
    const draft = edit({ 'inboundTrust.isCompliantDeviceAccepted': true });
    const result = threeWay('partner', base(), live, draft);
    assert.deepEqual(result.theirs.length, 3);
    assert.deepEqual(
      result.conflicts.map((c) => [c.path, c.label, c.live]),
      [[['inboundTrust'], 'inbound trust', null]],
    );
    assert.deepEqual(result.conflicts[0].draft, trust(true, true, false));
  });

  it('live reset a setting as Graph reads it back (an object of nulls): also a conflict on the whole setting', () => {
    const live = edit({
      automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
    });
    const draft = edit({ 'automaticUserConsentSettings.inboundAllowed': true });
    assert.deepEqual(
      threeWay('partner', base(), live, draft).conflicts.map((c) => c.label),
      ['automatic redemption'],
    );
  });

  it('live removed a setting the draft did not touch: the removal stands', () => {
    const live = edit({ automaticUserConsentSettings: undefined });
    const draft = edit({ isServiceProvider: true });
    const result = threeWay('partner', base(), live, draft);
    assert.deepEqual(result.conflicts, []);
    assert.equal('automaticUserConsentSettings' in result.merged, false);
    assert.equal(result.merged.isServiceProvider, true);
  });

  it('arrays are whole values: different edits of a target list conflict, even if they could be combined', () => {
    const live = edit({
      'b2bCollaborationInbound.usersAndGroups.targets': [
        { target: GROUP_A, targetType: 'group' },
        { target: GROUP_B, targetType: 'group' },
      ],
    });
    const draft = edit({ 'b2bCollaborationInbound.usersAndGroups.targets': [] });
    const result = threeWay('partner', base(), live, draft);
    assert.deepEqual(
      result.conflicts.map((c) => c.path.join('/')),
      ['b2bCollaborationInbound/usersAndGroups/targets'],
    );
    assert.deepEqual(result.conflicts[0].base, [{ target: GROUP_A, targetType: 'group' }]);
  });

  it('absent and null are the same value; server-owned keys of live survive the merge', () => {
    const live = { ...edit({}), isInMultiTenantOrganization: true, '@odata.context': 'x' };
    const draft = edit({ tenantRestrictions: undefined, isServiceProvider: true }); // tenantRestrictions was null: no change
    const result = threeWay('partner', base(), live, draft);
    assert.equal(result.liveChanged, false);
    assert.equal(result.merged.isInMultiTenantOrganization, true);
    assert.equal(result.merged.tenantRestrictions, null);
    assert.deepEqual(planPush('partner', live, result.merged).patch, { isServiceProvider: true });
  });

  it('a setting inherited in base and written out on both sides merges field by field', () => {
    const start = edit({ inboundTrust: null });
    // Each side writes one field; the fields it leaves out stay as they were (unset).
    const live = edit({ inboundTrust: { isMfaAccepted: true } });
    const draft = edit({
      inboundTrust: { isCompliantDeviceAccepted: true, isHybridAzureADJoinedDeviceAccepted: null },
    }); // null = unset, as before
    const result = threeWay('partner', start, live, draft);
    assert.deepEqual(
      result.conflicts.map((c) => c.label),
      [],
    );
    assert.deepEqual(result.merged.inboundTrust, {
      isMfaAccepted: true,
      isCompliantDeviceAccepted: true,
    });
    // Both writing the same field differently, from nothing, is a conflict whose base is null.
    const clash = threeWay(
      'partner',
      start,
      edit({ inboundTrust: trust(true, false, false) }),
      edit({ inboundTrust: trust(false, false, false) }),
    );
    assert.deepEqual(
      clash.conflicts.map((c) => c.label),
      ['inbound trust › MFA'],
    );
    assert.equal(clash.conflicts[0].base, null);
  });
});

describe('resolveConflicts', () => {
  const live = edit({ 'inboundTrust.isMfaAccepted': false, isServiceProvider: true });
  const draft = edit({
    'inboundTrust.isMfaAccepted': true,
    'inboundTrust.isHybridAzureADJoinedDeviceAccepted': true,
    isServiceProvider: false,
    'automaticUserConsentSettings.inboundAllowed': true,
  });
  // Base had MFA and provider unset; live set them false and true, the draft true and false: two
  // conflicts. The draft's hybrid and consent changes touch nothing live changed: clean.
  const conflicting = threeWay(
    'partner',
    edit({ 'inboundTrust.isMfaAccepted': null, isServiceProvider: null }),
    live,
    draft,
  );

  it('has the conflicts this table is about', () => {
    assert.deepEqual(conflicting.conflicts.map((c) => c.path.join('/')).sort(), [
      'inboundTrust/isMfaAccepted',
      'isServiceProvider',
    ]);
  });

  it('applies each choice and keeps the clean merges', () => {
    const resolved = resolveConflicts(conflicting, {
      'inboundTrust/isMfaAccepted': 'draft',
      isServiceProvider: 'live',
    });
    assert.deepEqual(resolved.inboundTrust, trust(true, false, true));
    assert.equal(resolved.isServiceProvider, true);
    assert.deepEqual(resolved.automaticUserConsentSettings, {
      inboundAllowed: true,
      outboundAllowed: true,
    });
    // The result is a new object: the three-way result can be resolved again differently.
    const other = resolveConflicts(conflicting, {
      'inboundTrust/isMfaAccepted': 'live',
      isServiceProvider: 'draft',
    });
    assert.deepEqual(
      [valueAt(other, ['inboundTrust', 'isMfaAccepted']), other.isServiceProvider],
      [false, false],
    );
    assert.equal(valueAt(conflicting.merged, ['inboundTrust', 'isMfaAccepted']), false);
  });

  it('refuses to guess a conflict left without a choice', () => {
    assert.throws(
      () => resolveConflicts(conflicting, { isServiceProvider: 'live' }),
      /inbound trust › MFA/,
    );
  });

  it('a draft choice of null on a whole setting returns it to inheriting', () => {
    const result = threeWay(
      'partner',
      base(),
      edit({ 'inboundTrust.isMfaAccepted': false }),
      edit({ inboundTrust: null }),
    );
    assert.deepEqual(
      result.conflicts.map((c) => c.path),
      [['inboundTrust']],
    );
    const resolved = resolveConflicts(result, { inboundTrust: 'draft' });
    assert.equal(resolved.inboundTrust, null);
    assert.deepEqual(
      planPush('partner', edit({ 'inboundTrust.isMfaAccepted': false }), resolved).patch,
      { inboundTrust: null },
    );
  });
});
