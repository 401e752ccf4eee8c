import { INHERITABLE_SETTINGS } from '../graph/effectivePartner';
import type { Partner } from '../graph/types';
import type { Range } from './diagnostic';
import { pathLabel } from './diffSummary';
import { DOCUMENT_KINDS, type DocumentKindId } from './documentKinds';
import { comparable, leafDifferences } from './documentPaths';
import { toWorkspacePath, type WorkspaceFileIdentity } from './documentUri';
import { jsonValue, keyOf, parseJson, propertyNamed, valueOf, type Node } from './jsonTree';
import { TextPositions } from './textPositions';

/** One property where a file and the tenant disagree. */
export interface DriftEntry {
  readonly file: string;
  /** Property path in the document; empty when the whole document is missing on one side. */
  readonly path: string[];
  /** The path in words, e.g. "inbound trust › MFA". */
  readonly label: string;
  /** Where in the file: the differing value, or (when the file lacks it) the nearest enclosing property. */
  readonly range?: Range;
  /** E.g. "inbound trust › MFA: file says true, tenant has false". */
  readonly message: string;
  /** Undefined when the file does not have the property (or the file does not exist). */
  readonly fileValue: unknown;
  /** Undefined when the tenant does not have the property (or the object). */
  readonly liveValue: unknown;
}

/** A file that is not a JSON object cannot be compared; say so rather than report noise. */
export class DriftReadError extends Error {
  override readonly name = 'DriftReadError';
}

/**
 * Where an exported file and the live object differ, property by property (objects compared field
 * by field, arrays such as target lists as whole values). The exported canonical text is complete,
 * so a property the file leaves out but the tenant sets (non-null) is drift; absent and `null` are
 * the same. Server-owned and location-carried keys are not compared. Throws DriftReadError when the
 * text does not parse to an object.
 */
export function driftOfDocument(
  kind: DocumentKindId,
  fileText: string,
  live: object,
  file: string,
): DriftEntry[] {
  const positions = new TextPositions(fileText);
  const { root, syntax } = parseJson(positions);
  if (syntax.length > 0 || !root) {
    const first = syntax[0];
    const where = first
      ? `${first.range.start.line + 1}:${first.range.start.character + 1}`
      : '1:1';
    throw new DriftReadError(`${file}:${where}: ${first?.message ?? 'not JSON'}`);
  }
  if (root.type !== 'object')
    throw new DriftReadError(
      `${file}: the ${DOCUMENT_KINDS[kind].title.toLowerCase()} document must be a JSON object.`,
    );
  const fileValue = comparable(kind, jsonValue(root) as object);
  return leafDifferences(fileValue, comparable(kind, live)).map(({ path, before, after }) => ({
    file,
    path,
    label: pathLabel(path),
    range: rangeFor(root, path, positions),
    message: `${pathLabel(path)}: file says ${describeValue(kind, path, before)}, tenant has ${describeValue(kind, path, after)}`,
    fileValue: before,
    liveValue: after,
  }));
}

/** A file of an exported tenant folder, with the identity its path gives (see fromWorkspacePath). */
export interface FolderFile {
  /** How the file is named in messages (a path relative to where the user is, say). */
  readonly file: string;
  readonly identity: WorkspaceFileIdentity;
  readonly text: string;
}

/** What the tenant holds now. */
export interface LiveTenantSettings {
  readonly policy: object;
  readonly defaults: object;
  /** Listed with `$expand=identitySynchronization`, so each carries its identity sync (null: none). */
  readonly partners: readonly Partner[];
}

/**
 * Drift of a whole exported tenant folder: each file against its live object (driftOfDocument),
 * plus documents on one side only — a partner or identity sync the tenant has and the folder does
 * not (named where its file would be, under `folder`), and a file whose object the tenant no
 * longer has. Files of other kinds or folders are the caller's to filter out.
 */
export function driftOfTenantFolder(
  files: readonly FolderFile[],
  live: LiveTenantSettings,
  folder: string,
): DriftEntry[] {
  const partners = new Map(
    live.partners.map((partner) => [partner.tenantId.toLowerCase(), partner]),
  );
  const entries: DriftEntry[] = [];
  const seen = new Set<string>();
  for (const { file, identity, text } of files) {
    seen.add(documentKey(identity.kind, identity.partnerTenantId));
    const object = liveObject(identity, live, partners);
    if (object === undefined) {
      const what = describeDocument(identity.kind, identity.partnerTenantId);
      entries.push({
        file,
        path: [],
        label: what,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        message: `${what} is in the folder but not in the tenant`,
        fileValue: undefined,
        liveValue: undefined,
      });
      continue;
    }
    entries.push(...driftOfDocument(identity.kind, text, object, file));
  }
  const expected: {
    kind: WorkspaceFileIdentity['kind'];
    partnerTenantId?: string;
    value: unknown;
  }[] = [
    { kind: 'policy', value: live.policy },
    { kind: 'default', value: live.defaults },
    ...live.partners.flatMap((partner) => [
      { kind: 'partner' as const, partnerTenantId: partner.tenantId.toLowerCase(), value: partner },
      ...(partner.identitySynchronization
        ? [
            {
              kind: 'identitySync' as const,
              partnerTenantId: partner.tenantId.toLowerCase(),
              value: partner.identitySynchronization,
            },
          ]
        : []),
    ]),
  ];
  for (const { kind, partnerTenantId, value } of expected) {
    if (seen.has(documentKey(kind, partnerTenantId))) continue;
    const what = describeDocument(kind, partnerTenantId);
    const relative = toWorkspacePath({ kind, tenant: 'x.invalid', partnerTenantId }).slice(
      'x.invalid/'.length,
    );
    entries.push({
      file: `${folder}/${relative}`,
      path: [],
      label: what,
      message: `${what} is in the tenant but has no file`,
      fileValue: undefined,
      liveValue: value,
    });
  }
  return entries;
}

function liveObject(
  identity: WorkspaceFileIdentity,
  live: LiveTenantSettings,
  partners: ReadonlyMap<string, Partner>,
): object | undefined {
  switch (identity.kind) {
    case 'policy':
      return live.policy;
    case 'default':
      return live.defaults;
    case 'partner':
      return partners.get(identity.partnerTenantId ?? '');
    case 'identitySync':
      return partners.get(identity.partnerTenantId ?? '')?.identitySynchronization ?? undefined;
  }
}

function documentKey(kind: string, partnerTenantId: string | undefined): string {
  return `${kind}:${partnerTenantId ?? ''}`;
}

function describeDocument(
  kind: WorkspaceFileIdentity['kind'],
  partnerTenantId: string | undefined,
): string {
  const title = DOCUMENT_KINDS[kind].title;
  return partnerTenantId === undefined ? title : `${title} ${partnerTenantId}`;
}

/** The value's node when the file has the property, else the key of its nearest enclosing property, else the root's `{`. */
function rangeFor(root: Node, path: readonly string[], positions: TextPositions): Range {
  let node: Node = root;
  let enclosing: Node | undefined;
  for (const key of path) {
    const property = propertyNamed(node, key);
    if (!property)
      return enclosing
        ? positions.rangeOf(enclosing.offset, enclosing.length)
        : positions.rangeOf(root.offset, 1);
    enclosing = keyOf(property);
    node = valueOf(property);
  }
  return positions.rangeOf(node.offset, node.length);
}

const INHERITABLE: ReadonlySet<string> = new Set(INHERITABLE_SETTINGS);

/** A value as a message shows it: JSON, shortened; on a partner a null setting reads as inherited. */
export function describeValue(
  kind: DocumentKindId,
  path: readonly string[],
  value: unknown,
): string {
  if (
    (value === null || value === undefined) &&
    kind === 'partner' &&
    path.length === 1 &&
    INHERITABLE.has(path[0])
  )
    return 'inherited (null)';
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
