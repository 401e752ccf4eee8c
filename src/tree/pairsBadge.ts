import type * as vscode from 'vscode';
import type { PairService } from '../services/pairs/pairService';
import { plural } from '../core/plural';
import { Disposable } from '../host/disposable';

/** The Tenant Pairs view's badge: how many pairs would fail (errors), so it shows even while the view is collapsed. */
export class PairsBadge extends Disposable {
  constructor(view: vscode.TreeView<unknown>, pairs: PairService) {
    super();
    this._register(
      pairs.onDidChange(() => {
        const failing = (pairs.current ?? []).filter((p) => p.status === 'error').length;
        view.badge = failing
          ? {
              value: failing,
              tooltip: `${plural(failing, 'tenant pair')} with errors`,
            }
          : undefined;
      }),
    );
  }
}
