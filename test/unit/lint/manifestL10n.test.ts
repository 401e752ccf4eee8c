import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The manifest's words live in package.nls.json (VS Code's localisation of package.json: each
// `%key%` is replaced by the bundle of the user's language, package.nls.json for English).
const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as Record<string, unknown>;
const nls = JSON.parse(read('package.nls.json')) as Record<string, unknown>;

/** Every string in the manifest with its JSON path. */
function strings(value: unknown, at: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[at.join('.'), value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...at, k]));
  return [];
}

/**
 * The manifest fields VS Code shows to people (and translates with %key%): the extension's name
 * and description, view containers, views, welcome contents, commands, settings, walkthroughs and
 * the Restricted Mode note. A field here with plain text is a string nobody can translate.
 */
const SHOWN =
  /^(displayName|description|contributes\.(viewsContainers\.\w+\.\d+\.title|views\.\w+\.\d+\.(name|contextualTitle)|viewsWelcome\.\d+\.contents|commands\.\d+\.(title|shortTitle|category)|submenus\.\d+\.label|configuration\.(title|properties\.[^.]+(\.[^.]+)*\.(description|markdownDescription|patternErrorMessage|deprecationMessage|markdownDeprecationMessage|(markdown)?[eE]numDescriptions\.\d+))|walkthroughs\..+\.(title|description|altText))|capabilities\.untrustedWorkspaces\.description)$/;

const KEY = /^%([^%]+)%$/;

describe('the manifest is localised through package.nls.json (issue 15 §4)', () => {
  const all = strings(pkg);
  const shown = all.filter(([at]) => SHOWN.test(at));

  it('finds the fields it checks (the pattern still matches the manifest)', () => {
    const at = shown.map(([p]) => p);
    for (const expected of [
      'displayName',
      'contributes.viewsContainers.activitybar.0.title',
      'contributes.views.crossTenant.0.name',
      'contributes.viewsWelcome.0.contents',
      'contributes.commands.0.title',
      'contributes.commands.0.category',
      'contributes.configuration.title',
      'contributes.configuration.properties.crossTenant.pushOnSave.markdownDescription',
      'contributes.configuration.properties.crossTenant.pushOnSave.enumDescriptions.0',
    ])
      assert.ok(at.includes(expected), `${expected} is among the fields checked`);
  });

  it('has no plain text where VS Code shows a manifest field', () => {
    const plain = shown.filter(([, v]) => !KEY.test(v)).map(([at, v]) => `${at}: ${v}`);
    assert.deepEqual(plain, [], 'these fields should be %key% references');
  });

  it('has every %key% of package.json in package.nls.json, as text', () => {
    const missing = all
      .map(([at, v]) => [at, KEY.exec(v)?.[1]] as const)
      .filter(([, key]) => key !== undefined && typeof nls[key] !== 'string')
      .map(([at, key]) => `${at}: %${key}%`);
    assert.deepEqual(missing, []);
  });

  it('has no key in package.nls.json that package.json does not use', () => {
    const used = new Set(all.map(([, v]) => KEY.exec(v)?.[1]).filter(Boolean));
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
    );
  });

  it('ships package.nls.json in the .vsix (else VS Code shows the %keys%)', () => {
    const allow = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim());
    assert.ok(allow.includes('!package.nls.json'), '.vscodeignore lets it in');
    assert.match(read('scripts/package.mjs'), /package\\\.nls\\\.json/, 'the packager allows it');
  });
});
