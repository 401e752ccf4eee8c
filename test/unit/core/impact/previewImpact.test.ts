import assert from 'node:assert/strict';
import type * as MSGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../../../../src/core/graph/graphClient';
import { listPartners } from '../../../../src/core/graph/operations/partners';
import { getDefaultConfiguration } from '../../../../src/core/graph/operations/policy';
import type { Partner, SignIn } from '../../../../src/core/graph/types';
import { describeImpact, impactSummaryLine } from '../../../../src/core/impact/describeImpact';
import type { TenantAccess } from '../../../../src/core/impact/narrowing';
import { previewImpact, type ImpactResult } from '../../../../src/core/impact/previewImpact';
import {
  SANDBOX_TENANT_IDS,
  SANDBOX_TENANTS,
  TAILSPIN_PILOT_GROUP_ID,
} from '../../../../src/sandbox';
import { ANCHOR, InProcessGraph, refusingFilters } from '../history/support';

const { contoso, fabrikam, northwind, tailspin } = SANDBOX_TENANT_IDS;
const names = (id: string): string | undefined =>
  SANDBOX_TENANTS.find((t) => t.tenantId === id)?.displayName;
const SIGN_INS = '/auditLogs/signIns';
const DAY = 86_400_000;
const blockAll: MSGraph.CrossTenantAccessPolicyB2BSetting = {
  usersAndGroups: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] },
  applications: {
    accessType: 'blocked',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

async function accessOf(client: GraphClient): Promise<TenantAccess> {
  return {
    defaults: await getDefaultConfiguration(client),
    partners: await listPartners(client, { expandIdentitySync: false }),
  };
}

function withPartner(
  access: TenantAccess,
  tenantId: string,
  change: Partial<Partner>,
): TenantAccess {
  return {
    ...access,
    partners: access.partners.map((p) => (p.tenantId === tenantId ? { ...p, ...change } : p)),
  };
}

/** The sandbox's own sign-ins, read directly, for the expected answers. */
async function rawSignIns(graph: InProcessGraph, tenantId: string): Promise<SignIn[]> {
  const token = graph.sandbox.mintToken({ tenantId });
  const all: SignIn[] = [];
  let url: string | undefined = `https://graph.microsoft.com/v1.0${SIGN_INS}`;
  while (url) {
    // Past the sandbox's report limit window, so neither this read nor the next one is throttled.
    await graph.clock.sleep(11_000);
    const reply = (await (
      await graph.sandbox.fetch(url, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      value: SignIn[];
      '@odata.nextLink'?: string;
    };
    all.push(...reply.value);
    url = reply['@odata.nextLink'];
  }
  await graph.clock.sleep(11_000);
  return all;
}

describe('impact preview against the sandbox', () => {
  it('Tailspin blocking Contoso: who from Contoso signed in in the last 7 days, all blocked, one query per day', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(tailspin);
    const before = await accessOf(client);
    const expected = (await rawSignIns(graph, tailspin)).filter(
      (s) =>
        s.homeTenantId === contoso &&
        s.status?.errorCode === 0 &&
        Date.parse(s.createdDateTime!) >= ANCHOR - 7 * DAY,
    );
    graph.log.length = 0;
    const result = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after: withPartner(before, contoso, { b2bCollaborationInbound: blockAll }),
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.ok(result.kind === 'evaluated');
    const users = new Set(expected.map((s) => s.userId));
    const apps = new Set(expected.map((s) => s.appId));
    assert.ok(users.size > 5);
    assert.equal(
      impactSummaryLine(result, 'Tailspin Toys', names),
      `${users.size} users from Contoso Group signed in to ${apps.size} apps in the last 7 days; ${users.size} of them would be blocked.`,
    );
    const requests = graph.requests(SIGN_INS);
    assert.equal(requests.length, 7, 'one per day (each day fits one page)');
    assert.equal(result.requests, 7);
    for (const r of requests) {
      const filter = new URL(r.url).searchParams.get('$filter') ?? '';
      assert.match(
        filter,
        /^createdDateTime ge \S+ and createdDateTime le \S+ and homeTenantId eq '2f4a9c1e/,
      );
    }
    const list = describeImpact(result.evaluation, names);
    assert.ok(
      list.every((r) => r.organization === 'Contoso Group' && r.verdict === 'would be blocked'),
    );
    assert.deepEqual(list[0].why, [
      'B2B collaboration inbound, users and groups: not allowed',
      'B2B collaboration inbound, applications: not allowed',
    ]);
  });

  it("Tailspin narrowing its pilot allow-list to nobody: group membership of Contoso's users decides", async () => {
    const graph = new InProcessGraph();
    const client = graph.client(tailspin);
    const before = await accessOf(client);
    const after = withPartner(before, contoso, {
      b2bCollaborationInbound: {
        usersAndGroups: {
          accessType: 'allowed',
          targets: [{ target: 'not-the-pilot', targetType: 'group' }],
        },
        applications: {
          accessType: 'allowed',
          targets: [{ target: 'AllApplications', targetType: 'application' }],
        },
      },
    });
    const unknown = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after,
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.ok(unknown.kind === 'evaluated');
    assert.ok(unknown.evaluation.rows.every((r) => r.verdict === 'mayBeBlocked'));
    assert.match(
      impactSummaryLine(unknown, 'Tailspin Toys', names),
      /may be blocked \(group membership not known\)\.$/,
    );
    const pilot = await graph.client(contoso).request<{ value: { id: string }[] }>({
      operation: 'groups.search',
      method: 'GET',
      path: `/groups/${TAILSPIN_PILOT_GROUP_ID}/members`,
      query: { $top: 999 },
    });
    const members = new Set(pilot.value.map((m) => m.id.toLowerCase()));
    const known = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after,
      days: 7,
      now: new Date(ANCHOR),
      membership: (groupId, userId) =>
        groupId === TAILSPIN_PILOT_GROUP_ID
          ? members.has(userId)
          : groupId === 'not-the-pilot'
            ? false
            : undefined,
    });
    assert.ok(known.kind === 'evaluated');
    assert.ok(known.evaluation.rows.length > 0);
    assert.ok(known.evaluation.rows.every((r) => r.verdict === 'blocked'));
  });

  it("Contoso no longer trusting Fabrikam's MFA and devices: MFA again, and the compliant-device app blocked", async () => {
    const graph = new InProcessGraph();
    const client = graph.client(contoso);
    const before = await accessOf(client);
    const result = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after: withPartner(before, fabrikam, {
        inboundTrust: {
          isMfaAccepted: false,
          isCompliantDeviceAccepted: false,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      }),
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.ok(result.kind === 'evaluated');
    const byVerdict = (v: string) => result.evaluation.rows.filter((r) => r.verdict === v);
    assert.ok(
      byVerdict('blocked').length > 0 &&
        byVerdict('blocked').every((r) => r.app.displayName === 'Contoso Expense Portal'),
    );
    assert.ok(
      byVerdict('mfaAgain').length > 0 &&
        byVerdict('mfaAgain').every((r) => r.app.displayName !== 'Contoso Expense Portal'),
    );
    assert.ok(
      result.evaluation.rows.every(
        (r) => r.direction === 'inbound' && r.externalTenantId === fabrikam,
      ),
    );
  });

  it('Northwind has no P1/P2: the result says the logs are unavailable, never zero users', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(northwind);
    const before = await accessOf(client);
    const result = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after: withPartner(before, contoso, { b2bDirectConnectInbound: blockAll }),
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.equal(result.kind, 'unavailable');
    assert.equal(result.kind === 'unavailable' && result.reason, 'licence');
    assert.match(
      impactSummaryLine(result, 'Northwind Traders', names),
      /^Sign-in logs of Northwind Traders are unavailable \(no Microsoft Entra ID P1 or P2 licence\)/,
    );
    assert.equal(graph.requests(SIGN_INS).length, 1);
  });

  it('a missing permission is its own result', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(tailspin, (fetch) => (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set(
        'authorization',
        `Bearer ${graph.sandbox.mintToken({ tenantId: tailspin, scp: ['Directory.Read.All', 'Policy.Read.All'] })}`,
      );
      return fetch(url, { ...init, headers });
    });
    const before = await accessOf(client);
    const result = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after: withPartner(before, contoso, { b2bCollaborationInbound: blockAll }),
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.ok(result.kind === 'unavailable' && result.reason === 'permission');
    assert.equal(result.error.code, 'Authorization_RequestDenied');
  });

  it('a change that narrows nothing reads nothing; tenant restrictions alone cannot be seen in the log', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(contoso);
    const before = await accessOf(client);
    graph.log.length = 0;
    const open = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after: withPartner(before, tailspin, {
        inboundTrust: {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: true,
          isHybridAzureADJoinedDeviceAccepted: true,
        },
      }),
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.equal(open.kind, 'notNarrowing');
    const openRestrictions: MSGraph.CrossTenantAccessPolicyB2BSetting = {
      usersAndGroups: {
        accessType: 'allowed',
        targets: [{ target: 'AllUsers', targetType: 'user' }],
      },
      applications: {
        accessType: 'allowed',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    };
    const restrictions = await previewImpact({
      client,
      limiter: graph.limiter(),
      before: withPartner(before, tailspin, { tenantRestrictions: openRestrictions }),
      after: withPartner(before, tailspin, { tenantRestrictions: blockAll }),
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.equal(restrictions.kind, 'notInLogs');
    assert.equal(graph.log.length, 0, 'no request at all');
  });

  it('works with a Graph that refuses filters on tenant ids: one more request, the same answer', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(tailspin);
    const before = await accessOf(client);
    const after = withPartner(before, contoso, { b2bCollaborationInbound: blockAll });
    const plain = await previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after,
      days: 3,
      now: new Date(ANCHOR),
    });
    graph.log.length = 0;
    const fallback = await previewImpact({
      client: graph.client(tailspin, refusingFilters(/TenantId/)),
      limiter: graph.limiter(),
      before,
      after,
      days: 3,
      now: new Date(ANCHOR),
    });
    const rows = (r: ImpactResult) =>
      r.kind === 'evaluated' ? r.evaluation.rows.map((x) => [x.user.id, x.app.id, x.verdict]) : [];
    assert.deepEqual(rows(fallback), rows(plain));
    assert.ok(rows(plain).length > 0);
    assert.equal(
      fallback.kind === 'evaluated' && fallback.requests,
      4,
      'three days and the refused first try',
    );
  });

  it('stops when cancelled', async () => {
    const graph = new InProcessGraph();
    const client = graph.client(contoso);
    const before = await accessOf(client);
    const abort = new AbortController();
    const reading = previewImpact({
      client,
      limiter: graph.limiter(),
      before,
      after: { ...before, defaults: { ...before.defaults, b2bCollaborationOutbound: blockAll } },
      days: 30,
      now: new Date(ANCHOR),
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await assert.rejects(reading, { name: 'AbortError' });
    assert.equal(graph.requests(SIGN_INS).length, 1);
  });
});
