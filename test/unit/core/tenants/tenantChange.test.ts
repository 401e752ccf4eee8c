import assert from 'node:assert/strict';
import type { DocumentIdentity } from '../../../../src/core/policy/documentUri';
import { dataPartsOf, documentEffect } from '../../../../src/core/tenants/tenantChange';

const T = '11111111-1111-1111-1111-111111111111';
const P = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const Q = 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb';
const SP = 'cccccccc-cccc-cccc-cccc-cccccccccccc';

const docs = {
  policy: { kind: 'policy', tenantId: T },
  defaults: { kind: 'default', tenantId: T },
  partnerP: { kind: 'partner', tenantId: T, partnerTenantId: P, label: 'p' },
  syncP: { kind: 'identitySync', tenantId: T, partnerTenantId: P, label: 'p' },
  partnerQ: { kind: 'partner', tenantId: T, partnerTenantId: Q, label: 'q' },
  schema: { kind: 'syncSchema', tenantId: T, servicePrincipalId: SP, jobId: 'Azure2Azure.x.y' },
} satisfies Record<string, DocumentIdentity>;

const effects = (change: Parameters<typeof documentEffect>[0]): Record<string, string> =>
  Object.fromEntries(
    Object.entries(docs)
      .map(([name, doc]) => [name, documentEffect(change, doc)] as const)
      .filter(([, e]) => e !== undefined),
  ) as Record<string, string>;

// Which open documents a tenant change makes read again (or marks deleted): no more, no fewer.
describe('tenant changes', () => {
  it('a deleted partner marks its document and its identity sync deleted, not another partner', () => {
    assert.deepEqual(
      effects({ kind: 'partner', partnerTenantId: P.toUpperCase(), change: 'deleted' }),
      { partnerP: 'deleted', syncP: 'deleted' },
    );
  });

  it('an updated partner re-reads its documents only', () => {
    assert.deepEqual(effects({ kind: 'partner', partnerTenantId: P, change: 'updated' }), {
      partnerP: 'changed',
      syncP: 'changed',
    });
  });

  it('removing identity sync marks that document deleted and leaves the partner', () => {
    assert.deepEqual(effects({ kind: 'identitySync', partnerTenantId: P, change: 'deleted' }), {
      syncP: 'deleted',
    });
  });

  it('the default settings and the base policy touch their own document', () => {
    assert.deepEqual(effects({ kind: 'defaults' }), { defaults: 'changed' });
    assert.deepEqual(effects({ kind: 'policy' }), { policy: 'changed' });
  });

  it('a job change touches its schema; another job of the configuration does not', () => {
    assert.deepEqual(effects({ kind: 'job', servicePrincipalId: SP, jobId: 'Azure2Azure.x.y' }), {
      schema: 'changed',
    });
    assert.deepEqual(effects({ kind: 'job', servicePrincipalId: SP, jobId: 'other' }), {});
    assert.deepEqual(
      effects({
        kind: 'syncConfiguration',
        servicePrincipalId: SP.toUpperCase(),
        change: 'deleted',
      }),
      { schema: 'deleted' },
    );
    assert.deepEqual(effects({ kind: 'assignments', servicePrincipalId: SP }), {});
    // The periodic status read reloads the tree's job rows, never an open schema.
    assert.deepEqual(effects({ kind: 'jobStatuses' }), {});
    assert.deepEqual(dataPartsOf({ kind: 'jobStatuses' }), ['sync']);
  });

  it('a reload touches the documents of the part reloaded', () => {
    assert.deepEqual(Object.keys(effects({ kind: 'reloaded', part: 'sync' })), ['schema']);
    assert.equal(Object.keys(effects({ kind: 'reloaded', part: 'access' })).length, 5);
    assert.equal(Object.keys(effects({ kind: 'reloaded' })).length, 6);
    assert.deepEqual(dataPartsOf({ kind: 'job', servicePrincipalId: SP, jobId: 'j' }), ['sync']);
    assert.deepEqual(dataPartsOf({ kind: 'reloaded' }), ['access', 'sync']);
  });
});
