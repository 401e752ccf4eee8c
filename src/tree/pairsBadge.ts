import type * as vscode from 'vscode';
import type { PairService } from '../services/pairs/pairService';
import { plural } from '../core/plural';

/** The Tenant Pairs view's badge: how many pairs would fail (errors), so it shows even while the view is collapsed. */
export class PairsBadge implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(view: vscode.TreeView<unknown>, pairs: PairService) {
    this.subscription = pairs.onDidChange(() => {
      const failing = (pairs.current ?? []).filter((p) => p.status === 'error').length;
      view.badge = failing
        ? {
            value: failing,
            tooltip: `${plural(failing, 'tenant pair')} with errors`,
          }
        : undefined;
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
