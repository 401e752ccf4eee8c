import { createHash } from 'node:crypto';

/** A saved, not yet pushed edit of a policy document, and the live text it started from. */
export interface Draft {
  readonly text: string;
  /** The live document when the draft was started: push compares live against it (Graph has no ETags). */
  readonly baseText: string;
  readonly savedAt: number;
}

/** A draft as stored: the document it belongs to (its URI as text), and the draft. */
export interface StoredDraft extends Draft {
  readonly uri: string;
}

/**
 * The file of a document's draft: a hash of its URI, one flat, file-system-safe name of fixed length
 * per document (document URIs of sync schemas are longer than a file name may be). The URI is in
 * the file, and must hash to its name.
 */
export function draftFileName(uri: string): string {
  return `${createHash('sha256').update(uri).digest('hex')}.json`;
}

/**
 * A draft file's content checked for the shape every reader relies on, or why it is not a draft:
 * JSON, the URI its name is the hash of, the text, a base that is a JSON object (push parses it),
 * and a save time.
 */
export function parseStoredDraft(
  text: string,
  fileName: string,
): { readonly draft: StoredDraft } | { readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'not a JSON object' };
  const v = value as Record<string, unknown>;
  if (typeof v.uri !== 'string' || v.uri === '') return { problem: 'no document URI' };
  if (draftFileName(v.uri) !== fileName) return { problem: 'its file name is not its document’s' };
  if (typeof v.text !== 'string') return { problem: 'no draft text' };
  if (typeof v.baseText !== 'string' || !isJsonObject(v.baseText))
    return { problem: 'no base version to compare live with' };
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt) || v.savedAt < 0)
    return { problem: 'no save time' };
  return { draft: { uri: v.uri, text: v.text, baseText: v.baseText, savedAt: v.savedAt } };
}

/**
 * The document URI an unreadable draft file still names, when it names the one its file is for: so
 * the user can be told which document's draft was set aside.
 */
export function recoverDraftUri(text: string, fileName: string): string | undefined {
  const match = /"uri"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text);
  if (!match) return undefined;
  try {
    const uri = JSON.parse(match[1]) as string;
    return draftFileName(uri) === fileName ? uri : undefined;
  } catch {
    return undefined;
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
