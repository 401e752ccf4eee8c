/**
 * One file name that is safe on every system a workspace may land on, from a name that came from
 * outside (a sync configuration's or a tenant's name from Graph):
 *
 * - no path separators, no characters Windows forbids or URIs treat specially (`\ / : * ? " < > | # %`),
 *   no control characters (they become `-`; whitespace runs become one space);
 * - no invisible formatting characters: bidirectional controls (U+202E makes `txt.exe` read
 *   `exe.txt`), zero-width characters and the BOM are removed;
 * - not a Windows device name, with or without an extension (`con`, `con.txt`, `LPT1.tar.gz`):
 *   the part before the first dot gets a `-`;
 * - no leading or trailing dots, spaces or dashes;
 * - at most 255 UTF-8 bytes, `suffix` included, cut between characters as a person sees them
 *   (an emoji is never split).
 *
 * The `suffix` (an extension, a time stamp) is kept whole and is trusted: it is ours. Idempotent.
 */
export function safeFileName(name: string, suffix = '', fallback = 'file'): string {
  const budget = MAX_FILE_NAME_BYTES - utf8Bytes(suffix);
  const stem = withinBytes(clean(name), budget).replace(EDGES, '');
  const safe = stem === '' ? fallback : stem;
  return `${isWindowsReservedName(`${safe}${suffix}`) ? reservedSafe(safe) : safe}${suffix}`;
}

/** What ext4, NTFS (in UTF-16 units, which is never less), APFS and most others allow for one name. */
export const MAX_FILE_NAME_BYTES = 255;

/** Windows device names, which it refuses as file names whatever follows the first dot. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether Windows takes `name` for a device (`con`, `NUL.txt`, `com1.tar.gz`, `aux .log`). */
export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0].trimEnd());
}

function reservedSafe(stem: string): string {
  const dot = stem.indexOf('.');
  return dot < 0 ? `${stem}-` : `${stem.slice(0, dot).trimEnd()}-${stem.slice(dot)}`;
}

// Bidirectional embeddings, overrides, isolates and marks, zero-width space, word joiner and
// invisible operators, BOM. Not the zero-width (non-)joiners: emoji and several scripts need them.
const INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|#%]+/g;
const EDGES = /^[\s.-]+|[\s.-]+$/g;

function clean(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(FORBIDDEN, '-');
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of whole graphemes that fits in `budget` UTF-8 bytes. */
export function withinBytes(text: string, budget: number): string {
  if (utf8Bytes(text) <= budget) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Bytes(segment);
    if (used + size > budget) break;
    out += segment;
    used += size;
  }
  return out;
}
