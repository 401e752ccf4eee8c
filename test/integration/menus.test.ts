import assert from 'node:assert/strict';
import { PAIRS_VIEW_ITEMS, TENANTS_VIEW_ITEMS } from '../support/viewItems';
import { extensionApi, freshSandbox, labelOf, walk } from './api';

// test/unit/manifest/menus.test.ts says which commands each kind of row offers; here, every row the
// views draw over the sandbox is one of those kinds, so no row has a menu nobody decided on.
describe('the rows of both views have a menu decided for them (issue 16 §2)', () => {
  before(async () => {
    await freshSandbox();
  });

  it('every row of the Tenants view is a kind the menu table knows', async () => {
    const api = await extensionApi();
    const items = await walk(api.tree);
    const unknown = items.filter((i) => !TENANTS_VIEW_ITEMS.includes(String(i.contextValue)));
    assert.deepEqual(
      unknown.map((i) => `${labelOf(i)}: ${String(i.contextValue)}`),
      [],
      'rows of a kind the menu table does not list',
    );
    const seen = new Set(items.map((i) => String(i.contextValue)));
    for (const kind of ['partners', 'partner', 'policy.default', 'syncConfiguration'])
      assert.ok(seen.has(kind), `a "${kind}" row among ${[...seen].join(', ')}`);
  });

  it('every row of the Tenant Pairs view is a kind the menu table knows', async () => {
    const api = await extensionApi();
    await api.pairs.recheck();
    const items = await walk(api.pairsTree);
    assert.ok(items.length > 0);
    for (const item of items)
      assert.ok(
        PAIRS_VIEW_ITEMS.includes(String(item.contextValue)),
        `${labelOf(item)}: ${String(item.contextValue)}`,
      );
  });
});
