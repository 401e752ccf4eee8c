import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  extensionApi,
  freshSandbox,
  labelOf,
  nodeAt,
  openFromTree,
  runAnswering,
  waitFor,
} from './api';

const PARTNERS = /^Partners \(\d+\)$/;
const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const NORTHWIND = 'c93d2a71-5e8f-4b14-a6d0-3f7b9e2c1d85';

type Api = Awaited<ReturnType<typeof extensionApi>>;

/** What the Tenants view asks VS Code to draw again, while `action` runs and shortly after. */
async function redrawn(api: Api, action: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const sub = api.tree.onDidChangeTreeData((e) => {
    for (const n of e === undefined ? [undefined] : [e].flat()) seen.push(n ? n.id : '(all)');
  });
  try {
    await action();
    // The pair checks run again after a change: their decorations come in after the write.
    await api.pairs.pairs();
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    sub.dispose();
  }
  return seen;
}

// Issue 15 §2: one write path per tenant, whose change events reload only what the change touched.
describe('views follow tenant changes', () => {
  before(freshSandbox);

  it('a write in one tenant reloads its access node only, not the view', async () => {
    const api = await extensionApi();
    // Both tenants' parts are on screen.
    await nodeAt(api, 'Fabrikam Retail', 'Cross-tenant access', PARTNERS);
    await nodeAt(api, 'Fabrikam Retail', 'Cross-tenant synchronization');
    const partner = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Tailspin Toys',
    );
    const contosoAccess = (await nodeAt(api, 'Contoso Group', 'Cross-tenant access')).id;
    const ids = await redrawn(api, () =>
      runAnswering(
        [
          {
            expect: 'Allow Tailspin Toys to sync users into Contoso Group?',
            answer: { confirm: 'Allow User Sync' },
          },
        ],
        'crossTenant.allowUserSync',
        partner,
      ),
    );
    assert.ok(ids.includes(contosoAccess), ids.join(', '));
    assert.ok(!ids.includes('(all)'), `the whole view was redrawn: ${ids.join(', ')}`);
    const others = ids.filter((id) => id.endsWith('/access') || id.endsWith('/sync'));
    assert.deepEqual(others, [contosoAccess], 'no other tenant part reloaded');
    const woodgrove = await nodeAt(
      api,
      'Contoso Group',
      'Cross-tenant access',
      PARTNERS,
      'Tailspin Toys',
    );
    const children = await api.tree.getChildren(woodgrove);
    assert.equal(labelOf(api.tree.getTreeItem(children[0])), 'Identity synchronization');
  });

  it('an open document of the changed object is read again; others are left alone', async () => {
    const api = await extensionApi();
    const northwind = api.tree.getTreeItem(
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access', PARTNERS, /^Northwind/),
    );
    const editor = await openFromTree(northwind);
    const before = editor.document.getText();
    assert.doesNotMatch(before, /"isServiceProvider": true/);
    // Another admin marks Northwind as a service provider, straight in Graph.
    const sandbox = await api.sandbox.get();
    const token = sandbox.mintToken({
      tenantId: CONTOSO,
      scp: ['Policy.ReadWrite.CrossTenantAccess'],
    });
    const res = await sandbox.fetch(
      `https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/${NORTHWIND}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ isServiceProvider: true }),
      },
    );
    assert.equal(res.status, 204);
    assert.equal(editor.document.getText(), before, 'nothing told the extension yet');
    // Refreshing Contoso's access settings is a change of that part: the open document follows.
    await vscode.commands.executeCommand(
      'crossTenant.refresh',
      await nodeAt(api, 'Contoso Group', 'Cross-tenant access'),
    );
    await waitFor(
      'the document read again',
      () => /"isServiceProvider": true/.test(editor.document.getText()) || undefined,
    );
    assert.equal(editor.document.isDirty, false);
  });
});
