import assert from 'node:assert/strict';
import { SANDBOX_TENANT_IDS, SANDBOX_TENANTS } from '../../../src/sandbox';
import { createSandbox, GraphTestClient, type Body, props } from './graphTestClient';

const { contoso, woodgrove } = SANDBOX_TENANT_IDS;
const lookup = (id: string, tenantId: string) => ({
  id,
  method: 'GET',
  url: `/tenantRelationships/findTenantInformationByTenantId(tenantId='${tenantId}')`,
});

describe('sandbox $batch', () => {
  it('answers 200 with one response per request, each with status, headers and body, correlated by id', async () => {
    const { sandbox } = createSandbox();
    const requests = SANDBOX_TENANTS.map((t, i) => lookup(String(i + 1), t.tenantId));
    requests.push(lookup('x', '6babcaad-604b-40ac-a9d7-9fd97c0b779f'));
    const reply = await new GraphTestClient(sandbox, contoso).post('/$batch', { requests });
    assert.equal(reply.status, 200);
    const byId = new Map<string, Body>(
      reply.body.responses.map((r: Body): [string, Body] => [String(r.id), r]),
    );
    assert.equal(byId.size, requests.length);
    SANDBOX_TENANTS.forEach((t, i) => {
      const r: Body = byId.get(String(i + 1));
      assert.equal(r.status, 200);
      assert.equal(r.body.displayName, t.displayName);
      assert.match(r.headers['Content-Type'], /^application\/json/);
    });
    const missing: Body = byId.get('x');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Directory_ObjectNotFound');
  });

  it('refuses more than 20 requests with 400, and 20 is fine', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const make = (n: number) => ({
      requests: Array.from({ length: n }, (_, i) => lookup(String(i), woodgrove)),
    });
    assert.equal((await client.post('/$batch', make(20))).status, 200);
    const tooMany = await client.post('/$batch', make(21));
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.error.message, /20/);
  });

  it('runs dependsOn in order and answers 424 when a dependency failed', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const json = { 'Content-Type': 'application/json' };
    const reply = await client.post('/$batch', {
      requests: [
        {
          id: '3',
          method: 'GET',
          url: `/policies/crossTenantAccessPolicy/partners/${woodgrove}`,
          dependsOn: ['2'],
        },
        {
          id: '2',
          method: 'PATCH',
          url: `/policies/crossTenantAccessPolicy/partners/${woodgrove}`,
          headers: json,
          body: { isServiceProvider: true },
          dependsOn: ['1'],
        },
        {
          id: '1',
          method: 'POST',
          url: '/policies/crossTenantAccessPolicy/partners',
          headers: json,
          body: { tenantId: woodgrove },
        },
        {
          id: '4',
          method: 'POST',
          url: '/policies/crossTenantAccessPolicy/partners',
          headers: json,
          body: { tenantId: woodgrove },
        },
        {
          id: '5',
          method: 'DELETE',
          url: '/policies/crossTenantAccessPolicy/partners/00000000-0000-0000-0000-000000000009',
          dependsOn: ['4'],
        },
      ],
    });
    const status = Object.fromEntries(reply.body.responses.map(props('id', 'status')));
    assert.deepEqual(status, { 1: 201, 2: 204, 3: 200, 4: 409, 5: 424 });
    assert.equal(reply.body.responses.find((r: Body) => r.id === '3').body.isServiceProvider, true);
    assert.equal(
      reply.body.responses.find((r: Body) => r.id === '2').body,
      undefined,
      'a 204 has no body',
    );
  });

  it('throttles inner requests individually: an inner 429 carries its own Retry-After', async () => {
    const { sandbox } = createSandbox();
    sandbox.faults.set({
      throttle: { count: 2, retryAfterSeconds: 7, pathPrefix: '/tenantRelationships' },
    });
    const reply = await new GraphTestClient(sandbox, contoso).post('/$batch', {
      requests: [
        lookup('a', contoso),
        { id: 'b', method: 'GET', url: '/organization' },
        lookup('c', woodgrove),
        lookup('d', woodgrove),
      ],
    });
    assert.equal(reply.status, 200);
    const byId: Record<string, Body> = Object.fromEntries(
      reply.body.responses.map((r: Body): [string, Body] => [String(r.id), r]),
    );
    assert.deepEqual(
      [byId.a.status, byId.b.status, byId.c.status, byId.d.status],
      [429, 200, 429, 200],
    );
    assert.equal(byId.a.headers['Retry-After'], '7');
    assert.equal(byId.a.body.error.code, 'TooManyRequests');
  });

  it('runs every item under the outer token: one tenant, its permissions', async () => {
    const { sandbox } = createSandbox();
    const fabrikamToken = sandbox.mintToken({ tenantId: SANDBOX_TENANT_IDS.fabrikam });
    const client = new GraphTestClient(sandbox, contoso, { scp: ['Policy.Read.All'] });
    const reply = await client.post('/$batch', {
      requests: [
        {
          id: '1',
          method: 'GET',
          url: '/policies/crossTenantAccessPolicy/partners?$select=tenantId',
          headers: { authorization: `Bearer ${fabrikamToken}` },
        },
        lookup('2', woodgrove),
      ],
    });
    const [one, two] = [...reply.body.responses].sort((a: Body, b: Body) =>
      String(a.id).localeCompare(String(b.id)),
    );
    assert.equal(one.body.value.length, 3, "Contoso's partners, whatever the inner header says");
    assert.equal(two.status, 403, 'the outer token lacks CrossTenantInformation.ReadBasic.All');
  });

  it('rejects malformed batches whole (400), and bad items per item', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (const bad of [
      {},
      { requests: [] },
      { requests: [{ id: '1', method: 'GET' }] },
      { requests: [lookup('1', woodgrove), lookup('1', contoso)] },
      // Ids are compared case-insensitively: "a" and "A" are the same id.
      { requests: [lookup('a', woodgrove), lookup('A', contoso)] },
      { requests: [{ ...lookup('1', woodgrove), dependsOn: ['9'] }] },
      {
        requests: [
          { id: '1', method: 'PATCH', url: '/policies/crossTenantAccessPolicy', body: {} },
        ],
      },
    ]) {
      assert.equal((await client.post('/$batch', bad)).status, 400, JSON.stringify(bad));
    }
    const items = await client.post('/$batch', {
      requests: [
        { id: 'v', method: 'GET', url: '/v1.0/organization' },
        {
          id: 'n',
          method: 'POST',
          url: '/$batch',
          headers: { 'content-type': 'application/json' },
          body: { requests: [] },
        },
      ],
    });
    assert.deepEqual(items.body.responses.map(props('id', 'status')), [
      ['n', 400],
      ['v', 400],
    ]);
  });

  it('takes item urls with or without a leading "/", as the documented example sends them', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: 'organization' },
        { id: '2', method: 'GET', url: '/organization' },
        {
          id: '3',
          method: 'GET',
          url: 'policies/crossTenantAccessPolicy/partners?$select=tenantId',
        },
      ],
    });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.responses.map(props('id', 'status')), [
      ['1', 200],
      ['2', 200],
      ['3', 200],
    ]);
    const [first, second] = reply.body.responses;
    assert.deepEqual(first.body.value, second.body.value);
    assert.ok(reply.body.responses[2].body.value.length > 0);
  });

  it('matches dependsOn to ids case-insensitively, answering each under the id it was sent with', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).post('/$batch', {
      requests: [
        { ...lookup('Second', woodgrove), dependsOn: ['FIRST'] },
        lookup('first', contoso),
      ],
    });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.responses.map(props('id', 'status')), [
      ['Second', 200],
      ['first', 200],
    ]);
  });

  it('needs a valid outer token (401 on the outer response)', async () => {
    const { sandbox } = createSandbox();
    const response = await sandbox.fetch('https://graph.microsoft.com/v1.0/$batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [lookup('1', woodgrove)] }),
    });
    assert.equal(response.status, 401);
  });
});
