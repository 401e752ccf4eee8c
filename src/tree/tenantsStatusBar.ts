import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import type { TenantList } from '../services/tenants/tenantList';
import { Disposable } from '../host/disposable';

/** "3/5 tenants": how many tenants are signed in; a click opens the Tenants view. Hidden with no tenants. */
export class TenantsStatusBar extends Disposable {
  private readonly item = this._register(
    vscode.window.createStatusBarItem('crossTenant.status', vscode.StatusBarAlignment.Left, 10),
  );

  constructor(
    private readonly store: TenantList,
    private readonly connections: TenantConnections,
  ) {
    super();
    this.item.name = vscode.l10n.t('Cross-Tenant: signed-in tenants');
    this.item.command = 'crossTenant.tenants.focus';
    this._register(store.onDidChange(() => this.update()));
    this._register(connections.onDidChangeState(() => this.update()));
    void store.load().then(() => this.isDisposed || this.update());
  }

  private update(): void {
    const all = this.store.all();
    if (!all.length) {
      this.item.hide();
      return;
    }
    const count = (kind: string): number =>
      all.filter((r) => this.connections.state(tenantKey(r)).kind === kind).length;
    const signedIn = count('signedIn');
    const needs = count('needsSignIn');
    // Sign-in states are checked when the view first shows the tenants (no Graph call at start-up);
    // until then, claiming "0 signed in" would be wrong.
    const unchecked = count('checking');
    this.item.text = `$(organization) ${
      unchecked
        ? vscode.l10n.t('{0} tenants', all.length)
        : vscode.l10n.t('{0}/{1} tenants', signedIn, all.length)
    }`;
    this.item.tooltip = unchecked
      ? vscode.l10n.t(
          'Cross-Tenant: {0} tenants; open the Tenants view to check their sign-in.',
          all.length,
        )
      : !needs
        ? vscode.l10n.t(
            'Cross-Tenant: {0} of {1} tenants signed in. Click to open the Tenants view.',
            signedIn,
            all.length,
          )
        : needs === 1
          ? vscode.l10n.t(
              'Cross-Tenant: {0} of {1} tenants signed in, 1 needs sign-in. Click to open the Tenants view.',
              signedIn,
              all.length,
            )
          : vscode.l10n.t(
              'Cross-Tenant: {0} of {1} tenants signed in, {2} need sign-in. Click to open the Tenants view.',
              signedIn,
              all.length,
              needs,
            );
    this.item.backgroundColor = needs
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
    this.item.show();
  }
}
