import * as vscode from 'vscode';
import { tenantKey } from '../core/tenants/tenantRecord';
import type { TenantConnections } from './tenants/tenantConnections';
import type { TenantStore } from './tenants/tenantStore';

/** "3/5 tenants": how many tenants are signed in; a click opens the Tenants view. Hidden with no tenants. */
export class TenantsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossTenant.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: TenantStore, private readonly connections: TenantConnections) {
    this.item.name = 'Cross-Tenant: signed-in tenants';
    this.item.command = 'crossTenant.tenants.focus';
    this.subscriptions = [store.onDidChange(() => this.update()), connections.onDidChangeState(() => this.update())];
    void store.load().then(() => this.update());
  }

  private update(): void {
    const all = this.store.all();
    if (!all.length) {
      this.item.hide();
      return;
    }
    const signedIn = all.filter((r) => this.connections.state(tenantKey(r)).kind === 'signedIn');
    const needs = all.filter((r) => this.connections.state(tenantKey(r)).kind === 'needsSignIn').length;
    this.item.text = `$(organization) ${signedIn.length}/${all.length} tenants`;
    this.item.tooltip = `Cross-Tenant: ${signedIn.length} of ${all.length} tenants signed in${needs ? `, ${needs} need${needs === 1 ? 's' : ''} sign-in` : ''}. Click to open the Tenants view.`;
    this.item.backgroundColor = needs ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
