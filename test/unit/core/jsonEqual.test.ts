import assert from 'node:assert/strict';
import { isUnset, jsonEqual } from '../../../src/core/jsonEqual';

describe('jsonEqual', () => {
  it('compares JSON values structurally: key order does not matter, array order does', () => {
    assert.equal(jsonEqual({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] }), true);
    assert.equal(jsonEqual([1, 2], [2, 1]), false);
    assert.equal(jsonEqual({ a: null }, { a: false }), false);
    assert.equal(jsonEqual([], {}), false);
    assert.equal(jsonEqual([1], [1, 2]), false);
    assert.equal(jsonEqual('1', 1), false);
  });

  it("'distinct' (the default): null is a value, absent and undefined are the same", () => {
    assert.equal(jsonEqual({ a: 1, b: undefined }, { a: 1 }), true);
    assert.equal(jsonEqual({ a: null }, {}), false);
    assert.equal(jsonEqual({ a: { b: null } }, { a: {} }), false);
    assert.equal(jsonEqual(null, undefined), false);
    assert.equal(jsonEqual({ a: { b: null } }, { a: null }), false);
  });

  it("'absentIsNull': absent equals null at every depth, an object of nulls does not", () => {
    assert.equal(jsonEqual({ a: null }, {}, 'absentIsNull'), true);
    assert.equal(jsonEqual({ a: { b: null } }, { a: {} }, 'absentIsNull'), true);
    assert.equal(jsonEqual(null, undefined, 'absentIsNull'), true);
    assert.equal(jsonEqual({ a: { b: null } }, { a: null }, 'absentIsNull'), false);
    assert.equal(jsonEqual({ a: [] }, {}, 'absentIsNull'), false);
  });

  it("'unsetIsNull': an object of nothing but unset values equals null too; empty arrays stay values", () => {
    const unconfigured = { inboundAllowed: null, outboundAllowed: null };
    assert.equal(jsonEqual({ consent: unconfigured }, { consent: null }, 'unsetIsNull'), true);
    assert.equal(jsonEqual({ consent: unconfigured }, {}, 'unsetIsNull'), true);
    assert.equal(jsonEqual({ a: { b: { c: null } } }, { a: {} }, 'unsetIsNull'), true);
    assert.equal(jsonEqual({ a: [] }, {}, 'unsetIsNull'), false);
    assert.equal(jsonEqual({ a: { b: false } }, { a: null }, 'unsetIsNull'), false);
  });

  it('isUnset: null, absent, and objects whose every property is unset; never an array', () => {
    assert.equal(isUnset(null), true);
    assert.equal(isUnset(undefined), true);
    assert.equal(isUnset({ a: null, b: { c: undefined } }), true);
    assert.equal(isUnset([]), false);
    assert.equal(isUnset({ a: 0 }), false);
    assert.equal(isUnset(''), false);
  });
});
