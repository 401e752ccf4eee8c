import assert from 'node:assert/strict';
import { Sandbox, SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { createSandbox, GraphTestClient } from './graphTestClient';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
const AUTHZ = '/policies/authorizationPolicy';
const BETA = 'https://graph.microsoft.com/beta';
const B2B = '/policies/b2bManagementPolicies';
const GSA = '/networkAccess/settings/crossTenantAccess';
/** The delegated permissions an admin who changes guest settings has. */
const WRITE = { scp: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'] };

/** Properties of microsoft.graph.authorizationPolicy (and its bases) in the v1.0 CSDL. */
const V1_AUTHORIZATION_POLICY = [
  'id',
  'deletedDateTime',
  'description',
  'displayName',
  'allowedToSignUpEmailBasedSubscriptions',
  'allowedToUseSSPR',
  'allowEmailVerifiedUsersToJoinOrganization',
  'allowInvitesFrom',
  'allowUserConsentForRiskyApps',
  'blockMsolPowerShell',
  'defaultUserRolePermissions',
  'guestUserRoleId',
];
/** microsoft.graph.defaultUserRolePermissions in the v1.0 CSDL. */
const V1_DEFAULT_USER_ROLE_PERMISSIONS = [
  'allowedToCreateApps',
  'allowedToCreateSecurityGroups',
  'allowedToCreateTenants',
  'allowedToReadBitlockerKeysForOwnedDevice',
  'allowedToReadOtherUsers',
  'permissionGrantPoliciesAssigned',
];

describe('sandbox authorizationPolicy and the beta external collaboration settings', () => {
  it('serves the v1.0 singleton with v1.0 property names only, different per tenant', async () => {
    const { sandbox } = createSandbox();
    const seen: unknown[][] = [];
    for (const tenant of [contoso, fabrikam, northwind, tailspin, woodgrove]) {
      const reply = await new GraphTestClient(sandbox, tenant).get(AUTHZ);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.value, undefined);
      assert.equal(
        reply.body['@odata.context'],
        'https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy/$entity',
      );
      assert.equal(reply.body.id, 'authorizationPolicy');
      for (const key of Object.keys(reply.body).filter((k) => !k.startsWith('@odata.')))
        assert.ok(V1_AUTHORIZATION_POLICY.includes(key), `${key} is not a v1.0 property`);
      for (const key of Object.keys(reply.body.defaultUserRolePermissions))
        assert.ok(V1_DEFAULT_USER_ROLE_PERMISSIONS.includes(key), `${key} is not a v1.0 property`);
      seen.push([reply.body.allowInvitesFrom, reply.body.guestUserRoleId]);
    }
    assert.deepEqual(seen, [
      ['everyone', '10dae51f-b6af-4016-8d66-8c2a99b929b3'],
      ['adminsGuestInvitersAndAllMembers', '10dae51f-b6af-4016-8d66-8c2a99b929b3'],
      ['adminsAndGuestInviters', '2af84b1e-32c8-42b7-82bc-daa82404023b'],
      ['adminsAndGuestInviters', 'a0b1b346-4d3e-4e8b-98f8-753987be4970'],
      ['none', '2af84b1e-32c8-42b7-82bc-daa82404023b'],
    ]);
  });

  it('needs Policy.Read.All (or Policy.ReadWrite.Authorization) to read it', async () => {
    const { sandbox } = createSandbox();
    const denied = await new GraphTestClient(sandbox, contoso, { scp: ['User.Read'] }).get(AUTHZ);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'Authorization_RequestDenied');
    assert.match(denied.body.error.message, /Policy\.Read\.All/);
    for (const scp of [['Policy.Read.All'], ['Policy.ReadWrite.Authorization']])
      assert.equal((await new GraphTestClient(sandbox, contoso, { scp }).get(AUTHZ)).status, 200);
  });

  it('PATCH: 204, merges the change, keeps the rest, and persists in the exported state', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso, WRITE);
    const patched = await client.patch(AUTHZ, {
      allowInvitesFrom: 'adminsAndGuestInviters',
      defaultUserRolePermissions: { allowedToCreateApps: true },
    });
    assert.equal(patched.status, 204);
    assert.equal(patched.body, null);
    const after = (await client.get(AUTHZ)).body;
    assert.equal(after.allowInvitesFrom, 'adminsAndGuestInviters');
    assert.equal(after.guestUserRoleId, '10dae51f-b6af-4016-8d66-8c2a99b929b3');
    assert.equal(after.defaultUserRolePermissions.allowedToCreateApps, true);
    assert.equal(after.defaultUserRolePermissions.allowedToReadOtherUsers, true);
    const restored = Sandbox.create({ state: sandbox.exportState() });
    assert.equal(
      (await new GraphTestClient(restored, contoso).get(AUTHZ)).body.allowInvitesFrom,
      'adminsAndGuestInviters',
    );
    assert.equal(
      (await new GraphTestClient(restored, fabrikam).get(AUTHZ)).body.allowInvitesFrom,
      'adminsGuestInvitersAndAllMembers',
    );
  });

  it('PATCH refuses what the update documentation does not allow, changing nothing', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, woodgrove, WRITE);
    const cases: [object, RegExp][] = [
      [{ allowInvitesFrom: 'anyone' }, /allowInvitesFrom/],
      [{ guestUserRoleId: '62e90394-69f5-4237-9190-012177145e10' }, /guestUserRoleId/],
      [{ id: 'x' }, /read-only/],
      [{ enabledPreviewFeatures: [] }, /enabledPreviewFeatures/],
      [{ defaultUserRolePermissions: { allowedToCreateApps: 'yes' } }, /allowedToCreateApps/],
    ];
    for (const [body, message] of cases) {
      const reply = await client.patch(AUTHZ, body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'Request_BadRequest');
      assert.match(reply.body.error.message, message);
    }
    const denied = await new GraphTestClient(sandbox, woodgrove, {
      scp: ['Policy.Read.All'],
    }).patch(AUTHZ, { allowInvitesFrom: 'everyone' });
    assert.equal(denied.status, 403);
    assert.equal((await client.get(AUTHZ)).body.allowInvitesFrom, 'none');
  });

  it('serves the B2B management policies on /beta only, with the definition as a JSON string', async () => {
    const { sandbox } = createSandbox();
    const beta = new GraphTestClient(sandbox, northwind, {}, BETA);
    const list = await beta.get(B2B);
    assert.equal(list.status, 200);
    assert.equal(list.body.value.length, 1);
    const [policy] = list.body.value;
    assert.equal(policy.isOrganizationDefault, true);
    assert.deepEqual(JSON.parse(policy.definition[0]), {
      B2BManagementPolicy: {
        InvitationsAllowedAndBlockedDomainsPolicy: { AllowedDomains: ['contoso.com'] },
      },
    });
    assert.equal((await beta.get(`${B2B}/${policy.id}`)).body.id, policy.id);
    assert.equal((await beta.get(`${B2B}/00000000-0000-4000-8000-000000000000`)).status, 404);
    assert.deepEqual(
      (await new GraphTestClient(sandbox, tailspin, {}, BETA).get(B2B)).body.value,
      [],
    );
    const v1 = await new GraphTestClient(sandbox, northwind).get(B2B);
    assert.equal(v1.status, 400);
    assert.equal(v1.body.error.code, 'BadRequest');
    const denied = await new GraphTestClient(
      sandbox,
      northwind,
      { scp: ['Policy.Read.All'] },
      BETA,
    ).get(B2B);
    assert.equal(denied.status, 403);
    assert.match(denied.body.error.message, /Policy\.Read\.B2BManagementPolicy/);
  });

  it('serves Global Secure Access settings on /beta to licensed tenants and refuses the others', async () => {
    const { sandbox } = createSandbox();
    const northwindGsa = await new GraphTestClient(sandbox, northwind, {}, BETA).get(GSA);
    assert.equal(northwindGsa.status, 200);
    assert.equal(northwindGsa.body.networkPacketTaggingStatus, 'enabled');
    assert.equal(
      (await new GraphTestClient(sandbox, tailspin, {}, BETA).get(GSA)).body
        .networkPacketTaggingStatus,
      'disabled',
    );
    const unlicensed = await new GraphTestClient(sandbox, contoso, {}, BETA).get(GSA);
    assert.equal(unlicensed.status, 403);
    assert.notEqual(unlicensed.body.error.code, 'Authorization_RequestDenied');
    assert.equal((await new GraphTestClient(sandbox, northwind).get(GSA)).status, 400);
    const denied = await new GraphTestClient(
      sandbox,
      northwind,
      { scp: ['Policy.Read.All'] },
      BETA,
    ).get(GSA);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'Authorization_RequestDenied');
  });

  it('configures tenant restrictions in Northwind: default blocks all, Contoso Office 365 allowed', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, northwind);
    const def = (await client.get('/policies/crossTenantAccessPolicy/default')).body;
    assert.equal(def.tenantRestrictions.usersAndGroups.accessType, 'blocked');
    const partner = (await client.get(`/policies/crossTenantAccessPolicy/partners/${contoso}`))
      .body;
    assert.equal(partner.tenantRestrictions.usersAndGroups.accessType, 'allowed');
    assert.deepEqual(partner.tenantRestrictions.applications.targets, [
      { target: 'Office365', targetType: 'application' },
    ]);
  });
});
