import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_ROOT } from './helpers';

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Array<{ include: string }>;
  repository: Record<string, { match: string; name: string }>;
}

const grammar = JSON.parse(
  fs.readFileSync(path.join(EXTENSION_ROOT, 'syntaxes/xta.injection.tmLanguage.json'), 'utf8'),
) as Grammar;

/**
 * The scopes the injection gives inside one JSON string value (the text between and including the
 * quotes, as the JSON grammar's string scope covers it), in the grammar's pattern order. The
 * patterns use only syntax Oniguruma and JavaScript read the same way (no inline flags), so a
 * JavaScript RegExp is a faithful stand-in for VS Code's tokenizer here.
 */
function tokens(stringToken: string): Array<[string, string]> {
  const found: Array<[number, string, string]> = [];
  const taken = new Set<number>();
  for (const { include } of grammar.patterns) {
    const rule = grammar.repository[include.slice(1)];
    for (const match of stringToken.matchAll(new RegExp(rule.match, 'g'))) {
      if (taken.has(match.index)) continue;
      taken.add(match.index);
      found.push([match.index, match[0], rule.name]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, text, scope]) => [text, scope]);
}

describe('injection grammar', () => {
  it('is injected into JSON string values only (not keys), in JSON and JSON with comments', () => {
    assert.equal(grammar.scopeName, 'xta.injection');
    // string.quoted.double.json also selects string.quoted.double.json.comments; keys are support.type.property-name.json.
    assert.equal(grammar.injectionSelector, 'L:string.quoted.double.json');
  });

  const GUID = '0be493dc-cb56-4a53-936f-9cf64410b8b0';
  const cases: ReadonlyArray<[string, Array<[string, string]>]> = [
    [`"${GUID}"`, [[GUID, 'constant.other.guid.xta']]],
    [`"${GUID.toUpperCase()}"`, [[GUID.toUpperCase(), 'constant.other.guid.xta']]],
    [`"{${GUID}}"`, [[GUID, 'constant.other.guid.xta']]],
    [
      '"Azure2Azure.9a3e0b7c2f104e6a8d55c1b2e3f4ad41.0c7b5e2a-64d3-4f0e-9a11-7d2c8e5b3f90"',
      [['0c7b5e2a-64d3-4f0e-9a11-7d2c8e5b3f90', 'constant.other.guid.xta']],
    ],
    [`"x${GUID}"`, []],
    [`"${GUID}-1"`, []],
    ['"0be493dc-cb56-4a53-936f-9cf64410b8b"', []],
    ['"0be493dc-cb56-4a53-936f-9cf64410b8bz"', []],
    ['"AllUsers"', [['AllUsers', 'support.constant.target.xta']]],
    ['"AllApplications"', [['AllApplications', 'support.constant.target.xta']]],
    ['"Office365"', [['Office365', 'support.constant.target.xta']]],
    ['"AllMicrosoftApps"', [['AllMicrosoftApps', 'support.constant.target.xta']]],
    ['"allusers"', []],
    ['"AllUsersGroup"', []],
    ['"Block AllUsers"', []],
    ['"user"', []],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      assert.deepEqual(tokens(text), expected);
    });
  }
});
