import assert from 'node:assert/strict';
import { logExportFileName } from '../../../../src/core/provisioning/exportFileName';

describe('logExportFileName (issue 14, defect 13)', () => {
  const at = new Date('2025-03-14T12:00:00.123Z');
  const cases: [string, string, 'csv' | 'json', string][] = [
    ['a plain name', 'Contoso to Fabrikam', 'csv', 'Contoso to Fabrikam-2025-03-14T12-00-00Z.csv'],
    ['a device name with an extension', 'con.txt', 'csv', 'con-.txt-2025-03-14T12-00-00Z.csv'],
    [
      'a right-to-left override',
      'Sync \u202Evsc.exe',
      'json',
      'Sync vsc.exe-2025-03-14T12-00-00Z.json',
    ],
    ['no name', '\u202E', 'csv', 'provisioning-logs-2025-03-14T12-00-00Z.csv'],
  ];
  for (const [what, name, format, expected] of cases)
    it(what, () => assert.equal(logExportFileName(name, format, at), expected));

  it('stays within 255 bytes for 64 emoji, stamp and extension whole', () => {
    const out = logExportFileName('😀'.repeat(64), 'json', at);
    assert.ok(Buffer.byteLength(out) <= 255, String(Buffer.byteLength(out)));
    assert.ok(out.endsWith('-2025-03-14T12-00-00Z.json'));
  });
});
