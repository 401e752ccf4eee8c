import { isPlainObject } from '../policy/documentPaths';
import { isGuid } from '../policy/guid';
import type { BaselineSourceId } from './baselineSources';
import { valueLabel } from './valueLabels';

export type Scalar = string | number | boolean | null;

/** One test of one property, as a pack file writes it (schemas/baselinepack.schema.json). */
export type Check = {
  readonly data: BaselineSourceId;
  /** Dot-separated property names from the root of the data. */
  readonly path: string;
} & (
  | { readonly equals: Scalar }
  | { readonly oneOf: readonly Scalar[] }
  | { readonly includes: Scalar | Readonly<Record<string, Scalar>> }
  | { readonly nonEmpty: true }
  | { readonly format: 'guid' }
);

/** What the data must look like for a rule to pass. Data only: no code in a pack file. */
export type Expectation =
  | { readonly allOf: readonly Expectation[] }
  | { readonly anyOf: readonly Expectation[] }
  | { readonly not: Expectation }
  | Check;

export function isCheck(expectation: Expectation): expectation is Check {
  return 'data' in expectation;
}

/** Every check of an expectation, in document order. */
export function checksOf(expectation: Expectation): Check[] {
  if ('allOf' in expectation) return expectation.allOf.flatMap(checksOf);
  if ('anyOf' in expectation) return expectation.anyOf.flatMap(checksOf);
  if ('not' in expectation) return checksOf(expectation.not);
  return [expectation];
}

/** `source` + `path`: one property of one source, the unit conflicts are found on. */
export function propertyKey(check: Pick<Check, 'data' | 'path'>): string {
  return `${check.data}:${check.path}`;
}

/**
 * The value at a dot path. A key is matched exactly first and then regardless of case, because the
 * B2B management policy's definition is a JSON string whose casing Graph does not pin down (the
 * documentation's own samples differ). Missing steps give undefined.
 */
export function valueAtPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    if (Object.prototype.hasOwnProperty.call(node, key)) {
      node = node[key];
      continue;
    }
    const lower = key.toLowerCase();
    const match = Object.keys(node).find((k) => k.toLowerCase() === lower);
    node = match === undefined ? undefined : node[match];
  }
  return node;
}

/** Scalar equality; GUIDs compare without regard to case, as Graph treats them. */
export function sameScalar(actual: unknown, expected: Scalar): boolean {
  const value = actual === undefined ? null : actual;
  if (typeof value === 'string' && typeof expected === 'string' && isGuid(expected))
    return value.toLowerCase() === expected.toLowerCase();
  return value === expected;
}

function elementMatches(element: unknown, wanted: Check & { includes: unknown }): boolean {
  const expected = wanted.includes;
  if (isPlainObject(expected))
    return (
      isPlainObject(element) &&
      Object.entries(expected).every(([key, value]) => sameScalar(element[key], value as Scalar))
    );
  return sameScalar(element, expected as Scalar);
}

/** Whether a value (undefined when the property is absent) passes one check. */
export function checkPasses(check: Check, actual: unknown): boolean {
  if ('equals' in check) return sameScalar(actual, check.equals);
  if ('oneOf' in check) return check.oneOf.some((value) => sameScalar(actual, value));
  if ('includes' in check)
    return Array.isArray(actual) && actual.some((element) => elementMatches(element, check));
  if ('nonEmpty' in check) return Array.isArray(actual) && actual.length > 0;
  return typeof actual === 'string' && isGuid(actual);
}

/** Three-valued logic: a check on data that could not be read is unknown. */
export type Truth = true | false | 'unknown';

/**
 * Evaluates an expectation with Kleene's logic, so a result is true or false only when it does not
 * depend on what could not be read.
 */
export function evaluateExpectation(
  expectation: Expectation,
  truthOf: (check: Check) => Truth,
): Truth {
  if ('allOf' in expectation) {
    const parts = expectation.allOf.map((e) => evaluateExpectation(e, truthOf));
    return parts.includes(false) ? false : parts.includes('unknown') ? 'unknown' : true;
  }
  if ('anyOf' in expectation) {
    const parts = expectation.anyOf.map((e) => evaluateExpectation(e, truthOf));
    return parts.includes(true) ? true : parts.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in expectation) {
    const inner = evaluateExpectation(expectation.not, truthOf);
    return inner === 'unknown' ? 'unknown' : !inner;
  }
  return truthOf(expectation);
}

/** A check that explains a failure: the check itself, or (negated) a check that should not hold. */
export interface FailingCheck {
  readonly check: Check;
  readonly negated: boolean;
  /**
   * Whether passing it is one of several ways to pass (it sits under "any of", or under "not" of
   * "all of"), so changing just this property is a choice, not the fix.
   */
  readonly choice: boolean;
}

/**
 * The checks that make an expectation false: for "all of", the parts that fail; for "any of",
 * every part; under "not", the parts that hold. Parts whose truth is unknown are left out.
 */
export function failingChecks(
  expectation: Expectation,
  truthOf: (check: Check) => Truth,
  negated = false,
  choice = false,
): FailingCheck[] {
  const wanted = !negated;
  if ('not' in expectation) return failingChecks(expectation.not, truthOf, !negated, choice);
  if (isCheck(expectation))
    return truthOf(expectation) === !wanted ? [{ check: expectation, negated, choice }] : [];
  // Whatever the connective, the parts that explain it are the ones with the unwanted value: the
  // failing parts of a conjunction, every part of a failing disjunction, and under a negation the
  // parts that hold. A disjunction (or a negated conjunction) can be passed through any one part.
  const parts = 'allOf' in expectation ? expectation.allOf : expectation.anyOf;
  const alternatives = 'anyOf' in expectation !== negated && parts.length > 1;
  return parts
    .filter((part) => evaluateExpectation(part, truthOf) === !wanted)
    .flatMap((part) => failingChecks(part, truthOf, negated, choice || alternatives));
}

/** Every check with the context failingChecks would give it if it failed: negated, or one choice of several. */
export function checkContexts(
  expectation: Expectation,
  negated = false,
  choice = false,
): FailingCheck[] {
  if ('not' in expectation) return checkContexts(expectation.not, !negated, choice);
  if (isCheck(expectation)) return [{ check: expectation, negated, choice }];
  const parts = 'allOf' in expectation ? expectation.allOf : expectation.anyOf;
  const alternatives = 'anyOf' in expectation !== negated && parts.length > 1;
  return parts.flatMap((part) => checkContexts(part, negated, choice || alternatives));
}

/** What a check asks for, in words: `allowInvitesFrom is "adminsAndGuestInviters"`. */
export function describeCheck(check: Check, negated = false): string {
  const show = (value: unknown): string => valueLabel(check.path, value);
  if ('equals' in check) return `${check.path} ${negated ? 'is not' : 'is'} ${show(check.equals)}`;
  if ('oneOf' in check)
    return `${check.path} ${negated ? 'is none of' : 'is one of'} ${check.oneOf.map(show).join(', ')}`;
  if ('includes' in check)
    return `${check.path} ${negated ? 'does not include' : 'includes'} ${show(check.includes)}`;
  if ('nonEmpty' in check)
    return negated ? `${check.path} is empty or not set` : `${check.path} lists at least one entry`;
  return `${check.path} ${negated ? 'is not' : 'is'} a GUID`;
}

/** An expectation in words, for rule descriptions and conflicts. */
export function describeExpectation(expectation: Expectation, negated = false): string {
  if ('not' in expectation) return describeExpectation(expectation.not, !negated);
  if (isCheck(expectation)) return describeCheck(expectation, negated);
  const conjunction = 'allOf' in expectation !== negated;
  const parts = ('allOf' in expectation ? expectation.allOf : expectation.anyOf).map((part) =>
    describeExpectation(part, negated),
  );
  if (parts.length === 1) return parts[0];
  return parts
    .map((p) => (p.includes(' and ') || p.includes(' or ') ? `(${p})` : p))
    .join(conjunction ? ' and ' : ' or ');
}
