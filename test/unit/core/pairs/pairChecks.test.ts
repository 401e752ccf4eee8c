import assert from 'node:assert/strict';
import type { DefaultConfiguration, Partner } from '../../../../src/core/graph/types';
import { findPairs, type PairStatus, type TenantPair } from '../../../../src/core/pairs/pairChecks';
import type { PairFinding, PairFix } from '../../../../src/core/pairs/pairFinding';
import {
  IDENTITY_SYNC,
  PARTNER_GET,
  SERVICE_DEFAULT,
  sideOf,
  TRUST_ALL,
  type SideSpec,
} from './support';

// Tenant and group ids from the documented bodies (partner-get, partner-create).
const X = '9c5d131d-b1c3-4fc4-9e3f-c6557947d551';
const Y = '3d0f5dec-5d3d-455c-8016-e2af1ae4d31a';
const GROUP = '6f546279-4da5-4b53-a095-09ea0cef9971';
const OTHER_GROUP = '0b3a7c52-1d94-4e8f-a6b0-5c2e9d7f1a38';

const allUsers = (accessType: 'allowed' | 'blocked') => ({
  accessType,
  targets: [{ target: 'AllUsers', targetType: 'user' as const }],
});
const allApps = (accessType: 'allowed' | 'blocked') => ({
  accessType,
  targets: [{ target: 'AllApplications', targetType: 'application' as const }],
});
const groups = (accessType: 'allowed' | 'blocked', ...ids: string[]) => ({
  accessType,
  targets: ids.map((target) => ({ target, targetType: 'group' as const })),
});
const ALLOW_ALL = { usersAndGroups: allUsers('allowed'), applications: allApps('allowed') };

type Role = 'src' | 'tgt';
interface PairSpec {
  readonly source: SideSpec;
  readonly target: SideSpec;
}

/** Everything inherits (the documented partner, without its direct connect), except what a working sync pair needs. */
const INHERIT: Partner = { ...PARTNER_GET, b2bDirectConnectInbound: null };

/**
 * A working sync pair: the source redeems outbound and has a configuration syncing GROUP; the
 * target allows user sync and redeems inbound, and trusts the source's MFA.
 */
function healthy(S: string, T: string): PairSpec {
  return {
    source: {
      tenantId: S,
      name: 'Contoso',
      partners: [
        {
          ...INHERIT,
          tenantId: T,
          automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: true },
        },
      ],
      configurations: [
        {
          name: 'Fabrikam',
          target: T,
          assignments: [{ principalId: GROUP, principalType: 'Group' }],
        },
      ],
    },
    target: {
      tenantId: T,
      name: 'Fabrikam',
      partners: [
        {
          ...INHERIT,
          tenantId: S,
          inboundTrust: TRUST_ALL,
          automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null },
          identitySynchronization: { ...IDENTITY_SYNC, tenantId: S },
        },
      ],
    },
  };
}

function editPartner(spec: SideSpec, patch: Partial<Partner>): SideSpec {
  return { ...spec, partners: spec.partners?.map((p) => ({ ...p, ...patch })) };
}
const srcPartner = (p: PairSpec, patch: Partial<Partner>): PairSpec => ({
  ...p,
  source: editPartner(p.source, patch),
});
const tgtPartner = (p: PairSpec, patch: Partial<Partner>): PairSpec => ({
  ...p,
  target: editPartner(p.target, patch),
});
const src = (p: PairSpec, patch: Partial<SideSpec>): PairSpec => ({
  ...p,
  source: { ...p.source, ...patch },
});
const tgt = (p: PairSpec, patch: Partial<SideSpec>): PairSpec => ({
  ...p,
  target: { ...p.target, ...patch },
});
const noConfig = (p: PairSpec): PairSpec => src(p, { configurations: [] });
const withDefault = (changes: Partial<DefaultConfiguration>): DefaultConfiguration => ({
  ...SERVICE_DEFAULT,
  isServiceDefault: false,
  ...changes,
});

interface Case {
  readonly name: string;
  readonly pair: (S: string, T: string) => PairSpec;
  /** [rule id, severity, tenant whose setting changes, partner entry]. */
  readonly expect: readonly [PairFinding['id'], PairFinding['severity'], Role, Role][];
  readonly status: PairStatus;
}

const cases: readonly Case[] = [
  { name: 'a working sync pair: nothing to report', pair: healthy, expect: [], status: 'ok' },
  {
    name: 'a working pair syncing both ways',
    pair: (S, T) => {
      const h = healthy(S, T);
      const both = {
        automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true },
        inboundTrust: TRUST_ALL,
      };
      return {
        source: editPartner(h.source, {
          ...both,
          identitySynchronization: { ...IDENTITY_SYNC, tenantId: T },
        }),
        target: {
          ...editPartner(h.target, both),
          configurations: [
            {
              name: 'Contoso',
              target: S,
              assignments: [{ principalId: OTHER_GROUP, principalType: 'Group' }],
            },
          ],
        },
      };
    },
    expect: [],
    status: 'ok',
  },
  // Identity synchronization (target side, never inherited).
  {
    name: 'target does not allow user sync in',
    pair: (S, T) =>
      tgtPartner(healthy(S, T), {
        identitySynchronization: {
          ...IDENTITY_SYNC,
          tenantId: S,
          userSyncInbound: { isSyncAllowed: false },
        },
      }),
    expect: [['userSyncInboundNotAllowed', 'error', 'tgt', 'src']],
    status: 'error',
  },
  {
    name: 'target has no identity synchronization policy',
    pair: (S, T) => tgtPartner(healthy(S, T), { identitySynchronization: null }),
    expect: [['userSyncInboundNotAllowed', 'error', 'tgt', 'src']],
    status: 'error',
  },
  // Automatic redemption on both sides.
  {
    name: 'target inbound auto-redeem null inherits the always-false default',
    pair: (S, T) => tgtPartner(healthy(S, T), { automaticUserConsentSettings: null }),
    expect: [['autoRedeemInboundMissing', 'error', 'tgt', 'src']],
    status: 'error',
  },
  {
    name: 'source outbound auto-redeem off',
    pair: (S, T) =>
      srcPartner(healthy(S, T), {
        automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: false },
      }),
    expect: [['autoRedeemOutboundMissing', 'error', 'src', 'tgt']],
    status: 'error',
  },
  {
    name: 'no configuration yet, target allows user sync, neither side redeems: warnings',
    pair: (S, T) =>
      tgtPartner(srcPartner(noConfig(healthy(S, T)), { automaticUserConsentSettings: null }), {
        automaticUserConsentSettings: null,
      }),
    expect: [
      ['autoRedeemInboundMissing', 'warning', 'tgt', 'src'],
      ['autoRedeemOutboundMissing', 'warning', 'src', 'tgt'],
    ],
    status: 'warning',
  },
  {
    name: "no configuration and no user sync allowed: redemption is nobody's business",
    pair: (S, T) =>
      tgtPartner(srcPartner(noConfig(healthy(S, T)), { automaticUserConsentSettings: null }), {
        automaticUserConsentSettings: null,
        identitySynchronization: null,
      }),
    expect: [],
    status: 'ok',
  },
  {
    name: "the reverse direction (target syncs back to source) misses the source's inbound settings",
    pair: (S, T) =>
      tgt(
        tgtPartner(healthy(S, T), {
          automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true },
        }),
        { configurations: [{ name: 'Contoso', target: S, assignments: [] }] },
      ),
    expect: [
      ['userSyncInboundNotAllowed', 'error', 'src', 'tgt'],
      ['autoRedeemInboundMissing', 'error', 'src', 'tgt'],
      ['mfaNotTrusted', 'warning', 'src', 'tgt'],
    ],
    status: 'error',
  },
  // MFA trust, with inheritance.
  {
    name: 'target inboundTrust null inherits the default that trusts nothing',
    pair: (S, T) => tgtPartner(healthy(S, T), { inboundTrust: null }),
    expect: [['mfaNotTrusted', 'warning', 'tgt', 'src']],
    status: 'warning',
  },
  {
    name: 'target inboundTrust null inherits a default that trusts MFA',
    pair: (S, T) =>
      tgt(tgtPartner(healthy(S, T), { inboundTrust: null }), {
        defaults: withDefault({
          inboundTrust: {
            isMfaAccepted: true,
            isCompliantDeviceAccepted: false,
            isHybridAzureADJoinedDeviceAccepted: false,
          },
        }),
      }),
    expect: [],
    status: 'ok',
  },
  {
    name: 'target inboundTrust with isMfaAccepted null takes that field from the default',
    pair: (S, T) =>
      tgt(
        tgtPartner(healthy(S, T), {
          inboundTrust: {
            isMfaAccepted: null,
            isCompliantDeviceAccepted: true,
            isHybridAzureADJoinedDeviceAccepted: null,
          },
        }),
        {
          defaults: withDefault({
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: false,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
          }),
        },
      ),
    expect: [],
    status: 'ok',
  },
  // B2B collaboration for the synced users and for applications.
  {
    name: 'target default blocks all users inbound; the partner inherits it',
    pair: (S, T) =>
      tgt(healthy(S, T), {
        defaults: withDefault({
          b2bCollaborationInbound: {
            usersAndGroups: allUsers('blocked'),
            applications: allApps('allowed'),
          },
        }),
      }),
    expect: [['b2bInboundBlocksSyncedUsers', 'error', 'tgt', 'src']],
    status: 'error',
  },
  {
    name: 'target allow-list includes the assigned group',
    pair: (S, T) =>
      tgtPartner(healthy(S, T), {
        b2bCollaborationInbound: {
          usersAndGroups: groups('allowed', GROUP),
          applications: allApps('allowed'),
        },
      }),
    expect: [],
    status: 'ok',
  },
  {
    name: 'target allow-list misses the assigned group',
    pair: (S, T) =>
      tgtPartner(healthy(S, T), {
        b2bCollaborationInbound: {
          usersAndGroups: groups('allowed', OTHER_GROUP),
          applications: allApps('allowed'),
        },
      }),
    expect: [['b2bInboundBlocksSyncedUsers', 'warning', 'tgt', 'src']],
    status: 'warning',
  },
  {
    name: 'target allow-list, assignments not loaded',
    pair: (S, T) =>
      src(
        tgtPartner(healthy(S, T), {
          b2bCollaborationInbound: {
            usersAndGroups: groups('allowed', GROUP),
            applications: allApps('allowed'),
          },
        }),
        { configurations: [{ name: 'Fabrikam', target: T }] },
      ),
    expect: [['b2bInboundBlocksSyncedUsers', 'warning', 'tgt', 'src']],
    status: 'warning',
  },
  {
    name: 'target blocks all applications inbound',
    pair: (S, T) =>
      tgtPartner(healthy(S, T), {
        b2bCollaborationInbound: {
          usersAndGroups: allUsers('allowed'),
          applications: allApps('blocked'),
        },
      }),
    expect: [['b2bInboundBlocksApplications', 'error', 'tgt', 'src']],
    status: 'error',
  },
  {
    name: 'source default block-lists the assigned group outbound',
    pair: (S, T) =>
      src(healthy(S, T), {
        defaults: withDefault({
          b2bCollaborationOutbound: {
            usersAndGroups: groups('blocked', GROUP),
            applications: allApps('allowed'),
          },
        }),
      }),
    expect: [['b2bOutboundBlocksSyncedUsers', 'error', 'src', 'tgt']],
    status: 'error',
  },
  {
    name: 'source block-list of another group',
    pair: (S, T) =>
      srcPartner(healthy(S, T), {
        b2bCollaborationOutbound: {
          usersAndGroups: groups('blocked', OTHER_GROUP),
          applications: allApps('allowed'),
        },
      }),
    expect: [],
    status: 'ok',
  },
  {
    name: 'source blocks all applications outbound',
    pair: (S, T) =>
      srcPartner(healthy(S, T), {
        b2bCollaborationOutbound: {
          usersAndGroups: allUsers('allowed'),
          applications: allApps('blocked'),
        },
      }),
    expect: [['b2bOutboundBlocksApplications', 'error', 'src', 'tgt']],
    status: 'error',
  },
  {
    name: 'B2B collaboration blocked without a configuration is a policy, not a problem',
    pair: (S, T) =>
      tgt(noConfig(healthy(S, T)), {
        defaults: withDefault({
          b2bCollaborationInbound: {
            usersAndGroups: allUsers('blocked'),
            applications: allApps('blocked'),
          },
        }),
      }),
    expect: [],
    status: 'ok',
  },
  // B2B direct connect needs both sides.
  {
    name: 'source allows direct connect outbound, target blocks it inbound',
    pair: (S, T) => srcPartner(healthy(S, T), { b2bDirectConnectOutbound: ALLOW_ALL }),
    expect: [['directConnectInboundBlocked', 'warning', 'tgt', 'src']],
    status: 'warning',
  },
  {
    name: 'source allows direct connect inbound (documented partner), target blocks it outbound',
    pair: (S, T) =>
      srcPartner(healthy(S, T), { b2bDirectConnectInbound: PARTNER_GET.b2bDirectConnectInbound }),
    expect: [['directConnectOutboundBlocked', 'warning', 'tgt', 'src']],
    status: 'warning',
  },
  {
    name: 'direct connect on both sides',
    pair: (S, T) =>
      tgtPartner(srcPartner(healthy(S, T), { b2bDirectConnectOutbound: ALLOW_ALL }), {
        b2bDirectConnectInbound: ALLOW_ALL,
      }),
    expect: [],
    status: 'ok',
  },
  {
    name: 'direct connect inbound inherited from the target default',
    pair: (S, T) =>
      tgt(srcPartner(healthy(S, T), { b2bDirectConnectOutbound: ALLOW_ALL }), {
        defaults: withDefault({ b2bDirectConnectInbound: ALLOW_ALL }),
      }),
    expect: [],
    status: 'ok',
  },
  // Partner entry on one side only.
  {
    name: 'partner entry on one side only, nothing depends on it',
    pair: (S, T) =>
      tgt(srcPartner(noConfig(healthy(S, T)), { automaticUserConsentSettings: null }), {
        partners: [],
      }),
    expect: [['partnerMissing', 'info', 'tgt', 'src']],
    status: 'ok',
  },
  {
    name: 'partner entry on one side only, with outbound auto-redeem',
    pair: (S, T) => tgt(noConfig(healthy(S, T)), { partners: [] }),
    expect: [['partnerMissing', 'warning', 'tgt', 'src']],
    status: 'warning',
  },
  {
    name: 'a configuration into a tenant that has no partner entry at all',
    pair: (S, T) => tgt(healthy(S, T), { partners: [] }),
    expect: [
      ['userSyncInboundNotAllowed', 'error', 'tgt', 'src'],
      ['autoRedeemInboundMissing', 'error', 'tgt', 'src'],
      ['mfaNotTrusted', 'warning', 'tgt', 'src'],
      ['partnerMissing', 'warning', 'tgt', 'src'],
    ],
    status: 'error',
  },
  // Clouds.
  {
    name: 'different clouds, neither lists the other',
    pair: (S, T) =>
      tgt(src(healthy(S, T), { allowedCloudEndpoints: [] }), {
        cloud: 'usGov',
        allowedCloudEndpoints: [],
      }),
    expect: [
      ['cloudEndpointMissing', 'error', 'src', 'tgt'],
      ['cloudEndpointMissing', 'error', 'tgt', 'src'],
    ],
    status: 'error',
  },
  {
    name: 'different clouds, the target lists the source',
    pair: (S, T) =>
      tgt(src(healthy(S, T), { allowedCloudEndpoints: [] }), {
        cloud: 'china',
        allowedCloudEndpoints: ['microsoftonline.com'],
      }),
    expect: [['cloudEndpointMissing', 'error', 'src', 'tgt']],
    status: 'error',
  },
  {
    name: 'different clouds, both list each other',
    pair: (S, T) =>
      tgt(src(healthy(S, T), { allowedCloudEndpoints: ['microsoftonline.us'] }), {
        cloud: 'usGovDoD',
        allowedCloudEndpoints: ['microsoftonline.com'],
      }),
    expect: [],
    status: 'ok',
  },
  {
    name: 'US Gov L4 and DoD share one endpoint',
    pair: (S, T) =>
      tgt(src(healthy(S, T), { cloud: 'usGov', allowedCloudEndpoints: [] }), {
        cloud: 'usGovDoD',
        allowedCloudEndpoints: [],
      }),
    expect: [],
    status: 'ok',
  },
  // A side that is not signed in: only one-sided checks run.
  {
    name: 'target not signed in',
    pair: (S, T) => tgt(healthy(S, T), { signedIn: false, partners: undefined }),
    expect: [['tenantNotSignedIn', 'info', 'tgt', 'src']],
    status: 'incomplete',
  },
  {
    name: 'target signed in, settings not loaded',
    pair: (S, T) => tgt(healthy(S, T), { partners: undefined }),
    expect: [['tenantNotSignedIn', 'info', 'tgt', 'src']],
    status: 'incomplete',
  },
  {
    name: 'target not signed in, source outbound missing: one-sided checks still run',
    pair: (S, T) =>
      tgt(
        srcPartner(healthy(S, T), {
          automaticUserConsentSettings: null,
          b2bCollaborationOutbound: {
            usersAndGroups: allUsers('blocked'),
            applications: allApps('allowed'),
          },
        }),
        { signedIn: false, partners: undefined },
      ),
    expect: [
      ['tenantNotSignedIn', 'info', 'tgt', 'src'],
      ['autoRedeemOutboundMissing', 'error', 'src', 'tgt'],
      ['b2bOutboundBlocksSyncedUsers', 'error', 'src', 'tgt'],
    ],
    status: 'error',
  },
];

function tuples(pair: TenantPair, roles: Record<string, Role>): string[] {
  return pair.findings
    .map((f) => [f.id, f.severity, roles[f.tenantId], roles[f.partnerTenantId]].join(' '))
    .sort();
}

describe('findPairs: rules, both directions', () => {
  for (const c of cases) {
    for (const [S, T] of [
      [X, Y],
      [Y, X],
    ]) {
      for (const order of ['source first', 'target first'] as const) {
        it(`${c.name} (source ${S.slice(0, 4)}, ${order})`, () => {
          const spec = c.pair(S, T);
          const sides = [sideOf(spec.source), sideOf(spec.target)];
          const pairs = findPairs(order === 'source first' ? sides : sides.reverse());
          assert.equal(pairs.length, 1);
          const [pair] = pairs;
          assert.deepEqual([pair.a.tenantId, pair.b.tenantId].sort(), [S, T].sort());
          assert.deepEqual(
            tuples(pair, { [S]: 'src', [T]: 'tgt' }),
            c.expect.map((e) => e.join(' ')).sort(),
          );
          assert.equal(pair.status, c.status);
          for (const f of pair.findings) {
            assert.ok(f.message.includes(f.tenantId === S ? 'Contoso' : 'Fabrikam'), f.message);
            if (f.setting)
              assert.ok(
                f.message.includes(f.setting.split('.').pop()!),
                `${f.message} names ${f.setting}`,
              );
          }
        });
      }
    }
  }
});

describe('findPairs: fixes', () => {
  const fixOf = (spec: PairSpec, id: PairFinding['id']): PairFix | undefined =>
    findPairs([sideOf(spec.source), sideOf(spec.target)])[0].findings.find((f) => f.id === id)?.fix;

  const table: { name: string; spec: PairSpec; id: PairFinding['id']; fix: PairFix | undefined }[] =
    [
      {
        name: 'inbound auto-redeem: the whole consent object, keeping the outbound flag in force',
        spec: tgtPartner(healthy(X, Y), {
          automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
        }),
        id: 'autoRedeemInboundMissing',
        fix: {
          document: 'partner',
          patch: { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } },
        },
      },
      {
        name: 'outbound auto-redeem',
        spec: srcPartner(healthy(X, Y), { automaticUserConsentSettings: null }),
        id: 'autoRedeemOutboundMissing',
        fix: {
          document: 'partner',
          patch: { automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true } },
        },
      },
      {
        name: 'user sync: the identity synchronization document',
        spec: tgtPartner(healthy(X, Y), { identitySynchronization: null }),
        id: 'userSyncInboundNotAllowed',
        fix: { document: 'identitySync', patch: { userSyncInbound: { isSyncAllowed: true } } },
      },
      {
        name: 'a missing partner entry is created with the setting',
        spec: tgt(healthy(X, Y), { partners: [] }),
        id: 'autoRedeemInboundMissing',
        fix: {
          document: 'partnerMissing',
          patch: {
            tenantId: X,
            automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
          },
        },
      },
      {
        name: 'MFA trust keeps the device flags in force (here inherited)',
        spec: tgt(tgtPartner(healthy(X, Y), { inboundTrust: null }), {
          defaults: withDefault({
            inboundTrust: {
              isMfaAccepted: false,
              isCompliantDeviceAccepted: true,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
          }),
        }),
        id: 'mfaNotTrusted',
        fix: {
          document: 'partner',
          patch: {
            inboundTrust: {
              isMfaAccepted: true,
              isCompliantDeviceAccepted: true,
              isHybridAzureADJoinedDeviceAccepted: false,
            },
          },
        },
      },
      {
        name: 'allow-list: the assigned group is added, applications kept',
        spec: tgtPartner(healthy(X, Y), {
          b2bCollaborationInbound: {
            usersAndGroups: groups('allowed', OTHER_GROUP),
            applications: allApps('allowed'),
          },
        }),
        id: 'b2bInboundBlocksSyncedUsers',
        fix: {
          document: 'partner',
          patch: {
            b2bCollaborationInbound: {
              usersAndGroups: groups('allowed', OTHER_GROUP, GROUP),
              applications: allApps('allowed'),
            },
          },
        },
      },
      {
        name: 'all users blocked: allow the assigned group only',
        spec: tgt(healthy(X, Y), {
          defaults: withDefault({
            b2bCollaborationInbound: {
              usersAndGroups: allUsers('blocked'),
              applications: allApps('allowed'),
            },
          }),
        }),
        id: 'b2bInboundBlocksSyncedUsers',
        fix: {
          document: 'partner',
          patch: {
            b2bCollaborationInbound: {
              usersAndGroups: groups('allowed', GROUP),
              applications: allApps('allowed'),
            },
          },
        },
      },
      {
        name: 'block-list holding only the assigned group: allow everyone',
        spec: srcPartner(healthy(X, Y), {
          b2bCollaborationOutbound: {
            usersAndGroups: groups('blocked', GROUP),
            applications: allApps('allowed'),
          },
        }),
        id: 'b2bOutboundBlocksSyncedUsers',
        fix: {
          document: 'partner',
          patch: {
            b2bCollaborationOutbound: {
              usersAndGroups: allUsers('allowed'),
              applications: allApps('allowed'),
            },
          },
        },
      },
      {
        name: 'allow-list with unknown assignments: no fix to offer',
        spec: src(
          tgtPartner(healthy(X, Y), {
            b2bCollaborationInbound: {
              usersAndGroups: groups('allowed', OTHER_GROUP),
              applications: allApps('allowed'),
            },
          }),
          { configurations: [{ name: 'Fabrikam', target: Y }] },
        ),
        id: 'b2bInboundBlocksSyncedUsers',
        fix: undefined,
      },
      {
        name: 'applications blocked: no fix (which ones is a policy choice)',
        spec: tgtPartner(healthy(X, Y), {
          b2bCollaborationInbound: {
            usersAndGroups: allUsers('allowed'),
            applications: allApps('blocked'),
          },
        }),
        id: 'b2bInboundBlocksApplications',
        fix: undefined,
      },
      {
        name: 'direct connect: open the blocking side',
        spec: srcPartner(healthy(X, Y), { b2bDirectConnectOutbound: ALLOW_ALL }),
        id: 'directConnectInboundBlocked',
        fix: { document: 'partner', patch: { b2bDirectConnectInbound: ALLOW_ALL } },
      },
      {
        name: 'partner missing',
        spec: tgt(noConfig(healthy(X, Y)), { partners: [] }),
        id: 'partnerMissing',
        fix: { document: 'partnerMissing', patch: { tenantId: X } },
      },
      {
        name: 'cloud endpoint: the whole list, with the missing cloud added',
        spec: tgt(src(healthy(X, Y), { allowedCloudEndpoints: ['partner.microsoftonline.cn'] }), {
          cloud: 'usGov',
          allowedCloudEndpoints: ['microsoftonline.com'],
        }),
        id: 'cloudEndpointMissing',
        fix: {
          document: 'policy',
          patch: { allowedCloudEndpoints: ['partner.microsoftonline.cn', 'microsoftonline.us'] },
        },
      },
    ];
  for (const t of table) {
    it(t.name, () => assert.deepEqual(fixOf(t.spec, t.id), t.fix));
  }
});

describe('findPairs: which pairs', () => {
  it('a tenant that is not among the sides still forms a pair, named from the partner entry', () => {
    const spec = healthy(X, Y);
    const pairs = findPairs([sideOf(spec.source, { [Y]: 'Fabrikam Ltd' })]);
    assert.equal(pairs.length, 1);
    assert.deepEqual(pairs[0].a, {
      tenantId: X,
      displayName: 'Contoso',
      signedIn: true,
      loaded: true,
    });
    assert.deepEqual(pairs[0].b, {
      tenantId: Y,
      displayName: 'Fabrikam Ltd',
      signedIn: false,
      loaded: false,
    });
    assert.deepEqual(pairs[0].syncs, [
      {
        sourceTenantId: X,
        targetTenantId: Y,
        configurationName: 'Fabrikam',
        servicePrincipalId: '00000000-0000-4000-8000-000000000000',
      },
    ]);
    assert.equal(pairs[0].status, 'incomplete');
    assert.deepEqual(
      pairs[0].findings.map((f) => f.message),
      ['Fabrikam Ltd is not signed in; checks that need its settings were skipped.'],
    );
  });

  it('a configuration alone forms a pair; one with an unknown target does not', () => {
    const sides = [
      sideOf({
        tenantId: X,
        name: 'Contoso',
        partners: [],
        configurations: [{ name: 'Somewhere' }, { name: 'Fabrikam', target: Y }],
      }),
    ];
    const pairs = findPairs(sides);
    assert.equal(pairs.length, 1);
    assert.equal(pairs[0].b.tenantId, Y);
    assert.deepEqual(pairs[0].findings.map((f) => f.id).sort(), [
      'autoRedeemOutboundMissing',
      'tenantNotSignedIn',
    ]);
  });

  it('clouds Microsoft does not connect', () => {
    const spec = tgt(
      src(healthy(X, Y), { cloud: 'usGov', allowedCloudEndpoints: ['partner.microsoftonline.cn'] }),
      { cloud: 'china', allowedCloudEndpoints: ['microsoftonline.us'] },
    );
    const [pair] = findPairs([sideOf(spec.source), sideOf(spec.target)]);
    assert.deepEqual(
      pair.findings.map((f) => [f.id, f.severity, f.setting]),
      [['cloudPairUnsupported', 'error', 'allowedCloudEndpoints']],
    );
  });

  it('ids are compared case-insensitively', () => {
    const spec = healthy(X, Y);
    const pairs = findPairs([
      sideOf({ ...spec.source, tenantId: X.toUpperCase() }),
      sideOf(spec.target),
    ]);
    assert.equal(pairs.length, 1);
    assert.equal(pairs[0].status, 'ok');
  });

  it('a tenant with no partners and no configurations has no pairs', () => {
    assert.deepEqual(findPairs([sideOf({ tenantId: X, name: 'Woodgrove', partners: [] })]), []);
  });
});
