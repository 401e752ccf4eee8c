import type { QuickFix } from './diagnostic';
import { keyName, keyOf, type Node } from './jsonTree';
import type { TextPositions } from './textPositions';

/**
 * Quick fixes as pure text edits against the checked text. Each one touches as little text as it
 * can (a key, a value, one property) so it still applies after unrelated edits elsewhere.
 */

export function replaceNodeFix(
  positions: TextPositions,
  node: Node,
  newText: string,
  title: string,
): QuickFix {
  return { title, edits: [{ range: positions.rangeOf(node.offset, node.length), newText }] };
}

/** Replaces a node with a JSON value, 2-space indented and aligned with the line the node starts on. */
export function replaceWithValueFix(
  positions: TextPositions,
  node: Node,
  value: unknown,
  title: string,
): QuickFix {
  const indent = positions.indentOfLineAt(node.offset);
  const text = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  return replaceNodeFix(positions, node, text, title);
}

export function renameKeyFix(positions: TextPositions, property: Node, newName: string): QuickFix {
  return replaceNodeFix(
    positions,
    keyOf(property),
    JSON.stringify(newName),
    `Rename "${keyName(property)}" to "${newName}"`,
  );
}

/** Removes one property of an object, or one item of an array, with its separating comma, leaving the neighbours' layout intact. */
export function removeChildFix(positions: TextPositions, child: Node, title: string): QuickFix {
  const container = child.parent!;
  const siblings = container.children!;
  const index = siblings.indexOf(child);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  let start: number;
  let end: number;
  if (next) {
    // `"a": 1,⏎  "b": 2` → `"b": 2`: the next sibling moves up into this one's place.
    start = child.offset;
    end = next.offset;
  } else if (previous) {
    // `"a": 1,⏎  "b": 2⏎}` → `"a": 1⏎}`: the comma before the last sibling goes with it.
    start = previous.offset + previous.length;
    end = child.offset + child.length;
  } else {
    start = container.offset + 1;
    end = container.offset + container.length - 1;
  }
  return { title, edits: [{ range: positions.rangeOf(start, end - start), newText: '' }] };
}
