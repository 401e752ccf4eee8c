import * as vscode from 'vscode';
import {
  walkthroughContextKey,
  type WalkthroughStep,
} from '../../core/walkthrough/walkthroughSteps';
import { Disposable } from '../../host/disposable';
import type { TenantConnections } from '../tenants/tenantConnections';

/** Sets each walkthrough step's context key once done; VS Code remembers a completed step. */
export class WalkthroughProgress extends Disposable {
  private readonly done = new Set<WalkthroughStep>();

  constructor(connections: TenantConnections) {
    super();
    // The first step is done once any tenant is signed in: by the sandbox, Add Tenant or a reload.
    this._register(
      connections.onDidChangeState((key) => {
        if (connections.state(key).kind === 'signedIn') this.complete('signedIn');
      }),
    );
  }

  complete(step: WalkthroughStep): void {
    if (this.done.has(step)) return;
    this.done.add(step);
    void vscode.commands.executeCommand('setContext', walkthroughContextKey(step), true);
  }
}
