import assert from 'node:assert/strict';
import { Disposable, toDisposable } from '../../../src/host/disposable';

/** A subclass as the extension's views and services are: it registers what it owns. */
class Owner extends Disposable {
  register(name: string, log: string[], fail?: Error): { dispose(): void } {
    return this._register({
      dispose: () => {
        log.push(name);
        if (fail) throw fail;
      },
    });
  }

  own<T extends { dispose(): void }>(d: T): T {
    return this._register(d);
  }

  get disposedNow(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable (issue 15 §4)', () => {
  it('disposes what was registered, last registered first, and returns each registration', () => {
    const log: string[] = [];
    const owner = new Owner();
    const first = owner.register('emitter', log);
    owner.register('listener', log);
    owner.register('timer', log);
    assert.equal(typeof first.dispose, 'function');
    assert.deepEqual(log, [], 'nothing is disposed before the owner is');
    owner.dispose();
    assert.deepEqual(log, ['timer', 'listener', 'emitter']);
    assert.equal(owner.disposedNow, true);
  });

  it('disposes each registration once however often the owner is disposed', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register('a', log);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['a']);
  });

  it('disposes a registration made after the owner was disposed at once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    owner.register('late', log);
    assert.deepEqual(log, ['late']);
    owner.dispose();
    assert.deepEqual(log, ['late'], 'and not again');
  });

  it('disposes what a disposal registers while the owner is going', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register('outer', log);
    // A listener that reacts to its emitter's end by subscribing again must not outlive the owner.
    owner.own({ dispose: () => void owner.register('registered while disposing', log) });
    owner.dispose();
    assert.deepEqual(log, ['registered while disposing', 'outer']);
  });

  it('disposes every registration when one fails, then throws that error', () => {
    const log: string[] = [];
    const owner = new Owner();
    const boom = new Error('listener failed');
    owner.register('a', log);
    owner.register('b', log, boom);
    owner.register('c', log);
    assert.throws(() => owner.dispose(), boom);
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('throws every error together when several disposals fail', () => {
    const owner = new Owner();
    const one = new Error('one');
    const two = new Error('two');
    owner.register('a', [], one);
    owner.register('b', [], two);
    assert.throws(
      () => owner.dispose(),
      (err: unknown) =>
        err instanceof AggregateError &&
        err.errors.length === 2 &&
        err.errors[0] === two &&
        err.errors[1] === one,
    );
  });
});

describe('toDisposable', () => {
  it('runs its function once', () => {
    let runs = 0;
    const d = toDisposable(() => runs++);
    d.dispose();
    d.dispose();
    assert.equal(runs, 1);
  });
});
