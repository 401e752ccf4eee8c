import assert from 'node:assert/strict';
import { WriteQueue } from '../../../../src/core/files/writeQueue';

describe('WriteQueue: one failed write does not stop later saves (issue 14, defect 6)', () => {
  /** A file that refuses the writes whose numbers are in `failing` (1-based). */
  function disk(failing: readonly number[]) {
    const written: string[] = [];
    const reported: string[] = [];
    let recovered = 0;
    let n = 0;
    const queue = new WriteQueue(
      (text) => {
        n++;
        if (failing.includes(n)) return Promise.reject(new Error(`disk full (write ${n})`));
        written.push(text);
        return Promise.resolve();
      },
      (err) => reported.push(String(err)),
      () => recovered++,
    );
    return { queue, written, reported, recovered: () => recovered };
  }

  it('after a failed write the next save is written, and the failure is reported once', async () => {
    const d = disk([1]);
    assert.equal(await d.queue.save('first'), false);
    assert.equal(await d.queue.save('second'), true);
    assert.equal(await d.queue.save('third'), true);
    assert.deepEqual(d.written, ['second', 'third']);
    assert.deepEqual(d.reported, ['Error: disk full (write 1)']);
    assert.equal(d.recovered(), 1);
  });

  it('a run of failures is one report; a failure after a recovery is reported again', async () => {
    const d = disk([1, 2, 3, 5]);
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((t) => d.queue.save(t)));
    assert.deepEqual(results, [false, false, false, true, false, true]);
    assert.deepEqual(d.written, ['d', 'f']);
    assert.deepEqual(d.reported, ['Error: disk full (write 1)', 'Error: disk full (write 5)']);
  });

  it('saves are written in the order asked, one at a time', async () => {
    const order: string[] = [];
    let inside = 0;
    const queue = new WriteQueue(
      async (text) => {
        assert.equal(++inside, 1);
        await new Promise((r) => setImmediate(r));
        order.push(text);
        inside--;
      },
      () => assert.fail('no failure'),
    );
    await Promise.all(['1', '2', '3'].map((t) => queue.save(t)));
    assert.deepEqual(order, ['1', '2', '3']);
  });
});
