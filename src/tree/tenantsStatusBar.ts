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
    this.item.name = 'Cross-Tenant: signed-in tenants';
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
    this.item.text = unchecked
      ? `$(organization) ${all.length} tenants`
      : `$(organization) ${signedIn}/${all.length} tenants`;
    this.item.tooltip = unchecked
      ? `Cross-Tenant: ${all.length} tenants; open the Tenants view to check their sign-in.`
      : `Cross-Tenant: ${signedIn} of ${all.length} tenants signed in${needs ? `, ${needs} need${needs === 1 ? 's' : ''} sign-in` : ''}. Click to open the Tenants view.`;
    this.item.backgroundColor = needs
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
    this.item.show();
  }
}
