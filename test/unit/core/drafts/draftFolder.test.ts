import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  DraftConflict,
  DraftFolder,
  type DraftNotice,
} from '../../../../src/core/drafts/draftFolder';
import { draftFileName, parseStoredDraft } from '../../../../src/core/drafts/storedDraft';
import { LOCK_FILE, withFolderLock } from '../../../../src/core/files/folderLock';
import { temporaryName } from '../../../../src/core/files/writeFilesUnder';

const URI =
  'xtenant://sandbox/2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24/partners/7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58/fabrikam.com.xta-partner.json';
const BASE = '{\n  "inboundTrust": null\n}\n';
const draft = (text: string, savedAt = 1) => ({ text, baseText: BASE, savedAt });

/** A process id that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

describe('DraftFolder: drafts written atomically, checked when read, shared by windows (issue 14, defects 4 and 5)', () => {
  let root = '';
  let notices: DraftNotice[] = [];
  const window = (): DraftFolder => new DraftFolder(root, (n) => notices.push(n));
  const file = (): string => path.join(root, 'drafts', draftFileName(URI));
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-drafts-'));
    notices = [];
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a saved draft reads back with its version; a scan lists it; nothing else is left in the folder', async () => {
    const saved = await window().write(URI, draft('mine'), null);
    const read = await window().read(URI);
    assert.equal(read.draft?.text, 'mine');
    assert.equal(read.version, saved.version);
    assert.deepEqual([...(await window().scan()).keys()], [URI]);
    assert.deepEqual(fs.readdirSync(path.join(root, 'drafts')), [draftFileName(URI)]);
    assert.deepEqual(notices, []);
  });

  it('a crash between writing and renaming leaves the previous draft; the unfinished file is removed and reported once', async () => {
    await window().write(URI, draft('previous'), null);
    const folder = path.join(root, 'drafts');
    // What a window killed mid-save leaves: its lock, and half of the new draft in a temporary file.
    fs.writeFileSync(path.join(folder, LOCK_FILE), `${deadPid()} ${os.hostname()} x`);
    const temp = path.join(folder, temporaryName(draftFileName(URI)));
    fs.writeFileSync(temp, '{"uri":"xtenant://sandbox/2f4a', { flag: 'wx' });

    const w = window();
    assert.equal((await w.read(URI)).draft?.text, 'previous');
    assert.equal((await w.scan()).get(URI)?.draft?.text, 'previous');
    assert.deepEqual(notices, [{ kind: 'unfinished', files: [path.basename(temp)] }]);
    assert.deepEqual(fs.readdirSync(folder), [draftFileName(URI)]);
    // The dead window's lock did not stop the next save.
    const { version } = await w.read(URI);
    await w.write(URI, draft('next'), version);
    assert.equal((await w.read(URI)).draft?.text, 'next');
    assert.equal(notices.length, 1);
  });

  for (const [what, text] of [
    ['truncated JSON', `{"uri":${JSON.stringify(URI)},"text":"{\\n  \\"inbo`],
    ['no base version', JSON.stringify({ uri: URI, text: '{}', savedAt: 1 })],
    [
      'a base that is not a JSON object',
      JSON.stringify({ uri: URI, text: '{}', baseText: 'x', savedAt: 1 }),
    ],
  ] as const)
    it(`a draft with ${what} is moved aside as .corrupt with its bytes, reported once naming its document, and reads as no draft`, async () => {
      fs.mkdirSync(path.join(root, 'drafts'));
      fs.writeFileSync(file(), text);
      const w = window();
      assert.deepEqual(await w.read(URI), { version: null });
      assert.equal(fs.readFileSync(`${file()}.corrupt`, 'utf8'), text);
      assert.equal(fs.existsSync(file()), false);
      assert.equal(notices.length, 1);
      const [notice] = notices;
      assert.equal(notice.kind, 'corrupt');
      assert.equal(notice.kind === 'corrupt' && notice.uri, URI);
      assert.equal(notice.kind === 'corrupt' && notice.movedTo, `${file()}.corrupt`);
      // Read again, scanned again: no second warning.
      await w.read(URI);
      await w.scan();
      assert.equal(notices.length, 1);
    });

  it('a second corrupt file of the same document is kept as well (.2.corrupt); a scan finds corrupt files too', async () => {
    fs.mkdirSync(path.join(root, 'drafts'));
    fs.writeFileSync(`${file()}.corrupt`, 'first');
    fs.writeFileSync(file(), 'second');
    assert.equal((await window().scan()).size, 0);
    assert.equal(fs.readFileSync(`${file()}.corrupt`, 'utf8'), 'first');
    assert.equal(fs.readFileSync(`${file()}.2.corrupt`, 'utf8'), 'second');
    assert.equal(notices.length, 1);
    assert.equal(notices[0].kind === 'corrupt' && notices[0].uri, undefined, 'not recoverable');
  });

  it('a file claiming another document than its name says is not trusted as a draft', async () => {
    fs.mkdirSync(path.join(root, 'drafts'));
    const other = JSON.stringify({ uri: `${URI}x`, text: '{}', baseText: BASE, savedAt: 1 });
    fs.writeFileSync(file(), other);
    assert.deepEqual(await window().read(URI), { version: null });
    assert.equal(fs.readFileSync(`${file()}.corrupt`, 'utf8'), other);
  });

  it('a link planted as a draft is set aside as the link; what it points at is neither read as a draft nor changed', async () => {
    fs.mkdirSync(path.join(root, 'drafts'));
    const victim = path.join(root, 'victim');
    fs.writeFileSync(
      victim,
      JSON.stringify({ uri: URI, text: 'planted', baseText: BASE, savedAt: 1 }),
    );
    fs.symlinkSync(victim, file());
    assert.deepEqual(await window().read(URI), { version: null });
    assert.ok(fs.lstatSync(`${file()}.corrupt`).isSymbolicLink());
    await window().write(URI, draft('mine'), null);
    assert.match(fs.readFileSync(victim, 'utf8'), /planted/);
  });

  it('the drafts folder itself as a link: every operation refuses, nothing is written where it points', async () => {
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(root, 'drafts'), 'dir');
    await assert.rejects(window().write(URI, draft('x'), null), /drafts is a symbolic link/);
    await assert.rejects(window().scan(), /drafts is a symbolic link/);
    assert.deepEqual(fs.readdirSync(elsewhere), []);
  });

  it('two windows: a save over a draft that changed since this window read it is refused, and neither edit is lost', async () => {
    const a = window();
    const b = window();
    const seenByA = await a.read(URI);
    const seenByB = await b.read(URI);
    await b.write(URI, draft("B's edit"), seenByB.version);
    const refused = await a.write(URI, draft("A's edit"), seenByA.version).then(
      () => assert.fail('A overwrote B'),
      (e: unknown) => e,
    );
    assert.ok(refused instanceof DraftConflict);
    assert.equal(refused.current.draft?.text, "B's edit");
    assert.doesNotMatch(refused.message, /\n/);
    assert.equal((await a.read(URI)).draft?.text, "B's edit");
    // Told, A may choose to overwrite what it now knows is there.
    await a.write(URI, draft("A's edit"), refused.current.version);
    assert.equal((await b.read(URI)).draft?.text, "A's edit");
  });

  it('two windows saving at once from the same version: exactly one wins, the other is refused', async () => {
    const seen = await window().read(URI);
    const results = await Promise.allSettled([
      window().write(URI, draft('one'), seen.version),
      window().write(URI, draft('two'), seen.version),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    assert.ok(lost[0].status === 'rejected' && lost[0].reason instanceof DraftConflict);
    const text = (await window().read(URI)).draft?.text;
    assert.equal(text, won[0].status === 'fulfilled' ? won[0].value.draft?.text : undefined);
  });

  it('a discard of a draft another window changed since is refused; with the current version it goes', async () => {
    const a = window();
    const seen = await a.write(URI, draft('v1'), null);
    const b = window();
    await b.write(URI, draft('v2'), (await b.read(URI)).version);
    await assert.rejects(a.remove(URI, seen.version), DraftConflict);
    assert.equal((await a.read(URI)).draft?.text, 'v2');
    await a.remove(URI, (await a.read(URI)).version);
    assert.deepEqual(await a.read(URI), { version: null });
  });
});

describe('parseStoredDraft', () => {
  const name = draftFileName(URI);
  it('accepts the stored shape and refuses each missing or wrong part, saying what', () => {
    const good = { uri: URI, text: '{}', baseText: BASE, savedAt: 5 };
    assert.deepEqual(parseStoredDraft(JSON.stringify(good), name), { draft: good });
    for (const [bad, problem] of [
      ['[]', /not a JSON object/],
      ['{', /not JSON/],
      [JSON.stringify({ ...good, uri: 1 }), /no document URI/],
      [JSON.stringify({ ...good, text: null }), /no draft text/],
      [JSON.stringify({ ...good, baseText: '[1]' }), /no base version/],
      [JSON.stringify({ ...good, savedAt: 'now' }), /no save time/],
    ] as const) {
      const parsed = parseStoredDraft(bad, name);
      assert.ok('problem' in parsed, bad);
      assert.match(parsed.problem, problem);
    }
  });
});

describe('withFolderLock', () => {
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-lock-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one holder at a time; the lock is gone afterwards, also after a failure', async () => {
    let inside = 0;
    let most = 0;
    const hold = () =>
      withFolderLock(dir, async () => {
        most = Math.max(most, ++inside);
        await new Promise((r) => setImmediate(r));
        inside--;
      });
    await Promise.all([hold(), hold(), hold()]);
    assert.equal(most, 1);
    await assert.rejects(
      withFolderLock(dir, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('takes over a lock whose holder on this host is gone, and one planted as a link', async () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${deadPid()} ${os.hostname()} x`);
    assert.equal(await withFolderLock(dir, () => Promise.resolve('ran')), 'ran');
    const victim = path.join(dir, 'victim');
    fs.writeFileSync(victim, 'kept');
    fs.symlinkSync(victim, path.join(dir, LOCK_FILE));
    assert.equal(await withFolderLock(dir, () => Promise.resolve('ran')), 'ran');
    assert.equal(fs.readFileSync(victim, 'utf8'), 'kept');
  });
});
