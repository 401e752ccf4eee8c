import assert from 'node:assert/strict';
import { ruleKey } from '../../../../src/core/baselines/baselinePack';
import type { BaselineSourceId } from '../../../../src/core/baselines/baselineSources';
import { evaluateRule } from '../../../../src/core/baselines/evaluateBaselines';
import type { JsonRecord } from '../../../../src/core/policy/documentPaths';
import {
  allOf,
  authorization,
  b2b,
  defaults,
  POLICY,
  ROLE,
  rule,
  shippedPacks,
  tenant,
} from './support';

type Sources = Partial<Record<BaselineSourceId, JsonRecord>>;

interface Row {
  /** `pack@version/id` */
  readonly rule: string;
  readonly pass: Sources;
  readonly fail: Sources;
  /** The setting the failure points at. */
  readonly failsAt: string;
  /** A source whose absence leaves the rule not checked. */
  readonly needs: BaselineSourceId;
}

const auth = (invites: string, role: string): Sources => ({
  authorizationPolicy: authorization(invites, role),
});
const TR_ALLOWED = { tenantRestrictions: allOf('allowed') };

/** One row per shipped rule: data that passes, data that fails, and the data it cannot do without. */
const ROWS: readonly Row[] = [
  ...[
    'cisa@1.8.0/MS.AAD.8.1v1',
    'maester@2.2.0/CISA.MS.AAD.8.1',
    'maester@2.2.0/CIS.M365.5.1.6.2',
  ].map((key): Row => ({
    rule: key,
    pass: auth('everyone', ROLE.guest),
    fail: auth('everyone', ROLE.member),
    failsAt: 'guestUserRoleId',
    needs: 'authorizationPolicy',
  })),
  {
    rule: 'cisa@1.8.0/MS.AAD.8.2v1',
    pass: auth('adminsAndGuestInviters', ROLE.guest),
    // ScubaGear's reading: even "none" fails.
    fail: auth('none', ROLE.guest),
    failsAt: 'allowInvitesFrom',
    needs: 'authorizationPolicy',
  },
  {
    rule: 'cisa@1.8.0/MS.AAD.8.3v1',
    pass: { b2bManagementPolicy: b2b({ AllowedDomains: ['contoso.com'] }) },
    fail: { b2bManagementPolicy: b2b({ BlockedDomains: ['wingtiptoys.com'] }) },
    failsAt:
      'definition.B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.AllowedDomains',
    needs: 'b2bManagementPolicy',
  },
  {
    rule: 'maester@2.2.0/CISA.MS.AAD.8.2',
    pass: auth('none', ROLE.guest),
    fail: auth('adminsGuestInvitersAndAllMembers', ROLE.guest),
    failsAt: 'allowInvitesFrom',
    needs: 'authorizationPolicy',
  },
  {
    rule: 'maester@2.2.0/CISA.MS.AAD.8.3',
    pass: { default: defaults({ b2bCollaborationInbound: allOf('blocked') }) },
    fail: { default: defaults() },
    failsAt: 'b2bCollaborationInbound.usersAndGroups.accessType',
    needs: 'default',
  },
  {
    rule: 'zta@2.6.0/21790',
    pass: { default: defaults({ b2bCollaborationOutbound: allOf('blocked') }) },
    fail: { default: defaults() },
    failsAt: 'b2bCollaborationOutbound.usersAndGroups.accessType',
    needs: 'default',
  },
  {
    rule: 'zta@2.6.0/21791',
    pass: auth('adminsGuestInvitersAndAllMembers', ROLE.guest),
    fail: auth('everyone', ROLE.guest),
    failsAt: 'allowInvitesFrom',
    needs: 'authorizationPolicy',
  },
  {
    rule: 'zta@2.6.0/21793',
    pass: { policy: POLICY, default: defaults() },
    fail: { policy: POLICY, default: defaults(TR_ALLOWED) },
    failsAt: 'tenantRestrictions.usersAndGroups.accessType',
    needs: 'policy',
  },
  {
    rule: 'zta@2.6.0/21822',
    pass: { b2bManagementPolicy: b2b({ AllowedDomains: ['contoso.com'] }) },
    fail: { b2bManagementPolicy: b2b({ BlockedDomains: ['wingtiptoys.com'] }) },
    failsAt:
      'definition.B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.AllowedDomains',
    needs: 'b2bManagementPolicy',
  },
  {
    rule: 'zta@2.6.0/25377',
    pass: {
      globalSecureAccess: { networkPacketTaggingStatus: 'enabled' },
      default: defaults(),
    },
    fail: {
      globalSecureAccess: { networkPacketTaggingStatus: 'disabled' },
      default: defaults(),
    },
    failsAt: 'networkPacketTaggingStatus',
    needs: 'globalSecureAccess',
  },
  {
    rule: 'cis@7.0.0/5.1.6.1',
    // CIPP's reading: a block list passes too.
    pass: { b2bManagementPolicy: b2b({ BlockedDomains: ['wingtiptoys.com'] }) },
    fail: { b2bManagementPolicy: b2b({}) },
    failsAt:
      'definition.B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.AllowedDomains',
    needs: 'b2bManagementPolicy',
  },
  {
    rule: 'cis@7.0.0/5.1.6.2',
    pass: auth('everyone', ROLE.restricted),
    fail: auth('everyone', ROLE.guest),
    failsAt: 'guestUserRoleId',
    needs: 'authorizationPolicy',
  },
  {
    rule: 'cis@7.0.0/5.1.6.3',
    pass: auth('adminsAndGuestInviters', ROLE.guest),
    fail: auth('none', ROLE.guest),
    failsAt: 'allowInvitesFrom',
    needs: 'authorizationPolicy',
  },
  ...(['1.2.8', '1.3.3'] as const).flatMap((version): Row[] => {
    const collaboration = version === '1.2.8' ? 'allowed' : 'blocked';
    const other = version === '1.2.8' ? 'blocked' : 'allowed';
    const asd = (id: string): string => `asd@${version}/${id}`;
    const b2bCollaboration = {
      b2bCollaborationInbound: allOf(collaboration),
      b2bCollaborationOutbound: allOf(collaboration),
    };
    return [
      ...(['Inbound', 'Outbound'] as const).flatMap((direction): Row[] => [
        {
          rule: asd(`CTAS.Default.${direction}.B2BCollaboration`),
          pass: { default: defaults(b2bCollaboration) },
          fail: { default: defaults({ [`b2bCollaboration${direction}`]: allOf(other) }) },
          failsAt: `b2bCollaboration${direction}.usersAndGroups.accessType`,
          needs: 'default',
        },
        {
          rule: asd(`CTAS.Default.${direction}.B2BDirectConnect`),
          pass: { default: defaults() },
          fail: { default: defaults({ [`b2bDirectConnect${direction}`]: allOf('allowed') }) },
          failsAt: `b2bDirectConnect${direction}.usersAndGroups.accessType`,
          needs: 'default',
        },
      ]),
      {
        rule: asd('CTAS.Default.Inbound.TrustSettings'),
        pass: { default: defaults() },
        fail: {
          default: defaults({
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: false,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
          }),
        },
        failsAt: 'inboundTrust.isMfaAccepted',
        needs: 'default',
      },
      {
        rule: asd('CTAS.Default.TenantRestrictions'),
        pass: { default: defaults() },
        fail: { default: defaults(TR_ALLOWED) },
        failsAt: 'tenantRestrictions.usersAndGroups.accessType',
        needs: 'default',
      },
      {
        rule: asd('ECS.GuestUserAccess'),
        pass: auth('none', ROLE.restricted),
        fail: auth('none', ROLE.guest),
        failsAt: 'guestUserRoleId',
        needs: 'authorizationPolicy',
      },
      {
        rule: asd('ECS.GuestInviteRestrictions'),
        pass: auth('none', ROLE.restricted),
        fail: auth('adminsAndGuestInviters', ROLE.restricted),
        failsAt: 'allowInvitesFrom',
        needs: 'authorizationPolicy',
      },
      {
        rule: asd('ECS.CollaborationRestrictions'),
        pass: { b2bManagementPolicy: b2b({}) },
        fail: { b2bManagementPolicy: b2b({ AllowedDomains: ['contoso.com'] }) },
        failsAt:
          'definition.B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.AllowedDomains',
        needs: 'b2bManagementPolicy',
      },
    ];
  }),
];

describe('baseline rules, one table row each', () => {
  it('has a row for every shipped rule and no row for a rule that is not shipped', () => {
    const shipped = shippedPacks()
      .flatMap((pack) => pack.rules.map(ruleKey))
      .sort();
    assert.deepEqual(ROWS.map((row) => row.rule).sort(), shipped);
  });

  for (const row of ROWS) {
    describe(row.rule, () => {
      it('passes the passing data', () => {
        const result = evaluateRule(rule(row.rule), tenant(row.pass));
        assert.equal(result.status, 'passed', JSON.stringify(result.findings));
        assert.deepEqual(result.findings, []);
      });

      it(`fails the failing data at ${row.failsAt}`, () => {
        const result = evaluateRule(rule(row.rule), tenant(row.fail));
        assert.equal(result.status, 'failed');
        assert.ok(
          result.findings.some((f) => f.path === row.failsAt),
          `findings: ${result.findings.map((f) => f.path).join(', ')}`,
        );
      });

      it(`is not checked, never passed, without ${row.needs}`, () => {
        const sources: Sources = { ...row.pass };
        delete sources[row.needs];
        const result = evaluateRule(rule(row.rule), tenant(sources));
        assert.equal(result.status, 'notChecked');
        assert.deepEqual(
          result.missing.map((m) => [m.data, m.reason]),
          [[row.needs, 'notFetched']],
        );
      });
    });
  }
});
