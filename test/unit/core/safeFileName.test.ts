import assert from 'node:assert/strict';
import { isWindowsReservedName, safeFileName } from '../../../src/core/safeFileName';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

describe('safeFileName (issue 14, defect 13)', () => {
  // [case, name, suffix, expected]
  const cases: [string, string, string, string][] = [
    ['a plain name', 'Contoso to Fabrikam', '.csv', 'Contoso to Fabrikam.csv'],
    ['a Windows device name', 'con', '.csv', 'con-.csv'],
    ['a device name with an extension', 'con.txt', '', 'con-.txt'],
    ['a device name with an extension, then ours', 'NUL.tar', '-2025.csv', 'NUL-.tar-2025.csv'],
    ['a device name with a digit', 'LPT1', '', 'LPT1-'],
    ['a device name with a trailing space before the dot', 'aux .log', '', 'aux-.log'],
    ['not a device name', 'console', '.csv', 'console.csv'],
    ['a right-to-left override', 'invoice\u202Etxt.exe', '', 'invoicetxt.exe'],
    ['isolates and marks', '\u2066a\u2069\u200Fb\u200B\uFEFF', '.json', 'ab.json'],
    [
      'separators and reserved characters',
      'a/b\\c:d*e?f"g<h>i|j#k%l',
      '',
      'a-b-c-d-e-f-g-h-i-j-k-l',
    ],
    ['control characters and escapes', 'x\u001b[31my\u0007', '', 'x-[31my'],
    ['line breaks', 'two\nlines\r\nhere', '', 'two lines here'],
    ['leading and trailing dots', '..hidden.. ', '.csv', 'hidden.csv'],
    ['nothing left', '\u202E...', '.csv', 'file.csv'],
  ];
  for (const [what, name, suffix, expected] of cases) {
    it(what, () => {
      assert.equal(safeFileName(name, suffix), expected);
      assert.equal(
        safeFileName(safeFileName(name, suffix)),
        safeFileName(name, suffix),
        'idempotent',
      );
    });
  }

  it('keeps 64 emoji within 255 bytes with the suffix, without splitting one', () => {
    const name = '😀'.repeat(64);
    assert.equal(bytes(name), 256);
    const out = safeFileName(name, '-2025-03-14T12-00-00Z.csv');
    assert.ok(bytes(out) <= 255, String(bytes(out)));
    assert.ok(out.endsWith('-2025-03-14T12-00-00Z.csv'));
    assert.match(out, /^(😀)+-2025/u);
  });

  it('cuts between graphemes: a family emoji stays whole or goes', () => {
    const family = '👩‍👩‍👧‍👦';
    const out = safeFileName(family.repeat(20), '.json');
    assert.ok(bytes(out) <= 255);
    assert.equal(out.replace('.json', '').split(family).join(''), '');
  });

  it('knows Windows device names with any extension', () => {
    for (const n of ['con', 'CON.txt', 'com1.tar.gz', 'lpt9', 'prn.', 'aux '])
      assert.equal(isWindowsReservedName(n), true, n);
    for (const n of ['conference.txt', 'com10', 'a.con', 'nul-.txt'])
      assert.equal(isWindowsReservedName(n), false, n);
  });
});
