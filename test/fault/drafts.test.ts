import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { DraftFolder, type DraftNotice } from '../../src/core/drafts/draftFolder';
import { draftFileName } from '../../src/core/drafts/storedDraft';
import { dataLost, faultInjected } from './ledger';

const URI =
  'xtenant://sandbox/2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24/partners/7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58/fabrikam.com.xta-partner.json';

/** A window in a process of its own (support/draftWindow.ts), answering one JSON line per command. */
class Window {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: ((line: string) => void)[] = [];
  readonly exited: Promise<void>;

  constructor(root: string) {
    this.child = spawn(process.execPath, [
      '--require',
      require.resolve('tsx/cjs'),
      path.join(__dirname, 'support', 'draftWindow.ts'),
      root,
      URI,
    ]);
    readline
      .createInterface({ input: this.child.stdout })
      .on('line', (line) => this.answers.shift()?.(line));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the child's JSON answer
  ask(command: { op: string; text?: string }): Promise<any> {
    return new Promise((resolve) => {
      this.answers.push((line) => resolve(JSON.parse(line)));
      this.child.stdin.write(`${JSON.stringify(command)}\n`);
    });
  }

  /** As the operating system ends a window that crashed: no chance to clean up. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    this.child.kill();
    await this.exited;
  }
}

describe('fault tier: drafts through crashes and two windows (issue 14)', function () {
  let root = '';
  let windows: Window[] = [];
  const open = (): Window => {
    const w = new Window(root);
    windows.push(w);
    return w;
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'xta-fault-drafts-'));
    windows = [];
  });
  afterEach(async () => {
    await Promise.all(windows.map((w) => w.close()));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a window killed between writing and renaming a draft: the previous draft survives, the half-written file is removed, one notice', async () => {
    const crashing = open();
    await crashing.ask({ op: 'read' });
    assert.deepEqual(await crashing.ask({ op: 'write', text: 'previous draft' }), {
      ok: true,
      version: (await new DraftFolder(root, () => undefined).read(URI)).version,
    });
    assert.deepEqual(await crashing.ask({ op: 'crashMidSave', text: 'the edit being saved' }), {
      ready: true,
    });
    await crashing.kill();
    faultInjected('crash between writing and renaming a draft');
    const folder = path.join(root, 'drafts');
    assert.ok(
      fs.readdirSync(folder).some((f) => f.endsWith('.tmp')),
      'the crash left its file',
    );

    // The window is opened again.
    const notices: DraftNotice[] = [];
    const reopened = new DraftFolder(root, (n) => notices.push(n));
    const drafts = await reopened.scan();
    if (drafts.get(URI)?.draft?.text !== 'previous draft')
      dataLost('crash mid-save: the previous draft did not survive');
    assert.equal(drafts.get(URI)?.draft?.text, 'previous draft');
    assert.equal(notices.length, 1, JSON.stringify(notices));
    assert.equal(notices[0].kind, 'unfinished');
    assert.deepEqual(fs.readdirSync(folder), [draftFileName(URI)]);
    // The dead window's lock does not stop the next save.
    await reopened.write(
      URI,
      { text: 'next', baseText: '{}', savedAt: 2 },
      drafts.get(URI)!.version,
    );
    assert.equal((await reopened.read(URI)).draft?.text, 'next');
  });

  it('two windows on one draft: a save over the other window’s newer draft is refused with one line, neither edit is lost', async () => {
    const a = open();
    const b = open();
    await a.ask({ op: 'read' });
    await a.ask({ op: 'write', text: 'shared start' });
    assert.equal((await b.ask({ op: 'read' })).text, 'shared start');
    await a.ask({ op: 'read' });
    faultInjected('two windows on one draft');
    assert.equal((await b.ask({ op: 'write', text: "B's edit" })).ok, true);
    const refused = await a.ask({ op: 'write', text: "A's edit" });
    if (refused.ok) dataLost("two windows: A's save overwrote B's edit without asking");
    assert.equal(refused.text, "B's edit", 'A is shown what B saved');
    assert.doesNotMatch(refused.conflict, /\n/);
    assert.match(
      refused.conflict,
      /changed in another window since this window read it; nothing was overwritten/,
    );
    // B's edit is on disk; A's is still A's (its editor keeps it): nothing is lost.
    assert.equal((await b.ask({ op: 'read' })).text, "B's edit");
  });

  it('two windows saving one draft at the same moment, ten times: each time one save wins and the other is told', async () => {
    const a = open();
    const b = open();
    for (let round = 0; round < 10; round++) {
      await Promise.all([a.ask({ op: 'read' }), b.ask({ op: 'read' })]);
      faultInjected('two windows on one draft');
      const [ra, rb] = await Promise.all([
        a.ask({ op: 'write', text: `A ${round}` }),
        b.ask({ op: 'write', text: `B ${round}` }),
      ]);
      const disk = (await new DraftFolder(root, () => undefined).read(URI)).draft?.text;
      const winners = [ra, rb].filter((r) => r.ok).length;
      if (winners !== 1) dataLost(`round ${round}: ${winners} saves went through`);
      const winner = ra.ok ? `A ${round}` : `B ${round}`;
      const loser = ra.ok ? rb : ra;
      if (disk !== winner)
        dataLost(`round ${round}: the draft on disk is not the save that went through`);
      assert.equal(winners, 1, JSON.stringify([ra, rb]));
      assert.equal(loser.text, winner, 'the refused window is shown what won');
      assert.match(loser.conflict, /nothing was overwritten/);
    }
  });
});
