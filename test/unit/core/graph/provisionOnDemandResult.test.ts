import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProvisionOnDemandResult } from '../../../../src/core/graph/provisionOnDemandResult';
import type { StringKeyStringValuePair } from '../../../../src/core/graph/types';

describe('parseProvisionOnDemandResult', () => {
  it('reads the documented generic answer: result in key, report in value', () => {
    const pair = JSON.parse(
      readFileSync(join(__dirname, 'fixtures', 'provisionondemand.response.json'), 'utf8'),
    ) as StringKeyStringValuePair;
    const r = parseProvisionOnDemandResult(pair);
    assert.equal(r.outcome, 'skipped');
    assert.equal(r.action, 'Other');
    assert.equal(r.skipReason, 'RedundantExport');
    assert.equal(r.errorCode, 'RedundantExport');
    assert.equal(
      r.errorMessage,
      'The state of the user in both the source and target systems already match.',
    );
    assert.equal(r.reportableIdentifier, 'BillBob@contoso.com');
    assert.deepEqual(
      r.steps.map((s) => [s.name, s.type, s.status]),
      [
        ['EntryImport', 'import', 'success'],
        ['EntryImport', 'matching', 'success'],
        ['EntrySynchronizationScoping', 'scoping', 'success'],
        ['EntrySynchronizationSkip', 'export', 'skipped'],
      ],
    );
    assert.equal(r.steps[0].timestamp?.toISOString(), '2020-06-26T13:58:24.549Z');
    assert.equal(r.steps[2].details.ScopeEvaluationResult, '{}');
    assert.equal(r.modifiedProperties.length, 7);
    assert.deepEqual(r.modifiedProperties[1], {
      displayName: 'accountEnabled',
      oldValue: null,
      newValue: 'True',
    });
    assert.equal(r.raw.key, pair.key);
  });

  it('reads the cross-tenant shape: a type name in key, an array of step lists in value', () => {
    const value = JSON.stringify([
      {
        provisioningSteps: [
          {
            name: 'EntryImport',
            type: 'Import',
            status: 'Success',
            description: 'Retrieved User',
            details: { objectId: 'u1' },
          },
        ],
      },
      {
        provisioningSteps: [
          {
            name: 'EntrySynchronizationScoping',
            type: 'Scoping',
            status: 'Success',
            details: { 'Assigned to the application': 'True', nested: { a: 1 } },
          },
          {
            name: 'EntryExportAdd',
            type: 'Export',
            status: 'Failure',
            description: 'Could not create the user',
            details: {},
          },
        ],
      },
    ]);
    const r = parseProvisionOnDemandResult({
      key: 'Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo',
      value,
    });
    assert.equal(r.outcome, 'failure');
    assert.equal(r.steps.length, 3);
    assert.equal(r.steps[1].details.nested, '{"a":1}');
    assert.equal(r.errorMessage, 'Could not create the user');
    assert.equal(r.skipReason, undefined);
  });

  it('uses statusInfo when the key states no result', () => {
    const value = JSON.stringify({
      action: 'Create',
      statusInfo: { status: 'Success' },
      provisioningSteps: [],
    });
    const r = parseProvisionOnDemandResult({ key: 'x', value });
    assert.equal(r.outcome, 'success');
    assert.equal(r.action, 'Create');
  });

  it('does not throw on missing or non-JSON strings', () => {
    const r = parseProvisionOnDemandResult({ key: null, value: 'not json {' });
    assert.equal(r.outcome, 'unknown');
    assert.deepEqual(r.steps, []);
    assert.deepEqual(r.raw, { key: '', value: 'not json {' });
    assert.equal(parseProvisionOnDemandResult({}).outcome, 'unknown');
  });
});
