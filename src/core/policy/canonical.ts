import type { Diagnostic } from './diagnostic';
import { DOCUMENT_KINDS, type DocumentKindId, type IdentityField } from './documentKinds';
import { GRAPH_TYPES, type GraphTypeName } from './graphTypes';
import { jsonValue, makeDiagnostic, parseJson } from './jsonTree';
import { TextPositions } from './textPositions';

/**
 * The canonical text of a Graph object: what the editor shows and what drafts, diffs and exports
 * compare. Keys follow the Graph type's property order at every depth; properties this extension
 * does not know yet (Graph keeps adding them) are kept, after the known ones, in sorted order;
 * `@odata.*` annotations and the kind's server-owned keys are dropped; 2-space indent and a final
 * newline. The same object always gives the same bytes, whatever order Graph sent its keys in.
 */
export function toCanonicalText(kind: DocumentKindId, graphObject: object): string {
  const dropped = new Set(DOCUMENT_KINDS[kind].serverOwnedKeys);
  const kept = Object.fromEntries(Object.entries(graphObject).filter(([key]) => !dropped.has(key)));
  return `${JSON.stringify(ordered(kept, DOCUMENT_KINDS[kind].graphType), null, 2)}\n`;
}

/**
 * A value (of Graph type `type`, or of unknown type) with its keys in canonical order at every
 * depth and `@odata.*` annotations dropped: the ordering `toCanonicalText` applies, for documents
 * that print parts of a Graph object themselves (the effective settings view).
 */
export function canonicalOrder(value: unknown, type: GraphTypeName | undefined): unknown {
  return ordered(value, type);
}

function ordered(value: unknown, type: GraphTypeName | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, type));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const shapes = type ? GRAPH_TYPES[type] : [];
  const known = shapes
    .filter((shape) => shape.name in record)
    .map((shape) => [shape.name, ordered(record[shape.name], shape.type)] as const);
  const knownNames = new Set(shapes.map((shape) => shape.name));
  // Sorted by UTF-16 code units (Array#sort's default), not by locale, so the bytes don't depend on the machine.
  const unknown = Object.keys(record)
    .filter((key) => !knownNames.has(key) && !key.includes('@odata.'))
    .sort()
    .map((key) => [key, ordered(record[key], undefined)] as const);
  // fromEntries defines properties, so a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries([...known, ...unknown]);
}

export interface ParsedDocument {
  /** The object to send, with the keys the location carries put back; undefined when the text does not parse to an object. */
  readonly value: Record<string, unknown> | undefined;
  /** Syntax errors, or the one error saying the document is not an object. */
  readonly diagnostics: Diagnostic[];
}

/**
 * The inverse of `toCanonicalText`: the text of a document back to the Graph object to send. Keys
 * the location carries (a partner's `tenantId`, a sync schema's `id`) come from `identity`, which
 * wins over the text; checkDocument reports a disagreeing `tenantId` before anything is sent.
 */
export function parseDocument(
  kind: DocumentKindId,
  text: string,
  identity: Partial<Readonly<Record<IdentityField, string>>>,
): ParsedDocument {
  const positions = new TextPositions(text);
  const { root, syntax } = parseJson(positions);
  if (syntax.length > 0 || !root) return { value: undefined, diagnostics: syntax };
  if (root.type !== 'object') {
    const message = `The ${DOCUMENT_KINDS[kind].title.toLowerCase()} document must be a JSON object ({ … }).`;
    return {
      value: undefined,
      diagnostics: [
        makeDiagnostic(positions, root.offset, root.length, 'error', 'schema-type', message),
      ],
    };
  }
  const value = jsonValue(root) as Record<string, unknown>;
  for (const { key, from } of DOCUMENT_KINDS[kind].uriKeys) {
    const carried = identity[from];
    if (carried !== undefined) value[key] = carried;
  }
  return { value, diagnostics: [] };
}
