import assert from 'node:assert/strict';
import type { SignIn } from '../../../../src/core/graph/types';
import {
  partnershipUsage,
  readPartnershipUsage,
  usageCounts,
} from '../../../../src/core/impact/partnershipUsage';
import { SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { ANCHOR, InProcessGraph } from '../history/support';

const { contoso, fabrikam, northwind, tailspin } = SANDBOX_TENANT_IDS;
const SIGN_INS = '/auditLogs/signIns';
const DAY = 86_400_000;

function signIn(
  user: string,
  app: string,
  home: string,
  resource: string,
  at: string,
  errorCode = 0,
): SignIn {
  return {
    id: `${user}-${app}-${at}`,
    createdDateTime: at,
    userId: user,
    userPrincipalName: `${user}@example.com`,
    userDisplayName: user.toUpperCase(),
    appId: app,
    appDisplayName: `App ${app}`,
    homeTenantId: home,
    resourceTenantId: resource,
    status: {
      errorCode,
      failureReason: errorCode ? 'refused by the inbound settings' : null,
      additionalDetails: null,
    },
  };
}

describe('who uses a partnership', () => {
  it('groups by direction, user and app: sign-ins, failures, the last attempt and why it failed', () => {
    const rows = partnershipUsage(contoso, fabrikam.toUpperCase(), [
      signIn('a', 'p', fabrikam, contoso, '2025-03-10T10:00:00Z'),
      signIn('a', 'p', fabrikam, contoso, '2025-03-12T10:00:00Z'),
      signIn('a', 'p', fabrikam, contoso, '2025-03-11T10:00:00Z', 500213),
      signIn('b', 'q', contoso, fabrikam, '2025-03-13T10:00:00Z', 500213),
      // Another partner, and a sign-in that did not cross tenants: left out.
      signIn('c', 'p', northwind, contoso, '2025-03-13T10:00:00Z'),
      signIn('d', 'p', contoso, contoso, '2025-03-13T10:00:00Z'),
    ]);
    assert.deepEqual(
      rows.map((r) => [
        r.direction,
        r.user.userPrincipalName,
        r.app.displayName,
        r.signIns,
        r.failures,
        r.lastSignIn.toISOString(),
        r.lastFailure,
      ]),
      [
        [
          'inbound',
          'a@example.com',
          'App p',
          2,
          1,
          '2025-03-12T10:00:00.000Z',
          'refused by the inbound settings',
        ],
        [
          'outbound',
          'b@example.com',
          'App q',
          0,
          1,
          '2025-03-13T10:00:00.000Z',
          'refused by the inbound settings',
        ],
      ],
    );
    assert.deepEqual(usageCounts(rows.filter((r) => r.direction === 'outbound')), {
      users: 1,
      apps: 1,
      refusedUsers: 1,
    });
  });

  it("Contoso's Tailspin partnership in the sandbox: the pilot users at Tailspin, and those refused, one query per day", async () => {
    const graph = new InProcessGraph();
    const result = await readPartnershipUsage({
      client: graph.client(contoso),
      limiter: graph.limiter(),
      partnerTenantId: tailspin,
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.ok(result.kind === 'read');
    assert.equal(result.windowDays, 7);
    assert.equal(graph.requests(SIGN_INS).length, 7);
    for (const r of graph.requests(SIGN_INS))
      assert.match(
        new URL(r.url).searchParams.get('$filter') ?? '',
        new RegExp(`homeTenantId eq '${tailspin}' or resourceTenantId eq '${tailspin}'`),
      );
    assert.ok(result.rows.length > 10);
    assert.ok(
      result.rows.every((r) => r.direction === 'outbound'),
      'Tailspin users do not sign in to Contoso',
    );
    assert.ok(result.rows.every((r) => r.user.userPrincipalName?.endsWith('@contoso.com')));
    assert.ok(result.rows.every((r) => r.lastSignIn.getTime() >= ANCHOR - 7 * DAY));
    const apps = new Set(result.rows.map((r) => r.app.displayName));
    assert.ok(apps.has('Tailspin Partner Portal'));
    const refused = result.rows.filter((r) => r.signIns === 0);
    assert.ok(refused.length > 0, "the users Tailspin's allow-list refuses");
    assert.ok(
      refused.every((r) => r.lastFailure?.includes("cross-tenant access policy doesn't allow")),
    );
  });

  it('Northwind has no P1/P2: unavailable, not an empty list', async () => {
    const graph = new InProcessGraph();
    const result = await readPartnershipUsage({
      client: graph.client(northwind),
      limiter: graph.limiter(),
      partnerTenantId: contoso,
      days: 7,
      now: new Date(ANCHOR),
    });
    assert.ok(result.kind === 'unavailable' && result.reason === 'licence');
  });
});
