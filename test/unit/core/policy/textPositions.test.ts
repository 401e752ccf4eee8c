import assert from 'node:assert/strict';
import { TextPositions } from '../../../../src/core/policy/textPositions';

describe('TextPositions', () => {
  const cases: ReadonlyArray<[string, string, number, [number, number]]> = [
    ['first character', 'ab\ncd', 0, [0, 0]],
    ['after \\n', 'ab\ncd', 4, [1, 1]],
    ['the \\n itself ends its line', 'ab\ncd', 2, [0, 2]],
    ['after \\r\\n', 'ab\r\ncd', 4, [1, 0]],
    ['between \\r and \\n', 'ab\r\ncd', 3, [0, 3]],
    ['after a lone \\r', 'ab\rcd', 3, [1, 0]],
    ['an empty line', 'a\n\nb', 3, [2, 0]],
    ['UTF-16 units: an emoji counts two', '🚀x', 2, [0, 2]],
    ['past the end is clamped', 'ab', 10, [0, 2]],
  ];
  for (const [name, text, offset, [line, character]] of cases) {
    it(name, () => {
      assert.deepEqual(new TextPositions(text).positionAt(offset), { line, character });
    });
  }

  it('finds the indentation of the line an offset is on', () => {
    const positions = new TextPositions('{\n    "a": {\n\t"b": 1 }\n}');
    assert.equal(positions.indentOfLineAt(8), '    ');
    assert.equal(positions.indentOfLineAt(16), '\t');
    assert.equal(positions.indentOfLineAt(0), '');
  });
});
