import assert from 'node:assert/strict';
import { SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { createSandbox, GRAPH, GraphTestClient, TEST_EPOCH } from './graphTestClient';

const { contoso } = SANDBOX_TENANT_IDS;

describe('sandbox protocol behaviour', () => {
  it('puts request-id on every response and echoes client-request-id', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const ok = await client.get('/policies/crossTenantAccessPolicy', {
      'client-request-id': '11111111-2222-3333-4444-555555555555',
    });
    assert.match(ok.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(ok.headers.get('client-request-id'), '11111111-2222-3333-4444-555555555555');
    const noId = await client.get('/policies/crossTenantAccessPolicy');
    assert.equal(
      noId.headers.get('client-request-id'),
      noId.headers.get('request-id'),
      'without one, client-request-id repeats request-id',
    );
    const failed = await client.get(
      '/policies/crossTenantAccessPolicy/partners/00000000-0000-0000-0000-000000000001',
      { 'client-request-id': 'abc' },
    );
    assert.equal(failed.headers.get('client-request-id'), 'abc');
    assert.ok(failed.headers.get('request-id'));
  });

  it('sends errors as {error:{code,message,innerError:{date (no Z), request-id, client-request-id}}}', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).get(
      '/policies/crossTenantAccessPolicy/partners/00000000-0000-0000-0000-000000000001',
      { 'client-request-id': 'c-1' },
    );
    assert.equal(reply.status, 404);
    assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
    const { error } = reply.body;
    assert.deepEqual(Object.keys(error), ['code', 'message', 'innerError']);
    assert.equal(error.code, 'Directory_ObjectNotFound');
    assert.equal(error.innerError.date, new Date(TEST_EPOCH).toISOString().slice(0, 19));
    assert.doesNotMatch(error.innerError.date, /Z$/);
    assert.equal(error.innerError['request-id'], reply.headers.get('request-id'));
    assert.equal(error.innerError['client-request-id'], 'c-1');
  });

  it('accepts any host and serves /beta like /v1.0', async () => {
    const { sandbox } = createSandbox();
    const token = sandbox.mintToken({ tenantId: contoso });
    for (const url of [
      'https://graph.microsoft.us/v1.0/organization',
      'http://localhost/beta/organization',
    ]) {
      const response = await sandbox.fetch(url, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, url);
      const body = await response.json();
      assert.ok(body['@odata.context'].startsWith(new URL(url).origin));
    }
  });

  it('offers fetch as a bound function, to plug into an HTTP pipeline in place of the network', async () => {
    const { sandbox } = createSandbox();
    const { fetch: sandboxFetch } = sandbox;
    const response = await sandboxFetch(
      new Request(`${GRAPH}/organization`, {
        headers: { authorization: `Bearer ${sandbox.mintToken({ tenantId: contoso })}` },
      }),
    );
    assert.equal(response.status, 200);
  });

  it('answers 400 BadRequest for an unknown segment and for an unknown version', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const unknown = await client.get('/policies/crossTenantAccessPolicy/partnerz');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'BadRequest');
    assert.match(unknown.body.error.message, /segment 'partnerz'/);
    const version = await client.get('https://graph.microsoft.com/v2.0/organization');
    assert.equal(version.status, 400);
    assert.match(version.body.error.message, /version/i);
  });

  it('answers 405 for a method the resource does not support', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).send(
      'DELETE',
      '/policies/crossTenantAccessPolicy',
    );
    assert.equal(reply.status, 405);
    assert.ok(reply.body.error.code);
  });

  it('rejects a body that is not JSON (400) and a body sent without application/json (415)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const notJson = await client.send(
      'PATCH',
      '/policies/crossTenantAccessPolicy/default',
      '{"inboundTrust": ',
      { 'content-type': 'application/json' },
    );
    assert.equal(notJson.status, 400);
    const token = sandbox.mintToken({ tenantId: contoso });
    const plain = await sandbox.fetch(`${GRAPH}/policies/crossTenantAccessPolicy/default`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}` },
      body: '{}',
    });
    assert.equal(plain.status, 415);
  });

  it('rejects a JSON body that is not an object', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).send(
      'PATCH',
      '/policies/crossTenantAccessPolicy',
      '[1,2]',
      { 'content-type': 'application/json' },
    );
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'Request_BadRequest');
  });

  it('rejects query options an endpoint does not support, unknown $ options and repeated ones', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.get("/policies/crossTenantAccessPolicy?$filter=displayName eq 'x'")).status,
      400,
    );
    assert.equal((await client.get('/organization?$frobnicate=1')).status, 400);
    assert.equal((await client.get('/organization?$select=id&$select=displayName')).status, 400);
    // Custom (non-$) parameters are ignored, as Graph does.
    assert.equal((await client.get('/organization?foo=bar')).status, 200);
  });

  it('answers 400 for an unknown $select property and serves only the selected ones', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.get('/organization?$select=nope')).status, 400);
    const selected = await client.get('/organization?$select=displayName,ID');
    assert.deepEqual(Object.keys(selected.body.value[0]).sort(), ['displayName', 'id']);
  });

  it('matches path segments case-insensitively and tolerates a trailing slash', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.get('/Policies/CrossTenantAccessPolicy/Default')).status, 200);
    assert.equal((await client.get('/policies/crossTenantAccessPolicy/partners/')).status, 200);
  });
});
