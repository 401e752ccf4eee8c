import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic, QuickFix, Severity } from './diagnostic';
import type { TextPositions } from './textPositions';

export type { Node } from 'jsonc-parser';

/** What each jsonc-parser error means for someone typing a policy, and how to fix it. */
const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol:
    'Unexpected character: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null here.',
  InvalidNumberFormat:
    'Invalid number: write digits with an optional "-", fraction and exponent (no leading "+", no hex).',
  PropertyNameExpected:
    'A property name in double quotes is expected here (remove a trailing comma, or quote the name).',
  ValueExpected: 'A value is expected here: an object, array, string, number, true, false or null.',
  ColonExpected: 'A colon ":" is expected between the property name and its value.',
  CommaExpected: 'A comma "," is expected between two properties or two array items.',
  CloseBraceExpected: 'A closing brace "}" is expected: the object is not closed.',
  CloseBracketExpected: 'A closing bracket "]" is expected: the array is not closed.',
  EndOfFileExpected: "Nothing may follow the document's single JSON value: remove the extra text.",
  InvalidCommentToken: 'Comments are not allowed: Graph receives strict JSON. Remove the comment.',
  UnexpectedEndOfComment: 'The comment is not closed. Comments are not allowed anyway: remove it.',
  UnexpectedEndOfString: 'The string is not closed: add the closing double quote.',
  UnexpectedEndOfNumber: 'The number ends too early: add the missing digits.',
  InvalidUnicode: 'Invalid \\u escape: write four hexadecimal digits after \\u.',
  InvalidEscapeCharacter:
    'Invalid escape: inside strings only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.',
  InvalidCharacter:
    'Invalid character in a string: control characters such as tabs and line breaks must be escaped (\\t, \\n).',
};

export interface ParsedJson {
  /** The recovered tree; meaningful for further checks only when `syntax` is empty. */
  readonly root: Node | undefined;
  readonly syntax: Diagnostic[];
}

/** Strict JSON, as Graph accepts it: comments and trailing commas are errors, duplicate keys are left to the rules. */
export function parseJson(positions: TextPositions): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(positions.text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  // jsonc-parser can report two errors for one slip (a trailing comma: "property name expected" and
  // "value expected" at the same offset); the first one says it best.
  const firstPerOffset = errors.filter(
    (error, i) => errors.findIndex((other) => other.offset === error.offset) === i,
  );
  const syntax = firstPerOffset.map((error) => {
    const name = printParseErrorCode(error.error);
    // An empty document reports "value expected" at offset 0 with no length; say what is missing.
    const message =
      root === undefined && positions.text.trim() === ''
        ? 'The document is empty: it must hold one JSON object, e.g. {}.'
        : (SYNTAX_MESSAGES[name] ?? `JSON syntax error (${name}).`);
    return makeDiagnostic(
      positions,
      error.offset,
      Math.max(error.length, 1),
      'error',
      'syntax',
      message,
    );
  });
  return { root, syntax };
}

export function makeDiagnostic(
  positions: TextPositions,
  offset: number,
  length: number,
  severity: Severity,
  code: string,
  message: string,
  fixes: readonly QuickFix[] = [],
): Diagnostic {
  return {
    range: positions.rangeOf(offset, length),
    severity,
    message,
    code,
    source: 'cross-tenant',
    fixes,
  };
}

export function nodeDiagnostic(
  positions: TextPositions,
  node: Node,
  severity: Severity,
  code: string,
  message: string,
  fixes: readonly QuickFix[] = [],
): Diagnostic {
  return makeDiagnostic(positions, node.offset, node.length, severity, code, message, fixes);
}

/** The property nodes of an object node, in text order (duplicates included). */
export function propertiesOf(node: Node | undefined): Node[] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).filter(
    (child) => child.type === 'property' && child.children?.length === 2,
  );
}

export function keyOf(property: Node): Node {
  return property.children![0];
}

export function valueOf(property: Node): Node {
  return property.children![1];
}

export function keyName(property: Node): string {
  return keyOf(property).value as string;
}

/** The property named `name`; with duplicates the last one, because that is the value JSON.parse (and Graph) keeps. */
export function propertyNamed(node: Node | undefined, name: string): Node | undefined {
  const matches = propertiesOf(node).filter((property) => keyName(property) === name);
  return matches[matches.length - 1];
}

export function valueNamed(node: Node | undefined, name: string): Node | undefined {
  const property = propertyNamed(node, name);
  return property && valueOf(property);
}

/**
 * The JSON value of a node as ordinary objects and arrays (jsonc-parser's own `getNodeValue` makes
 * prototype-less objects). With duplicate keys the last one wins, as in JSON.parse; `fromEntries`
 * defines properties, so a key such as "__proto__" stays data.
 */
export function jsonValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        propertiesOf(node).map((property) => [keyName(property), jsonValue(valueOf(property))]),
      );
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value as unknown;
  }
}

/** The string value of a node, or undefined when it is not a string. */
export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}
