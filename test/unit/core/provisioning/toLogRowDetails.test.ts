import assert from 'node:assert/strict';
import type { ProvisioningObjectSummary } from '../../../../src/core/graph/types';
import { toLogRowDetails } from '../../../../src/core/provisioning/toLogRowDetails';
import { fixtureEntries } from './support';

const asEntry = (value: unknown): ProvisioningObjectSummary => value as ProvisioningObjectSummary;
const CONTOSO = '11111111-1111-1111-1111-111111111111';
const FABRIKAM = '22222222-2222-2222-2222-222222222222';
const PAIR = {
  sourceTenantId: CONTOSO,
  sourceName: 'Contoso Group',
  targetTenantId: FABRIKAM,
  targetName: 'Fabrikam Retail',
};

describe('toLogRowDetails', () => {
  it('gives the documented failure example its steps, properties, error, ids and explanation', () => {
    const [entry] = fixtureEntries('provisioning-list-error.response.json');
    const d = toLogRowDetails(entry, PAIR);
    assert.equal(d.id, 'gc532ff9-r265-ec76-861e-42e2970a8218');
    assert.deepEqual(
      d.steps.map((s) => [s.name, s.type, s.status]),
      [
        ['EntryImportAdd', 'import', 'success'],
        ['EntrySynchronizationAdd', 'matching', 'success'],
        ['EntryExportAdd', 'export', 'failure'],
      ],
    );
    assert.deepEqual(d.steps[2].details, [['ReportableIdentifier', 'Self-service Pilot']]);
    assert.deepEqual(d.modifiedProperties[0], {
      name: 'objectId',
      oldValue: '',
      newValue: '5e0c9eae-ad3d-4139-5ad0-174391d110eb',
    });
    assert.equal(d.error?.code, 'ContosoEntryConflict');
    assert.equal(d.error?.category, 'nonServiceFailure');
    assert.equal(d.error?.additionalDetails, '');
    assert.equal(
      d.error?.meaning,
      undefined,
      'an app-specific code we do not know has no explanation',
    );
    assert.deepEqual(d.ids, [
      ['Entry id', 'gc532ff9-r265-ec76-861e-42e2970a8218'],
      ['Change id', 'eaad2f8b-e6e3-409b-83bd-e4e2e57177d5'],
      ['Cycle id', '44576n58-v14b-70fj-8404-3d22tt46ed93'],
      ['Job id', 'ContosoOutDelta.7928d5b574424a97ne2d66f9j9972ecn'],
      ['Source object id', '5e6c9rae-ab4d-5239-8ad0-174391d110eb'],
      ['Service principal id', 'chc46a42-966b-47d7-9774-576b1c8bd0b8'],
      ['Tenant id', '7928d5b5-7442-4a97-ne2d-66f9j9972ecn'],
    ]);
    assert.equal(d.canProvisionOnDemand, false, 'a group');
    assert.equal(d.policy, undefined);
  });

  it('explains a known code, with whether the service retries', () => {
    const d = toLogRowDetails(
      asEntry({
        provisioningStatusInfo: {
          status: 'failure',
          errorInformation: { errorCode: 'Timeout', reason: 'slow' },
        },
      }),
    );
    assert.equal(d.error?.retries, true);
    assert.match(d.error?.meaning ?? '', /did not answer in time/);
    assert.ok(d.error?.remedy);
  });

  it("shows a skipped entry's skip reason, with the step that gives it and its meaning", () => {
    const d = toLogRowDetails(
      asEntry({
        provisioningStatusInfo: { status: 'skipped', errorInformation: null },
        provisioningSteps: [
          {
            name: 'EntryImport',
            provisioningStepType: 'import',
            status: 'success',
            description: 'Retrieved',
            details: { userPrincipalName: 'a@b' },
          },
          {
            name: 'EntrySynchronizationSkip',
            provisioningStepType: 'export',
            status: 'skipped',
            description: 'Already in sync',
            details: { SkipReason: 'RedundantExport' },
          },
        ],
      }),
    );
    assert.deepEqual(
      { ...d.error, meaning: undefined, remedy: undefined, retries: undefined },
      {
        code: 'RedundantExport',
        reason: 'Already in sync',
        additionalDetails: '',
        recommendedAction: '',
        category: '',
        meaning: undefined,
        remedy: undefined,
        retries: undefined,
      },
    );
    assert.match(d.error?.meaning ?? '', /already matches/);
  });

  it('has no error block for a success, even when a step states a skip reason', () => {
    const d = toLogRowDetails(
      asEntry({
        provisioningStatusInfo: { status: 'success', errorInformation: null },
        provisioningSteps: [{ details: { SkipReason: 'RedundantExport' } }],
      }),
    );
    assert.equal(d.error, undefined);
  });

  // [case, entry fields, can provision on demand]
  const onDemand: [string, Record<string, unknown>, boolean][] = [
    [
      'a user with a source id and a job',
      { jobId: 'j', sourceIdentity: { id: 's', identityType: 'User' } },
      true,
    ],
    ['any case of User', { jobId: 'j', sourceIdentity: { id: 's', identityType: 'user' } }, true],
    ['no job', { sourceIdentity: { id: 's', identityType: 'User' } }, false],
    ['no source id', { jobId: 'j', sourceIdentity: { id: '', identityType: 'User' } }, false],
    ['a group', { jobId: 'j', sourceIdentity: { id: 's', identityType: 'Group' } }, false],
  ];
  for (const [name, entry, expected] of onDemand) {
    it(`provision on demand: ${name} → ${expected}`, () =>
      assert.equal(toLogRowDetails(asEntry(entry)).canProvisionOnDemand, expected));
  }

  it('never throws on hostile shapes, and caps what a huge entry shows', () => {
    for (const value of [
      null,
      1,
      'x',
      [],
      {
        provisioningSteps: [
          null,
          1,
          { details: [1, 2] },
          { details: { a: { nested: true }, b: null, c: 5 } },
        ],
        modifiedProperties: [null, { displayName: 5 }],
      },
    ]) {
      assert.doesNotThrow(() => toLogRowDetails(asEntry(value), PAIR));
    }
    const d = toLogRowDetails(
      asEntry({ provisioningSteps: [{ details: { a: { nested: true }, b: null, c: 5 } }] }),
    );
    assert.deepEqual(d.steps[0].details, [
      ['a', '{"nested":true}'],
      ['b', ''],
      ['c', '5'],
    ]);
    const huge = toLogRowDetails(
      asEntry({
        provisioningSteps: Array.from({ length: 5000 }, () => ({ name: 's' })),
        modifiedProperties: Array.from({ length: 5000 }, () => ({})),
      }),
    );
    assert.equal(huge.steps.length, 200);
    assert.equal(huge.modifiedProperties.length, 200);
  });

  it('points a failed policy check at the tenant the detail text names', () => {
    const entry = (
      code: string,
      reason: string,
      additionalDetails: string | null = null,
    ): ProvisioningObjectSummary =>
      asEntry({
        provisioningStatusInfo: {
          status: 'failure',
          errorInformation: { errorCode: code, reason, additionalDetails },
        },
      });
    const outbound = toLogRowDetails(
      entry(
        'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
        'Failed.',
        'The source tenant has not enabled outbound automatic user consent.',
      ),
      PAIR,
    );
    assert.deepEqual(outbound.policy, {
      tenantId: CONTOSO,
      partnerTenantId: FABRIKAM,
      setting: 'automaticUserConsentSettings.outboundAllowed',
      label: 'Contoso Group: allow outbound automatic redemption for Fabrikam Retail',
    });
    const inbound = toLogRowDetails(
      entry(
        'AzureDirectoryB2BManagementPolicyCheckFailure',
        "User 'a@contoso.com' was not provisioned: policy permitting auto-redemption of invitations is not configured in the target tenant.",
      ),
      PAIR,
    );
    assert.deepEqual(inbound.policy, {
      tenantId: FABRIKAM,
      partnerTenantId: CONTOSO,
      setting: 'automaticUserConsentSettings.inboundAllowed',
      label: 'Fabrikam Retail: allow inbound automatic redemption for Contoso Group',
    });
    assert.equal(
      toLogRowDetails(entry('AzureDirectoryB2BManagementPolicyCheckFailure', 'x'), undefined)
        .policy,
      undefined,
      'no pair, no pointer',
    );
  });
});
