// A VS Code window's draft storage in a process of its own, driven by the fault tier over stdin
// and stdout (one JSON line each way), so that two "windows" really are two processes sharing one
// folder and its lock, as two windows of one machine are.
//
//   {"op":"read"}                    → {"version":…, "text":…}
//   {"op":"write","text":…}          → {"ok":true,"version":…} or {"conflict":"…message…","text":…}
//   {"op":"crashMidSave","text":…}   → takes the folder's lock, writes half of the new draft to a
//                                      temporary file, answers {"ready":true} and hangs until killed
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import {
  DraftConflict,
  DraftFolder,
  type DraftVersion,
} from '../../../src/core/drafts/draftFolder';
import { draftFileName } from '../../../src/core/drafts/storedDraft';
import { withFolderLock } from '../../../src/core/files/folderLock';
import { temporaryName } from '../../../src/core/files/writeFilesUnder';

const [root, uri] = process.argv.slice(2);
const folder = new DraftFolder(root, () => undefined);
/** The version this window last read, as an editor keeps it. */
let seen: DraftVersion = null;

const send = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

async function handle(command: { op: string; text?: string }): Promise<void> {
  const draft = { text: command.text ?? '', baseText: '{}', savedAt: Date.now() };
  switch (command.op) {
    case 'read': {
      const state = await folder.read(uri);
      seen = state.version;
      return send({ version: seen, text: state.draft?.text ?? null });
    }
    case 'write':
      try {
        seen = (await folder.write(uri, draft, seen)).version;
        return send({ ok: true, version: seen });
      } catch (err) {
        if (!(err instanceof DraftConflict)) throw err;
        return send({ conflict: err.message, text: err.current.draft?.text ?? null });
      }
    case 'crashMidSave': {
      const dir = await folder.prepare();
      await withFolderLock(dir, async () => {
        const bytes = JSON.stringify({ uri, ...draft });
        const temp = path.join(dir, temporaryName(draftFileName(uri)));
        fs.writeFileSync(temp, bytes.slice(0, bytes.length / 2), { flag: 'wx' });
        send({ ready: true });
        await new Promise(() => undefined); // killed here, between writing and renaming
      });
    }
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  handle(JSON.parse(line) as { op: string; text?: string }).catch((err: unknown) => {
    send({ error: String(err) });
  });
});
