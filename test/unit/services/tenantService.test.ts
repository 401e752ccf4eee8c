import assert from 'node:assert/strict';
import { deletePartner } from '../../../src/core/graph/operations/partners';
import type { TenantChange } from '../../../src/core/tenants/tenantChange';
import type { TenantRecord } from '../../../src/core/tenants/tenantRecord';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { TenantService } from '../../../src/services/tenants/tenantService';
import { SandboxFixture } from '../core/graph/support/sandbox';

const { contoso: CONTOSO, fabrikam: FABRIKAM } = SANDBOX_TENANT_IDS;

// The one path for a tenant's reads and writes: what Graph receives, and what the views are told.
describe('TenantService', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  const record: TenantRecord = { tenantId: CONTOSO, auth: 'sandbox', cloud: 'global' };
  const service = (): { s: TenantService; changes: TenantChange[] } => {
    const changes: TenantChange[] = [];
    const s = new TenantService(
      record,
      () => fx.client(CONTOSO),
      (c) => changes.push(c),
    );
    return { s, changes };
  };
  const partnerReads = (): number =>
    fx.log.filter((e) => e.method === 'GET' && e.url.includes('/crossTenantAccessPolicy/partners'))
      .length;
  const jobReads = (): number =>
    fx.log.filter((e) => e.method === 'GET' && e.url.includes('/synchronization/jobs')).length;

  it('loads a part once for concurrent readers and keeps it until something changes it', async () => {
    const { s } = service();
    const [a, b] = await Promise.all([s.access(), s.access()]);
    assert.equal(a, b);
    await s.access();
    assert.equal(partnerReads(), 1);
  });

  it('announces a write and drops only the part it touches', async () => {
    const { s, changes } = service();
    await Promise.all([s.access(), s.sync()]);
    const jobs = jobReads();
    const change: TenantChange = { kind: 'partner', partnerTenantId: FABRIKAM, change: 'deleted' };
    await s.write(change, (client) =>
      deletePartner(client, FABRIKAM, { deleteIdentitySync: true }),
    );
    assert.deepEqual(changes, [change]);
    const partners = partnerReads();
    const after = await s.access();
    assert.ok(!after.overview.partners.some((p) => p.tenantId === FABRIKAM));
    assert.equal(partnerReads(), partners + 1, 'access is read again');
    await s.sync();
    assert.equal(jobReads(), jobs, 'sync is kept');
  });

  it('announces a write that failed, whose first requests may have changed the tenant', async () => {
    const { s, changes } = service();
    await s.access();
    const failure = new Error('second request failed');
    await assert.rejects(
      s.write({ kind: 'defaults' }, () => Promise.reject(failure)),
      (e) => e === failure,
    );
    assert.deepEqual(changes, [{ kind: 'defaults' }]);
    assert.equal(s.has('access'), false);
  });

  it('aborts a load in flight when its part is dropped, so a late answer is not kept', async () => {
    const { s } = service();
    const stale = s.access();
    s.changed({ kind: 'reloaded', part: 'access' });
    await assert.rejects(stale, (e: Error) => e.name === 'AbortError');
    await s.access();
    assert.equal(s.has('access'), true);
  });
});
