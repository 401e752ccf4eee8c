import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProvisionOnDemandResult } from '../../../../src/core/graph/provisionOnDemandResult';
import type { StringKeyStringValuePair } from '../../../../src/core/graph/types';
import {
  explainOnDemand,
  explainProvisioningCode,
} from '../../../../src/core/sync/provisioningErrors';

describe('explainProvisioningCode', () => {
  // Every code of sync-facts.md §1a, §1b and the skip reasons of §1c, with what that note says of
  // it: its "Auto-retry?" column as written there, and a fact from its meaning or fix that the
  // explanation must carry. Written from the note, not from our explanations.
  type Retry = 'Yes' | '40 min' | 'Partly' | 'No' | 'n/a';
  const table: [code: string, documented: Retry, fact: RegExp][] = [
    ['AzureDirectoryB2BManagementPolicyCheckFailure', 'No', /automatic redemption/],
    ['AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure', 'No', /automatic redemption/],
    [
      'AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService',
      'Partly',
      /showInAddressList/,
    ],
    ['AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises', 'No', /on-premises/],
    ['AzureActiveDirectoryQuotaLimitExceeded', 'No', /quota/],
    ['InvitationCreationFailure', 'No', /external collaboration settings/],
    ['InvitationCreationFailureInvalidPropertyValue', 'No', /userType/],
    ['InvitationCreationFailureAmbiguousUser', 'No', /proxy address/],
    ['InvitationCreationFailureUserAccountDisabled', 'No', /disabled.*Enable/s],
    ['AzureActiveDirectoryForbidden', 'No', /guest invitation/],
    ['AzureActiveDirectoryInsufficientRights', 'No', /role/],
    ['EntityTypeNotSupported', 'n/a', /group.*pick a user/s],
    ['ExternalTenantNotFound', 'No', /cross-cloud/],
    ['AzureActiveDirectoryTokenExpired', 'No', /cross-cloud/],
    ['schemaInvalid', 'n/a', /matching attribute/],
    ['Authorization_RequestDenied', 'No', /role or the consent/],
    ['Request_MultipleObjectsWithSameKeyValue', 'No', /already exists/],
    ['Directory_ObjectNotFound', 'No', /does not exist.*Create it/s],
    ['Conflict', 'No', /unique value/],
    ['EntryConflict', 'No', /unique value/],
    ['DuplicateTargetEntries', 'No', /More than one target object/],
    ['DuplicateSourceEntries', 'No', /More than one source object/],
    ['TooManyRequests', 'Yes', /throttled/],
    ['InternalServerError', '40 min', /unexpected/],
    ['WebExceptionProtocolError', '40 min', /HTTP/],
    ['InternalError', '40 min', /provisioning service/],
    ['Timeout', '40 min', /in time/],
    ['InsufficientRights', 'No', /not allow the change/],
    ['MethodNotAllowed', 'No', /not allow the change/],
    ['NotPermitted', 'No', /not allow the change/],
    ['Unauthorized', 'No', /not allow the change/],
    ['UnprocessableEntity', 'No', /did not expect/],
    ['NotImplemented', 'No', /did not expect/],
    ['InvalidAnchor', 'No', /no longer exists/],
    ['MandatoryFieldsMissing', 'No', /cannot be created/],
    ['MissingValues', 'No', /cannot be created/],
    ['SchemaAttributeNotFound', 'No', /mapping/],
    ['InvalidDomain', 'No', /domain/],
    ['SchemaPropertyCanOnlyAcceptValue', 'No', /single/],
    ['LicenseLimitExceeded', 'No', /licen[cs]e/],
    ['ImportSkipped', 'n/a', /matching attribute/],
    ['EntrySynchronizationSkipped', 'n/a', /scope|already in sync/],
    ['NotEffectivelyEntitled', 'n/a', /not assigned/],
    ['RedundantExport', 'n/a', /already match/],
    ['StagedDelete', 'n/a', /deletion threshold|accidental-deletion/],
    ['StagedAction', 'n/a', /deletion threshold|accidental-deletion/],
  ];
  for (const [code, documented, fact] of table) {
    it(`explains ${code} (auto-retry in sync-facts.md: ${documented})`, () => {
      const e = explainProvisioningCode(code);
      assert.ok(e, code);
      // "Partly": the engine may retry without the offending property, so waiting can be enough.
      assert.equal(
        e.retries,
        documented === 'Yes' || documented === '40 min' || documented === 'Partly',
      );
      if (documented === '40 min') assert.match(e.remedy, /40 minutes/);
      assert.match(`${e.meaning} ${e.remedy}`, fact);
      assert.match(e.meaning, /^[A-Z].{10,}\.$/);
      assert.match(e.remedy, /^[A-Z].{5,}\.$/);
    });
  }

  it('matches case-insensitively and ignores surrounding spaces', () => {
    for (const spelling of [' redundantexport ', 'REDUNDANTEXPORT', '\tRedundantExport\n']) {
      const e = explainProvisioningCode(spelling);
      assert.ok(e, JSON.stringify(spelling));
      assert.match(e.meaning, /already match/, JSON.stringify(spelling));
    }
  });

  it("points the policy-check failure at both tenants' settings", () => {
    const e = explainProvisioningCode('AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure');
    assert.match(
      e!.remedy,
      /target tenant.*inbound automatic redemption.*outbound automatic redemption/s,
    );
  });

  it('says "allow deletes" for held deletions and "assign" for unassigned users', () => {
    assert.match(explainProvisioningCode('StagedDelete')!.remedy, /Allow deletes/);
    assert.match(explainProvisioningCode('NotEffectivelyEntitled')!.remedy, /Assign/);
  });

  it('returns undefined for unknown codes', () => {
    assert.equal(explainProvisioningCode('SomethingNew'), undefined);
    assert.equal(explainProvisioningCode(''), undefined);
  });
});

describe('explainOnDemand', () => {
  // The fixture is Microsoft's example answer (graph-examples/syncjob-provisionondemand.response.json);
  // the counts are read off it: 4 provisioningSteps, the last Skipped with SkipReason RedundantExport,
  // 7 modifiedProperties of which the second is accountEnabled null → "True".
  it('explains the documented skipped answer (RedundantExport)', () => {
    const pair = JSON.parse(
      readFileSync(
        join(__dirname, '..', 'graph', 'fixtures', 'provisionondemand.response.json'),
        'utf8',
      ),
    ) as StringKeyStringValuePair;
    const e = explainOnDemand(parseProvisionOnDemandResult(pair));
    assert.equal(e.headline, 'BillBob@contoso.com was skipped: RedundantExport');
    assert.equal(e.steps.length, 4);
    assert.deepEqual(
      e.steps.map((s) => s.status),
      ['success', 'success', 'success', 'skipped'],
    );
    assert.equal(e.modified.length, 7);
    assert.deepEqual(e.modified[1], { name: 'accountEnabled', oldValue: null, newValue: 'True' });
    assert.match(e.reason!.meaning, /already matches/);
  });

  const crossTenant = (steps: object[], extra: object = {}): StringKeyStringValuePair => ({
    key: 'Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo',
    value: JSON.stringify([
      { provisioningSteps: steps, reportableIdentifier: 'adele@contoso.com', ...extra },
    ]),
  });

  const cases: {
    name: string;
    pair: StringKeyStringValuePair;
    headline: string;
    reason?: RegExp;
    detail?: [number, RegExp];
  }[] = [
    {
      name: 'a created user',
      pair: crossTenant(
        [
          {
            name: 'EntryExportAdd',
            type: 'Export',
            status: 'Success',
            description: 'User created',
          },
        ],
        {
          action: 'Create',
          modifiedProperties: [{ displayName: 'displayName', oldValue: null, newValue: 'Adele' }],
        },
      ),
      headline: 'adele@contoso.com succeeded (create)',
    },
    {
      name: 'an unassigned user (NotEffectivelyEntitled), with the scoping facts in the step detail',
      pair: crossTenant([
        {
          name: 'EntrySynchronizationScoping',
          type: 'Scoping',
          status: 'Skipped',
          description: 'Determine if user is in scope',
          details: {
            SkipReason: 'NotEffectivelyEntitled',
            'Assigned to the application': 'False',
            objectId: 'x',
          },
        },
      ]),
      headline: 'adele@contoso.com was skipped: NotEffectivelyEntitled',
      reason: /not assigned/,
      detail: [
        0,
        /^Determine if user is in scope — SkipReason: NotEffectivelyEntitled — Assigned to the application: False$/,
      ],
    },
    {
      name: 'a failed policy check',
      pair: {
        key: JSON.stringify({
          result: 'Failure',
          details: {
            errorCode: 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
            errorMessage: 'not allowed',
          },
        }),
        value: JSON.stringify({ reportableIdentifier: 'adele@contoso.com', provisioningSteps: [] }),
      },
      headline: 'adele@contoso.com failed: AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
      reason: /cross-tenant access settings/,
    },
    {
      name: 'a failure with an unknown code keeps the code and gives no reason',
      pair: {
        key: JSON.stringify({ result: 'Failure', details: { errorCode: 'BrandNewCode' } }),
        value: '{}',
      },
      headline: 'The user failed: BrandNewCode',
    },
    {
      name: "a failure without a code uses the failed step's message",
      pair: crossTenant([
        {
          name: 'EntryExportAdd',
          type: 'Export',
          status: 'Failure',
          description: 'Could not create the user',
        },
      ]),
      headline: 'adele@contoso.com failed: Could not create the user',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = explainOnDemand(parseProvisionOnDemandResult(c.pair));
      assert.equal(e.headline, c.headline);
      if (c.reason) assert.match(e.reason!.meaning, c.reason);
      else assert.equal(e.reason, undefined);
      if (c.detail) assert.match(e.steps[c.detail[0]].detail, c.detail[1]);
    });
  }
});
