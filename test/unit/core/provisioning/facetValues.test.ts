import assert from 'node:assert/strict';
import { facetValues } from '../../../../src/core/provisioning/facetValues';
import { row } from './support';

describe('facetValues', () => {
  it('counts distinct statuses, actions and error codes, most frequent first, case folded', () => {
    const facets = facetValues([
      row({ status: 'skipped', action: 'other', errorCode: 'RedundantExport' }),
      row({ status: 'Skipped', action: 'other', errorCode: 'redundantexport' }),
      row({ status: 'failure', action: 'create', errorCode: 'Timeout' }),
      row({ status: 'success', action: 'update' }),
      row({ status: 'skipped', action: 'update', errorCode: 'EntityTypeNotSupported' }),
    ]);
    assert.deepEqual(facets.statuses, [
      { value: 'skipped', count: 3 },
      { value: 'failure', count: 1 },
      { value: 'success', count: 1 },
    ]);
    assert.deepEqual(facets.actions, [
      { value: 'other', count: 2 },
      { value: 'update', count: 2 },
      { value: 'create', count: 1 },
    ]);
    assert.deepEqual(facets.errorCodes, [
      { value: 'RedundantExport', count: 2 },
      { value: 'EntityTypeNotSupported', count: 1 },
      { value: 'Timeout', count: 1 },
    ]);
  });

  it('offers only values a filter can carry: no empty, hostile or oversized values', () => {
    const facets = facetValues([
      row({ status: '', action: '<script>', errorCode: '   ' }),
      row({ status: 'unknownFutureValue', action: 'stagedDelete', errorCode: 'x'.repeat(201) }),
      row({ status: 'a b', action: 'Zürich', errorCode: 'Authorization_RequestDenied' }),
    ]);
    assert.deepEqual(facets.statuses, [{ value: 'unknownFutureValue', count: 1 }]);
    assert.deepEqual(facets.actions, [{ value: 'stagedDelete', count: 1 }]);
    assert.deepEqual(facets.errorCodes, [{ value: 'Authorization_RequestDenied', count: 1 }]);
  });

  it('is empty for no rows', () => {
    assert.deepEqual(facetValues([]), { statuses: [], actions: [], errorCodes: [] });
  });
});
