import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Step } from '../support/scriptedUserInput';
import { extensionApi, labelOf, readLog, runAnswering, tenantItems, waitFor } from './api';

const CONTOSO = 'contoso.onmicrosoft.com';

/** Add Tenant's questions for a sandbox tenant, answered with `tenant`. */
const addSandboxTenant = (tenant: string): Step[] => [
  { expect: 'Add Tenant: how do you sign in?', answer: { pick: /Sandbox$/ } },
  { expect: 'Add Tenant: tenant', answer: { input: tenant } },
];

describe('sign-in to the sandbox tenants', () => {
  before(async () => {
    await extensionApi();
    await runAnswering(
      [{ expect: 'Reset the sandbox tenants?', answer: { confirm: 'Reset Sandbox' } }],
      'crossTenant.resetSandbox',
    );
  });

  it('"Try the Sandbox Tenants" signs in to every sandbox tenant and shows their organizations', async () => {
    const api = await extensionApi();
    const ids = await vscode.commands.executeCommand<string[]>('crossTenant.trySandbox');
    assert.ok(ids.length >= 3, `at least three sandbox tenants, got ${ids.length}`);
    const items = await waitFor('signed-in tenant nodes', async () => {
      const all = await tenantItems(api);
      return all.filter((i) => String(i.contextValue).startsWith('tenant.signedIn.sandbox'))
        .length >= ids.length
        ? all
        : undefined;
    });
    const labels = items.map(labelOf);
    for (const name of ['Contoso Group', 'Fabrikam Retail', 'Northwind Traders'])
      assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
    const contoso = items.find((i) => labelOf(i) === 'Contoso Group')!;
    assert.match(String(contoso.description), /contoso\.onmicrosoft\.com/);
    assert.match((contoso.tooltip as vscode.MarkdownString).value, /Sandbox/);
  });

  it('reads each tenant with a token issued for that tenant', async () => {
    const api = await extensionApi();
    const ids = await vscode.commands.executeCommand<string[]>('crossTenant.trySandbox');
    const orgReads = api
      .sandboxRequests()
      .filter((r) => r.path === '/v1.0/organization' && r.status === 200);
    for (const id of ids) {
      assert.ok(
        orgReads.some((r) => r.tokenTenantId === id),
        `GET /organization with a token for ${id}`,
      );
    }
    // No request ever carried a token of a tenant other than the one it was meant for: every
    // token's tenant is a sandbox tenant, and each tenant's reads were made with its own token.
    assert.ok(api.sandboxRequests().every((r) => r.tokenTenantId && ids.includes(r.tokenTenantId)));
  });

  it('signing out stops using the tenant; signing in again resumes it', async () => {
    const api = await extensionApi();
    const contosoId = (await tenantItems(api))
      .find((i) => labelOf(i) === 'Contoso Group')!
      .id!.replace(/^sandbox:/, '');
    await vscode.commands.executeCommand('crossTenant.signOut', CONTOSO);
    const out = await waitFor('Contoso needs sign-in', async () =>
      (await tenantItems(api)).find(
        (i) =>
          labelOf(i) === 'Contoso Group' && String(i.contextValue).startsWith('tenant.needsSignIn'),
      ),
    );
    assert.match(String(out.description), /needs sign-in/);
    const mark = api.sandboxRequests().length;
    await vscode.commands.executeCommand('crossTenant.refresh');
    assert.ok(api.sandboxRequests().length > mark, 'the refresh read the other tenants');
    assert.ok(
      !api
        .sandboxRequests()
        .slice(mark)
        .some((r) => r.tokenTenantId === contosoId),
      'no request with a Contoso token after sign-out',
    );
    await vscode.commands.executeCommand('crossTenant.signIn', CONTOSO);
    await waitFor('Contoso signed in again', async () =>
      (await tenantItems(api)).find(
        (i) =>
          labelOf(i) === 'Contoso Group' && String(i.contextValue).startsWith('tenant.signedIn'),
      ),
    );
    assert.ok(
      api
        .sandboxRequests()
        .slice(mark)
        .some((r) => r.tokenTenantId === contosoId && r.path === '/v1.0/organization'),
    );
  });

  it('adds a tenant by domain, resolved through Graph, and removes it again', async () => {
    const api = await extensionApi();
    const removed = await runAnswering(
      [
        {
          expect: 'Remove Fabrikam Retail from the Tenants view?',
          answer: { confirm: 'Remove' },
        },
      ],
      'crossTenant.removeTenant',
      'fabrikamretail.onmicrosoft.com',
    );
    assert.match(removed.ui.shown[0].text, /Nothing changes in the tenant/);
    await waitFor(
      'Fabrikam removed',
      async () =>
        !(await tenantItems(api)).some((i) => labelOf(i) === 'Fabrikam Retail') || undefined,
    );
    const { result: id, ui } = await runAnswering<string>(
      addSandboxTenant('fabrikam.com'),
      'crossTenant.addTenant',
    );
    assert.ok(ui.shown[0].choices.includes('$(account) Microsoft account'), 'every method offered');
    assert.match(id, /^[0-9a-f-]{36}$/);
    const item = await waitFor('Fabrikam back', async () =>
      (await tenantItems(api)).find(
        (i) =>
          labelOf(i) === 'Fabrikam Retail' && String(i.contextValue).startsWith('tenant.signedIn'),
      ),
    );
    assert.equal(item.id, `sandbox:${id}`);
  });

  it('rejects a tenant that does not exist with a clear error and adds nothing', async () => {
    const api = await extensionApi();
    const count = (await tenantItems(api)).length;
    // Errors are handled by the command wrapper (message + log); the command resolves to undefined.
    const { result } = await runAnswering(
      addSandboxTenant('nobody.example.com'),
      'crossTenant.addTenant',
    );
    assert.equal(result, undefined);
    assert.equal((await tenantItems(api)).length, count);
    await waitFor(
      'the reason in the log',
      async () =>
        /crossTenant\.addTenant failed: .*No sandbox tenant uses the domain nobody\.example\.com/.test(
          await readLog(api.logUri),
        ) || undefined,
    );
  });
});
