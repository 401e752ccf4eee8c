import type { ErrorObject } from 'ajv';
import type { Diagnostic, QuickFix } from './diagnostic';
import { keyOf, nodeDiagnostic, propertyNamed, stringValue, type Node } from './jsonTree';
import { removeChildFix, renameKeyFix, replaceNodeFix } from './quickFixes';
import type { DocumentKindId } from './documentKinds';
import type { TextPositions } from './textPositions';

/**
 * Properties Microsoft documents as returned outside the v1.0 metadata, per document kind
 * (graph-api.md §3; the Entra cross-tenant sync walkthrough shows them in partner answers).
 */
const DOCUMENTED_OUTSIDE_METADATA: Partial<Record<DocumentKindId, readonly string[]>> = {
  partner: ['crossCloudMeetingConfiguration', 'protectedContentSharing'],
};

export interface SchemaCheckInput {
  readonly documentTitle: string;
  readonly kind: DocumentKindId;
  /** What the document started from (live as Graph returned it), when known. */
  readonly startedFrom?: object;
}

/** The value at a JSON pointer's segments (objects and arrays); undefined when a step is missing. */
function valueAtSegments(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Turns ajv errors into diagnostics on the offending node, with messages that say how to fix the
 * value. Unknown properties are warnings, not errors: Graph keeps adding properties, and a newer
 * one we don't know yet must not block a push; one Graph returned itself (it is in what the
 * document started from, or Microsoft documents it outside the metadata) is only a hint, since
 * there is nothing to fix. `unknownFutureValue`, which Graph returns for a member newer than the
 * client, is an error of its own: it cannot be set.
 */
export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  root: Node,
  positions: TextPositions,
  input: SchemaCheckInput,
): Diagnostic[] {
  // An enum error already says which values fit; the type error ajv adds for the same value is noise.
  const enumPaths = new Set(
    errors.filter((error) => error.keyword === 'enum').map((error) => error.instancePath),
  );
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    if (error.keyword === 'type' && enumPaths.has(error.instancePath)) continue;
    const node = nodeAtPointer(root, error.instancePath);
    if (!node) continue;
    const diagnostic = toDiagnostic(
      error,
      node,
      positions,
      labelOf(error.instancePath, input.documentTitle),
      input,
    );
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function toDiagnostic(
  error: ErrorObject,
  node: Node,
  positions: TextPositions,
  label: string,
  input: SchemaCheckInput,
): Diagnostic | undefined {
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const property = propertyNamed(node, name);
      if (!property) return undefined;
      const path = [...pointerSegments(error.instancePath), name];
      const documented =
        path.length === 1 && (DOCUMENTED_OUTSIDE_METADATA[input.kind] ?? []).includes(name);
      if (documented || valueAtSegments(input.startedFrom, path) !== undefined)
        return nodeDiagnostic(
          positions,
          keyOf(property),
          'info',
          'schema-unknown-property',
          `${JSON.stringify(name)} is not in Graph's v1.0 metadata, but Graph ${documented ? 'returns it (documented outside the metadata)' : 'returned it'}: it is kept as it is and never sent.`,
        );
      // Read-only properties are not offered: typing them in is not the fix.
      const properties =
        (error.parentSchema as { properties?: Record<string, { readOnly?: boolean }> })
          .properties ?? {};
      const known = Object.keys(properties).filter((key) => !properties[key].readOnly);
      const guess = closestName(name, known);
      const fixes = guess ? [renameKeyFix(positions, property, guess)] : [];
      const hint = guess ? `Did you mean "${guess}"? ` : '';
      return nodeDiagnostic(
        positions,
        keyOf(property),
        'warning',
        'schema-unknown-property',
        `Unknown property "${name}" in ${label}. ${hint}Known properties: ${known.join(', ')}. ` +
          'It is kept, because Graph adds properties over time, but a push that would send it is refused: ' +
          'Graph answers 400 to a property it does not know. Check the spelling.',
        fixes,
      );
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const offered = allowed.filter(
        (value): value is string => typeof value === 'string' && value !== 'unknownFutureValue',
      );
      if (stringValue(node) === 'unknownFutureValue')
        return nodeDiagnostic(
          positions,
          node,
          'error',
          'unknown-future-value',
          `${sentence(label)} is "unknownFutureValue", Graph's stand-in for a value newer than this client: it cannot be set. Set ${orList(offered.map((value) => JSON.stringify(value)))}.`,
        );
      const fixes = enumFix(node, offered, positions);
      return nodeDiagnostic(
        positions,
        node,
        'error',
        'schema-enum',
        `${sentence(label)} must be ${orList(offered.map((value) => JSON.stringify(value)))}.`,
        fixes,
      );
    }
    case 'type': {
      const types = [(error.params as { type: string | string[] }).type].flat();
      return nodeDiagnostic(
        positions,
        node,
        'error',
        'schema-type',
        `${sentence(label)} must be ${orList(types.flatMap(typeWords))}.`,
        booleanFix(node, types, positions),
      );
    }
    case 'pattern': {
      const custom = (error.parentSchema as { patternErrorMessage?: string }).patternErrorMessage;
      return nodeDiagnostic(
        positions,
        node,
        'error',
        'schema-pattern',
        custom ?? `${sentence(label)} does not have the expected format.`,
      );
    }
    case 'uniqueItems': {
      // ajv reports the later duplicate as `i`; that is the one to remove.
      const { i } = error.params as { i: number; j: number };
      const item = node.children?.[i];
      if (!item) return undefined;
      return nodeDiagnostic(
        positions,
        item,
        'error',
        'schema-duplicate-item',
        `${sentence(label)} lists this value twice: remove the duplicate.`,
        [removeChildFix(positions, item, 'Remove the duplicate')],
      );
    }
    case 'minimum':
    case 'maximum':
      return nodeDiagnostic(
        positions,
        node,
        'error',
        'schema-range',
        `${sentence(label)} must be a 32-bit whole number (${error.message ?? ''}).`,
      );
    default:
      return nodeDiagnostic(
        positions,
        node,
        'error',
        `schema-${error.keyword}`,
        `${sentence(label)} ${error.message ?? 'is not valid'}.`,
      );
  }
}

/** `"Blocked"` or `" blocked"` (a typo in Microsoft's own docs) → the one member it was meant to be. */
function enumFix(node: Node, offered: readonly string[], positions: TextPositions): QuickFix[] {
  const value = stringValue(node)?.trim().toLowerCase();
  if (value === undefined) return [];
  const matches = offered.filter((member) => member.toLowerCase() === value);
  return matches.length === 1
    ? [replaceNodeFix(positions, node, JSON.stringify(matches[0]), `Change to "${matches[0]}"`)]
    : [];
}

/** `"true"` where a boolean belongs → `true`. */
function booleanFix(node: Node, types: readonly string[], positions: TextPositions): QuickFix[] {
  const value = stringValue(node);
  if (!types.includes('boolean') || (value !== 'true' && value !== 'false')) return [];
  return [replaceNodeFix(positions, node, value, `Change to ${value} (without quotes)`)];
}

function typeWords(type: string): string[] {
  switch (type) {
    case 'object':
      return ['an object'];
    case 'array':
      return ['an array'];
    case 'string':
      return ['a string'];
    case 'boolean':
      return ['true', 'false'];
    case 'integer':
      return ['a whole number'];
    case 'number':
      return ['a number'];
    default:
      return [type];
  }
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? 'valid')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `` `accessType` `` for a property, `` `targets[1]` `` for an array item, the document's title for the root. */
function labelOf(pointer: string, documentTitle: string): string {
  if (pointer === '') return `the ${documentTitle.toLowerCase()} document`;
  const segments = pointerSegments(pointer);
  let label = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (/^\d+$/.test(segment)) {
      label = `[${segment}]${label}`;
    } else {
      label = segment + label;
      break;
    }
  }
  return `\`${label}\``;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAtPointer(root: Node, pointer: string): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of pointerSegments(pointer)) {
    if (node?.type === 'array') node = node.children?.[Number(segment)];
    else node = propertyNamed(node, segment)?.children?.[1];
  }
  return node;
}

/** The known name a typo most likely meant (at most two edits away, and unambiguous); case-only slips are the casing rule's. */
function closestName(name: string, known: readonly string[]): string | undefined {
  if (known.some((candidate) => candidate.toLowerCase() === name.toLowerCase())) return undefined;
  const scored = known.map((candidate) => ({
    candidate,
    distance: editDistance(name.toLowerCase(), candidate.toLowerCase()),
  }));
  const best = Math.min(...scored.map((entry) => entry.distance));
  const winners = scored.filter((entry) => entry.distance === best);
  return best <= 2 && winners.length === 1 ? winners[0].candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
