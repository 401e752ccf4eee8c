import assert from 'node:assert/strict';
import {
  formatFlags,
  formatResetScope,
  parseFlags,
  RESET_SCOPE_MEMBERS,
  type ResetScopeMember,
} from '../../../../src/core/graph/flags';

describe('flags enums', () => {
  it('parses the comma-separated wire form', () => {
    assert.deepEqual(parseFlags('Watermark, Escrows, QuarantineState'), [
      'Watermark',
      'Escrows',
      'QuarantineState',
    ]);
    assert.deepEqual(parseFlags('Add,Update ,  Delete,'), ['Add', 'Update', 'Delete']);
    assert.deepEqual(parseFlags(''), []);
    assert.deepEqual(parseFlags(null), []);
  });

  it('spells known members canonically and keeps unknown ones', () => {
    assert.deepEqual(
      parseFlags('watermark, ESCROWS, watermark, passthrough', RESET_SCOPE_MEMBERS),
      ['Watermark', 'Escrows', 'passthrough'],
    );
  });

  it('formats with comma and space, without duplicates', () => {
    assert.equal(
      formatFlags(['b2bCollaboration', 'serviceProvider', 'b2bCollaboration']),
      'b2bCollaboration, serviceProvider',
    );
    assert.equal(formatFlags(parseFlags('Add, Update, Delete')), 'Add, Update, Delete');
  });

  it('formats resetScope as the restart body expects', () => {
    assert.equal(
      formatResetScope(['Watermark', 'Escrows', 'QuarantineState']),
      'Watermark, Escrows, QuarantineState',
    );
    assert.equal(formatResetScope(['None', 'Full']), 'Full');
    assert.equal(formatResetScope([]), 'None');
    assert.throws(
      () => formatResetScope(['Everything' as ResetScopeMember]),
      /Unknown resetScope member "Everything"/,
    );
  });
});
