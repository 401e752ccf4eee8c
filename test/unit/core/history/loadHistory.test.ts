import assert from 'node:assert/strict';
import { listPartners } from '../../../../src/core/graph/operations/partners';
import { describeHistoryEntry } from '../../../../src/core/history/describeHistoryEntry';
import { documentVersions } from '../../../../src/core/history/documentVersions';
import type { HistoryEntry } from '../../../../src/core/history/historyEntry';
import {
  historyWindow,
  loadHistories,
  loadHistory,
} from '../../../../src/core/history/loadHistory';
import { filterTimeline, mergeTimelines } from '../../../../src/core/history/timeline';
import {
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  SANDBOX_TENANTS,
} from '../../../../src/sandbox';
import { ANCHOR, InProcessGraph, refusingFilters } from './support';

const { contoso, tailspin, fabrikam } = SANDBOX_TENANT_IDS;
const names = (id: string): string | undefined =>
  SANDBOX_TENANTS.find((t) => t.tenantId === id)?.displayName;
const AUDITS = '/auditLogs/directoryAudits';

describe('history: reading directory audits through Graph (in-process sandbox)', () => {
  it('reads a tenant in one query per category, newest first, decoded', async () => {
    const graph = new InProcessGraph();
    const history = await loadHistory({
      client: graph.client(tailspin),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 30),
    });
    assert.equal(history.requests, 4, 'four categories, one page each');
    assert.equal(graph.requests(AUDITS).length, 4);
    assert.ok(
      graph.requests(AUDITS).every((e) => decodeURIComponent(e.url).includes('category eq')),
    );
    const words = history.entries.map((e) => describeHistoryEntry(e, names));
    assert.deepEqual(words[0], {
      title: 'Changed partner Contoso Group',
      actor: words[0].actor,
      lines: ['Automatic redemption, inbound: on → off'],
    });
    assert.match(words[0].actor, /@tailspintoys\.com$/);
    assert.ok(
      history.entries.every((e, i) => i === 0 || history.entries[i - 1].time >= e.time),
      'newest first',
    );
    assert.deepEqual(words.at(-1)?.title, 'Added partner Contoso Group');
  });

  it('reads only the window asked for', async () => {
    const graph = new InProcessGraph();
    const week = await loadHistory({
      client: graph.client(contoso),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 7),
    });
    assert.ok(week.entries.length > 0);
    assert.ok(week.entries.every((e) => e.time.getTime() >= ANCHOR - 7 * 86_400_000));
    const month = await loadHistory({
      client: graph.client(contoso),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 90),
    });
    assert.ok(month.entries.length > week.entries.length);
  });

  it("rebuilds the verified versions of Tailspin's partner for Contoso from the live settings", async () => {
    const graph = new InProcessGraph();
    const client = graph.client(tailspin);
    const history = await loadHistory({
      client,
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 30),
    });
    const partner = (await listPartners(client, { expandIdentitySync: false })).find(
      (p) => p.tenantId === contoso,
    )!;
    const about = history.entries.filter(
      (e) => e.target.kind === 'partner' && e.target.partnerTenantId === contoso,
    );
    const versions = documentVersions(partner as unknown as Record<string, unknown>, about);
    assert.equal(about.length, 4);
    for (const e of about)
      assert.equal(versions.get(e.id)?.kind, 'verified', describeHistoryEntry(e, names).title);
    const withdrawal = versions.get(about[0].id)!;
    assert.ok(withdrawal.kind === 'verified');
    assert.deepEqual(withdrawal.before?.automaticUserConsentSettings, {
      inboundAllowed: true,
      outboundAllowed: false,
    });
  });

  it('works with a Graph that refuses a category filter: falls back to the window and filters itself', async () => {
    const graph = new InProcessGraph();
    const plain = await loadHistory({
      client: graph.client(contoso),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 30),
    });
    graph.log.length = 0;
    const fallback = await loadHistory({
      client: graph.client(contoso, refusingFilters(/category eq/)),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 30),
    });
    assert.deepEqual(
      fallback.entries.map((e) => e.id),
      plain.entries.map((e) => e.id),
    );
    // One refused first page, then the window once for every category.
    assert.equal(fallback.requests, 2);
    assert.deepEqual(
      graph.log.map((e) => e.status),
      [400, 200],
    );
    const noOr = await loadHistory({
      client: graph.client(contoso, refusingFilters(/activityDisplayName eq/)),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 30),
    });
    assert.deepEqual(
      noOr.entries.map((e) => e.id),
      plain.entries.map((e) => e.id),
    );
    assert.equal(noOr.requests, 5, 'the provisioning query once more, by category alone');
  });

  it('records its own changes: a partner update through Graph shows up with who made it', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(fabrikam);
    graph.clock.sleeps.length = 0;
    await client.request({
      operation: 'partner.update',
      method: 'PATCH',
      path: `/policies/crossTenantAccessPolicy/partners/${contoso}`,
      body: {
        inboundTrust: {
          isMfaAccepted: false,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      },
    });
    const history = await loadHistory({
      client,
      limiter: graph.limiter(),
      window: historyWindow(new Date(graph.clock.now() + 1), 1),
    });
    assert.deepEqual(describeHistoryEntry(history.entries[0], names).lines, [
      'Inbound trust, MFA: trusted → not trusted',
    ]);
    assert.equal(history.entries[0].actor.kind, 'user');
  });

  it('stays within the reports limit and pages a long log', async () => {
    const graph = new InProcessGraph();
    const events = Array.from({ length: 1200 }, (_, i) => ({
      category: 'CrossTenantAccessSettings',
      activityDisplayName: 'Update a partner cross-tenant access setting',
      activityDateTime: new Date(ANCHOR - 1000 - i * 60_000).toISOString(),
      initiatedBy: { app: { appId: 'a', displayName: 'Bulk' }, user: null },
      targetResources: [
        {
          id: fabrikam,
          displayName: `CrossTenantAccessPolicy for ${fabrikam}`,
          type: 'Policy',
          modifiedProperties: [],
        },
      ],
    }));
    graph.sandbox.appendDirectoryAudits(contoso, events);
    const limiter = graph.limiter();
    const started = graph.clock.now();
    const history = await loadHistory({
      client: graph.client(contoso),
      limiter,
      window: historyWindow(new Date(ANCHOR), 30),
    });
    assert.ok(history.entries.length > 1200);
    assert.equal(
      history.requests,
      3 + 3,
      'three pages of 500 for one category, one for each other',
    );
    assert.ok(
      graph.log.every((e) => e.status === 200),
      'never throttled by Graph',
    );
    assert.ok(graph.clock.now() - started >= 11_000, 'the sixth request waited for the window');
  });

  it('stops at once when cancelled, and sends nothing more', async () => {
    const graph = new InProcessGraph();
    const abort = new AbortController();
    const reading = loadHistory({
      client: graph.client(contoso),
      limiter: graph.limiter(),
      window: historyWindow(new Date(ANCHOR), 30),
      signal: abort.signal,
      onEntries: () => abort.abort(),
    });
    await assert.rejects(reading, { name: 'AbortError' });
    assert.equal(graph.requests(AUDITS).length, 1);
  });

  it('merges every tenant into one time line: Tailspin changed its setting an hour before the sync failed', async () => {
    const graph = new InProcessGraph();
    const histories = await loadHistories(
      [contoso, tailspin, fabrikam].map((t) => ({
        client: graph.client(t),
        limiter: graph.limiter(),
      })),
      historyWindow(new Date(ANCHOR), 7),
    );
    const entries = histories.map((h): HistoryEntry[] => ('entries' in h ? h.entries : []));
    const timeline = mergeTimelines(entries);
    const config = SANDBOX_SYNC_CONFIGURATIONS.tailspin;
    const pair = filterTimeline(
      timeline,
      { tenantIds: [contoso, tailspin], partnerTenantIds: [contoso, tailspin] },
      new Map([[config.servicePrincipalId, tailspin]]),
    );
    assert.deepEqual(
      pair.map((e) => [e.tenantId, describeHistoryEntry(e, names).title]),
      [
        [contoso, 'Sync of Tailspin Toys quarantined'],
        [tailspin, 'Changed partner Contoso Group'],
      ],
    );
  });

  it('reports a tenant that cannot be read without stopping the others', async () => {
    const graph = new InProcessGraph();
    const noScopes = graph.client(contoso, (fetch) => (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set(
        'authorization',
        `Bearer ${graph.sandbox.mintToken({ tenantId: contoso, scp: ['Policy.Read.All'] })}`,
      );
      return fetch(url, { ...init, headers });
    });
    const [failed, read] = await loadHistories(
      [
        { client: noScopes, limiter: graph.limiter() },
        { client: graph.client(tailspin), limiter: graph.limiter() },
      ],
      historyWindow(new Date(ANCHOR), 30),
    );
    assert.ok('error' in failed);
    assert.equal((failed.error as { code?: string }).code, 'Authorization_RequestDenied');
    assert.ok('entries' in read && read.entries.length === 5);
  });
});
