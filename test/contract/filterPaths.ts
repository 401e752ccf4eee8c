import { type MemberPathResult, walkMemberPath } from './memberPath';
import { elementType, isCollection, type Metadata, nameList, shortName } from './metadata';

interface Token {
  readonly kind: 'string' | 'name' | 'literal' | 'punct';
  readonly text: string;
}

const OPERATORS = new Set([
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'has',
  'in',
  'and',
  'or',
  'not',
  'add',
  'sub',
  'mul',
  'div',
  'divby',
  'mod',
]);
const LITERALS = new Set(['true', 'false', 'null', 'INF', 'NaN']);
/** OData's canonical functions (URL conventions §5.1.1), the ones a $filter may call. */
const FUNCTIONS = new Set([
  'contains',
  'startswith',
  'endswith',
  'length',
  'indexof',
  'substring',
  'tolower',
  'toupper',
  'trim',
  'concat',
  'matchesPattern',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'fractionalseconds',
  'totalseconds',
  'date',
  'time',
  'totaloffsetminutes',
  'now',
  'mindatetime',
  'maxdatetime',
  'round',
  'floor',
  'ceiling',
  'cast',
  'isof',
]);

function tokenize(text: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const string = /^'(?:[^']|'')*'/.exec(rest);
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i.exec(rest);
    const typed = /^[A-Za-z_][\w.]*'(?:[^']|'')*'/.exec(rest); // enum literal: ns.type'member'
    const name = /^[A-Za-z_$][\w.$]*/.exec(rest);
    const literal = /^-?[0-9][0-9A-Za-z.:+-]*/.exec(rest);
    const match: [Token['kind'], RegExpExecArray | null][] = [
      ['string', string],
      ['literal', guid],
      ['literal', typed],
      ['name', name],
      ['literal', literal],
    ];
    const hit = match.find(([, m]) => m !== null);
    if (hit) {
      tokens.push({ kind: hit[0], text: hit[1]![0] });
      i += hit[1]![0].length;
      continue;
    }
    if ('(),/:'.includes(text[i])) {
      tokens.push({ kind: 'punct', text: text[i] });
      i++;
      continue;
    }
    problems.push(`unexpected "${text[i]}" at position ${i}`);
    return [];
  }
  return tokens;
}

/** The index of the ")" closing the "(" at `open`, or -1. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === '(' && tokens[i].kind === 'punct') depth++;
    if (tokens[i].text === ')' && tokens[i].kind === 'punct' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The problems of a `$filter` expression against a structured type: every property path it names
 * (through complex values, single-valued navigations, casts, and into collections with any()/all()
 * lambdas) must exist, every function must be an OData canonical function, and a string compared
 * with an enum property must be one of its members.
 */
export function filterProblems(metadata: Metadata, type: string, filter: string): string[] {
  const problems: string[] = [];
  const tokens = tokenize(filter, problems);
  walk(metadata, tokens, 0, tokens.length, new Map([['$it', type]]), type, problems);
  return problems.map((p) => `$filter: ${p}`);
}

function walk(
  metadata: Metadata,
  tokens: readonly Token[],
  from: number,
  to: number,
  scope: ReadonlyMap<string, string>,
  type: string,
  problems: string[],
): void {
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.kind !== 'name' || OPERATORS.has(token.text) || LITERALS.has(token.text)) continue;
    if (tokens[i + 1]?.text === '(') {
      if (!FUNCTIONS.has(token.text)) problems.push(`${token.text}() is not an OData function`);
      continue;
    }
    // A path: name(/name)*, possibly ending in /any( or /all(.
    const segments = [token.text];
    let j = i + 1;
    while (tokens[j]?.text === '/' && tokens[j + 1]?.kind === 'name') {
      segments.push(tokens[j + 1].text);
      j += 2;
    }
    const last = segments.at(-1)!;
    const lambda = (last === 'any' || last === 'all') && tokens[j]?.text === '(';
    const count = last === '$count';
    const memberSegments = lambda || count ? segments.slice(0, -1) : segments;
    const variable = scope.get(memberSegments[0]);
    const path = variable ? memberSegments.slice(1) : memberSegments;
    const resolved: MemberPathResult =
      path.length === 0
        ? { type: variable ?? type, navigation: false }
        : walkMemberPath(metadata, variable ?? type, path);
    const where = segments.join('/');
    i = j - 1;
    if (resolved.problem !== undefined) {
      problems.push(resolved.problem);
      continue;
    }
    if ((lambda || count) && !isCollection(resolved.type)) {
      problems.push(
        `${memberSegments.join('/')} is not a collection (${shortName(resolved.type)}): ${last} needs one`,
      );
      continue;
    }
    if (count) continue;
    if (lambda) {
      const end = closing(tokens, j);
      if (end < 0) {
        problems.push(`${where}: no closing parenthesis`);
        return;
      }
      i = end;
      if (end === j + 1) continue; // any() without a body: is the collection non-empty
      const variableName = tokens[j + 1];
      if (variableName?.kind !== 'name' || tokens[j + 2]?.text !== ':') {
        problems.push(`${where}(…) does not start with "variable:"`);
        continue;
      }
      const inner = new Map(scope);
      inner.set(variableName.text, elementType(resolved.type));
      walk(metadata, tokens, j + 3, end, inner, type, problems);
      continue;
    }
    if (isCollection(resolved.type))
      problems.push(
        `${where} is a collection (${shortName(resolved.type)}): compare inside any() or all()`,
      );
    checkEnumComparison(metadata, resolved.type, tokens, j, where, problems);
  }
}

/** `path eq 'member'`, `path has 'member'`, `path in ('a','b')` where path is an enum. */
function checkEnumComparison(
  metadata: Metadata,
  type: string,
  tokens: readonly Token[],
  at: number,
  path: string,
  problems: string[],
): void {
  const enumDef = metadata.enumType(elementType(type));
  const operator = tokens[at]?.text;
  if (!enumDef || !operator) return;
  const literals: Token[] = [];
  if (operator === 'eq' || operator === 'ne' || operator === 'has') literals.push(tokens[at + 1]);
  if (operator === 'in' && tokens[at + 1]?.text === '(') {
    const end = closing(tokens, at + 1);
    for (let k = at + 2; k < end; k++) if (tokens[k].kind === 'string') literals.push(tokens[k]);
  }
  for (const literal of literals) {
    if (literal?.kind !== 'string') continue;
    const member = literal.text.slice(1, -1).replace(/''/g, "'");
    if (!enumDef.members.includes(member))
      problems.push(
        `${path} ${operator} ${literal.text}: "${member}" is not a member of ${shortName(elementType(type))}: ${nameList(enumDef.members)}`,
      );
  }
}
