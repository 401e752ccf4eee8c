import type { CheckContext } from './checkContext';
import type { Diagnostic, Range } from './diagnostic';
import { DOCUMENT_KINDS, type DocumentKindId } from './documentKinds';
import { parseJson } from './jsonTree';
import { RULES } from './rules';
import { TextPositions } from './textPositions';

/**
 * Everything wrong with a document, for the editor's Problems and for the push gate: syntax errors
 * first and alone (a half-parsed tree would only produce confusing follow-ups), otherwise schema
 * problems and semantic rules, each with its quick fixes. Sorted by position.
 */
export function checkDocument(
  kind: DocumentKindId,
  text: string,
  context: CheckContext,
): Diagnostic[] {
  const positions = new TextPositions(text);
  const { root, syntax } = parseJson(positions);
  if (syntax.length > 0 || !root) return syntax;
  const schema = context.schemas.check(kind, root, positions, context.startedFrom);
  if (root.type !== 'object') return schema;
  const rules = RULES.flatMap((rule) =>
    rule.check({ kind: DOCUMENT_KINDS[kind], root, positions, input: context }),
  );
  // A miscased key is also "unknown" to the schema; the casing error (with its rename) says it better.
  const miscased = rules
    .filter((diagnostic) => diagnostic.code === 'property-casing')
    .map((diagnostic) => rangeKey(diagnostic.range));
  const kept = schema.filter(
    (diagnostic) =>
      diagnostic.code !== 'schema-unknown-property' ||
      !miscased.includes(rangeKey(diagnostic.range)),
  );
  return [...kept, ...rules].sort(byPosition);
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
