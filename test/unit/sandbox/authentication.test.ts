import assert from 'node:assert/strict';
import {
  encodeUnsignedJwt,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
} from '../../../src/sandbox';
import {
  createSandbox,
  GRAPH,
  GraphTestClient,
  TEST_EPOCH,
  type Body,
  prop,
} from './graphTestClient';

const { contoso } = SANDBOX_TENANT_IDS;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

function decode(token: string): Body {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('sandbox authentication', () => {
  it('mints unsigned JWTs with tid, scp, exp, oid, upn and aud', () => {
    const { sandbox } = createSandbox();
    const token = sandbox.mintToken({
      tenantId: 'contoso.onmicrosoft.com',
      scp: ['Policy.Read.All', 'User.Read'],
      expiresInSeconds: 600,
    });
    const [header, , signature] = token.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')), {
      typ: 'JWT',
      alg: 'none',
    });
    assert.equal(signature, '');
    const claims = decode(token);
    assert.equal(claims.tid, contoso);
    assert.equal(claims.scp, 'Policy.Read.All User.Read');
    assert.equal(claims.exp, Math.floor(TEST_EPOCH / 1000) + 600);
    assert.equal(claims.upn, 'admin@contoso.onmicrosoft.com');
    assert.match(claims.oid, /^[0-9a-f-]{36}$/);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
  });

  it('mints app-only tokens with a roles array and no scp', () => {
    const { sandbox } = createSandbox();
    const claims = decode(sandbox.mintToken({ tenantId: contoso, roles: ['Policy.Read.All'] }));
    assert.deepEqual(claims.roles, ['Policy.Read.All']);
    assert.equal(claims.scp, undefined);
  });

  it("takes the tenant from the token: the same URL answers with each tenant's own data", async () => {
    const { sandbox } = createSandbox();
    const contosoPartners = await new GraphTestClient(sandbox, contoso).get(PARTNERS);
    const fabrikamPartners = await new GraphTestClient(sandbox, SANDBOX_TENANT_IDS.fabrikam).get(
      PARTNERS,
    );
    assert.deepEqual(
      contosoPartners.body.value.map(prop('tenantId')).sort(),
      [
        SANDBOX_TENANT_IDS.fabrikam,
        SANDBOX_TENANT_IDS.northwind,
        SANDBOX_TENANT_IDS.tailspin,
      ].sort(),
    );
    assert.deepEqual(fabrikamPartners.body.value.map(prop('tenantId')), [contoso]);
  });

  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a non-Bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a garbled token', { authorization: 'Bearer not-a-jwt' }],
    [
      'a signed (non-sandbox) token',
      {
        authorization: `Bearer ${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(`{"tid":"${contoso}","exp":9999999999}`).toString('base64url')}.c2ln`,
      },
    ],
    [
      'a token for an unknown tenant',
      {
        authorization: `Bearer ${encodeUnsignedJwt({ tid: '00000000-1111-2222-3333-444444444444', exp: 9999999999, scp: 'Policy.Read.All' })}`,
      },
    ],
    [
      'a token for another audience',
      {
        authorization: `Bearer ${encodeUnsignedJwt({ tid: contoso, exp: 9999999999, scp: 'Policy.Read.All', aud: 'https://management.azure.com' })}`,
      },
    ],
  ];
  for (const [name, headers] of cases) {
    it(`answers 401 InvalidAuthenticationToken to ${name}`, async () => {
      const { sandbox } = createSandbox();
      const response = await sandbox.fetch(`${GRAPH}${PARTNERS}`, { headers });
      assert.equal(response.status, 401);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
      const body = await response.json();
      assert.equal(body.error.code, 'InvalidAuthenticationToken');
    });
  }

  it('answers 401 once the token has expired (injected clock)', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso, { scp: ['Policy.Read.All'] });
    assert.equal((await client.get(PARTNERS)).status, 200);
    clock.advance(3601_000);
    const reply = await client.get(PARTNERS);
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'InvalidAuthenticationToken');
    assert.match(reply.body.error.message, /expired/);
  });
});

describe('sandbox permissions (least privilege per operation)', () => {
  const sp = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
  const table: {
    op: string;
    method: string;
    path: string;
    body?: unknown;
    least: string[];
    denied: string[];
  }[] = [
    {
      op: 'read partners',
      method: 'GET',
      path: PARTNERS,
      least: ['Policy.Read.All'],
      denied: ['Directory.Read.All', 'Policy.ReadWrite.ConditionalAccess'],
    },
    {
      op: 'write the default',
      method: 'PATCH',
      path: '/policies/crossTenantAccessPolicy/default',
      body: {},
      least: ['Policy.ReadWrite.CrossTenantAccess'],
      denied: ['Policy.Read.All', 'Directory.ReadWrite.All'],
    },
    {
      op: 'look up a tenant',
      method: 'GET',
      path: `/tenantRelationships/findTenantInformationByTenantId(tenantId='${contoso}')`,
      least: ['CrossTenantInformation.ReadBasic.All'],
      denied: ['Directory.Read.All'],
    },
    {
      op: 'list sync jobs',
      method: 'GET',
      path: `/servicePrincipals/${sp.servicePrincipalId}/synchronization/jobs`,
      least: ['Synchronization.Read.All'],
      denied: ['Application.Read.All'],
    },
    {
      op: 'pause a job',
      method: 'POST',
      path: `/servicePrincipals/${sp.servicePrincipalId}/synchronization/jobs/${sp.jobId}/pause`,
      least: ['Synchronization.ReadWrite.All'],
      denied: ['Synchronization.Read.All'],
    },
    {
      op: 'list service principals',
      method: 'GET',
      path: '/servicePrincipals',
      least: ['Application.Read.All'],
      denied: ['Synchronization.Read.All'],
    },
    {
      op: 'list users',
      method: 'GET',
      path: '/users',
      least: ['User.ReadBasic.All'],
      denied: ['User.Read'],
    },
  ];
  for (const row of table) {
    it(`${row.op}: ${row.least.join(' + ')} suffices, ${row.denied.join(' / ')} gets 403 naming what is missing`, async () => {
      const { sandbox } = createSandbox();
      const allowed = await new GraphTestClient(sandbox, contoso, { scp: row.least }).send(
        row.method,
        row.path,
        row.body,
      );
      assert.ok(
        allowed.status < 400,
        `${row.op} with ${row.least.join(' ')} → ${allowed.status} ${JSON.stringify(allowed.body)}`,
      );
      for (const scope of row.denied) {
        const denied = await new GraphTestClient(sandbox, contoso, { scp: [scope] }).send(
          row.method,
          row.path,
          row.body,
        );
        assert.equal(denied.status, 403, `${row.op} with ${scope}`);
        assert.equal(denied.body.error.code, 'Authorization_RequestDenied');
        assert.ok(denied.body.error.message.includes(row.least[0]), denied.body.error.message);
      }
    });
  }

  it('lets a higher permission satisfy a read (Policy.ReadWrite.CrossTenantAccess reads partners)', async () => {
    const { sandbox } = createSandbox();
    assert.equal(
      (
        await new GraphTestClient(sandbox, contoso, {
          scp: ['Policy.ReadWrite.CrossTenantAccess'],
        }).get(PARTNERS)
      ).status,
      200,
    );
    assert.equal(
      (
        await new GraphTestClient(sandbox, contoso, { scp: ['Synchronization.ReadWrite.All'] }).get(
          `/servicePrincipals/${sp.servicePrincipalId}/synchronization/jobs`,
        )
      ).status,
      200,
    );
  });

  it('needs both AuditLog.Read.All and Directory.Read.All for provisioning logs, and says which is missing', async () => {
    const { sandbox } = createSandbox();
    const one = await new GraphTestClient(sandbox, contoso, { scp: ['AuditLog.Read.All'] }).get(
      '/auditLogs/provisioning?$top=1',
    );
    assert.equal(one.status, 403);
    assert.match(one.body.error.message, /Missing: Directory\.Read\.All/);
    assert.equal(
      (
        await new GraphTestClient(sandbox, contoso, {
          scp: ['AuditLog.Read.All', 'Directory.Read.All'],
        }).get('/auditLogs/provisioning?$top=1')
      ).status,
      200,
    );
  });

  it('checks roles, not scp, for app-only tokens', async () => {
    const { sandbox } = createSandbox();
    assert.equal(
      (await new GraphTestClient(sandbox, contoso, { roles: ['Policy.Read.All'] }).get(PARTNERS))
        .status,
      200,
    );
    const denied = await new GraphTestClient(sandbox, contoso, { roles: [] }).get(PARTNERS);
    assert.equal(denied.status, 403);
    assert.match(denied.body.error.message, /application permission \(roles\)/);
    // Application.ReadWrite.OwnedBy is an application-only alternative for sync writes.
    assert.equal(
      (
        await new GraphTestClient(sandbox, contoso, {
          roles: ['Application.ReadWrite.OwnedBy'],
        }).post(
          `/servicePrincipals/${sp.servicePrincipalId}/synchronization/jobs/${sp.jobId}/pause`,
        )
      ).status,
      204,
    );
  });

  it('shows only id, displayName and verifiedDomains of the organization to delegated User.Read', async () => {
    const { sandbox } = createSandbox();
    const basic = await new GraphTestClient(sandbox, contoso, { scp: ['User.Read'] }).get(
      '/organization',
    );
    const org = basic.body.value[0];
    assert.equal(org.displayName, 'Contoso Group');
    assert.ok(org.verifiedDomains.length > 0);
    assert.equal(org.city, null);
    assert.equal(org.tenantType, null);
    const full = await new GraphTestClient(sandbox, contoso, {
      scp: ['Organization.Read.All'],
    }).get('/organization');
    assert.equal(full.body.value[0].city, 'Seattle');
  });
});
