import assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as SandboxModule from '../../src/sandbox';
import {
  EXTENSION_ID,
  childItems,
  extensionApi,
  freshSandbox,
  labelOf,
  logAfter,
  logMark,
  nodeAt,
  runAnswering,
  tenantItems,
  waitFor,
} from './api';

describe('an external HTTP sandbox (crossTenant.sandbox.url)', () => {
  let server: Awaited<ReturnType<typeof SandboxModule.startSandboxServer>>;

  before(async () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle the extension ships
    const { startSandboxServer } = require(
      path.join(root, 'dist', 'sandbox.js'),
    ) as typeof SandboxModule;
    server = await startSandboxServer({ port: 0 });
    await vscode.workspace
      .getConfiguration('crossTenant')
      .update('sandbox.url', server.url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('crossTenant')
      .update('sandbox.url', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
    await freshSandbox();
  });

  it('serves the sandbox tenants over HTTP: what the external sandbox holds is what the tree shows', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('crossTenant.trySandbox');
    await vscode.commands.executeCommand('crossTenant.refresh');
    await waitFor(
      'sandbox tenants signed in',
      async () =>
        (await tenantItems(api)).filter((i) => String(i.contextValue).startsWith('tenant.signedIn'))
          .length >= 4 || undefined,
    );
    // A change made in the external sandbox only: a new partner of Contoso.
    const contoso = server.sandbox.listTenants().find((t) => t.displayName === 'Contoso Group')!;
    const woodgrove = server.sandbox.listTenants().find((t) => t.displayName === 'Woodgrove Bank')!;
    const token = server.sandbox.mintToken({
      tenantId: contoso.tenantId,
      scp: ['Policy.ReadWrite.CrossTenantAccess'],
    });
    const res = await fetch(`${server.url}/v1.0/policies/crossTenantAccessPolicy/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: woodgrove.tenantId }),
    });
    assert.equal(res.status, 201);
    await vscode.commands.executeCommand('crossTenant.refresh');
    const partners = (
      await childItems(api, await nodeAt(api, 'Contoso Group', 'Cross-tenant access', /^Partners/))
    ).map(labelOf);
    assert.ok(partners.includes('Woodgrove Bank'), partners.join(', '));
  });

  it('Add Tenant names the sandbox that did not answer and the fix, not "fetch failed"', async () => {
    const config = vscode.workspace.getConfiguration('crossTenant');
    // A port just freed has no listener: the connection is refused, as for a sandbox not started.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    await config.update('sandbox.url', url, vscode.ConfigurationTarget.Global);
    try {
      const mark = await logMark();
      await runAnswering(
        [
          { expect: 'Add Tenant: how do you sign in?', answer: { pick: /Sandbox$/ } },
          { expect: 'Add Tenant: tenant', answer: { input: 'contoso.onmicrosoft.com' } },
        ],
        'crossTenant.addTenant',
      );
      await logAfter(
        mark,
        new RegExp(
          `crossTenant\\.addTenant failed: Error: The sandbox at ${url.replace(/\./g, '\\.')} did not answer \\(.*ECONNREFUSED.*\\)\\. Start it \\("npm run sandbox"\\), or correct or clear the setting "crossTenant\\.sandbox\\.url"\\.`,
        ),
      );
    } finally {
      await config.update('sandbox.url', server.url, vscode.ConfigurationTarget.Global);
    }
  });

  it("pages across the external sandbox's next links with the token kept for Graph (the log panel reads five pages)", async () => {
    const api = await extensionApi();
    await vscode.workspace
      .getConfiguration('crossTenant.provisioningLogs')
      .update('pageSize', 50, vscode.ConfigurationTarget.Global);
    try {
      const node = await nodeAt(
        api,
        'Contoso Group',
        'Cross-tenant synchronization',
        'Fabrikam Retail',
      );
      const panel = await vscode.commands.executeCommand<{
        loaded: number;
        progress?: { state: string; message?: string };
        dispose(): void;
      }>('crossTenant.showProvisioningLogs', node);
      const state = await waitFor(
        'the first step of pages',
        () =>
          panel.progress && panel.progress.state !== 'loading' && panel.progress.state !== 'waiting'
            ? panel.progress.state
            : undefined,
        30_000,
      );
      assert.equal(state, 'paused');
      assert.equal(panel.loaded, 250);
      panel.dispose();
    } finally {
      await vscode.workspace
        .getConfiguration('crossTenant.provisioningLogs')
        .update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
