import assert from 'node:assert/strict';
import { CLOUDS, getCloud, isCloudName } from '../../../../src/core/auth/clouds';
import { parseClaimsChallenge } from '../../../../src/core/auth/claimsChallenge';
import {
  OPERATION_PERMISSIONS,
  isGraphOperation,
  permissionFor,
  type GraphOperation,
} from '../../../../src/core/auth/operationPermissions';
import {
  BUNDLE_PERMISSIONS,
  largestBundle,
  operationScopes,
  scopesFor,
} from '../../../../src/core/auth/scopes';

describe('clouds', () => {
  it('pairs each cloud with its own Graph host, login authority and endpoint value', () => {
    assert.deepEqual(
      Object.values(CLOUDS).map((c) => [
        c.name,
        c.graphHost,
        c.loginAuthority,
        c.allowedCloudEndpoint,
      ]),
      [
        [
          'global',
          'https://graph.microsoft.com',
          'https://login.microsoftonline.com',
          'microsoftonline.com',
        ],
        [
          'usGov',
          'https://graph.microsoft.us',
          'https://login.microsoftonline.us',
          'microsoftonline.us',
        ],
        [
          'usGovDoD',
          'https://dod-graph.microsoft.us',
          'https://login.microsoftonline.us',
          'microsoftonline.us',
        ],
        [
          'china',
          'https://microsoftgraph.chinacloudapi.cn',
          'https://login.chinacloudapi.cn',
          'partner.microsoftonline.cn',
        ],
      ],
    );
  });

  it('offers tenant lookup only in the global cloud', () => {
    assert.deepEqual(
      Object.values(CLOUDS)
        .filter((c) => c.supportsTenantLookup)
        .map((c) => c.name),
      ['global'],
    );
  });

  it('falls back to global for a missing or unknown setting', () => {
    assert.equal(getCloud(undefined).name, 'global');
    assert.equal(getCloud('mars').name, 'global');
    assert.equal(getCloud('china').name, 'china');
    assert.equal(isCloudName('toString'), false);
  });
});

describe('scope bundles', () => {
  it('are exactly the bundles of graph-api.md §10', () => {
    assert.deepEqual([...BUNDLE_PERMISSIONS.browse].sort(), [
      'Application.Read.All',
      'AuditLog.Read.All',
      'CrossTenantInformation.ReadBasic.All',
      'Directory.Read.All',
      'MultiTenantOrganization.ReadBasic.All',
      'Policy.Read.All',
      'Synchronization.Read.All',
      'User.Read',
    ]);
    assert.deepEqual(
      BUNDLE_PERMISSIONS.edit.filter((p) => !BUNDLE_PERMISSIONS.browse.includes(p)),
      ['Policy.ReadWrite.CrossTenantAccess'],
    );
    assert.deepEqual(
      BUNDLE_PERMISSIONS.sync.filter((p) => !BUNDLE_PERMISSIONS.edit.includes(p)),
      [
        'Application.ReadWrite.All',
        'Synchronization.ReadWrite.All',
        'AppRoleAssignment.ReadWrite.All',
      ],
    );
  });

  it('prefixes scopes with the cloud Graph host', () => {
    assert.ok(
      scopesFor('edit', CLOUDS.usGov).includes(
        'https://graph.microsoft.us/Policy.ReadWrite.CrossTenantAccess',
      ),
    );
    assert.ok(
      scopesFor('browse', CLOUDS.china).every((s) =>
        s.startsWith('https://microsoftgraph.chinacloudapi.cn/'),
      ),
    );
    assert.equal(
      scopesFor('browse', CLOUDS.global)[0],
      'https://graph.microsoft.com/Policy.Read.All',
    );
  });

  it('picks the bundle that covers all', () => {
    assert.equal(largestBundle(['browse', 'sync', 'edit']), 'sync');
    assert.equal(largestBundle(['browse']), 'browse');
    assert.equal(largestBundle([]), 'browse');
  });
});

describe('operation permissions', () => {
  it('asks for a bundle that contains every permission the operation needs, or for the permission on top', () => {
    for (const [op, p] of Object.entries(OPERATION_PERMISSIONS)) {
      const extra: readonly string[] = 'additionalScopes' in p ? p.additionalScopes : [];
      for (const permission of p.permissions) {
        assert.ok(
          BUNDLE_PERMISSIONS[p.bundle].includes(permission) || extra.includes(permission),
          `${op}: ${permission} is neither in bundle ${p.bundle} nor asked for on top`,
        );
      }
    }
  });

  it("asks for the beta reads' permissions on top of the browse bundle, and only for those reads", () => {
    const withExtra = Object.entries(OPERATION_PERMISSIONS)
      .filter(([, p]) => 'additionalScopes' in p)
      .map(([op]) => op);
    assert.deepEqual(withExtra, [
      'b2bManagementPolicies.list',
      'networkAccessCrossTenantAccess.get',
    ]);
    const b2b = permissionFor('b2bManagementPolicies.list');
    assert.deepEqual(operationScopes(b2b.bundle, b2b.additionalScopes, CLOUDS.usGov), [
      ...scopesFor('browse', CLOUDS.usGov),
      'https://graph.microsoft.us/Policy.Read.B2BManagementPolicy',
    ]);
    const browse = permissionFor('authorizationPolicy.get');
    assert.deepEqual(
      operationScopes(browse.bundle, browse.additionalScopes, CLOUDS.global),
      scopesFor('browse', CLOUDS.global),
    );
  });

  it('names the write permission and Security Administrator for policy writes', () => {
    const p = permissionFor('partner.update');
    assert.equal(p.bundle, 'edit');
    assert.deepEqual(p.permissions, ['Policy.ReadWrite.CrossTenantAccess']);
    assert.equal(p.role, 'Security Administrator');
  });

  it('requires both AuditLog.Read.All and Directory.Read.All for provisioning logs', () => {
    assert.deepEqual(permissionFor('provisioningLogs.list').permissions, [
      'AuditLog.Read.All',
      'Directory.Read.All',
    ]);
  });

  it('keeps sync management in the sync bundle', () => {
    const ops: GraphOperation[] = [
      'syncJob.start',
      'syncJob.restart',
      'syncSecrets.put',
      'syncTemplate.instantiate',
      'appRoleAssignment.add',
    ];
    assert.deepEqual(
      ops.map((o) => permissionFor(o).bundle),
      ['sync', 'sync', 'sync', 'sync', 'sync'],
    );
  });

  it('recognises operation names', () => {
    assert.equal(isGraphOperation('partner.get'), true);
    assert.equal(isGraphOperation('batch'), false);
    assert.equal(isGraphOperation('constructor'), false);
  });
});

describe('parseClaimsChallenge', () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
  const header = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`;

  it('decodes the claims of a CAE challenge', () => {
    assert.equal(parseClaimsChallenge(header), claims);
  });

  it('returns undefined for a plain 401 challenge or garbage', () => {
    assert.equal(
      parseClaimsChallenge('Bearer realm="", client_id="00000003-0000-0000-c000-000000000000"'),
      undefined,
    );
    assert.equal(parseClaimsChallenge(null), undefined);
    assert.equal(parseClaimsChallenge('Bearer claims="bm90IGpzb24="'), undefined);
  });
});
