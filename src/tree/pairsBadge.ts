import * as vscode from 'vscode';
import type { PairService } from '../services/pairs/pairService';
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
              tooltip:
                failing === 1
                  ? vscode.l10n.t('1 tenant pair with errors')
                  : vscode.l10n.t('{0} tenant pairs with errors', failing),
            }
          : undefined;
      }),
    );
  }
}
