import * as vscode from 'vscode';
import type { TenantsTreeProvider } from './tenantsTreeProvider';
import { Disposable, toDisposable } from '../host/disposable';

/**
 * While the Tenants view is visible, re-reads the status of the sync jobs on screen every
 * `crossTenant.sync.refreshSeconds` (0 turns it off); stops as soon as the view is hidden, so a
 * closed view costs no Graph calls.
 */
export class SyncStatusRefresher extends Disposable {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly tree: TenantsTreeProvider,
  ) {
    super();
    this._register(toDisposable(() => clearInterval(this.timer)));
    this._register(view.onDidChangeVisibility(() => this.reschedule()));
    this._register(
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('crossTenant.sync.refreshSeconds') && this.reschedule(),
      ),
    );
    this.reschedule();
  }

  private reschedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const seconds = vscode.workspace
      .getConfiguration('crossTenant')
      .get<number>('sync.refreshSeconds', 60);
    if (!this.view.visible || !seconds || seconds <= 0) return;
    this.timer = setInterval(
      // Each tenant with jobs on screen reloads its sync node only.
      () => this.tree.data.invalidateLoadedSync(),
      Math.max(10, seconds) * 1000,
    );
  }
}
