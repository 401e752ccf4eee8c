import type * as vscode from 'vscode';

/** A disposable that runs `dispose` once, however often it is disposed. */
export function toDisposable(dispose: () => void): vscode.Disposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

/**
 * The base of every class that owns VS Code resources (emitters, listeners, collections, status bar
 * items, timers): what it registers with `_register` goes when it goes, last registered first, so a
 * listener is gone before the emitter or view it listens to. Disposing twice does nothing, and a
 * registration after disposal is disposed at once (a load that finishes after the window closed
 * cannot leave a listener behind). One failing disposal does not keep the others alive: all run,
 * then the first error (or all of them) is thrown. Only types come from `vscode`, so the class
 * runs in plain Node too.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Whether `dispose` has been called (work that finishes late checks it before touching anything). */
  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (let d = this.owned.pop(); d; d = this.owned.pop()) {
      try {
        d.dispose();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1)
      throw new AggregateError(errors, `${errors.length} resources failed to dispose`);
  }
}
