import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  BaselinePackError,
  compareVersions,
  PACK_SCHEMA_FILE,
  packValidator,
  parseBaselinePack,
  ruleSourceUrl,
  selectPacks,
} from '../../../../src/core/baselines/baselinePack';
import { ROOT, shippedPacks } from './support';

const validate = packValidator(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', PACK_SCHEMA_FILE), 'utf8')) as object,
);

const minimal = {
  pack: 'demo',
  name: 'Demo baseline',
  version: '1.0.0',
  repository: 'owner/repo',
  commit: 'a'.repeat(40),
  rules: [
    {
      id: 'R1',
      title: 'Only admins invite',
      sourcePath: 'docs/r1.md',
      automated: true,
      expect: {
        data: 'authorizationPolicy',
        path: 'allowInvitesFrom',
        equals: 'adminsAndGuestInviters',
      },
    },
  ],
};

function load(file: object, name = 'demo-1.0.0.json') {
  return parseBaselinePack(name, JSON.stringify(file), validate);
}

describe('baseline packs', () => {
  it('loads every shipped pack file, one per baseline version', () => {
    const packs = shippedPacks();
    const files = fs.readdirSync(path.join(ROOT, 'baselines')).filter((f) => f.endsWith('.json'));
    assert.deepEqual(
      packs.map((p) => `${p.pack}-${p.version}.json`),
      [...files].sort(),
    );
    assert.deepEqual(
      packs.map((p) => `${p.pack}@${p.version}`),
      ['asd@1.2.8', 'asd@1.3.3', 'cis@7.0.0', 'cisa@1.8.0', 'maester@2.2.0', 'zta@2.6.0'],
    );
    for (const pack of packs)
      for (const rule of pack.rules) {
        assert.equal(rule.pack, pack.pack);
        assert.equal(rule.packVersion, pack.version);
        assert.match(
          ruleSourceUrl(pack, rule),
          /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\/\S+$/,
        );
      }
  });

  it('says which rules their own authors do not check automatically', () => {
    const manual = shippedPacks()
      .filter((p) => p.pack !== 'asd')
      .flatMap((p) => p.rules.filter((r) => !r.automated).map((r) => `${p.pack}/${r.id}`));
    assert.deepEqual(manual, ['cisa/MS.AAD.8.3v1']);
    assert.ok(
      shippedPacks()
        .filter((p) => p.pack === 'asd')
        .every((p) => p.rules.every((r) => !r.automated)),
    );
  });

  it('loads a new pack from its file alone', () => {
    const pack = load(minimal);
    assert.equal(pack.rules[0].pack, 'demo');
    assert.equal(pack.rules[0].packVersion, '1.0.0');
  });

  const bad: [string, object, string, RegExp][] = [
    [
      'a file named after another version',
      minimal,
      'demo-2.0.0.json',
      /must be named demo-1\.0\.0\.json/,
    ],
    [
      'a rule id used twice',
      { ...minimal, rules: [minimal.rules[0], minimal.rules[0]] },
      'demo-1.0.0.json',
      /R1 is used twice/,
    ],
    [
      'an unknown data source',
      {
        ...minimal,
        rules: [{ ...minimal.rules[0], expect: { data: 'users', path: 'x', equals: 1 } }],
      },
      'demo-1.0.0.json',
      /demo-1\.0\.0\.json: \/rules\/0\/expect/,
    ],
    [
      'two tests in one check',
      {
        ...minimal,
        rules: [
          {
            ...minimal.rules[0],
            expect: { data: 'policy', path: 'id', equals: 'a', format: 'guid' },
          },
        ],
      },
      'demo-1.0.0.json',
      /\/rules\/0\/expect/,
    ],
    [
      'code in the data',
      {
        ...minimal,
        rules: [
          { ...minimal.rules[0], expect: { data: 'policy', path: 'id', equals: 'a', script: 'x' } },
        ],
      },
      'demo-1.0.0.json',
      /\/rules\/0\/expect/,
    ],
    [
      'a rule nothing can pass',
      {
        ...minimal,
        rules: [
          {
            ...minimal.rules[0],
            expect: { allOf: [minimal.rules[0].expect, { not: minimal.rules[0].expect }] },
          },
        ],
      },
      'demo-1.0.0.json',
      /no data can pass the rule R1/,
    ],
    [
      'a missing source path',
      { ...minimal, rules: [{ ...minimal.rules[0], sourcePath: undefined }] },
      'demo-1.0.0.json',
      /sourcePath/,
    ],
  ];
  for (const [what, file, name, message] of bad)
    it(`refuses ${what}, naming the file and the problem`, () => {
      assert.throws(
        () => load(file, name),
        (err: unknown) => err instanceof BaselinePackError && message.test(err.message),
      );
    });

  it('refuses a file that is not JSON', () => {
    assert.throws(
      () => parseBaselinePack('demo-1.0.0.json', '{', validate),
      /demo-1\.0\.0\.json: not valid JSON/,
    );
  });

  it('enables the newest version of every pack by default, a named version on request', () => {
    assert.deepEqual(
      selectPacks(shippedPacks()).map((p) => `${p.pack}@${p.version}`),
      ['asd@1.3.3', 'cis@7.0.0', 'cisa@1.8.0', 'maester@2.2.0', 'zta@2.6.0'],
    );
    assert.deepEqual(
      selectPacks(shippedPacks(), ['zta', 'asd@1.2.8']).map((p) => `${p.pack}@${p.version}`),
      ['zta@2.6.0', 'asd@1.2.8'],
    );
    assert.throws(
      () => selectPacks(shippedPacks(), ['nist']),
      /no baseline pack "nist"\. Packs: asd, cis, cisa, maester, zta/,
    );
    assert.throws(
      () => selectPacks(shippedPacks(), ['asd@9']),
      /has no version 9\. Versions: 1\.2\.8, 1\.3\.3/,
    );
  });

  it('orders versions by their numbers', () => {
    assert.ok(compareVersions('1.10.0', '1.9.2') > 0);
    assert.ok(compareVersions('1.3.3', '1.3.3') === 0);
    assert.ok(compareVersions('2.0', '10.0') < 0);
  });
});
