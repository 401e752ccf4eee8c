import {
  elementType,
  isCollection,
  type Metadata,
  NAMESPACE,
  type OperationDef,
  shortName,
} from './metadata';

/** What a resource path addresses, with the type its body and answer are checked against. */
export type PathTarget =
  /** An entity set or collection-valued navigation property; `type` is the element type. */
  | { readonly kind: 'collection'; readonly type: string }
  | { readonly kind: 'entity'; readonly type: string; readonly singleton?: boolean }
  /** A structural property; `type` as declared (may be `Collection(…)`). */
  | { readonly kind: 'property'; readonly type: string }
  | { readonly kind: 'action' | 'function'; readonly operation: OperationDef }
  | { readonly kind: 'count' | 'value' | 'ref' }
  | { readonly kind: 'batch' };

export interface PathResolution {
  /** Undefined when the path does not resolve (see problems). */
  readonly target?: PathTarget;
  /** The path with keys and function arguments replaced by `{}`: what counts as one distinct request. */
  readonly template: string;
  readonly problems: string[];
}

/** A single-quoted OData string literal, quotes inside doubled. */
const STRING_LITERAL = /^'(?:[^']|'')*'$/;

function outsideExtract(what: string): string {
  return `${what} is outside the extract (add the path to ENTRY_PATHS in scripts/extract-graph-metadata.mjs and rerun it)`;
}

/** Splits `a='x,y',b=1` at the commas outside quotes. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || out.length > 0) out.push(current);
  return out;
}

/**
 * Resolves the segments below the version (already percent-decoded) against the extract, the way
 * OData URL conventions read them: entity sets and singletons, keys as segments, structural and
 * navigation properties, type casts, and bound actions and functions (parameters in parentheses).
 */
export function resolvePath(metadata: Metadata, segments: readonly string[]): PathResolution {
  const problems: string[] = [];
  const template: string[] = [];
  const done = (target?: PathTarget): PathResolution => ({
    target,
    template: `/${template.join('/')}`,
    problems,
  });
  const [first, ...rest] = segments;
  if (first === undefined) {
    problems.push('the path names no resource');
    return done();
  }
  template.push(first);
  if (first === '$batch') {
    if (rest.length > 0) problems.push('nothing may follow $batch');
    return done({ kind: 'batch' });
  }
  const { entitySets, singletons } = metadata.extract;
  let target: PathTarget;
  if (entitySets[first]) target = { kind: 'collection', type: entitySets[first] };
  else if (singletons[first]) target = { kind: 'entity', type: singletons[first], singleton: true };
  else {
    problems.push(`${first} is neither an entity set nor a singleton of v1.0`);
    return done();
  }
  if (!metadata.structured(target.type)) {
    problems.push(outsideExtract(`the type ${shortName(target.type)} of ${first}`));
    return done();
  }

  let current: PathTarget | undefined = target;
  for (const segment of rest) {
    current = step(metadata, current, segment, template, problems);
    if (!current) return done();
  }
  return done(current);
}

/** Reads one more segment after `here`; undefined (with a problem) when it does not resolve. */
function step(
  metadata: Metadata,
  here: PathTarget,
  segment: string,
  template: string[],
  problems: string[],
): PathTarget | undefined {
  switch (here.kind) {
    case 'action':
      problems.push(`nothing may follow the action ${shortName(here.operation.name)}`);
      return undefined;
    case 'count':
    case 'value':
    case 'ref':
    case 'batch':
      problems.push(`nothing may follow ${template.at(-1)}`);
      return undefined;
    case 'function': {
      const result = here.operation.returnType;
      if (!result || !metadata.structured(elementType(result))) {
        problems.push(`nothing may follow the function ${shortName(here.operation.name)}`);
        return undefined;
      }
      const composed: PathTarget = isCollection(result)
        ? { kind: 'collection', type: elementType(result) }
        : { kind: 'entity', type: result };
      return step(metadata, composed, segment, template, problems);
    }
    default:
      break;
  }
  if (segment === '$count' || segment === '$value' || segment === '$ref') {
    template.push(segment);
    return { kind: segment.slice(1) as 'count' | 'value' | 'ref' };
  }
  const call = /^([\w.]+)\((.*)\)$/s.exec(segment);
  const name = call ? call[1] : segment;

  // A type cast: a qualified name of a type derived from the current one.
  if (!call && name.startsWith(`${NAMESPACE}.`) && metadata.structured(name)) {
    const current = elementType(here.type);
    template.push(name);
    if (!metadata.isSubtype(name, current)) {
      problems.push(`the cast ${shortName(name)} is not a type derived from ${shortName(current)}`);
      return undefined;
    }
    return { ...here, type: isCollection(here.type) ? `Collection(${name})` : name };
  }

  const binding = here.kind === 'collection' ? `Collection(${here.type})` : here.type;
  const operation = metadata.operations(name, binding)[0];
  if (operation) {
    if (operation.kind === 'function') {
      template.push(
        call ? `${name}(${checkArguments(operation, call[2], problems).join(',')})` : name,
      );
      if (!call) problems.push(`the function ${name} is called without parentheses`);
    } else {
      template.push(name);
      if (call) problems.push(`the action ${name} takes its parameters in the body, not the URL`);
    }
    return { kind: operation.kind, operation };
  }

  if (here.kind === 'collection') {
    if (call || name.startsWith(`${NAMESPACE}.`)) {
      template.push(segment);
      problems.push(
        `${segment} is not an action or function bound to a collection of ${shortName(here.type)}`,
      );
      return undefined;
    }
    // Any other segment after a collection is a key.
    template.push('{}');
    return { kind: 'entity', type: here.type };
  }

  template.push(segment);
  const owner = here.type;
  if (isCollection(owner)) {
    problems.push(`${segment} cannot follow the collection ${shortName(owner)}`);
    return undefined;
  }
  const member = metadata.structured(owner) ? metadata.member(owner, name) : undefined;
  if (!member) {
    problems.push(
      metadata.hasBoundOperationName(owner, name)
        ? outsideExtract(`the operation ${name} of ${shortName(owner)}`)
        : `${segment} is not a property, navigation property or bound operation of ${shortName(owner)} in v1.0${metadata.hint(owner, name)}`,
    );
    return undefined;
  }
  const type = member.def.type;
  if (member.kind === 'property') return { kind: 'property', type };
  if (!metadata.structured(elementType(type))) {
    problems.push(outsideExtract(`the navigation ${name} (to ${shortName(type)})`));
    return undefined;
  }
  return isCollection(type)
    ? { kind: 'collection', type: elementType(type) }
    : { kind: 'entity', type };
}

/** Checks the arguments of a function call against its parameters; returns them for the template. */
function checkArguments(operation: OperationDef, text: string, problems: string[]): string[] {
  const fn = shortName(operation.name);
  const given = new Map<string, string>();
  for (const part of splitArguments(text)) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      problems.push(`${fn}: the argument "${part}" is not name=value`);
      continue;
    }
    given.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const [name, literal] of given) {
    const parameter = operation.parameters[name];
    if (!parameter) {
      problems.push(
        `${fn} has no parameter ${name} (it has ${Object.keys(operation.parameters).join(', ') || 'none'})`,
      );
      continue;
    }
    if (parameter.type === 'Edm.String' && !STRING_LITERAL.test(literal))
      problems.push(
        `${fn}: ${name}=${literal} is not a quoted string literal (quotes inside doubled)`,
      );
  }
  for (const [name, parameter] of Object.entries(operation.parameters)) {
    if (!parameter.optional && !given.has(name))
      problems.push(`${fn}: the parameter ${name} is missing`);
  }
  return [...given.keys()].map((name) => `${name}={}`);
}
