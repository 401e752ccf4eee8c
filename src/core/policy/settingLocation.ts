import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parse,
  parseTree,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { isPlainObject } from './documentPaths';

/** `automaticUserConsentSettings.inboundAllowed` → its path segments. */
export function settingPath(setting: string): string[] {
  return setting.split('.').filter((s) => s !== '');
}

/**
 * Where a setting is in a document's text, as an offset range to select: the property itself, or
 * when it is absent (inherited, null parent) the nearest enclosing property that exists, so the
 * editor still lands where the change belongs. Undefined when the text does not parse.
 */
export function settingRange(
  text: string,
  setting: string,
): { offset: number; length: number } | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const path = settingPath(setting);
  for (let n = path.length; n > 0; n--) {
    const node: Node | undefined = findNodeAtLocation(root, path.slice(0, n));
    // The property node (key and value) reads better selected than the bare value.
    const target = node?.parent?.type === 'property' ? node.parent : node;
    if (target) return { offset: target.offset, length: target.length };
  }
  return { offset: root.offset, length: 0 };
}

/** Whether the document's text has `setting` itself (not only a property enclosing it). */
export function hasSetting(text: string, setting: string): boolean {
  const root = parseTree(text);
  return root !== undefined && findNodeAtLocation(root, settingPath(setting)) !== undefined;
}

/**
 * The document text with `patch` merged in, leaf by leaf, keeping the rest of the text (the user's
 * formatting and any other edits) as it is. A leaf under a null or missing parent creates the
 * parent object. Throws when the text does not parse, as a patch could not be placed safely.
 */
export function applyPatchToText(text: string, patch: Record<string, unknown>): string {
  const errors: ParseError[] = [];
  const current: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  if (errors.length > 0 || !isPlainObject(current))
    throw new Error('The document is not valid JSON: fix it before applying the change.');
  let result = text;
  for (const [path, value] of edits(current, patch)) {
    result = applyEdits(
      result,
      modify(result, path, value, {
        formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
      }),
    );
  }
  return result;
}

/** The (path, value) writes that merge `patch` into `current`: descend where the document has an object, else write the subtree whole. */
function edits(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
  prefix: string[] = [],
): [string[], unknown][] {
  return Object.entries(patch).flatMap(([k, v]): [string[], unknown][] => {
    const here = current[k];
    return isPlainObject(v) && isPlainObject(here)
      ? edits(here, v, [...prefix, k])
      : [[[...prefix, k], v]];
  });
}
