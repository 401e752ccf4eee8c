import { randomBytes } from 'node:crypto';
import { constants, promises as fsp, type Stats } from 'node:fs';
import * as path from 'node:path';
import { plural } from '../plural';

/**
 * Every file this project writes (exports, log exports, drafts, the tenant list, the sandbox's
 * state) goes through here. A folder someone else can write to (a shared export folder, a cloned
 * repository) may hold a symbolic link planted to redirect a write to any file the user can
 * write, so below the root a write:
 *
 * - refuses a path with an empty, `.` or `..` segment, and checks the joined path stays under the
 *   root;
 * - checks each folder on the way with lstat (never stat: that follows links) and refuses a link
 *   or anything that is not a folder; missing folders are created one by one, each checked again;
 * - refuses a target that is a link or not a plain file;
 * - writes a temporary file in the target's folder, opened with O_CREAT | O_EXCL | O_NOFOLLOW (so
 *   it can never be an existing file or a link), flushes it to disk, then renames it over the
 *   target. A rename replaces a link rather than following it, and a reader sees the old file or
 *   the new one, never half of one: an interrupted write leaves the previous file as it was.
 *
 * The root itself is the user's choice (an `--out` folder, the workspace, VS Code's storage) and is
 * taken as it resolves; only what is below it is checked.
 */

/** A refused write: what, in words, and the path as the user would name it. */
export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
  constructor(
    readonly displayPath: string,
    readonly reason: 'link' | 'not a folder' | 'not a file' | 'outside',
    /** Files of the same set written before the refusal (0: the check before any write refused). */
    readonly written = 0,
  ) {
    super(
      `${displayPath} ${
        reason === 'link'
          ? 'is a symbolic link'
          : reason === 'outside'
            ? 'is not a path below the folder written to'
            : `is ${reason}`
      }: refusing to write through it, ${written === 0 ? 'nothing was written' : `after ${plural(written, 'file')} written`}.`,
    );
  }
}

/** A file to write: its path below the root, `/`-separated, and its content. */
export interface FileToWrite {
  readonly path: string;
  readonly data: string | Uint8Array;
}

export interface WriteOptions {
  /** Permissions of a new file (before the umask); 0o600 for files only the user should read. */
  readonly mode?: number;
}

/**
 * Checks every file's path first (so a planted link refuses the whole set before anything is
 * written), then writes each atomically. Returns the absolute paths written, in order.
 */
export async function writeFilesUnder(
  root: string,
  files: readonly FileToWrite[],
  options: WriteOptions = {},
): Promise<string[]> {
  const real = await realRoot(root);
  for (const file of files) await checkedPath(root, real, file.path, false);
  const written: string[] = [];
  for (const file of files) {
    try {
      written.push(await writeOne(root, real, file, options));
    } catch (err) {
      // Only a link swapped in between the check and the write gets here.
      if (err instanceof UnsafePathError && written.length)
        throw new UnsafePathError(err.displayPath, err.reason, written.length);
      throw err;
    }
  }
  return written;
}

/** One file, atomically, below `root` (see writeFilesUnder). */
export async function writeFileUnder(
  root: string,
  relative: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<string> {
  const [written] = await writeFilesUnder(root, [{ path: relative, data }], options);
  return written;
}

/**
 * The absolute path of `relative` below `root` after the same checks as a write (folders on the
 * way are links or not folders: refused), for the callers that rename or delete there. With
 * `create`, missing folders are made.
 */
export async function pathUnder(root: string, relative: string, create = false): Promise<string> {
  return checkedPath(root, await realRoot(root), relative, create);
}

/** The absolute path of the folder `relative` below `root`, each segment checked as the folders on the way to a file are (see pathUnder). */
export async function folderUnder(root: string, relative: string, create = false): Promise<string> {
  const real = await realRoot(root);
  return checkedFolders(root, real, segmentsOf(root, relative), create);
}

async function realRoot(root: string): Promise<string> {
  await fsp.mkdir(root, { recursive: true });
  return fsp.realpath(root);
}

function segmentsOf(root: string, relative: string): string[] {
  const segments = relative.split('/');
  if (
    relative === '' ||
    path.isAbsolute(relative) ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0') || /[\\]/.test(s))
  )
    throw new UnsafePathError(path.join(root, relative), 'outside');
  return segments;
}

async function lstatOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fsp.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The folders `segments` below the real root, each checked with lstat: a link or a non-folder is
 * refused; a missing one is made (with `create`) and checked again, or ends the check (nothing
 * below a missing folder can be a link yet).
 */
async function checkedFolders(
  root: string,
  real: string,
  segments: readonly string[],
  create: boolean,
): Promise<string> {
  let dir = real;
  for (let i = 0; i < segments.length; i++) {
    dir = path.join(dir, segments[i]);
    const shown = path.join(root, ...segments.slice(0, i + 1));
    let stat = await lstatOrUndefined(dir);
    if (!stat) {
      if (!create) return path.join(real, ...segments);
      try {
        await fsp.mkdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      stat = await fsp.lstat(dir);
    }
    if (stat.isSymbolicLink()) throw new UnsafePathError(shown, 'link');
    if (!stat.isDirectory()) throw new UnsafePathError(shown, 'not a folder');
  }
  if (create && !samePath(await fsp.realpath(dir), dir))
    // A folder on the way was swapped for a link between the checks above and now.
    throw new UnsafePathError(path.join(root, ...segments), 'outside');
  return dir;
}

async function checkedPath(
  root: string,
  real: string,
  relative: string,
  create: boolean,
): Promise<string> {
  const segments = segmentsOf(root, relative);
  const dir = await checkedFolders(root, real, segments.slice(0, -1), create);
  const target = path.join(dir, segments[segments.length - 1]);
  const rel = path.relative(real, target);
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new UnsafePathError(path.join(root, relative), 'outside');
  const stat = await lstatOrUndefined(target);
  if (stat?.isSymbolicLink()) throw new UnsafePathError(path.join(root, relative), 'link');
  if (stat && !stat.isFile()) throw new UnsafePathError(path.join(root, relative), 'not a file');
  return target;
}

/** Names differ only in case on the file systems of Windows and macOS, whose realpath may change it. */
function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin'
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;
}

/** Where a file's new content is written before it is renamed over the file: same folder, new name. */
export function temporaryName(name: string): string {
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
  // File names are at most 255 bytes: a long target name gets a short temporary one.
  return Buffer.byteLength(name) + suffix.length + 1 <= 255 ? `.${name}${suffix}` : `.xta${suffix}`;
}

/** True for a name temporaryName gives. */
export function isTemporaryName(name: string): boolean {
  return /^\..*\.[0-9a-f]{12}\.tmp$/.test(name);
}

async function writeOne(
  root: string,
  real: string,
  file: FileToWrite,
  options: WriteOptions,
): Promise<string> {
  const target = await checkedPath(root, real, file.path, true);
  const temp = path.join(path.dirname(target), temporaryName(path.basename(target)));
  // O_NOFOLLOW is 0 where the platform has none (Windows); O_EXCL alone then refuses any existing name.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await fsp.open(temp, flags, options.mode ?? 0o666);
  try {
    try {
      await handle.writeFile(file.data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, target);
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
  await syncFolder(path.dirname(target));
  return target;
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows): best effort. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the file itself is on disk; only the rename's durability depends on this
  }
}
