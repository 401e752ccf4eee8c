import Ajv, { type ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import type { BaselinePack, BaselineRule } from './baselineRule';
import { unsatisfiable } from './conflicts';

/** `zta@2.6.0/21790`: names a rule across packs and versions. */
export function ruleKey(rule: Pick<BaselineRule, 'pack' | 'packVersion' | 'id'>): string {
  return `${rule.pack}@${rule.packVersion}/${rule.id}`;
}

/** The rule's source file at the commit it was read from. */
export function ruleSourceUrl(pack: BaselinePack, rule: BaselineRule): string {
  return `https://github.com/${pack.repository}/blob/${pack.commit}/${rule.sourcePath}`;
}

/** A pack file that does not load: names the file and what is wrong, in one line. */
export class BaselinePackError extends Error {
  override name = 'BaselinePackError';
}

export const PACK_SCHEMA_FILE = 'baselinepack.schema.json';

interface PackFile {
  readonly pack: string;
  readonly name: string;
  readonly version: string;
  readonly versionNote?: string;
  readonly repository: string;
  readonly commit: string;
  readonly rules: readonly Omit<BaselineRule, 'pack' | 'packVersion'>[];
}

/** Compiles the pack schema once; `parseBaselinePack` validates each file with it. */
export function packValidator(schema: object): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/**
 * A pack from its file: valid against the pack schema, named `<pack>-<version>.json`, each rule id
 * once, and every rule satisfiable on its own (a rule nothing can pass is a mistake in the file).
 */
export function parseBaselinePack(
  fileName: string,
  text: string,
  validate: ValidateFunction,
): BaselinePack {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BaselinePackError(
      `${fileName}: not valid JSON (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  if (!validate(json)) {
    const first = validate.errors?.[0];
    throw new BaselinePackError(
      `${fileName}: ${first?.instancePath || '/'} ${first?.message ?? 'does not match the pack schema'}.`,
    );
  }
  const file = json as PackFile;
  const expected = `${file.pack}-${file.version}.json`;
  if (path.basename(fileName) !== expected)
    throw new BaselinePackError(`${fileName}: a pack file must be named ${expected}.`);
  const seen = new Set<string>();
  const rules = file.rules.map((rule): BaselineRule => {
    if (seen.has(rule.id))
      throw new BaselinePackError(`${fileName}: the rule id ${rule.id} is used twice.`);
    seen.add(rule.id);
    const full = { ...rule, pack: file.pack, packVersion: file.version };
    if (unsatisfiable(full))
      throw new BaselinePackError(`${fileName}: no data can pass the rule ${rule.id}.`);
    return full;
  });
  return {
    pack: file.pack,
    name: file.name,
    version: file.version,
    versionNote: file.versionNote,
    repository: file.repository,
    commit: file.commit,
    rules,
  };
}

/**
 * Every pack under `<root>/baselines`, validated with `<root>/schemas/baselinepack.schema.json`,
 * in order of pack id, then version. `root` is the extension's folder (or the CLI's package).
 */
export function loadBaselinePacks(root: string): BaselinePack[] {
  const schema = JSON.parse(
    fs.readFileSync(path.join(root, 'schemas', PACK_SCHEMA_FILE), 'utf8'),
  ) as object;
  const validate = packValidator(schema);
  const folder = path.join(root, 'baselines');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) =>
      parseBaselinePack(name, fs.readFileSync(path.join(folder, name), 'utf8'), validate),
    )
    .sort((a, b) => a.pack.localeCompare(b.pack, 'en') || compareVersions(a.version, b.version));
}

/** Numeric parts compare as numbers: 1.10.0 comes after 1.9.2. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const order =
      x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny)
        ? nx - ny
        : x.localeCompare(y, 'en');
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The packs a selection enables: `cisa` is the newest version of that pack, `asd@1.2.8` that
 * version. No selection (or an empty one) enables the newest version of every pack. Throws for a
 * pack or version that is not there, naming what is.
 */
export function selectPacks(
  packs: readonly BaselinePack[],
  selection: readonly string[] = [],
): BaselinePack[] {
  const ids = [...new Set(packs.map((p) => p.pack))];
  const wanted = selection.length > 0 ? selection : ids;
  const chosen: BaselinePack[] = [];
  for (const entry of wanted) {
    const [id, version] = entry.trim().split('@');
    const versions = packs.filter((p) => p.pack === id);
    if (versions.length === 0)
      throw new BaselinePackError(`There is no baseline pack "${id}". Packs: ${ids.join(', ')}.`);
    const pack =
      version === undefined
        ? versions.reduce((a, b) => (compareVersions(a.version, b.version) >= 0 ? a : b))
        : versions.find((p) => p.version === version);
    if (!pack)
      throw new BaselinePackError(
        `The baseline pack "${id}" has no version ${version}. Versions: ${versions.map((p) => p.version).join(', ')}.`,
      );
    if (!chosen.includes(pack)) chosen.push(pack);
  }
  return chosen;
}
