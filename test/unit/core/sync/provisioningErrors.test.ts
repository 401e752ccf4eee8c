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
  // [code, retries by itself] for every code of sync-facts.md §1a, §1b and the skip reasons of §1c.
  const table: [code: string, retries: boolean][] = [
    ['AzureDirectoryB2BManagementPolicyCheckFailure', false],
    ['AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure', false],
    ['AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService', true],
    ['AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises', false],
    ['AzureActiveDirectoryQuotaLimitExceeded', false],
    ['InvitationCreationFailure', false],
    ['InvitationCreationFailureInvalidPropertyValue', false],
    ['InvitationCreationFailureAmbiguousUser', false],
    ['InvitationCreationFailureUserAccountDisabled', false],
    ['AzureActiveDirectoryForbidden', false],
    ['AzureActiveDirectoryInsufficientRights', false],
    ['EntityTypeNotSupported', false],
    ['ExternalTenantNotFound', false],
    ['AzureActiveDirectoryTokenExpired', false],
    ['schemaInvalid', false],
    ['Authorization_RequestDenied', false],
    ['Request_MultipleObjectsWithSameKeyValue', false],
    ['Directory_ObjectNotFound', false],
    ['Conflict', false],
    ['EntryConflict', false],
    ['DuplicateTargetEntries', false],
    ['DuplicateSourceEntries', false],
    ['TooManyRequests', true],
    ['InternalServerError', true],
    ['WebExceptionProtocolError', true],
    ['InternalError', true],
    ['Timeout', true],
    ['InsufficientRights', false],
    ['MethodNotAllowed', false],
    ['NotPermitted', false],
    ['Unauthorized', false],
    ['UnprocessableEntity', false],
    ['NotImplemented', false],
    ['InvalidAnchor', false],
    ['MandatoryFieldsMissing', false],
    ['MissingValues', false],
    ['SchemaAttributeNotFound', false],
    ['InvalidDomain', false],
    ['SchemaPropertyCanOnlyAcceptValue', false],
    ['LicenseLimitExceeded', false],
    ['ImportSkipped', false],
    ['EntrySynchronizationSkipped', false],
    ['NotEffectivelyEntitled', false],
    ['RedundantExport', false],
    ['StagedDelete', false],
    ['StagedAction', false],
  ];
  for (const [code, retries] of table) {
    it(`explains ${code}`, () => {
      const e = explainProvisioningCode(code);
      assert.ok(e, code);
      assert.equal(e.retries, retries);
      assert.match(e.meaning, /^[A-Z].{10,}\.$/);
      assert.match(e.remedy, /^[A-Z].{5,}\.$/);
    });
  }

  it('matches case-insensitively and ignores surrounding spaces', () => {
    assert.equal(
      explainProvisioningCode(' redundantexport '),
      explainProvisioningCode('RedundantExport'),
    );
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
