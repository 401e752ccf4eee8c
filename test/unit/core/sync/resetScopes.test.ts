import assert from 'node:assert/strict';
import {
  findRestartChoice,
  RESTART_CHOICES,
  restartChoiceScope,
} from '../../../../src/core/sync/resetScopes';

describe('RESTART_CHOICES', () => {
  it('puts the portal default first', () => {
    assert.equal(RESTART_CHOICES[0].id, 'restart');
  });

  const expected: [id: string, wire: string][] = [
    ['restart', 'Watermark, Escrows, QuarantineState'],
    ['resync', 'Watermark'],
    ['clearEscrows', 'Escrows'],
    ['leaveQuarantine', 'QuarantineState'],
    ['allowDeletes', 'ForceDeletes'],
    ['full', 'Full'],
  ];
  for (const [id, wire] of expected) {
    it(`${id} sends resetScope "${wire}"`, () => {
      const choice = findRestartChoice(id);
      assert.ok(choice, id);
      assert.equal(restartChoiceScope(choice), wire);
    });
  }

  it('has exactly these choices, each with unique id and label and a sentence of detail', () => {
    assert.deepEqual(
      RESTART_CHOICES.map((c) => c.id),
      expected.map(([id]) => id),
    );
    assert.equal(new Set(RESTART_CHOICES.map((c) => c.label)).size, RESTART_CHOICES.length);
    for (const c of RESTART_CHOICES) assert.match(c.detail, /^[A-Z].{20,}\.$/);
  });
});
