import { parseTree } from 'jsonc-parser';
import type { Diagnostic, Position } from './diagnostic';
import { TextPositions } from './textPositions';

const before = (a: Position, b: Position): boolean =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);

/**
 * The unknown-property warnings of a document whose property would go to Graph: a property in a
 * top-level value that the push sends (`sent`: the PATCH's keys, or every key for a create). Graph
 * answers 400 to a property it does not know, so such a push is refused before anything is sent
 * (issue 14, defect 11). An unknown property in a value that is not sent — one Graph returned
 * itself, unchanged — stays a warning: it is kept in the document and never sent.
 */
export function unknownPropertiesSent(
  text: string,
  diagnostics: readonly Diagnostic[],
  sent: readonly string[] | 'all',
): Diagnostic[] {
  const unknown = diagnostics.filter((d) => d.code === 'schema-unknown-property');
  if (unknown.length === 0 || sent === 'all') return unknown;
  const root = parseTree(text);
  if (root?.type !== 'object') return unknown;
  const positions = new TextPositions(text);
  const sentRanges = (root.children ?? [])
    .filter((p) => typeof p.children?.[0]?.value === 'string' && sent.includes(p.children[0].value))
    .map((p) => positions.rangeOf(p.offset, p.length));
  return unknown.filter((d) =>
    sentRanges.some((r) => before(r.start, d.range.start) && before(d.range.end, r.end)),
  );
}
