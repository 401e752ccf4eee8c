import assert from 'node:assert/strict';
import { toCsv } from '../../../../src/core/provisioning/toCsv';
import { toJsonExport } from '../../../../src/core/provisioning/toJsonExport';
import type { ProvisioningObjectSummary } from '../../../../src/core/graph/types';
import { fixtureEntries, row } from './support';

const HEADER =
  'Time (UTC),Status,Action,Identity type,Source name,Source principal name,Source id,Target name,Target id,Error code,Duration (ms),Cycle id,Change id,Job id,Entry id';

/** The records of a CSV text (without its BOM), read back with a minimal RFC 4180 parser. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      fields.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      fields.push(cell);
      records.push(fields);
      fields = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return records;
}

const sourceNameOf = (name: string): string =>
  parseCsv(toCsv([row({ sourceName: name })]).slice(1))[1][4];

describe('toCsv', () => {
  it('writes a BOM, a header and one CRLF-ended record per row, with an ISO time', () => {
    const csv = toCsv([
      row({
        id: 'e1',
        time: Date.parse('2025-03-14T12:00:00Z'),
        status: 'success',
        action: 'create',
        sourceName: 'Adele',
        durationMs: 4375,
      }),
    ]);
    assert.equal(
      csv,
      `\uFEFF${HEADER}\r\n2025-03-14T12:00:00.000Z,success,create,,Adele,,,,,,4375,,,,e1\r\n`,
    );
  });

  it('leaves the time empty when the entry had none', () => {
    assert.equal(parseCsv(toCsv([row()]).slice(1))[1][0], '');
  });

  it('writes only the header for no rows', () => {
    assert.equal(toCsv([]), `\uFEFF${HEADER}\r\n`);
  });

  // [case, cell value, as written in the file, as read back]
  const cells: [string, string, string, string][] = [
    ['plain', 'Adele Vance', 'Adele Vance', 'Adele Vance'],
    ['a comma', 'Vance, Adele', '"Vance, Adele"', 'Vance, Adele'],
    ['quotes, doubled', 'The "boss"', '"The ""boss"""', 'The "boss"'],
    ['a line feed', 'two\nlines', '"two\nlines"', 'two\nlines'],
    ['a CR LF', 'two\r\nlines', '"two\r\nlines"', 'two\r\nlines'],
    [
      'unicode and a bidi override',
      'Zoë 名前 \u202Etxt.exe',
      'Zoë 名前 \u202Etxt.exe',
      'Zoë 名前 \u202Etxt.exe',
    ],
    ['an emoji', '👩‍💻 dev', '👩‍💻 dev', '👩‍💻 dev'],
    [
      'a formula',
      '=HYPERLINK("http://x","y")',
      '"\'=HYPERLINK(""http://x"",""y"")"',
      '\'=HYPERLINK("http://x","y")',
    ],
    ['a plus', '+1 425 555 0100', "'+1 425 555 0100", "'+1 425 555 0100"],
    ['a minus', '-2+3', "'-2+3", "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)", "'@SUM(A1)"],
    // The start is guarded, and so is what follows the tab, CR or LF, for applications that trim it.
    ['a leading tab', '\t=1', '"\'\t\'=1"', "'\t'=1"],
    ['a leading CR', '\r=1', '"\'\r\'=1"', "'\r'=1"],
    // Issue 14, defect 8: a spreadsheet that splits on ';' (European Excel), or that starts a new
    // line inside a cell, sees each part as a cell of its own.
    ['a leading LF', '\n=1+2', '"\'\n\'=1+2"', "'\n'=1+2"],
    ['a formula after a semicolon', 'Bob;=1+2;x', '"Bob;\'=1+2;x"', "Bob;'=1+2;x"],
    [
      'a formula after a comma',
      'Vance,=HYPERLINK("x")',
      '"Vance,\'=HYPERLINK(""x"")"',
      'Vance,\'=HYPERLINK("x")',
    ],
    ['a formula after a tab', 'a\t@SUM(A1)', '"a\t\'@SUM(A1)"', "a\t'@SUM(A1)"],
    ['a formula after a line feed', 'ok\n+1', '"ok\n\'+1"', "ok\n'+1"],
    ['a formula after a CR LF', 'ok\r\n-1', '"ok\r\n\'-1"', "ok\r\n'-1"],
    ['a formula after spaces after a separator', 'a; =1', '"a; \'=1"', "a; '=1"],
    ['several parts', '=a;=b', '"\'=a;\'=b"', "'=a;'=b"],
    ['a full-width equals sign', '\uFF1D1+2', "'\uFF1D1+2", "'\uFF1D1+2"],
    ['a semicolon alone is quoted', 'a;b', '"a;b"', 'a;b'],
    ['a formula sign later on is fine', 'a=b', 'a=b', 'a=b'],
    [
      'markup stays text',
      '<img src=x onerror=alert(1)>',
      '<img src=x onerror=alert(1)>',
      '<img src=x onerror=alert(1)>',
    ],
  ];
  for (const [name, value, written, read] of cells) {
    it(`cells: ${name}`, () => {
      assert.ok(
        toCsv([row({ sourceName: value })]).includes(`,,${written},,`),
        toCsv([row({ sourceName: value })]),
      );
      assert.equal(sourceNameOf(value), read);
    });
  }

  it('guards every column, numbers included', () => {
    const csv = toCsv([row({ durationMs: -5, id: '=1', errorCode: '@x' })]);
    assert.match(csv, /,'@x,'-5,,,,'=1\r\n$/);
  });
});

describe('toJsonExport', () => {
  it('writes the full entries as pretty-printed JSON that reads back the same', () => {
    const entries = fixtureEntries('provisioning-list-error.response.json');
    const text = toJsonExport(entries);
    assert.ok(text.startsWith('[\n  {\n    "id": "gc532ff9'));
    assert.ok(text.endsWith(']\n'));
    assert.deepEqual(JSON.parse(text), entries);
    assert.equal(toJsonExport([] as ProvisioningObjectSummary[]), '[]\n');
  });
});
