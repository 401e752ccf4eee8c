import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { withFolderLock } from '../files/folderLock';
import {
  folderUnder,
  isTemporaryName,
  pathUnder,
  UnsafePathError,
  writeFileUnder,
} from '../files/writeFilesUnder';
import {
  draftFileName,
  parseStoredDraft,
  recoverDraftUri,
  type Draft,
  type StoredDraft,
} from './storedDraft';

/** Which content of a draft file a window last read: a hash of its bytes; null when there was no draft. */
export type DraftVersion = string | null;

/** A document's draft as read now, and its version. */
export interface DraftState {
  readonly draft?: StoredDraft;
  readonly version: DraftVersion;
}

/** Something the user must hear about that no operation of theirs failed on. */
export type DraftNotice =
  | {
      /** A draft file that does not read as a draft, renamed (kept) rather than dropped. */
      readonly kind: 'corrupt';
      /** The document it was for, when the file still says so. */
      readonly uri?: string;
      readonly file: string;
      readonly movedTo: string;
      readonly problem: string;
    }
  | {
      /** Temporary files of saves that never finished (a window killed mid-save), removed. */
      readonly kind: 'unfinished';
      readonly files: readonly string[];
    };

/**
 * A write or removal refused because the draft is no longer what the caller read: another window
 * saved or discarded it meanwhile. Nothing was changed; `current` is what is there now.
 */
export class DraftConflict extends Error {
  override readonly name = 'DraftConflict';
  constructor(
    readonly uri: string,
    readonly current: DraftState,
  ) {
    super(
      `The draft of ${uri} was ${current.version === null ? 'discarded' : 'changed'} in another window since this window read it; nothing was overwritten.`,
    );
  }
}

const FOLDER = 'drafts';

type Inspected =
  | { readonly state: DraftState }
  | { readonly corrupt: { readonly problem: string; readonly bytes: Buffer } };

/**
 * The drafts of every window, one JSON file per document under `<root>/drafts` (VS Code's global
 * storage: all windows share it). Each write is atomic (temporary file, fsync, rename: the previous
 * draft stays until the new one is complete) and never through a link. Writes and removals are
 * compare-and-swap under the folder's lock: the caller says which version it read, and a draft that
 * changed since is never overwritten (DraftConflict). A file that does not read as a draft is
 * renamed to `<name>.corrupt` and reported, never dropped. This class keeps no state: each window
 * keeps the versions it read.
 */
export class DraftFolder {
  constructor(
    private readonly root: string,
    private readonly notify: (notice: DraftNotice) => void,
  ) {}

  /** The folder the drafts are in (watched by the windows that share it). */
  get folder(): string {
    return path.join(this.root, FOLDER);
  }

  /** Makes the folder (checked: not a link) and returns its path, for a window to watch it. */
  prepare(): Promise<string> {
    return folderUnder(this.root, FOLDER, true);
  }

  /** Every draft that reads as one, by document URI; the others are set aside and reported. */
  async scan(): Promise<Map<string, DraftState>> {
    let names: string[];
    try {
      names = await fsp.readdir(await folderUnder(this.root, FOLDER));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw err;
    }
    const drafts = new Map<string, DraftState>();
    const corrupt: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !isTemporaryName(n))) {
      const inspected = await this.inspect(name);
      if ('corrupt' in inspected) corrupt.push(name);
      else if (inspected.state.draft) drafts.set(inspected.state.draft.uri, inspected.state);
    }
    if (corrupt.length || names.some(isTemporaryName))
      await this.locked(async () => {
        for (const name of corrupt) await this.setAsideIfCorrupt(name);
      });
    return drafts;
  }

  /** The draft of one document now (set aside and reported if its file does not read as one). */
  async read(uri: string): Promise<DraftState> {
    const name = draftFileName(uri);
    const inspected = await this.inspect(name);
    if ('state' in inspected) return inspected.state;
    return this.locked(async () => {
      await this.setAsideIfCorrupt(name);
      const again = await this.inspect(name);
      return 'state' in again ? again.state : { version: null };
    });
  }

  /**
   * Saves a draft if the document's draft is still at `expected` (the version this window read, or
   * the one a DraftConflict reported, once the user said to overwrite it); else DraftConflict.
   */
  async write(uri: string, draft: Draft, expected: DraftVersion): Promise<DraftState> {
    const name = draftFileName(uri);
    const stored: StoredDraft = {
      uri,
      text: draft.text,
      baseText: draft.baseText,
      savedAt: draft.savedAt,
    };
    const bytes = Buffer.from(JSON.stringify(stored), 'utf8');
    return this.locked(async () => {
      const current = await this.current(name);
      if (current.version !== expected) throw new DraftConflict(uri, current);
      await writeFileUnder(this.root, `${FOLDER}/${name}`, bytes, { mode: 0o600 });
      return { draft: stored, version: versionOf(bytes) };
    });
  }

  /** Removes a document's draft if it is still at `expected`; else DraftConflict. */
  async remove(uri: string, expected: DraftVersion): Promise<void> {
    const name = draftFileName(uri);
    await this.locked(async () => {
      const current = await this.current(name);
      if (current.version !== expected) throw new DraftConflict(uri, current);
      if (current.version !== null) await fsp.rm(await pathUnder(this.root, `${FOLDER}/${name}`));
    });
  }

  /** Under the lock: what is there, a corrupt file set aside first (it then reads as no draft). */
  private async current(name: string): Promise<DraftState> {
    await this.setAsideIfCorrupt(name);
    const inspected = await this.inspect(name);
    return 'state' in inspected ? inspected.state : { version: null };
  }

  /**
   * Runs `fn` holding the folder's lock. Holding it, no window is between writing and renaming, so
   * any temporary file left is from a save that never finished: it is removed and reported (the
   * draft it was to replace is untouched).
   */
  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    const folder = await folderUnder(this.root, FOLDER, true);
    return withFolderLock(folder, async () => {
      const leftovers = (await fsp.readdir(folder)).filter(isTemporaryName);
      for (const name of leftovers) await fsp.rm(path.join(folder, name), { force: true });
      if (leftovers.length) this.notify({ kind: 'unfinished', files: leftovers });
      return fn();
    });
  }

  private async inspect(name: string): Promise<Inspected> {
    let file: string;
    try {
      file = await pathUnder(this.root, `${FOLDER}/${name}`);
    } catch (err) {
      // A link or a folder in a draft's place: not a draft, and set aside like a broken one.
      if (err instanceof UnsafePathError && err.displayPath === path.join(this.folder, name))
        return {
          corrupt: {
            problem: err.reason === 'link' ? 'a symbolic link' : err.reason,
            bytes: Buffer.alloc(0),
          },
        };
      throw err;
    }
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: { version: null } };
      throw err;
    }
    const parsed = parseStoredDraft(bytes.toString('utf8'), name);
    return 'draft' in parsed
      ? { state: { draft: parsed.draft, version: versionOf(bytes) } }
      : { corrupt: { problem: parsed.problem, bytes } };
  }

  /** Under the lock: renames the file to `<name>.corrupt` (or `<name>.<n>.corrupt`) if it still does not read as a draft. */
  private async setAsideIfCorrupt(name: string): Promise<void> {
    const inspected = await this.inspect(name);
    if (!('corrupt' in inspected)) return;
    const folder = this.folder;
    for (let n = 1; n <= 100; n++) {
      const aside = n === 1 ? `${name}.corrupt` : `${name}.${n}.corrupt`;
      try {
        await fsp.lstat(path.join(folder, aside));
        continue; // taken by an earlier one
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      // A rename keeps the bytes (a link is moved as the link, never followed).
      await fsp.rename(path.join(folder, name), path.join(folder, aside));
      const uri = recoverDraftUri(inspected.corrupt.bytes.toString('utf8'), name);
      this.notify({
        kind: 'corrupt',
        ...(uri ? { uri } : {}),
        file: path.join(folder, name),
        movedTo: path.join(folder, aside),
        problem: inspected.corrupt.problem,
      });
      return;
    }
    throw new Error(
      `${path.join(folder, name)} does not read as a draft, and 100 earlier copies are set aside already: move them away.`,
    );
  }
}

function versionOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
