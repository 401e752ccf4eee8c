import assert from 'node:assert/strict';
import type * as MSGraph from '@microsoft/microsoft-graph-types';
import type { DefaultConfiguration, Partner, SignIn } from '../../../../src/core/graph/types';
import { describeImpact, impactSummaryLine } from '../../../../src/core/impact/describeImpact';
import { evaluateImpact, type Verdict } from '../../../../src/core/impact/evaluateImpact';
import { planImpact, type TenantAccess } from '../../../../src/core/impact/narrowing';
import type { ImpactResult } from '../../../../src/core/impact/previewImpact';
import { GraphError } from '../../../../src/core/graph/graphError';

const T = '11111111-0000-4000-8000-000000000000';
const FABRIKAM = '22222222-0000-4000-8000-000000000000';
const OTHER = '33333333-0000-4000-8000-000000000000';
const TEAMS = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const PORTAL = '44444444-0000-4000-8000-000000000000';
const names = (id: string): string | undefined =>
  ({ [FABRIKAM]: 'Fabrikam', [OTHER]: 'Litware' })[id];

const all = (
  accessType: 'allowed' | 'blocked',
  target: string,
  targetType: 'user' | 'group' | 'application',
): MSGraph.CrossTenantAccessPolicyTargetConfiguration => ({
  accessType,
  targets: [{ target, targetType }],
});
const open: MSGraph.CrossTenantAccessPolicyB2BSetting = {
  usersAndGroups: all('allowed', 'AllUsers', 'user'),
  applications: all('allowed', 'AllApplications', 'application'),
};
const closed: MSGraph.CrossTenantAccessPolicyB2BSetting = {
  usersAndGroups: all('blocked', 'AllUsers', 'user'),
  applications: all('blocked', 'AllApplications', 'application'),
};
const trustAll = {
  isMfaAccepted: true,
  isCompliantDeviceAccepted: true,
  isHybridAzureADJoinedDeviceAccepted: false,
};
const defaults = {
  b2bCollaborationInbound: open,
  b2bCollaborationOutbound: open,
  b2bDirectConnectInbound: closed,
  b2bDirectConnectOutbound: closed,
  inboundTrust: {
    isMfaAccepted: false,
    isCompliantDeviceAccepted: false,
    isHybridAzureADJoinedDeviceAccepted: false,
  },
} as DefaultConfiguration;

let n = 0;
function signIn(
  user: string,
  app: string,
  direction: 'in' | 'out' | 'internal',
  more: Partial<SignIn> & { grants?: string[] } = {},
  external = FABRIKAM,
): SignIn {
  const { grants = [], ...rest } = more;
  return {
    id: `s${n++}`,
    createdDateTime: new Date(Date.parse('2025-03-10T12:00:00Z') + n * 1000).toISOString(),
    userId: user,
    userPrincipalName: `${user}@example.com`,
    userDisplayName: user.toUpperCase(),
    appId: app,
    appDisplayName: app === TEAMS ? 'Microsoft Teams' : 'Portal',
    homeTenantId: direction === 'out' || direction === 'internal' ? T : external,
    resourceTenantId: direction === 'in' || direction === 'internal' ? T : external,
    status: { errorCode: 0 },
    appliedConditionalAccessPolicies: grants.map((g) => ({
      id: g,
      displayName: `Require ${g}`,
      enforcedGrantControls: [g],
      result: 'success',
    })),
    ...rest,
  };
}

function evaluate(
  before: TenantAccess,
  after: TenantAccess,
  signIns: SignIn[],
  membership?: (g: string, u: string) => boolean | undefined,
) {
  return evaluateImpact({
    plan: planImpact(T, before, after),
    before,
    after,
    signIns,
    windowDays: 7,
    membership,
  });
}

function verdicts(e: ReturnType<typeof evaluate>): Record<string, Verdict> {
  return Object.fromEntries(
    e.rows.map((r) => [
      `${r.direction} ${r.user.id} ${r.app.id === TEAMS ? 'teams' : 'portal'}`,
      r.verdict,
    ]),
  );
}

describe('impact: judging sign-ins against current and proposed settings', () => {
  const partner = (p: Partial<Partner>): Partner => ({ tenantId: FABRIKAM, ...p });
  const base = (p: Partial<Partner> = {}): TenantAccess => ({ defaults, partners: [partner(p)] });

  it('blocks everyone from the partner when inbound B2B collaboration is blocked; others are not counted', () => {
    const signIns = [
      signIn('u1', PORTAL, 'in'),
      signIn('u1', PORTAL, 'in'),
      signIn('u2', TEAMS, 'in'),
      signIn('u3', PORTAL, 'out'),
      signIn('u4', PORTAL, 'internal'),
      signIn('u5', PORTAL, 'in', {}, OTHER),
      signIn('u6', PORTAL, 'in', { status: { errorCode: 500213 } }),
    ];
    const e = evaluate(base(), base({ b2bCollaborationInbound: closed }), signIns);
    assert.deepEqual(verdicts(e), {
      'inbound u1 portal': 'blocked',
      'inbound u2 teams': 'blocked',
    });
    assert.equal(e.rows.find((r) => r.user.id === 'u1')?.signIns, 2);
    assert.equal(e.signIns, 3);
  });

  it('keeps the latest sign-in of a pair, whatever precision or offset its time is written in', () => {
    const times = [
      '2025-03-10T12:00:00Z',
      '2025-03-10T12:00:00.5Z',
      '2025-03-09T23:00:00Z',
      '2025-03-10T13:00:00.25+02:00',
      '2025-03-10T11:59:59.9999999Z',
    ];
    const e = evaluate(
      base(),
      base({ b2bCollaborationInbound: closed }),
      times.map((t) => signIn('u1', PORTAL, 'in', { createdDateTime: t })),
    );
    assert.equal(e.rows[0].signIns, 5);
    assert.equal(e.rows[0].lastSignIn.toISOString(), '2025-03-10T12:00:00.500Z');
  });

  it('judges an allow-list of a group by membership when it is known, "may be blocked" when not', () => {
    const pilot: MSGraph.CrossTenantAccessPolicyB2BSetting = {
      usersAndGroups: all('allowed', 'g-pilot', 'group'),
      applications: open.applications,
    };
    const signIns = [signIn('member', PORTAL, 'in'), signIn('outsider', PORTAL, 'in')];
    const unknown = evaluate(base(), base({ b2bCollaborationInbound: pilot }), signIns);
    assert.deepEqual(verdicts(unknown), {
      'inbound member portal': 'mayBeBlocked',
      'inbound outsider portal': 'mayBeBlocked',
    });
    assert.deepEqual(
      unknown.rows[0].reasons.map((r) => r.kind),
      ['groupMembershipUnknown'],
    );
    const known = evaluate(base(), base({ b2bCollaborationInbound: pilot }), signIns, (g, u) =>
      g === 'g-pilot' ? u === 'member' : undefined,
    );
    assert.deepEqual(verdicts(known), {
      'inbound outsider portal': 'blocked',
      'inbound member portal': 'unaffected',
    });
  });

  it('tells Teams apart: direct connect blocked before means the sign-in was B2B collaboration', () => {
    const signIns = [signIn('u1', TEAMS, 'out'), signIn('u1', PORTAL, 'out')];
    const noDirectConnect = evaluate(base(), base({ b2bCollaborationOutbound: closed }), signIns);
    assert.deepEqual(verdicts(noDirectConnect), {
      'outbound u1 portal': 'blocked',
      'outbound u1 teams': 'blocked',
    });
    // With direct connect open as well, a Teams sign-in may have been either.
    const both = base({ b2bDirectConnectOutbound: open });
    const ambiguous = evaluate(
      both,
      {
        ...both,
        partners: [partner({ b2bDirectConnectOutbound: open, b2bCollaborationOutbound: closed })],
      },
      signIns,
    );
    assert.deepEqual(verdicts(ambiguous), {
      'outbound u1 portal': 'blocked',
      'outbound u1 teams': 'mayBeBlocked',
    });
    assert.equal(
      ambiguous.rows.find((r) => r.app.id === TEAMS)?.reasons[0].kind,
      'accessKindUnknown',
    );
  });

  it('withdrawn trust: MFA is asked for again, a compliant device cannot be', () => {
    const signIns = [
      signIn('mfa', PORTAL, 'in', { grants: ['Mfa'] }),
      signIn('device', PORTAL, 'in', { grants: ['RequireCompliantDevice'] }),
      signIn('none', PORTAL, 'in'),
    ];
    const e = evaluate(
      base({ inboundTrust: trustAll }),
      base({
        inboundTrust: { ...trustAll, isMfaAccepted: false, isCompliantDeviceAccepted: false },
      }),
      signIns,
    );
    assert.deepEqual(verdicts(e), {
      'inbound device portal': 'blocked',
      'inbound mfa portal': 'mfaAgain',
      'inbound none portal': 'unaffected',
    });
    assert.deepEqual(e.rows[0].reasons, [
      {
        kind: 'trustWithdrawn',
        setting: 'inboundTrust',
        part: 'isCompliantDeviceAccepted',
        policy: 'Require RequireCompliantDevice',
      },
    ]);
  });

  it('a default change reaches organizations without a partner entry and inheriting partners, not the others', () => {
    const before: TenantAccess = {
      defaults,
      partners: [{ tenantId: FABRIKAM, b2bCollaborationInbound: open }],
    };
    const after: TenantAccess = {
      defaults: { ...defaults, b2bCollaborationInbound: closed },
      partners: before.partners,
    };
    const e = evaluate(before, after, [
      signIn('f1', PORTAL, 'in'),
      signIn('l1', PORTAL, 'in', {}, OTHER),
    ]);
    assert.deepEqual(
      e.rows.map((r) => [r.externalTenantId, r.verdict]),
      [[OTHER, 'blocked']],
    );
  });
});

describe('impact: the one-line summary', () => {
  const before: TenantAccess = { defaults, partners: [{ tenantId: FABRIKAM }] };
  const blockedIn: TenantAccess = {
    defaults,
    partners: [
      {
        tenantId: FABRIKAM,
        b2bCollaborationInbound: { ...open, usersAndGroups: all('allowed', 'u1', 'user') },
      },
    ],
  };
  const plan = planImpact(T, before, blockedIn);

  it('counts users from the partner, their apps, and who would be blocked', () => {
    const signIns = [
      signIn('u1', PORTAL, 'in'),
      signIn('u2', PORTAL, 'in'),
      signIn('u2', TEAMS, 'in'),
      signIn('u3', PORTAL, 'in'),
    ];
    const evaluation = evaluateImpact({ plan, before, after: blockedIn, signIns, windowDays: 7 });
    const result: ImpactResult = {
      kind: 'evaluated',
      plan,
      evaluation,
      requests: 7,
      truncated: false,
    };
    assert.equal(
      impactSummaryLine(result, 'Contoso', names),
      '3 users from Fabrikam signed in to 2 apps in the last 7 days; 2 of them would be blocked.',
    );
    const list = describeImpact(evaluation, names);
    assert.equal(list.length, 3, 'u2 on two apps, u3; u1 is let in');
    assert.deepEqual(list[0], {
      user: 'u3@example.com',
      app: 'Portal',
      organization: 'Fabrikam',
      direction: 'inbound',
      lastSignIn: list[0].lastSignIn,
      verdict: 'would be blocked',
      why: ['B2B collaboration inbound, users and groups: not allowed'],
    });
  });

  const cases: readonly [string, ImpactResult, string][] = [
    [
      'a change that narrows nothing',
      { kind: 'notNarrowing', plan: planImpact(T, blockedIn, before) },
      'This change does not narrow access, so no sign-ins were checked.',
    ],
    [
      'no sign-ins at all',
      {
        kind: 'evaluated',
        plan,
        evaluation: evaluateImpact({ plan, before, after: blockedIn, signIns: [], windowDays: 1 }),
        requests: 1,
        truncated: false,
      },
      'No sign-ins the change is about in the last day, so none would be blocked.',
    ],
    [
      'no licence: unavailable, not zero',
      {
        kind: 'unavailable',
        plan,
        reason: 'licence',
        error: new GraphError({
          status: 403,
          code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
          message: 'm',
          method: 'GET',
          url: 'u',
          tenantId: T,
        }),
      },
      'Sign-in logs of Contoso are unavailable (no Microsoft Entra ID P1 or P2 licence), so who this change would block is not known.',
    ],
    [
      'no permission',
      {
        kind: 'unavailable',
        plan,
        reason: 'permission',
        error: new GraphError({
          status: 403,
          code: 'Authorization_RequestDenied',
          message: 'm',
          method: 'GET',
          url: 'u',
          tenantId: T,
        }),
      },
      'Sign-in logs of Contoso could not be read (they need AuditLog.Read.All and Directory.Read.All and a role such as Reports Reader), so who this change would block is not known.',
    ],
  ];
  for (const [what, result, line] of cases)
    it(what, () => assert.equal(impactSummaryLine(result, 'Contoso', names), line));

  it('names outbound sign-ins, the unknowns and MFA prompts', () => {
    const after: TenantAccess = {
      defaults,
      partners: [
        {
          tenantId: FABRIKAM,
          b2bCollaborationOutbound: { ...open, usersAndGroups: all('allowed', 'g1', 'group') },
          inboundTrust: { isMfaAccepted: false },
        },
      ],
    };
    const withTrust: TenantAccess = {
      defaults,
      partners: [{ tenantId: FABRIKAM, inboundTrust: { isMfaAccepted: true } }],
    };
    const p = planImpact(T, withTrust, after);
    const evaluation = evaluateImpact({
      plan: p,
      before: withTrust,
      after,
      signIns: [
        signIn('a', PORTAL, 'out'),
        signIn('b', PORTAL, 'out'),
        signIn('c', PORTAL, 'in', { grants: ['Mfa'] }),
      ],
      windowDays: 30,
    });
    assert.equal(
      impactSummaryLine(
        { kind: 'evaluated', plan: p, evaluation, requests: 30, truncated: true },
        'Contoso',
        names,
      ),
      '1 user from Fabrikam signed in to 1 app and 2 of your users signed in to 1 app of Fabrikam in the last 30 days; 2 may be blocked (group membership not known), 1 would be asked for MFA here again. Only part of the sign-ins could be read.',
    );
  });
});
