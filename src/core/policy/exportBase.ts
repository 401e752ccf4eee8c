import type { DocumentKindId } from './documentKinds';
import { fromWorkspacePath } from './documentUri';
import { threeWay, type ThreeWayResult } from './threeWay';

/**
 * The folder, inside each exported tenant folder, that keeps the live version every file was
 * exported from (and last pushed as). Graph has no ETags (graph-api.md §0), so this copy is the only
 * way a later push can tell the user's edits from a colleague's change made in the tenant since.
 */
export const BASE_FOLDER = '.xta-base';

/**
 * Where the base of a layout file lives: `<tenant>/.xta-base/…/<name>.base.json`, next to the tenant
 * folder's own files. The `.base.json` ending keeps it out of everything that looks for documents by
 * their `.xta-*.json` suffix (validation, drift, schema association). Undefined for a path that does
 * not follow the export layout. Keeps the separators and any folders above the tenant folder.
 */
export function basePathOf(filePath: string): string | undefined {
  const identity = fromWorkspacePath(filePath);
  if (!identity) return undefined;
  const depth = identity.kind === 'policy' || identity.kind === 'default' ? 1 : 2;
  const separators = [...filePath.matchAll(/[\\/]/g)].map((match) => match.index);
  const cut = separators[separators.length - depth];
  const tenantFolder = cut === undefined ? '' : filePath.slice(0, cut + 1);
  const below = cut === undefined ? filePath : filePath.slice(cut + 1);
  const separator = cut === undefined ? '/' : filePath[cut];
  return `${tenantFolder}${BASE_FOLDER}${separator}${below.replace(/\.json$/, '.base.json')}`;
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
  const base = parseObject(baseText);
  if (!base) return { state: 'unreadable' };
  if (live === undefined) return { state: 'removed' };
  const result = threeWay(kind, base, live, file);
  return result.liveChanged ? { state: 'moved', result } : { state: 'unchanged' };
}

function parseObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
