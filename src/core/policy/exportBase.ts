import type { DocumentKindId } from './documentKinds';
import { fromWorkspacePath } from './documentUri';
import { threeWay, type ThreeWayResult } from './threeWay';

/**
 * The folder, inside each exported tenant folder, that keeps the live version every file was
 * exported from (and last pushed as). Graph has no ETags (graph-api.md §0), so this copy is the only
 * way a later push can tell the user's edits from a colleague's change made in the tenant since.
 */
export const BASE_FOLDER = '.xta-base';

/** A layout file split at its tenant folder, for writes checked below `root` (writeFilesUnder). */
export interface ExportPaths {
  /** The folder that holds the tenant folder, as given ('' when the path starts at the tenant folder). */
  readonly root: string;
  /** The file below `root`, `/`-separated: `<tenant>/partners/<id>.xta-partner.json`. */
  readonly file: string;
  /** Its base below `root`: `<tenant>/.xta-base/partners/<id>.xta-partner.base.json`. */
  readonly base: string;
}

/**
 * Where the base of a layout file lives: `<tenant>/.xta-base/…/<name>.base.json`, next to the tenant
 * folder's own files. The `.base.json` ending keeps it out of everything that looks for documents by
 * their `.xta-*.json` suffix (validation, drift, schema association). Undefined for a path that does
 * not follow the export layout. Either separator; any folders above the tenant folder are `root`.
 */
export function exportPaths(filePath: string): ExportPaths | undefined {
  const identity = fromWorkspacePath(filePath);
  if (!identity) return undefined;
  const segments = filePath.split(/[\\/]/);
  const depth = identity.kind === 'policy' || identity.kind === 'default' ? 2 : 3;
  const below = segments.slice(-depth);
  const above = filePath.slice(0, filePath.length - below.join('/').length);
  // Without its trailing separator, unless that separator is all there is (a file system root).
  const root = above.length > 1 ? above.slice(0, -1) : above;
  const [tenant, ...rest] = below;
  const name = rest.pop()!.replace(/\.json$/, '.base.json');
  return {
    root,
    file: below.join('/'),
    base: [tenant, BASE_FOLDER, ...rest, name].join('/'),
  };
}

/** The base's path below the export root (see exportPaths). */
export function basePathOf(filePath: string): string | undefined {
  return exportPaths(filePath)?.base;
}

/** What happened in the tenant since the file was exported (or last pushed). */
export type LiveSinceExport =
  /** No base next to the file (written by hand, or exported before bases were kept). */
  | { readonly state: 'unrecorded' }
  /** A base that is not a JSON object: it cannot say what the tenant held. */
  | { readonly state: 'unreadable' }
  | { readonly state: 'unchanged' }
  /** The object was exported but the tenant no longer has it (a partner or identity sync removed since). */
  | { readonly state: 'removed' }
  /** Live moved: `result` holds what changed there and the file's own edits rebased onto it. */
  | { readonly state: 'moved'; readonly result: ThreeWayResult };

/**
 * Compares live with the base a file was exported from, with the three-way rules drafts use
 * (`threeWay`): only a difference between base and live counts as the tenant moving, so the user's
 * own edits never do.
 */
export function liveSinceExport(
  kind: DocumentKindId,
  baseText: string | undefined,
  live: object | undefined,
  file: object,
): LiveSinceExport {
  if (baseText === undefined) return { state: 'unrecorded' };
  const base = parseBase(baseText);
  if (!base) return { state: 'unreadable' };
  if (live === undefined) return { state: 'removed' };
  const result = threeWay(kind, base, live, file);
  return result.liveChanged ? { state: 'moved', result } : { state: 'unchanged' };
}

/** A base's object; undefined when the text is not a JSON object (it cannot say what the tenant held). */
export function parseBase(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
