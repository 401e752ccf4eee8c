import { badRequest, unsupportedQuery } from '../errors';
import type { Json, JsonObject } from '../json';
import { readStringLiteral } from './literal';

/** Operators and functions a property may be filtered with. */
export type FilterOperator =
  'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'startswith' | 'endswith';
type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
type StringFunction = 'contains' | 'startswith' | 'endswith';

export interface FilterProperty {
  readonly type: 'string' | 'datetime' | 'boolean' | 'enum';
  readonly operators: readonly FilterOperator[];
  /** For enums: the members; comparing with anything else is a 400, as OData does. */
  readonly members?: readonly string[];
  /**
   * A property of the items of a collection (`targetResources/id`): only filterable inside a
   * lambda over that collection, `targetResources/any(t: t/id eq '…')`, as OData requires.
   */
  readonly inCollection?: string;
  /**
   * Operators of `operators` that work only in an advanced query (`ConsistencyLevel: eventual` and
   * `$count=true`), as directory objects document for `ne` and for `endsWith` on addresses.
   */
  readonly advanced?: readonly FilterOperator[];
}

/** What one resource supports: its filterable property paths (`a/b`) and how strings compare. */
export interface FilterSchema {
  readonly resource: string;
  readonly properties: Readonly<Record<string, FilterProperty>>;
  /** Directory objects compare strings case-insensitively; provisioning logs do not (graph-api.md §7). */
  readonly caseInsensitive: boolean;
  /** Whether `tolower()`/`toupper()` may wrap a property. */
  readonly caseFunctions: boolean;
  /** Whether `not` needs an advanced query, as on directory objects. */
  readonly advancedNegation?: boolean;
}

export interface FilterContext {
  /** The request is an advanced query: `ConsistencyLevel: eventual` and `$count=true`. */
  readonly advanced?: boolean;
}

/**
 * Graph's answer to an operator that needs the advanced query parameters. The wording is Graph's
 * for `endsWith`; for `ne` and `not` Microsoft documents the rule but not the message (a sandbox
 * choice: the same sentence).
 */
function needsAdvanced(op: string): Error {
  return unsupportedQuery(
    `Operator '${op}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );
}

type Literal = {
  kind: 'literal';
  type: 'string' | 'number' | 'boolean' | 'null' | 'datetime';
  value: string | number | boolean | null;
};
type ValueNode =
  | { kind: 'property'; path: string }
  | Literal
  | { kind: 'case'; fn: 'tolower' | 'toupper'; arg: ValueNode };
type BoolNode =
  | { kind: 'and' | 'or'; left: BoolNode; right: BoolNode }
  | { kind: 'not'; operand: BoolNode }
  | { kind: 'compare'; op: Comparison; left: ValueNode; right: ValueNode }
  | { kind: 'call'; fn: StringFunction; args: ValueNode[] }
  | { kind: 'lambda'; fn: 'any' | 'all'; collection: string; variable: string; body: BoolNode };

type Token =
  | { t: 'punct'; v: '(' | ')' | ',' | '/' | ':' }
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'datetime'; v: string };

const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(?:\.\d+)?/;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_.$]*/;

function syntaxError(detail: string): Error {
  return badRequest(`Invalid filter clause: ${detail}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === '/' || ch === ':') {
      tokens.push({ t: 'punct', v: ch });
      i++;
    } else if (ch === "'") {
      const lit = readStringLiteral(text, i);
      if (!lit) throw syntaxError('unterminated string literal.');
      tokens.push({ t: 'string', v: lit.value });
      i = lit.end;
    } else {
      const rest = text.slice(i);
      const date = DATETIME.exec(rest);
      const num = NUMBER.exec(rest);
      const ident = IDENT.exec(rest);
      if (date && date[0].length > (num?.[0].length ?? 0)) {
        tokens.push({ t: 'datetime', v: date[0] });
        i += date[0].length;
      } else if (num) {
        tokens.push({ t: 'number', v: Number(num[0]) });
        i += num[0].length;
      } else if (ident) {
        tokens.push({ t: 'ident', v: ident[0] });
        i += ident[0].length;
      } else {
        throw syntaxError(`unexpected character '${ch}' at position ${i}.`);
      }
    }
  }
  return tokens;
}

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const STRING_FUNCTIONS = new Set<string>(['contains', 'startswith', 'endswith']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): BoolNode {
    const node = this.or();
    if (this.pos < this.tokens.length)
      throw syntaxError(`unexpected '${String(this.tokens[this.pos].v)}'.`);
    return node;
  }

  private peekIdent(word: string): boolean {
    const tok = this.tokens[this.pos];
    return tok?.t === 'ident' && tok.v.toLowerCase() === word;
  }

  private expectPunct(v: string): void {
    const tok = this.tokens[this.pos];
    if (tok?.t !== 'punct' || tok.v !== v) throw syntaxError(`expected '${v}'.`);
    this.pos++;
  }

  private or(): BoolNode {
    let left = this.and();
    while (this.peekIdent('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): BoolNode {
    let left = this.unary();
    while (this.peekIdent('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): BoolNode {
    if (this.peekIdent('not')) {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    const tok = this.tokens[this.pos];
    if (tok?.t === 'punct' && tok.v === '(') {
      this.pos++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (
      tok?.t === 'ident' &&
      STRING_FUNCTIONS.has(tok.v.toLowerCase()) &&
      this.tokens[this.pos + 1]?.v === '('
    ) {
      this.pos += 2;
      const args = [this.value()];
      while (this.tokens[this.pos]?.v === ',') {
        this.pos++;
        args.push(this.value());
      }
      this.expectPunct(')');
      return { kind: 'call', fn: tok.v.toLowerCase() as StringFunction, args };
    }
    const lambda = this.lambda();
    if (lambda) return lambda;
    const left = this.value();
    const op = this.tokens[this.pos];
    if (op?.t !== 'ident' || !COMPARISONS.has(op.v.toLowerCase()))
      throw syntaxError('expected a comparison operator (eq, ne, gt, ge, lt, le).');
    this.pos++;
    return { kind: 'compare', op: op.v.toLowerCase() as Comparison, left, right: this.value() };
  }

  /** `path/any(v: body)` or `path/all(v: body)` at the current position, else undefined (nothing consumed). */
  private lambda(): BoolNode | undefined {
    let i = this.pos;
    const path: string[] = [];
    while (this.tokens[i]?.t === 'ident') {
      path.push(String(this.tokens[i].v));
      if (this.tokens[i + 1]?.v !== '/') return undefined;
      const next = this.tokens[i + 2];
      const fn = next?.t === 'ident' ? next.v.toLowerCase() : '';
      if ((fn === 'any' || fn === 'all') && this.tokens[i + 3]?.v === '(') {
        const variable = this.tokens[i + 4];
        if (variable?.t !== 'ident' || this.tokens[i + 5]?.v !== ':')
          throw syntaxError(`expected '${fn}(variable: expression)'.`);
        this.pos = i + 6;
        const body = this.or();
        this.expectPunct(')');
        return { kind: 'lambda', fn, collection: path.join('/'), variable: variable.v, body };
      }
      i += 2;
    }
    return undefined;
  }

  private value(): ValueNode {
    const tok = this.tokens[this.pos];
    if (!tok) throw syntaxError('unexpected end of expression.');
    this.pos++;
    switch (tok.t) {
      case 'string':
        return { kind: 'literal', type: 'string', value: tok.v };
      case 'number':
        return { kind: 'literal', type: 'number', value: tok.v };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: tok.v };
      case 'punct':
        throw syntaxError(`unexpected '${tok.v}'.`);
      case 'ident': {
        const word = tok.v.toLowerCase();
        if (word === 'true' || word === 'false')
          return { kind: 'literal', type: 'boolean', value: word === 'true' };
        if (word === 'null') return { kind: 'literal', type: 'null', value: null };
        if ((word === 'tolower' || word === 'toupper') && this.tokens[this.pos]?.v === '(') {
          this.pos++;
          const arg = this.value();
          this.expectPunct(')');
          return { kind: 'case', fn: word, arg };
        }
        if (this.tokens[this.pos]?.v === '(')
          throw unsupportedQuery(`The function '${tok.v}' is not supported in $filter.`);
        const path = [tok.v];
        while (this.tokens[this.pos]?.v === '/') {
          const next = this.tokens[this.pos + 1];
          if (next?.t !== 'ident') throw syntaxError('expected a property name after /.');
          path.push(next.v);
          this.pos += 2;
        }
        return { kind: 'property', path: path.join('/') };
      }
    }
  }
}

export type FilterPredicate = (item: JsonObject) => boolean;

function readPath(item: JsonObject, path: readonly string[]): Json | undefined {
  let current: Json | undefined = item;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

interface CompiledValue {
  /** The property this value reads (possibly through tolower/toupper), if any. */
  readonly property?: { readonly name: string; readonly def: FilterProperty };
  readonly literal?: Literal;
  readonly get: (item: JsonObject) => Json | undefined;
}

/** Compiles `$filter` text against a resource's schema into a predicate; invalid or unsupported clauses are 400s. */
export function compileFilter(
  text: string,
  schema: FilterSchema,
  context: FilterContext = {},
): FilterPredicate {
  const ast = new Parser(tokenize(text)).parse();
  const fold = (v: string): string => (schema.caseInsensitive ? v.toLowerCase() : v);

  const unsupported = (name: string): Error =>
    unsupportedQuery(
      `Unsupported or invalid query filter clause specified for property '${name}' of resource '${schema.resource}'.`,
    );
  const property = (name: string): { name: string; def: FilterProperty } => {
    const key = Object.keys(schema.properties).find((p) => p.toLowerCase() === name.toLowerCase());
    if (!key) throw unsupported(name);
    return { name: key, def: schema.properties[key] };
  };

  /** Inside a lambda, `variable/x` reads `x` of the collection item; outside, paths read the entity. */
  interface Scope {
    readonly variable: string;
    readonly collection: string;
  }

  const value = (node: ValueNode, scope?: Scope): CompiledValue => {
    if (node.kind === 'literal') return { literal: node, get: () => node.value };
    if (node.kind === 'property') {
      const [head, ...rest] = node.path.split('/');
      if (scope && head === scope.variable && rest.length > 0) {
        const prop = property(`${scope.collection}/${rest.join('/')}`);
        if (prop.def.inCollection?.toLowerCase() !== scope.collection.toLowerCase())
          throw unsupported(node.path);
        return { property: prop, get: (item) => readPath(item, rest) };
      }
      const prop = property(node.path);
      if (prop.def.inCollection !== undefined)
        throw unsupportedQuery(
          `'${prop.name}' is a property of the items of '${prop.def.inCollection}': filter it with ${prop.def.inCollection}/any(x: x/${prop.name.slice(prop.def.inCollection.length + 1)} eq …).`,
        );
      const path = prop.name.split('/');
      return { property: prop, get: (item) => readPath(item, path) };
    }
    if (!schema.caseFunctions)
      throw unsupportedQuery(
        `The function '${node.fn}' is not supported for resource '${schema.resource}'.`,
      );
    const inner = value(node.arg, scope);
    if (
      !inner.property ||
      inner.property.def.type === 'datetime' ||
      inner.property.def.type === 'boolean'
    )
      throw badRequest(`Invalid filter clause: ${node.fn}() takes a string property.`);
    const convert =
      node.fn === 'tolower' ? (s: string) => s.toLowerCase() : (s: string) => s.toUpperCase();
    return {
      property: inner.property,
      get: (item) => {
        const v = inner.get(item);
        return typeof v === 'string' ? convert(v) : v;
      },
    };
  };

  const allow = (prop: { name: string; def: FilterProperty }, op: FilterOperator): void => {
    if (!prop.def.operators.includes(op))
      throw unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${prop.name}' of resource '${schema.resource}': operator '${op}' is not supported.`,
      );
    if (prop.def.advanced?.includes(op) && !context.advanced) throw needsAdvanced(op);
  };

  const checkLiteral = (prop: { name: string; def: FilterProperty }, lit: Literal): void => {
    if (lit.type === 'null') return;
    const { type, members } = prop.def;
    if (type === 'datetime' && lit.type !== 'datetime')
      throw badRequest(
        `Invalid filter clause: '${prop.name}' is a DateTimeOffset; compare it with an unquoted date or date-time literal.`,
      );
    if (type === 'boolean' && lit.type !== 'boolean')
      throw badRequest(`Invalid filter clause: '${prop.name}' is a Boolean.`);
    if ((type === 'string' || type === 'enum') && lit.type !== 'string')
      throw badRequest(
        `Invalid filter clause: '${prop.name}' must be compared with a quoted string literal.`,
      );
    if (type === 'enum' && members && !members.includes(String(lit.value)))
      throw badRequest(
        `Invalid filter clause: '${String(lit.value)}' is not a member of the enumeration of '${prop.name}'.`,
      );
  };

  const compile = (node: BoolNode, scope?: Scope): FilterPredicate => {
    switch (node.kind) {
      case 'and': {
        const l = compile(node.left, scope);
        const r = compile(node.right, scope);
        return (item) => l(item) && r(item);
      }
      case 'or': {
        const l = compile(node.left, scope);
        const r = compile(node.right, scope);
        return (item) => l(item) || r(item);
      }
      case 'not': {
        if (schema.advancedNegation && !context.advanced) throw needsAdvanced('not');
        const inner = compile(node.operand, scope);
        return (item) => !inner(item);
      }
      case 'lambda': {
        if (scope) throw unsupportedQuery('Nested lambda expressions are not supported.');
        const collection = Object.values(schema.properties).find(
          (p) => p.inCollection?.toLowerCase() === node.collection.toLowerCase(),
        )?.inCollection;
        if (!collection) throw unsupported(node.collection);
        const body = compile(node.body, { variable: node.variable, collection });
        const path = collection.split('/');
        return (item) => {
          const items = readPath(item, path);
          if (!Array.isArray(items)) return node.fn === 'all';
          const objects = items.filter(
            (x): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x),
          );
          return node.fn === 'any' ? objects.some(body) : objects.every(body);
        };
      }
      case 'call': {
        if (node.args.length !== 2)
          throw badRequest(`Invalid filter clause: ${node.fn}() takes two arguments.`);
        const target = value(node.args[0], scope);
        const needle = value(node.args[1], scope);
        if (!target.property || needle.literal?.type !== 'string')
          throw badRequest(`Invalid filter clause: ${node.fn}(property, 'text') expected.`);
        allow(target.property, node.fn);
        if (target.property.def.type !== 'string' && target.property.def.type !== 'enum')
          throw badRequest(`Invalid filter clause: ${node.fn}() needs a string property.`);
        const text = fold(String(needle.literal.value));
        const test =
          node.fn === 'contains'
            ? (s: string) => s.includes(text)
            : node.fn === 'startswith'
              ? (s: string) => s.startsWith(text)
              : (s: string) => s.endsWith(text);
        return (item) => {
          const v = target.get(item);
          return typeof v === 'string' && test(fold(v));
        };
      }
      case 'compare': {
        const left = value(node.left, scope);
        const right = value(node.right, scope);
        if (!left.property || !right.literal)
          throw unsupportedQuery(
            'Only comparisons of the form property operator literal are supported.',
          );
        allow(left.property, node.op);
        checkLiteral(left.property, right.literal);
        return compileComparison(node.op, left, right.literal, left.property.def.type, fold);
      }
    }
  };

  return compile(ast);
}

function compileComparison(
  op: Comparison,
  left: CompiledValue,
  literal: Literal,
  type: FilterProperty['type'],
  fold: (v: string) => string,
): FilterPredicate {
  if (literal.type === 'null') {
    if (op !== 'eq' && op !== 'ne')
      throw badRequest('Invalid filter clause: null can only be compared with eq or ne.');
    return op === 'eq' ? (item) => left.get(item) == null : (item) => left.get(item) != null;
  }
  if (type === 'datetime') {
    const target = Date.parse(
      /T/.test(String(literal.value))
        ? String(literal.value)
        : `${String(literal.value)}T00:00:00Z`,
    );
    if (Number.isNaN(target))
      throw badRequest(`Invalid filter clause: '${String(literal.value)}' is not a valid date.`);
    return (item) => {
      const v = left.get(item);
      if (typeof v !== 'string') return op === 'ne';
      return ordered(op, Date.parse(v) - target);
    };
  }
  if (type === 'boolean') {
    return (item) => ordered(op, left.get(item) === literal.value ? 0 : 1);
  }
  const target = fold(String(literal.value));
  return (item) => {
    const v = left.get(item);
    if (typeof v !== 'string') return op === 'ne';
    const s = fold(v);
    return ordered(op, s === target ? 0 : s < target ? -1 : 1);
  };
}

function ordered(op: Comparison, diff: number): boolean {
  switch (op) {
    case 'eq':
      return diff === 0;
    case 'ne':
      return diff !== 0;
    case 'gt':
      return diff > 0;
    case 'ge':
      return diff >= 0;
    case 'lt':
      return diff < 0;
    case 'le':
      return diff <= 0;
  }
}
