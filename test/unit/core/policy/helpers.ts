import * as path from 'path';
import type { Diagnostic, Position, QuickFix } from '../../../../src/core/policy/diagnostic';
import { PolicySchemas } from '../../../../src/core/policy/policySchemas';

/** The repository root, which is also the extension root: `schemas/` is read from here. */
export const EXTENSION_ROOT = path.resolve(__dirname, '../../../..');

export const GRAPH_EXAMPLES = path.join(EXTENSION_ROOT, 'test/fixtures/graph-examples');

let loaded: PolicySchemas | undefined;

/** The schemas, compiled once for the whole run. */
export function schemas(): PolicySchemas {
  loaded ??= PolicySchemas.load(EXTENSION_ROOT);
  return loaded;
}

/** `[startLine, startCharacter, endLine, endCharacter]`, compact enough for test tables. */
export type RangeTuple = [number, number, number, number];

export function rangeOf(diagnostic: Diagnostic): RangeTuple {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

/** Applies a quick fix's edits to the text it was computed on, as an editor would. */
export function applyFix(text: string, fix: QuickFix): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: Position): number => lineStarts[position.line] + position.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of edits)
    result =
      result.slice(0, offset(edit.range.start)) +
      edit.newText +
      result.slice(offset(edit.range.end));
  return result;
}

/** The text a range covers (single- or multi-line), to show that a range sits on the intended node. */
export function textAt(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [
    lines[start.line].slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    lines[end.line].slice(0, end.character),
  ].join('\n');
}
