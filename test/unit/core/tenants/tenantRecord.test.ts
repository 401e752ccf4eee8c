import assert from 'node:assert/strict';
import {
  parseTenantRecords,
  serializeTenantRecords,
  tenantKey,
  type TenantRecord,
} from '../../../../src/core/tenants/tenantRecord';

const contoso: TenantRecord = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  cloud: 'global',
  auth: 'microsoft',
  displayName: 'Contoso',
  defaultDomain: 'contoso.com',
  account: 'admin@contoso.com',
};

describe('tenant records', () => {
  it('round-trip through their persisted form', () => {
    const { records, dropped } = parseTenantRecords(JSON.parse(serializeTenantRecords([contoso])));
    assert.deepEqual(records, [contoso]);
    assert.equal(dropped, 0);
  });

  it('drop invalid entries without losing the valid ones', () => {
    const json = {
      tenants: [
        contoso,
        { tenantId: 'not-a-guid', cloud: 'global', auth: 'microsoft' },
        { ...contoso, tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', cloud: 'mars' },
        { ...contoso, auth: 'password' },
      ],
    };
    const { records, dropped } = parseTenantRecords(json);
    assert.deepEqual(
      records.map((r) => r.tenantId),
      [contoso.tenantId],
    );
    assert.equal(dropped, 3);
  });

  it('normalise tenant ids to lower case and drop duplicates of the same tenant and method', () => {
    const upper = { ...contoso, tenantId: contoso.tenantId.toUpperCase() };
    const { records } = parseTenantRecords({
      tenants: [upper, contoso, { ...contoso, auth: 'sandbox' }],
    });
    assert.deepEqual(records.map(tenantKey), [
      `microsoft:${contoso.tenantId}`,
      `sandbox:${contoso.tenantId}`,
    ]);
  });

  it('ignore a file that is not a tenant list', () => {
    assert.deepEqual(parseTenantRecords(null).records, []);
    assert.deepEqual(parseTenantRecords({ tenants: 'x' }).records, []);
  });
});
