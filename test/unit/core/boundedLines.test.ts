import assert from 'node:assert/strict';
import { boundedLines } from '../../../src/core/boundedLines';

describe('boundedLines', () => {
  it('keeps a short list as it is', () => {
    assert.deepEqual(boundedLines(['a', 'b'], { maxLines: 2, maxChars: 5 }), ['a', 'b']);
  });

  it('keeps the first lines and says how many were left out', () => {
    const lines = Array.from({ length: 45 }, (_, i) => `change ${i}`);
    const shown = boundedLines(lines, { maxLines: 40, maxChars: 100 });
    assert.equal(shown.length, 41);
    assert.equal(shown[39], 'change 39');
    assert.equal(shown[40], '… and 5 more');
    assert.equal(boundedLines(lines, { maxLines: 1, maxChars: 100 }, (n) => `+${n}`)[1], '+44');
  });

  it('cuts a long line to the bound, ending in an ellipsis, never inside an emoji', () => {
    assert.equal(boundedLines(['abcdefgh'], { maxLines: 1, maxChars: 5 })[0], 'abcd…');
    const emoji = '😀'.repeat(10);
    const [cut] = boundedLines([emoji], { maxLines: 1, maxChars: 4 });
    assert.equal(cut, '😀😀😀…');
    assert.equal([...cut].length, 4);
  });
});
