import assert from 'node:assert/strict';
import {
  applyPatchToText,
  hasSetting,
  settingRange,
} from '../../../../src/core/policy/settingLocation';

const partner = `{
  "tenantId": "7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58",
  "automaticUserConsentSettings": {
    "inboundAllowed": false,
    "outboundAllowed": true
  },
  "inboundTrust": null
}
`;

describe('settingRange', () => {
  const cases: [string, string, string][] = [
    [
      'an existing leaf selects the property',
      'automaticUserConsentSettings.inboundAllowed',
      '"inboundAllowed": false',
    ],
    [
      'a missing leaf under a null parent selects the parent',
      'inboundTrust.isMfaAccepted',
      '"inboundTrust": null',
    ],
    [
      'a missing top-level property puts the cursor at the start',
      'b2bDirectConnectInbound.usersAndGroups',
      '',
    ],
  ];
  for (const [name, setting, expected] of cases) {
    it(name, () => {
      const r = settingRange(partner, setting)!;
      assert.equal(partner.slice(r.offset, r.offset + r.length), expected);
    });
  }
  it('gives nothing for text that does not parse', () =>
    assert.equal(settingRange('', 'a'), undefined));
});

describe('applyPatchToText', () => {
  it('changes one leaf and keeps the rest of the text', () => {
    const out = applyPatchToText(partner, {
      automaticUserConsentSettings: { inboundAllowed: true },
    });
    assert.equal(out, partner.replace('"inboundAllowed": false', '"inboundAllowed": true'));
  });
  it('creates the parent object of a leaf under null', () => {
    const out = JSON.parse(
      applyPatchToText(partner, { inboundTrust: { isMfaAccepted: true } }),
    ) as Record<string, unknown>;
    assert.deepEqual(out.inboundTrust, { isMfaAccepted: true });
    assert.deepEqual(out.automaticUserConsentSettings, {
      inboundAllowed: false,
      outboundAllowed: true,
    });
  });
  it('refuses a document that does not parse', () => {
    assert.throws(() => applyPatchToText('{ "a": ', { a: 1 }), /not valid JSON/);
  });
});

describe('hasSetting', () => {
  it('is true for a property the text has, false for one only its parent has', () => {
    assert.equal(hasSetting(partner, 'automaticUserConsentSettings.outboundAllowed'), true);
    assert.equal(hasSetting(partner, 'inboundTrust.isMfaAccepted'), false);
    assert.equal(hasSetting(partner, 'inboundTrust'), true);
    assert.equal(hasSetting('', 'inboundTrust'), false);
  });
});
