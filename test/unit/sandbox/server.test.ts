import assert from 'node:assert/strict';
import {
  Sandbox,
  SANDBOX_TENANT_IDS,
  SANDBOX_TENANTS,
  startSandboxServer,
  type SandboxServer,
} from '../../../src/sandbox';
import { TestClock, type Body, prop } from './graphTestClient';

const { contoso, fabrikam } = SANDBOX_TENANT_IDS;

describe('sandbox HTTP server', () => {
  let server: SandboxServer;
  let clock: TestClock;
  let token: string;
  const graph = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/v1.0${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const control = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/_sandbox${path}`, {
      ...init,
      ...(init.body ? { headers: { 'content-type': 'application/json' } } : {}),
    });

  before(async () => {
    clock = new TestClock();
    server = await startSandboxServer({ port: 0, sandbox: Sandbox.create({ now: clock.now }) });
  });
  after(() => server.close());
  beforeEach(async () => {
    assert.equal((await control('/reset', { method: 'POST' })).status, 204);
    const reply = await (await control('/token?tenant=contoso.onmicrosoft.com')).json();
    token = reply.access_token;
  });

  it('listens on 127.0.0.1 with a random port and lists the tenants', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const tenants = (await (await control('/tenants')).json()) as Body[];
    assert.deepEqual(tenants.map(prop('tenantId')), SANDBOX_TENANTS.map(prop('tenantId')));
    assert.deepEqual(Object.keys(tenants[0]).sort(), [
      'cloud',
      'defaultDomainName',
      'description',
      'displayName',
      'domains',
      'tenantId',
    ]);
  });

  it('writes next links for the Graph host a forwarding client names, and for itself otherwise', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/v1\\.0/auditLogs/provisioning\\?`)],
      [
        { 'x-forwarded-host': 'graph.microsoft.com' },
        /^https:\/\/graph\.microsoft\.com\/v1\.0\/auditLogs\/provisioning\?/,
      ],
      [{ 'x-forwarded-host': 'graph.microsoft.us' }, /^https:\/\/graph\.microsoft\.us\/v1\.0\//],
      // Not a Graph host: ignored, so nobody can make the sandbox point a client's token elsewhere.
      [
        { 'x-forwarded-host': 'evil.example' },
        new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/`),
      ],
    ];
    for (const [headers, expected] of cases) {
      const body = await (await graph('/auditLogs/provisioning?$top=2', { headers })).json();
      assert.match(String(body['@odata.nextLink']), expected, JSON.stringify(headers));
    }
  });

  it('mints tokens by tenant id or domain, with space- or comma-separated scopes, roles and lifetime', async () => {
    const reply = await (
      await control(
        `/token?tenant=${fabrikam}&scp=Policy.Read.All,User.Read%20AuditLog.Read.All&expiresIn=120`,
      )
    ).json();
    assert.equal(reply.token_type, 'Bearer');
    assert.equal(reply.expires_in, 120);
    const claims = JSON.parse(
      Buffer.from(reply.access_token.split('.')[1], 'base64url').toString('utf8'),
    );
    assert.equal(claims.tid, fabrikam);
    assert.equal(claims.scp, 'Policy.Read.All User.Read AuditLog.Read.All');
    const app = await (await control(`/token?tenant=${fabrikam}&roles=Policy.Read.All`)).json();
    assert.deepEqual(
      JSON.parse(Buffer.from(app.access_token.split('.')[1], 'base64url').toString('utf8')).roles,
      ['Policy.Read.All'],
    );
    assert.equal((await control('/token')).status, 400);
    assert.equal((await control('/token?tenant=nowhere.example')).status, 404);
    assert.equal((await control(`/token?tenant=${fabrikam}&scp=a&roles=b`)).status, 400);
  });

  it('serves Graph with request ids, and nextLinks that point back at the server', async () => {
    const partners = await graph('/policies/crossTenantAccessPolicy/partners?$top=2', {
      headers: { 'client-request-id': 'http-test' },
    });
    assert.equal(partners.status, 200);
    assert.equal(partners.headers.get('client-request-id'), 'http-test');
    assert.ok(partners.headers.get('request-id'));
    const page = await partners.json();
    assert.ok(
      page['@odata.nextLink'].startsWith(
        `${server.url}/v1.0/policies/crossTenantAccessPolicy/partners?`,
      ),
    );
    const next = await (
      await fetch(page['@odata.nextLink'], { headers: { authorization: `Bearer ${token}` } })
    ).json();
    assert.equal(next.value.length, 1);
  });

  it('destroys the socket for a dropped connection, then serves the next request', async () => {
    assert.equal(
      (
        await control('/faults', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ drop: { count: 1 } }),
        })
      ).status,
      200,
    );
    await assert.rejects(
      graph('/policies/crossTenantAccessPolicy'),
      (e: unknown) => e instanceof TypeError,
    );
    assert.equal((await graph('/policies/crossTenantAccessPolicy')).status, 200);
  });

  it('sets, shows and clears faults over HTTP', async () => {
    const set = await control('/faults', {
      method: 'POST',
      body: JSON.stringify({
        latencyMs: 5,
        throttle: { count: 1, retryAfterSeconds: 3, pathPrefix: '/organization' },
      }),
    });
    assert.deepEqual(await set.json(), {
      latencyMs: 5,
      throttle: { count: 1, retryAfterSeconds: 3, pathPrefix: '/organization' },
    });
    const throttled = await graph('/organization');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '3');
    assert.equal((await control('/faults', { method: 'DELETE' })).status, 204);
    assert.deepEqual(await (await control('/faults')).json(), { latencyMs: 0 });
  });

  it('resets to the seeded state', async () => {
    assert.equal(
      (await graph(`/policies/crossTenantAccessPolicy/partners/${fabrikam}`, { method: 'DELETE' }))
        .status,
      204,
    );
    assert.equal((await control('/reset', { method: 'POST' })).status, 204);
    assert.equal(
      (await graph(`/policies/crossTenantAccessPolicy/partners/${fabrikam}`)).status,
      200,
    );
  });

  it('appends provisioning-log entries (array or {value}) that Graph then serves', async () => {
    const entries = [
      {
        id: 'custom-1',
        jobId: 'custom-job',
        activityDateTime: new Date(clock.current - 1000).toISOString(),
        provisioningAction: 'create',
        provisioningStatusInfo: {
          status: 'failure',
          errorInformation: { errorCode: 'Custom', reason: '<img src=x onerror=alert(9)>' },
        },
      },
    ];
    const asArray = await control(`/tenants/${contoso}/provisioning`, {
      method: 'POST',
      body: JSON.stringify(entries),
    });
    assert.equal(asArray.status, 201);
    const asValue = await control('/tenants/contoso.onmicrosoft.com/provisioning', {
      method: 'POST',
      body: JSON.stringify({ value: [{ jobId: 'custom-job' }] }),
    });
    assert.equal(asValue.status, 201);
    const filled = (await asValue.json()).value[0];
    assert.ok(
      filled.id && filled.activityDateTime && filled.tenantId === contoso,
      'missing id, time and tenant are filled in',
    );
    const logs = await (
      await graph("/auditLogs/provisioning?$filter=jobId eq 'custom-job'")
    ).json();
    assert.deepEqual(logs.value.map(prop('id')).sort(), ['custom-1', filled.id].sort());
    assert.equal(
      (await control(`/tenants/${contoso}/provisioning`, { method: 'POST', body: '{"value": 3}' }))
        .status,
      400,
    );
    assert.equal(
      (await control('/tenants/nowhere/provisioning', { method: 'POST', body: '[]' })).status,
      404,
    );
  });

  it('adds benchmark partners that are real, resolvable tenants', async () => {
    const added = await control(`/tenants/${contoso}/partners`, {
      method: 'POST',
      body: JSON.stringify({ count: 3 }),
    });
    assert.equal(added.status, 201);
    const tenants = (await added.json()).value;
    assert.equal(tenants.length, 3);
    const info = await (
      await graph(
        `/tenantRelationships/findTenantInformationByTenantId(tenantId='${tenants[0].tenantId}')`,
        { headers: {} },
      )
    ).json();
    assert.equal(info.displayName, tenants[0].displayName);
  });

  it('answers unknown control paths with 404 and the error shape', async () => {
    const reply = await control('/nope');
    assert.equal(reply.status, 404);
    assert.match(
      (await reply.json()).error.message,
      /GET \/_sandbox\/token/,
      'the message lists what exists',
    );
  });
});
