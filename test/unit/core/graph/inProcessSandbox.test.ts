import assert from 'node:assert/strict';
import { GraphClient } from '../../../../src/core/graph/graphClient';
import type { GraphLogEntry } from '../../../../src/core/graph/loggingMiddleware';
import { loadPartnerOverview } from '../../../../src/core/graph/partnerOverview';
import { listAll } from '../../../../src/core/graph/paging';
import { Sandbox, SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { sandboxCredential } from './support/sandbox';

const CONTOSO = SANDBOX_TENANT_IDS.contoso;

describe('Graph layer over the in-process sandbox (fetch injection, no server)', () => {
  it('loads partners with names through the cloud host URLs the extension uses', async () => {
    const sandbox = Sandbox.create();
    sandbox.addPartners(CONTOSO, 25);
    const log: GraphLogEntry[] = [];
    const client = new GraphClient({
      tenantId: CONTOSO,
      credential: sandboxCredential(sandbox, CONTOSO, Date.now),
      fetch: (url, init) => sandbox.fetch(url, init),
      log: (e) => log.push(e),
    });
    const overview = await loadPartnerOverview(client);
    assert.equal(overview.partners.length, 28);
    assert.ok(overview.partners.every((p) => p.displayName !== undefined));
    assert.ok(log.every((e) => e.url.startsWith('https://graph.microsoft.com/v1.0/')));

    const paged = await listAll(client, {
      operation: 'partners.list',
      method: 'GET',
      path: '/policies/crossTenantAccessPolicy/partners',
      query: { $top: 10 },
    });
    assert.equal(paged.length, 28);
    assert.ok(
      log
        .slice(-2)
        .every(
          (e) =>
            e.url.startsWith('https://graph.microsoft.com/v1.0/') && e.url.includes('$skiptoken='),
        ),
    );
  });
});
