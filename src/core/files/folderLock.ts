import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The lock's file name in the folder it guards. */
export const LOCK_FILE = '.lock';

/** A lock older than this is a leftover whatever it says: a holder keeps it for milliseconds. */
const STALE_MS = 10_000;
const WAIT_MS = 10;
/** Bounded wait: about ten seconds, the time after which any lock counts as stale anyway. */
const MAX_ATTEMPTS = 1_100;

/**
 * Runs `fn` while holding the lock of `folder`, which must exist: a file created with O_EXCL, so
 * one holder at a time across every process on the machine (two VS Code windows share a storage
 * folder). The file names its holder (process id, host); a lock whose holder on this host is gone
 * (a window killed mid-save), or older than ten seconds, is taken over. Between two waiters that
 * both find the same stale lock a tiny window remains in which both proceed; everything done under
 * the lock is itself atomic, so the worst outcome is a compare-and-swap that was not exclusive.
 */
export async function withFolderLock<T>(folder: string, fn: () => Promise<T>): Promise<T> {
  const file = path.join(folder, LOCK_FILE);
  const token = `${process.pid} ${os.hostname()} ${randomBytes(8).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fsp.open(
        file,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        0o600,
      );
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = await holder(file);
    if (held === undefined) continue; // released meanwhile
    if (held.stale) {
      // Only the leftover judged stale is removed, not a lock taken meanwhile.
      if ((await holder(file))?.text === held.text) await fsp.rm(file, { force: true });
      continue;
    }
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(
        `${folder} stayed locked by another window (process ${held.text.split(' ')[0]}) for too long; try again.`,
      );
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
  try {
    return await fn();
  } finally {
    if ((await holder(file))?.text === token) await fsp.rm(file, { force: true });
  }
}

async function holder(file: string): Promise<{ text: string; stale: boolean } | undefined> {
  let stat;
  try {
    stat = await fsp.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  // Not a file we made (a link, a folder): never a holder, and removed as one would be.
  if (!stat.isFile()) return { text: `${stat.ino}`, stale: true };
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const [pid, host] = text.split(' ');
  const gone = host === os.hostname() && !isAlive(Number(pid));
  return { text, stale: gone || Date.now() - stat.mtimeMs > STALE_MS };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
