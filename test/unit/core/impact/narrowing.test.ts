import assert from 'node:assert/strict';
import type * as MSGraph from '@microsoft/microsoft-graph-types';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';
import {
  narrowingAspects,
  OTHER_ORGANIZATIONS,
  planImpact,
  type NarrowingAspect,
} from '../../../../src/core/impact/narrowing';
import {
  allowsApp,
  allowsUser,
  narrows,
  type TargetConfiguration,
} from '../../../../src/core/impact/targetMatching';

const ALL_USERS: Target = { target: 'AllUsers', targetType: 'user' };
const ALL_APPS: Target = { target: 'AllApplications', targetType: 'application' };
const GROUP: Target = { target: 'g1', targetType: 'group' };
const USER: Target = { target: 'u1', targetType: 'user' };
const APP: Target = { target: 'a1', targetType: 'application' };
const OFFICE: Target = { target: 'Office365', targetType: 'application' };
const TEAMS = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

type Target = MSGraph.CrossTenantAccessPolicyTarget;
const allowed = (...targets: Target[]): MSGraph.CrossTenantAccessPolicyTargetConfiguration => ({
  accessType: 'allowed',
  targets,
});
const blocked = (...targets: Target[]): MSGraph.CrossTenantAccessPolicyTargetConfiguration => ({
  accessType: 'blocked',
  targets,
});

describe('impact: a target configuration against a user or an app', () => {
  const members = (groupId: string, userId: string): boolean | undefined =>
    groupId === 'g1' ? userId === 'u2' : undefined;
  const users: readonly [
    string,
    TargetConfiguration | null,
    string,
    boolean | undefined,
    boolean | undefined,
  ][] = [
    ['allowed for everyone', allowed(ALL_USERS), 'u9', true, true],
    ['blocked for everyone', blocked(ALL_USERS), 'u9', false, false],
    ['allow-list: listed user', allowed(USER), 'u1', true, true],
    ['allow-list: anyone else', allowed(USER), 'u9', false, false],
    ['allow-list of a group: membership decides when known', allowed(GROUP), 'u2', undefined, true],
    ['allow-list of a group: a non-member', allowed(GROUP), 'u9', undefined, false],
    ['block-list of a group', blocked(GROUP), 'u2', undefined, false],
    ['block-list: anyone else', blocked(USER), 'u9', true, true],
    ['no setting at all restricts nothing', null, 'u9', true, true],
    [
      'an access type nobody knows',
      { accessType: 'sometimes', targets: [ALL_USERS] },
      'u1',
      undefined,
      undefined,
    ],
  ];
  for (const [what, config, user, unknownMembership, knownMembership] of users)
    it(`users: ${what}`, () => {
      assert.equal(allowsUser(config, user), unknownMembership);
      assert.equal(allowsUser(config, user, members), knownMembership);
    });

  const apps: readonly [string, TargetConfiguration, string, boolean | undefined][] = [
    ['all applications', allowed(ALL_APPS), 'x', true],
    ['listed app, any case', allowed(APP), 'A1', true],
    ['Office 365 for Teams', allowed(OFFICE), TEAMS, true],
    ['Office 365 for an app not known to be in it', allowed(OFFICE), 'custom-app', undefined],
    ['Office 365 blocked, Teams', blocked(OFFICE), TEAMS, false],
  ];
  for (const [what, config, app, expected] of apps)
    it(`apps: ${what}`, () => assert.equal(allowsApp(config, app), expected));
});

describe('impact: is a change narrowing?', () => {
  const cases: readonly [
    string,
    TargetConfiguration | null,
    TargetConfiguration | null,
    boolean,
  ][] = [
    ['allowed all → blocked all', allowed(ALL_USERS), blocked(ALL_USERS), true],
    ['blocked all → allowed all', blocked(ALL_USERS), allowed(ALL_USERS), false],
    ['allowed all → allow-list', allowed(ALL_USERS), allowed(USER), true],
    ['allow-list → allowed all', allowed(USER), allowed(ALL_USERS), false],
    ['allow-list → a bigger allow-list', allowed(USER), allowed(USER, GROUP), false],
    ['allow-list → a smaller one', allowed(USER, GROUP), allowed(GROUP), true],
    ['block-list → a bigger block-list', blocked(USER), blocked(USER, GROUP), true],
    ['block-list → a smaller block-list', blocked(USER, GROUP), blocked(USER), false],
    ['allow-list → block-list of someone else', allowed(USER), blocked(GROUP), false],
    ['allow-list → block-list of the listed', allowed(USER), blocked(USER), true],
    ['allowed all → block-list', allowed(ALL_USERS), blocked(USER), true],
    ['the same', allowed(GROUP), allowed(GROUP), false],
    ['not set → blocked all', null, blocked(ALL_USERS), true],
  ];
  for (const [what, before, after, expected] of cases)
    it(what, () => assert.equal(narrows(before, after, 'AllUsers'), expected));

  const b2b = (users: TargetConfiguration, apps: TargetConfiguration) => ({
    usersAndGroups: users,
    applications: apps,
  });
  const trust = (mfa: boolean, compliant: boolean) => ({
    isMfaAccepted: mfa,
    isCompliantDeviceAccepted: compliant,
    isHybridAzureADJoinedDeviceAccepted: false,
  });
  const aspects: readonly [
    string,
    Record<string, unknown>,
    Record<string, unknown>,
    NarrowingAspect[],
  ][] = [
    [
      'B2B collaboration inbound users blocked',
      { b2bCollaborationInbound: b2b(allowed(ALL_USERS), allowed(ALL_APPS)) },
      { b2bCollaborationInbound: b2b(blocked(ALL_USERS), allowed(ALL_APPS)) },
      [{ setting: 'b2bCollaborationInbound', part: 'usersAndGroups' }],
    ],
    [
      'direct connect outbound apps limited to one',
      { b2bDirectConnectOutbound: b2b(allowed(ALL_USERS), allowed(ALL_APPS)) },
      { b2bDirectConnectOutbound: b2b(allowed(ALL_USERS), allowed(APP)) },
      [{ setting: 'b2bDirectConnectOutbound', part: 'applications' }],
    ],
    [
      'MFA no longer trusted',
      { inboundTrust: trust(true, true) },
      { inboundTrust: trust(false, true) },
      [{ setting: 'inboundTrust', part: 'isMfaAccepted' }],
    ],
    [
      'trust added: always allowed',
      { inboundTrust: trust(false, false) },
      { inboundTrust: trust(true, true) },
      [],
    ],
    [
      'tenant restrictions narrowed',
      { tenantRestrictions: b2b(allowed(ALL_USERS), allowed(ALL_APPS)) },
      { tenantRestrictions: b2b(allowed(ALL_USERS), allowed(OFFICE)) },
      [{ setting: 'tenantRestrictions', part: 'applications' }],
    ],
    [
      'opening everything: always allowed',
      { b2bCollaborationOutbound: b2b(blocked(ALL_USERS), blocked(ALL_APPS)) },
      { b2bCollaborationOutbound: b2b(allowed(ALL_USERS), allowed(ALL_APPS)) },
      [],
    ],
    [
      'automatic redemption is not a sign-in setting',
      { automaticUserConsentSettings: { inboundAllowed: true } },
      { automaticUserConsentSettings: { inboundAllowed: false } },
      [],
    ],
  ];
  for (const [what, before, after, expected] of aspects)
    it(`aspects: ${what}`, () => assert.deepEqual(narrowingAspects(before, after), expected));
});

describe('impact: the plan of a change', () => {
  const P = 'aaaaaaaa-0000-4000-8000-000000000001';
  const Q = 'aaaaaaaa-0000-4000-8000-000000000002';
  const open = {
    usersAndGroups: allowed(ALL_USERS),
    applications: allowed(ALL_APPS),
  };
  const closed = { usersAndGroups: blocked(ALL_USERS), applications: blocked(ALL_APPS) };
  const defaults = {
    b2bCollaborationInbound: open,
    b2bCollaborationOutbound: open,
  } as DefaultConfiguration;
  const partners: Partner[] = [{ tenantId: P }, { tenantId: Q, b2bCollaborationInbound: open }];

  it("a partner's own change narrows that partner only", () => {
    const plan = planImpact(
      'T',
      { defaults, partners },
      {
        defaults,
        partners: [{ tenantId: P, b2bCollaborationOutbound: closed }, partners[1]],
      },
    );
    assert.deepEqual([...plan.narrowing.keys()], [P]);
    assert.deepEqual([...plan.directions], ['outbound']);
  });

  it('a default change narrows the partners that inherit it and everyone without a partner entry', () => {
    const plan = planImpact(
      'T',
      { defaults, partners },
      {
        defaults: { ...defaults, b2bCollaborationInbound: closed },
        partners,
      },
    );
    assert.deepEqual([...plan.narrowing.keys()], [P, OTHER_ORGANIZATIONS]);
    assert.deepEqual([...plan.directions], ['inbound']);
  });

  it('deleting a partner narrows when the default is narrower than its own settings', () => {
    const plan = planImpact(
      'T',
      { defaults: { ...defaults, b2bCollaborationInbound: closed }, partners },
      { defaults: { ...defaults, b2bCollaborationInbound: closed }, partners: [partners[0]] },
    );
    assert.deepEqual([...plan.narrowing.keys()], [Q]);
  });

  it('a change that opens access has nothing to read', () => {
    const plan = planImpact(
      'T',
      { defaults: { ...defaults, b2bCollaborationInbound: closed }, partners },
      { defaults, partners },
    );
    assert.equal(plan.narrowing.size, 0);
    assert.equal(plan.directions.size, 0);
  });
});
