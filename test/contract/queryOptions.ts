import { filterProblems } from './filterPaths';
import { walkMemberPath } from './memberPath';
import { elementType, isCollection, type Metadata, shortName } from './metadata';

/** OData system query options Graph v1.0 understands. */
const SYSTEM_OPTIONS = new Set([
  '$select',
  '$expand',
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$search',
  '$skiptoken',
  '$deltatoken',
  '$format',
]);
const COLLECTION_ONLY = new Set(['$filter', '$orderby', '$top', '$skip', '$count', '$search']);

/** Splits at `separator` outside parentheses and quotes (`a($select=b,c),d` → `a($select=b,c)`, `d`). */
export function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (ch === separator && depth === 0 && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

function selectProblems(metadata: Metadata, type: string, select: string): string[] {
  return splitTopLevel(select, ',').flatMap((item) => {
    if (item === '*') return [];
    if (item === '') return ['$select: an empty item'];
    const result = walkMemberPath(metadata, type, item.split('/'));
    return result.problem === undefined ? [] : [`$select: ${result.problem}`];
  });
}

function expandProblems(metadata: Metadata, type: string, expand: string): string[] {
  return splitTopLevel(expand, ',').flatMap((item) => {
    if (item === '*') return [];
    const m = /^([^(]+)(?:\((.*)\))?$/s.exec(item);
    if (!m) return [`$expand: cannot read "${item}"`];
    const result = walkMemberPath(metadata, type, m[1].trim().split('/'));
    if (result.problem !== undefined) return [`$expand: ${result.problem}`];
    if (!result.navigation)
      return [`$expand: ${m[1]} is not a navigation property of ${shortName(type)}`];
    if (m[2] === undefined) return [];
    const nested = new Map<string, string>();
    for (const option of splitTopLevel(m[2], ';')) {
      const eq = option.indexOf('=');
      nested.set(option.slice(0, eq).trim(), option.slice(eq + 1));
    }
    return queryProblems(metadata, elementType(result.type), nested, isCollection(result.type)).map(
      (p) => `$expand=${m[1]}(…): ${p}`,
    );
  });
}

function orderbyProblems(metadata: Metadata, type: string, orderby: string): string[] {
  return splitTopLevel(orderby, ',').flatMap((item) => {
    const [path, direction, ...extra] = item.split(/\s+/);
    const problems: string[] = [];
    if (
      (direction !== undefined && direction !== 'asc' && direction !== 'desc') ||
      extra.length > 0
    )
      problems.push(`$orderby: "${item}" is not "path [asc|desc]"`);
    const result = walkMemberPath(metadata, type, path.split('/'));
    if (result.problem !== undefined) problems.push(`$orderby: ${result.problem}`);
    else if (isCollection(result.type) || metadata.structured(elementType(result.type)))
      problems.push(
        `$orderby: ${path} is a ${shortName(result.type)}, not a primitive or enum value`,
      );
    return problems;
  });
}

/**
 * The problems of a request's query options against the type it addresses: only system options,
 * collection options only on collections, and every path in `$select`, `$expand` (with nested
 * options), `$filter` and `$orderby` a real property path of that type.
 */
export function queryProblems(
  metadata: Metadata,
  type: string,
  options: ReadonlyMap<string, string>,
  collection: boolean = true,
): string[] {
  const problems: string[] = [];
  for (const [name, value] of options) {
    if (!SYSTEM_OPTIONS.has(name)) {
      problems.push(`${name} is not an OData system query option Graph understands`);
      continue;
    }
    if (COLLECTION_ONLY.has(name) && !collection) {
      problems.push(`${name} applies to collections, not to a single ${shortName(type)}`);
      continue;
    }
    if ((name === '$top' || name === '$skip') && !/^\d+$/.test(value))
      problems.push(`${name}=${value} is not a non-negative integer`);
    if (name === '$count' && value !== 'true' && value !== 'false')
      problems.push(`$count=${value} is neither true nor false`);
    if (name === '$select') problems.push(...selectProblems(metadata, type, value));
    if (name === '$expand') problems.push(...expandProblems(metadata, type, value));
    if (name === '$orderby') problems.push(...orderbyProblems(metadata, type, value));
    if (name === '$filter') problems.push(...filterProblems(metadata, type, value));
  }
  return problems;
}
