import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { withAbortSignal } from '../../../src/host/abortSignal';

/** A cancellation token as VS Code's CancellationTokenSource hands it out, counting its listeners. */
class TokenSource {
  private readonly listeners = new Set<() => void>();
  isCancellationRequested = false;
  readonly token: vscode.CancellationToken = {
    isCancellationRequested: false,
    onCancellationRequested: (listener: (e: unknown) => unknown) => {
      const l = (): void => void listener(undefined);
      this.listeners.add(l);
      return { dispose: () => this.listeners.delete(l) };
    },
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  cancel(): void {
    (this.token as { isCancellationRequested: boolean }).isCancellationRequested = true;
    for (const l of [...this.listeners]) l();
  }
}

describe('withAbortSignal (issue 14, defect 14)', () => {
  it('removes its listener from the token when the task ends, however it ends', async () => {
    const source = new TokenSource();
    for (let i = 0; i < 100; i++) await withAbortSignal(source.token, () => Promise.resolve(i));
    await assert.rejects(
      withAbortSignal(source.token, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(source.listenerCount, 0);
  });

  it('aborts the signal when the token is cancelled during the task', async () => {
    const source = new TokenSource();
    const seen = await withAbortSignal(source.token, async (signal) => {
      source.cancel();
      await Promise.resolve();
      return signal.aborted;
    });
    assert.equal(seen, true);
    assert.equal(source.listenerCount, 0);
  });

  it('gives an aborted signal for a token already cancelled, without listening', async () => {
    const source = new TokenSource();
    source.cancel();
    assert.equal(
      await withAbortSignal(source.token, (signal) => Promise.resolve(signal.aborted)),
      true,
    );
    assert.equal(source.listenerCount, 0);
  });
});
