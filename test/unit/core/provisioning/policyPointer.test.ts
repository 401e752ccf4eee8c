import assert from 'node:assert/strict';
import { policyPointerFor, type TenantPair } from '../../../../src/core/provisioning/policyPointer';

const SOURCE = 'aaaaaaaa-0000-0000-0000-000000000001';
const TARGET = 'bbbbbbbb-0000-0000-0000-000000000002';
const PAIR: TenantPair = {
  sourceTenantId: SOURCE,
  sourceName: 'Contoso',
  targetTenantId: TARGET,
  targetName: 'Fabrikam',
};
const SYNC_CODE = 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure';
const B2B_CODE = 'AzureDirectoryB2BManagementPolicyCheckFailure';

describe('policyPointerFor', () => {
  // [case, code, text, expected tenant ('source' | 'target' | none), setting, label]
  const table: [string, string, string, 'source' | 'target' | undefined, string?, string?][] = [
    [
      'source outbound consent (2026 text a)',
      SYNC_CODE,
      'The source tenant has not enabled outbound automatic user consent for the target.',
      'source',
      'automaticUserConsentSettings.outboundAllowed',
      'Contoso: allow outbound automatic redemption for Fabrikam',
    ],
    [
      'target inbound synchronization (2026 text b)',
      SYNC_CODE,
      'The target tenant has not enabled inbound synchronization for this source.',
      'target',
      'identitySynchronization.userSyncInbound.isSyncAllowed',
      'Fabrikam: allow users to sync in for Contoso',
    ],
    [
      "the sandbox's sync text: both target settings, consent named first",
      SYNC_CODE,
      "User 'a@contoso.com' was not provisioned: the target tenant has not enabled inbound automatic user consent or inbound synchronization for this source tenant.",
      'target',
      'automaticUserConsentSettings.inboundAllowed',
      'Fabrikam: allow inbound automatic redemption and allow users to sync in for Contoso',
    ],
    [
      'the older code, policy missing in the target',
      B2B_CODE,
      'Policy permitting auto-redemption of invitations is not configured in the target tenant.',
      'target',
      'automaticUserConsentSettings.inboundAllowed',
    ],
    [
      'the older code, auto-redemption missing in the source tenant',
      B2B_CODE,
      'Auto-redemption is not configured in the source tenant.',
      'source',
      'automaticUserConsentSettings.outboundAllowed',
    ],
    [
      'both sides named: the first wins',
      SYNC_CODE,
      'Not configured. The source tenant Contoso has not enabled outbound automatic user consent (automatic redemption) for Fabrikam. The target tenant Fabrikam has not enabled inbound user synchronization for Contoso.',
      'source',
      'automaticUserConsentSettings.outboundAllowed',
      'Contoso: allow outbound automatic redemption for Fabrikam',
    ],
    [
      'the code in another case',
      SYNC_CODE.toLowerCase(),
      'Inbound synchronization is not enabled.',
      'target',
      'identitySynchronization.userSyncInbound.isSyncAllowed',
    ],
    [
      'the generic portal text names no side',
      B2B_CODE,
      'Policy permitting auto-redemption of invitations not configured',
      undefined,
    ],
    ['an empty text', SYNC_CODE, '', undefined],
    [
      "a quoted subject is data, not the service's words",
      B2B_CODE,
      "User 'outbound.consent@contoso.com' was not provisioned: policy permitting auto-redemption is not configured in the target tenant.",
      'target',
      'automaticUserConsentSettings.inboundAllowed',
    ],
    [
      'another code',
      'InvitationCreationFailure',
      'The target tenant has not enabled inbound synchronization.',
      undefined,
    ],
  ];
  for (const [name, code, text, side, setting, label] of table) {
    it(name, () => {
      const pointer = policyPointerFor(code, text, PAIR);
      if (side === undefined) return assert.equal(pointer, undefined);
      assert.equal(pointer?.tenantId, side === 'source' ? SOURCE : TARGET);
      assert.equal(pointer?.partnerTenantId, side === 'source' ? TARGET : SOURCE);
      assert.equal(pointer?.setting, setting);
      if (label !== undefined) assert.equal(pointer?.label, label);
    });
  }

  it('gives no pointer when the target tenant is unknown, and ids stand in for missing names', () => {
    assert.equal(
      policyPointerFor(SYNC_CODE, 'outbound consent is off', { sourceTenantId: SOURCE }),
      undefined,
    );
    assert.equal(policyPointerFor(SYNC_CODE, 'outbound consent is off', undefined), undefined);
    assert.equal(
      policyPointerFor(SYNC_CODE, 'outbound consent is off', {
        sourceTenantId: SOURCE,
        targetTenantId: TARGET,
      })?.label,
      `${SOURCE}: allow outbound automatic redemption for ${TARGET}`,
    );
  });
});
