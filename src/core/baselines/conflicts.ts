import type { BaselineSourceId } from './baselineSources';
import type { BaselinePack, BaselineRule } from './baselineRule';
import {
  checkPasses,
  checksOf,
  describeExpectation,
  evaluateExpectation,
  propertyKey,
  type Check,
  type Expectation,
} from './expectation';
import { valueLabel } from './valueLabels';

export interface PropertyRef {
  readonly data: BaselineSourceId;
  readonly path: string;
}

/**
 * Two rules of different packs that read the same properties and grade them differently.
 * `incompatible`: no value passes both, so an admin has to choose one. `differentGrading`: some
 * values pass one and fail the other, and `bothPass` says a value that passes both.
 */
export interface BaselineConflict {
  readonly kind: 'incompatible' | 'differentGrading';
  readonly rules: readonly [BaselineRule, BaselineRule];
  readonly properties: readonly PropertyRef[];
  /** What each rule asks of those properties, in words, in the order of `rules`. */
  readonly requirements: readonly [string, string];
  /** For differentGrading: settings that satisfy both rules, in words. */
  readonly bothPass?: string;
}

/**
 * Conflicts are computed from the expectations, not listed by hand. Each rule is split into its
 * top-level conjuncts; conjuncts of the two rules that share a property (transitively) form a
 * group, and a group is decided by trying every combination of witness values for its
 * properties: each value the checks name, a value none names, "not set", and for lists each
 * combination of the required elements, an empty list and a list of something else. That is
 * exact for the checks the pack language has, and small: a group spans a few properties.
 */
const OTHER = '\u0000another value';
const OTHER_ELEMENT = { '\u0000another element': true };
const SOME_GUID = '00000000-0000-4000-8000-000000000000';
/** A guard on the product of witness values; the packs shipped stay far below it. */
const MAX_COMBINATIONS = 100_000;

interface Part {
  readonly side: 0 | 1;
  readonly expect: Expectation;
  readonly keys: ReadonlySet<string>;
}

function conjuncts(expectation: Expectation): Expectation[] {
  return 'allOf' in expectation ? expectation.allOf.flatMap(conjuncts) : [expectation];
}

function partsOf(rule: BaselineRule, side: 0 | 1): Part[] {
  return conjuncts(rule.expect).map((expect) => ({
    side,
    expect,
    keys: new Set(checksOf(expect).map(propertyKey)),
  }));
}

/** Parts that share a property, transitively. */
function groups(parts: readonly Part[]): Part[][] {
  const result: Part[][] = [];
  for (const part of parts) {
    const touching = result.filter((group) =>
      group.some((other) => [...part.keys].some((key) => other.keys.has(key))),
    );
    const merged = [part, ...touching.flat()];
    for (const group of touching) result.splice(result.indexOf(group), 1);
    result.push(merged);
  }
  return result;
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

function witnessValues(checks: readonly Check[]): unknown[] {
  const values: unknown[] = [undefined, OTHER];
  const required: unknown[] = [];
  for (const check of checks) {
    if ('equals' in check) values.push(check.equals);
    else if ('oneOf' in check) values.push(...check.oneOf);
    else if ('includes' in check) required.push(check.includes);
    else if ('nonEmpty' in check) values.push([], [OTHER_ELEMENT]);
    else values.push(SOME_GUID);
  }
  if (required.length > 0) values.push(...subsets(required), [OTHER_ELEMENT]);
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value === undefined ? 'undefined' : JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every assignment of witness values to the group's properties. */
function* assignments(parts: readonly Part[]): Generator<ReadonlyMap<string, unknown>> {
  const checks = parts.flatMap((part) => checksOf(part.expect));
  const keys = [...new Set(checks.map(propertyKey))];
  const domains = keys.map((key) => witnessValues(checks.filter((c) => propertyKey(c) === key)));
  const total = domains.reduce((n, d) => n * d.length, 1);
  if (total > MAX_COMBINATIONS)
    throw new Error(
      `Comparing rules over ${keys.join(', ')} needs ${total} combinations, more than ${MAX_COMBINATIONS}.`,
    );
  const index = keys.map(() => 0);
  for (let n = 0; n < total; n++) {
    yield new Map(keys.map((key, i) => [key, domains[i][index[i]]]));
    for (let i = 0; i < index.length; i++) {
      index[i]++;
      if (index[i] < domains[i].length) break;
      index[i] = 0;
    }
  }
}

function holds(parts: readonly Part[], assignment: ReadonlyMap<string, unknown>): boolean {
  return parts.every(
    (part) =>
      evaluateExpectation(part.expect, (check) =>
        checkPasses(check, assignment.get(propertyKey(check))),
      ) === true,
  );
}

/** Whether no data at all can pass the rule: a check that contradicts another of the same rule. */
export function unsatisfiable(rule: BaselineRule): boolean {
  return groups(partsOf(rule, 0)).some((group) => {
    for (const assignment of assignments(group)) if (holds(group, assignment)) return false;
    return true;
  });
}

interface GroupVerdict {
  readonly group: readonly Part[];
  readonly both?: ReadonlyMap<string, unknown>;
  readonly differ: boolean;
}

function judge(group: readonly Part[]): GroupVerdict {
  const a = group.filter((part) => part.side === 0);
  const b = group.filter((part) => part.side === 1);
  let both: ReadonlyMap<string, unknown> | undefined;
  let differ = false;
  for (const assignment of assignments(group)) {
    const passA = holds(a, assignment);
    const passB = holds(b, assignment);
    if (passA && passB) both ??= assignment;
    if (passA !== passB) differ = true;
    if (both && differ) break;
  }
  return { group, both, differ };
}

function describeAssignment(assignment: ReadonlyMap<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const [key, value] of assignment) {
    const path = key.slice(key.indexOf(':') + 1);
    if (value === OTHER) return undefined;
    if (Array.isArray(value) && value.includes(OTHER_ELEMENT))
      parts.push(`${path} lists at least one entry`);
    else parts.push(`${path} is ${valueLabel(path, value)}`);
  }
  return parts.join(' and ');
}

function describeParts(parts: readonly Part[]): string {
  return parts.map((part) => describeExpectation(part.expect)).join(' and ');
}

function propertiesOf(parts: readonly Part[]): PropertyRef[] {
  const seen = new Set<string>();
  const refs: PropertyRef[] = [];
  for (const check of parts.flatMap((part) => checksOf(part.expect))) {
    const key = propertyKey(check);
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ data: check.data, path: check.path });
  }
  return refs;
}

/** How two rules relate on the properties they share; undefined when they agree or share none. */
export function compareRules(a: BaselineRule, b: BaselineRule): BaselineConflict | undefined {
  const shared = groups([...partsOf(a, 0), ...partsOf(b, 1)]).filter(
    (group) => group.some((p) => p.side === 0) && group.some((p) => p.side === 1),
  );
  const verdicts = shared.map(judge);
  const incompatible = verdicts.filter((v) => v.both === undefined);
  const differing = verdicts.filter((v) => v.both !== undefined && v.differ);
  const relevant = incompatible.length > 0 ? incompatible : differing;
  if (relevant.length === 0) return undefined;
  const parts = relevant.flatMap((v) => v.group);
  const side = (s: 0 | 1): Part[] => parts.filter((p) => p.side === s);
  const common = incompatible.length === 0 ? differing.map((v) => describeAssignment(v.both!)) : [];
  return {
    kind: incompatible.length > 0 ? 'incompatible' : 'differentGrading',
    rules: [a, b],
    properties: propertiesOf(parts),
    requirements: [describeParts(side(0)), describeParts(side(1))],
    ...(common.length > 0 && common.every((c) => c !== undefined)
      ? { bothPass: common.join(' and ') }
      : {}),
  };
}

/**
 * Every pair of rules from different enabled packs that grade a property differently, each pair
 * once, in the order of the packs and their rules. Rules of the same pack file are not compared.
 */
export function findConflicts(packs: readonly BaselinePack[]): BaselineConflict[] {
  const rules = packs.flatMap((pack) =>
    pack.rules.map((rule) => ({
      rule,
      pack,
      keys: new Set(checksOf(rule.expect).map(propertyKey)),
    })),
  );
  const conflicts: BaselineConflict[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [x, y] = [rules[i], rules[j]];
      if (x.pack === y.pack || ![...x.keys].some((key) => y.keys.has(key))) continue;
      const conflict = compareRules(x.rule, y.rule);
      if (conflict) conflicts.push(conflict);
    }
  }
  return conflicts;
}
