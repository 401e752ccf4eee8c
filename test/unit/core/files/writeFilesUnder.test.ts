import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  isTemporaryName,
  pathUnder,
  temporaryName,
  UnsafePathError,
  writeFilesUnder,
  writeFileUnder,
} from '../../../../src/core/files/writeFilesUnder';

describe('writeFilesUnder: atomic writes that never follow a symbolic link (issue 14, defect 3)', () => {
  let dir = '';
  let root = '';
  let outside = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-write-'));
    root = path.join(dir, 'root');
    outside = path.join(dir, 'outside');
    fs.mkdirSync(root);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'victim'), 'precious');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Every entry below a folder (links included, not followed), sorted. */
  const tree = (folder: string): string[] =>
    fs
      .readdirSync(folder, { recursive: true })
      .map((f) => String(f))
      .sort();

  async function refused(
    promise: Promise<unknown>,
    reason: UnsafePathError['reason'],
    shown: string,
  ): Promise<UnsafePathError> {
    const err = await promise.then(
      () => assert.fail('the write was not refused'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof UnsafePathError, String(err));
    assert.equal(err.reason, reason);
    assert.equal(err.displayPath, shown);
    assert.doesNotMatch(err.message, /\n/);
    return err;
  }

  it('writes nested files, creating the folders, and leaves no temporary file', async () => {
    const written = await writeFilesUnder(root, [
      { path: 'a/b/one.json', data: '1' },
      { path: 'two.md', data: Buffer.from('2') },
    ]);
    assert.deepEqual(written, [
      path.join(fs.realpathSync(root), 'a', 'b', 'one.json'),
      path.join(fs.realpathSync(root), 'two.md'),
    ]);
    assert.deepEqual(
      tree(root),
      ['a', 'a/b', 'a/b/one.json', 'two.md'].map((p) => path.normalize(p)),
    );
    assert.equal(fs.readFileSync(path.join(root, 'a/b/one.json'), 'utf8'), '1');
  });

  it('replaces an existing file with its new content', async () => {
    fs.writeFileSync(path.join(root, 'f'), 'old');
    await writeFileUnder(root, 'f', 'new');
    assert.equal(fs.readFileSync(path.join(root, 'f'), 'utf8'), 'new');
    assert.deepEqual(tree(root), ['f']);
  });

  it('a planted link to a folder outside: the whole set is refused before any file is written', async () => {
    fs.mkdirSync(path.join(root, 'tenant'));
    fs.symlinkSync(outside, path.join(root, 'tenant', 'partners'), 'dir');
    const err = await refused(
      writeFilesUnder(root, [
        { path: 'tenant/README.md', data: 'readme' },
        { path: 'tenant/partners/victim', data: 'overwritten' },
      ]),
      'link',
      path.join(root, 'tenant', 'partners'),
    );
    assert.match(
      err.message,
      /is a symbolic link: refusing to write through it, nothing was written\.$/,
    );
    assert.equal(fs.readFileSync(path.join(outside, 'victim'), 'utf8'), 'precious');
    assert.deepEqual(fs.readdirSync(outside), ['victim']);
    assert.deepEqual(fs.readdirSync(path.join(root, 'tenant')), ['partners']);
  });

  it('a planted link as the file itself (to a file outside, or dangling): refused, nothing changes where it points', async () => {
    fs.symlinkSync(path.join(outside, 'victim'), path.join(root, 'README.md'));
    await refused(writeFileUnder(root, 'README.md', 'x'), 'link', path.join(root, 'README.md'));
    assert.equal(fs.readFileSync(path.join(outside, 'victim'), 'utf8'), 'precious');

    fs.symlinkSync(path.join(outside, 'new'), path.join(root, 'dangling'));
    await refused(writeFileUnder(root, 'dangling', 'x'), 'link', path.join(root, 'dangling'));
    assert.equal(fs.existsSync(path.join(outside, 'new')), false);
  });

  it('refuses paths that leave the root or are not paths: "..", absolute, empty segments', async () => {
    for (const bad of [
      '../outside/victim',
      'a/../../outside/victim',
      '/etc/passwd',
      'a//b',
      '',
      'a/./b',
      'a\\..\\b',
    ])
      await refused(writeFileUnder(root, bad, 'x'), 'outside', path.join(root, bad));
    assert.equal(fs.readFileSync(path.join(outside, 'victim'), 'utf8'), 'precious');
    assert.deepEqual(tree(root), []);
  });

  it('refuses a folder where the file goes and a file where a folder goes', async () => {
    fs.mkdirSync(path.join(root, 'folder'));
    fs.writeFileSync(path.join(root, 'file'), 'kept');
    await refused(writeFileUnder(root, 'folder', 'x'), 'not a file', path.join(root, 'folder'));
    await refused(writeFileUnder(root, 'file/x', 'x'), 'not a folder', path.join(root, 'file'));
    assert.equal(fs.readFileSync(path.join(root, 'file'), 'utf8'), 'kept');
  });

  it('a write that fails midway keeps the previous file byte for byte and removes its temporary file', async () => {
    fs.writeFileSync(path.join(root, 'draft.json'), 'previous');
    const unwritable = { length: 1 } as unknown as string; // neither text nor bytes: the write throws
    await assert.rejects(writeFileUnder(root, 'draft.json', unwritable));
    assert.equal(fs.readFileSync(path.join(root, 'draft.json'), 'utf8'), 'previous');
    assert.deepEqual(tree(root), ['draft.json']);
  });

  it('the root may itself be a link the user chose; what is below it is still checked', async () => {
    fs.symlinkSync(root, path.join(dir, 'chosen'), 'dir');
    await writeFileUnder(path.join(dir, 'chosen'), 'x/y', 'ok');
    assert.equal(fs.readFileSync(path.join(root, 'x', 'y'), 'utf8'), 'ok');
  });

  it('a new file gets the mode asked for (0o600 for the user only)', async function () {
    if (process.platform === 'win32') this.skip();
    await writeFileUnder(root, 'secret', 's', { mode: 0o600 });
    assert.equal(fs.statSync(path.join(root, 'secret')).mode & 0o777, 0o600);
  });

  it('pathUnder checks the folders on the way as a write does', async () => {
    fs.symlinkSync(outside, path.join(root, 'drafts'), 'dir');
    await refused(pathUnder(root, 'drafts/a.json'), 'link', path.join(root, 'drafts'));
    assert.equal(
      await pathUnder(root, 'new/a.json', true),
      path.join(fs.realpathSync(root), 'new', 'a.json'),
    );
    assert.ok(fs.statSync(path.join(root, 'new')).isDirectory());
  });

  it('temporary names are hidden, recognisable, and fit in 255 bytes for any target name', () => {
    const short = temporaryName('a.json');
    assert.match(short, /^\.a\.json\.[0-9a-f]{12}\.tmp$/);
    assert.ok(isTemporaryName(short));
    const long = temporaryName('😀'.repeat(63));
    assert.ok(Buffer.byteLength(long) <= 255, long);
    assert.ok(isTemporaryName(long));
    assert.equal(isTemporaryName('a.json'), false);
    assert.notEqual(temporaryName('a'), temporaryName('a'));
  });
});
