import assert from 'node:assert/strict';
import { acceptedItems, keepChosen } from '../../../src/host/searchChoices';

interface Result {
  readonly label: string;
  readonly id: string;
}
const meyer1 = { label: 'Adele Meyer', id: 'u1' };
const meyer2 = { label: 'Adele Meyer', id: 'u2' };
const chen = { label: 'Adele Chen', id: 'u3' };
const byId = (r: Result) => r.id;

describe('search pick choices', () => {
  it('keeps both users of one display name as separate results', () => {
    assert.deepEqual(keepChosen([meyer1], [meyer1, meyer2, chen], byId), [meyer1, meyer2, chen]);
    assert.deepEqual(keepChosen([], [meyer1, meyer2], byId), [meyer1, meyer2]);
  });

  it('keeps what was checked before the text changed, once', () => {
    assert.deepEqual(keepChosen([chen], [meyer2], byId), [chen, meyer2]);
    assert.deepEqual(keepChosen([chen], [chen], byId), [chen]);
  });

  it('Enter with nothing checked chooses the highlighted result', () => {
    assert.deepEqual(acceptedItems(true, [], [chen]), [chen]);
    assert.deepEqual(acceptedItems(true, [meyer1, meyer2], [chen]), [meyer1, meyer2]);
    assert.deepEqual(acceptedItems(false, [meyer1], [chen]), [chen]);
  });
});
