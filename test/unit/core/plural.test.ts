import assert from 'node:assert/strict';
import { plural } from '../../../src/core/plural';

describe('plural', () => {
  it('puts the singular after 1 and the noun with an s after any other count', () => {
    assert.equal(plural(1, 'change'), '1 change');
    assert.equal(plural(0, 'change'), '0 changes');
    assert.equal(plural(3, 'tenant pair'), '3 tenant pairs');
  });

  it('takes the plural where it is not the noun with an s', () => {
    assert.equal(plural(1, 'property', 'properties'), '1 property');
    assert.equal(plural(2, 'property', 'properties'), '2 properties');
  });
});
