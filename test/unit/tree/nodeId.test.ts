import assert from 'node:assert/strict';
import { nodeId } from '../../../src/tree/nodeId';

describe('nodeId', () => {
  const contoso = { auth: 'sandbox' as const, tenantId: 'AAAAAAAA-0000-4000-8000-000000000001' };

  it("is the tenant's key (method and lower-case tenant id) for the tenant node", () => {
    assert.equal(nodeId(contoso), 'sandbox:aaaaaaaa-0000-4000-8000-000000000001');
  });

  it("puts a sub-node's path under its tenant's id", () => {
    assert.equal(
      nodeId(contoso, 'access', 'partners', 'p1'),
      'sandbox:aaaaaaaa-0000-4000-8000-000000000001/access/partners/p1',
    );
  });

  it('tells the same tenant signed in by two methods apart', () => {
    assert.notEqual(nodeId(contoso, 'sync'), nodeId({ ...contoso, auth: 'microsoft' }, 'sync'));
  });
});
