import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeUnsignedJwt, Sandbox, SANDBOX_TENANT_IDS } from '../../../src/sandbox';
import { TokenIssuer, type AccessTokenContent } from '../../support/tokenIssuer';
import { GRAPH, prop, type Body } from './graphTestClient';

const { contoso, fabrikam } = SANDBOX_TENANT_IDS;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
const APP_ID = '5b8e8f7c-1d2a-4c3b-9e4f-6a7b8c9d0e1f';
const now = (): number => Math.floor(Date.now() / 1000);

async function get(
  sandbox: Sandbox,
  token: string,
  path = PARTNERS,
): Promise<{ status: number; headers: Headers; body: Body }> {
  const response = await sandbox.fetch(`${GRAPH}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function delegated(overrides: Partial<AccessTokenContent> = {}): AccessTokenContent {
  return { tenantId: contoso, appId: APP_ID, scp: ['Policy.Read.All'], ...overrides };
}

/** Replaces one claim of a signed token without signing it again, as a forger would. */
function tampered(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const changed = {
    ...(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object),
    ...claims,
  };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
}

describe('sandbox with signed tokens (signingKeys: the identity provider JWKS)', () => {
  const issuer = TokenIssuer.create();
  const stranger = TokenIssuer.create();
  const forger = TokenIssuer.create();

  it("accepts an RS256 token signed by a published key and serves the tid's tenant", async () => {
    const sandbox = Sandbox.create({ signingKeys: issuer.jwks });
    const contosoReply = await get(sandbox, issuer.accessToken(delegated()));
    assert.equal(contosoReply.status, 200, JSON.stringify(contosoReply.body));
    assert.equal(contosoReply.body.value.length, 3);
    const fabrikamReply = await get(sandbox, issuer.accessToken(delegated({ tenantId: fabrikam })));
    assert.deepEqual(fabrikamReply.body.value.map(prop('tenantId')), [contoso]);
  });

  it('checks app-only roles like delegated scopes: Policy.Read.All reads, nothing else does', async () => {
    const sandbox = Sandbox.create({ signingKeys: issuer.jwks });
    const app = (roles: string[]): AccessTokenContent => ({
      tenantId: contoso,
      appId: APP_ID,
      roles,
      oid: '0b6e2f4a-9c1d-4e8b-a7f3-5d2c1b0a9e8f',
    });
    assert.equal((await get(sandbox, issuer.accessToken(app(['Policy.Read.All'])))).status, 200);
    const denied = await get(sandbox, issuer.accessToken(app(['Application.Read.All'])));
    assert.equal(denied.status, 403);
    assert.match(denied.body.error.message, /application permission \(roles\).*Policy\.Read\.All/);
  });

  const refused: [string, () => string, RegExp][] = [
    [
      'an unsigned sandbox token',
      () =>
        encodeUnsignedJwt({ tid: contoso, exp: now() + 600, nbf: now(), scp: 'Policy.Read.All' }),
      /not signed with RS256/,
    ],
    [
      'a token signed by a key the provider does not publish',
      () => stranger.accessToken(delegated()),
      /key the identity provider does not publish/,
    ],
    [
      'a signed token whose scopes were changed afterwards',
      () =>
        tampered(issuer.accessToken(delegated()), { scp: 'Policy.ReadWrite.CrossTenantAccess' }),
      /Invalid signature/,
    ],
    [
      'a signed token moved to another tenant',
      () => tampered(issuer.accessToken(delegated()), { tid: fabrikam }),
      /Invalid signature/,
    ],
    [
      'an expired token',
      () => issuer.accessToken(delegated({ issuedAt: now() - 7200, lifetimeSeconds: 3600 })),
      /token is expired/,
    ],
    [
      'a token not valid yet',
      () => issuer.accessToken(delegated({ issuedAt: now() + 600 })),
      /not yet valid/,
    ],
    [
      'a token for another audience',
      () => issuer.accessToken(delegated({ audience: 'https://management.azure.com' })),
      /Invalid audience/,
    ],
    [
      "a token whose issuer is another tenant's",
      () =>
        issuer.sign({
          aud: 'https://graph.microsoft.com',
          iss: `https://sts.windows.net/${fabrikam}/`,
          tid: contoso,
          nbf: now(),
          exp: now() + 600,
          scp: 'Policy.Read.All',
        }),
      /Invalid issuer/,
    ],
    [
      'an HS256 token naming a published key',
      () => {
        const signed = issuer.accessToken(delegated());
        const header = Buffer.from(
          JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: issuer.keyId }),
        ).toString('base64url');
        return `${header}.${signed.split('.').slice(1).join('.')}`;
      },
      /not signed with RS256/,
    ],
  ];
  for (const [what, token, message] of refused) {
    it(`refuses ${what} as Graph does: 401 InvalidAuthenticationToken with a Bearer challenge`, async () => {
      const sandbox = Sandbox.create({ signingKeys: issuer.jwks });
      const reply = await get(sandbox, token());
      assert.equal(reply.status, 401);
      assert.equal(reply.body.error.code, 'InvalidAuthenticationToken');
      assert.match(reply.body.error.message, message);
      assert.match(
        reply.headers.get('www-authenticate') ?? '',
        /^Bearer realm="", authorization_uri=/,
      );
      assert.ok(reply.body.error.innerError['request-id']);
    });
  }

  it('a sandbox without signingKeys still refuses signed tokens (the default for every other test)', async () => {
    const reply = await get(Sandbox.create(), issuer.accessToken(delegated()));
    assert.equal(reply.status, 401);
    assert.match(reply.body.error.message, /only accepts unsigned/);
  });

  describe('keys read from a JWKS URL', () => {
    let server: Server;
    let url = '';
    let served = issuer.jwks;
    let reads = 0;
    before(async () => {
      server = createServer((_req, res) => {
        reads++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(served));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      served = issuer.jwks;
      reads = 0;
    });

    it('reads them on the first request, not again for tokens of known keys', async () => {
      const sandbox = Sandbox.create({ signingKeys: url });
      assert.equal(reads, 0);
      for (let i = 0; i < 3; i++)
        assert.equal((await get(sandbox, issuer.accessToken(delegated()))).status, 200);
      assert.equal(reads, 1);
    });

    it('reads them again when a token names a new key (rollover), at most once a minute', async () => {
      const sandbox = Sandbox.create({ signingKeys: url });
      assert.equal((await get(sandbox, issuer.accessToken(delegated()))).status, 200);
      served = { keys: [...issuer.jwks.keys, ...stranger.jwks.keys] };
      assert.equal((await get(sandbox, stranger.accessToken(delegated()))).status, 200);
      assert.equal(reads, 2);
      assert.equal((await get(sandbox, forger.accessToken(delegated()))).status, 401);
      assert.equal((await get(sandbox, forger.accessToken(delegated()))).status, 401);
      assert.equal(reads, 2, 'unknown key ids do not make the sandbox fetch on every request');
    });

    it('refuses every token, naming the URL, while the JWKS cannot be read', async () => {
      const sandbox = Sandbox.create({ signingKeys: 'http://127.0.0.1:9/keys' });
      const reply = await get(sandbox, issuer.accessToken(delegated()));
      assert.equal(reply.status, 401);
      assert.match(
        reply.body.error.message,
        /signing keys could not be read from http:\/\/127\.0\.0\.1:9\/keys/,
      );
    });
  });
});

describe('sandbox continuous access evaluation (revokeSignInSessions)', () => {
  const issuer = TokenIssuer.create();
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = Sandbox.create({ signingKeys: issuer.jwks });
  });
  /** The tenant's first user, as Graph lists it. */
  async function admin(): Promise<{ id: string; userPrincipalName: string }> {
    const token = issuer.accessToken(delegated({ scp: ['User.ReadBasic.All'] }));
    const reply = await get(sandbox, token, '/users?$select=id,userPrincipalName&$top=1');
    return reply.body.value[0] as { id: string; userPrincipalName: string };
  }

  async function revoke(userId: string, scp = ['User.RevokeSessions.All']): Promise<Body> {
    const response = await sandbox.fetch(`${GRAPH}/users/${userId}/revokeSignInSessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issuer.accessToken(delegated({ scp }))}` },
    });
    return { status: response.status, body: await response.json() };
  }

  it('needs User.RevokeSessions.All and answers the documented boolean', async () => {
    const user = await admin();
    const denied = await revoke(user.id, ['User.Read']);
    assert.equal(denied.status, 403);
    assert.match(denied.body.error.message, /User\.RevokeSessions\.All/);
    const done = await revoke(user.userPrincipalName);
    assert.equal(done.status, 200);
    assert.deepEqual(done.body, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean',
      value: true,
    });
    const missing = await revoke('4d3c2b1a-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
  });

  it('answers an older token of a CAE-capable client with the documented claims challenge', async () => {
    const user = await admin();
    const issuedBefore = now() - 5;
    const older = issuer.accessToken(
      delegated({ oid: user.id, clientCapabilities: ['cp1'], issuedAt: issuedBefore }),
    );
    assert.equal((await get(sandbox, older)).status, 200);
    const before = Math.floor(Date.now() / 1000);
    assert.equal((await revoke(user.id)).status, 200);
    const after = Math.floor(Date.now() / 1000);

    const reply = await get(sandbox, older);
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'InvalidAuthenticationToken');
    const challenge = reply.headers.get('www-authenticate') ?? '';
    assert.match(
      challenge,
      /^Bearer realm="", authorization_uri="[^"]+", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="[A-Za-z0-9+/=]+"$/,
    );
    const claims: Body = JSON.parse(
      Buffer.from(/claims="([^"]+)"/.exec(challenge)![1], 'base64').toString('utf8'),
    );
    const notBefore = Number(claims.access_token.nbf.value);
    assert.equal(claims.access_token.nbf.essential, true);
    assert.ok(before <= notBefore && notBefore <= after, `${before} ≤ ${notBefore} ≤ ${after}`);

    // A token issued to satisfy the claims (nbf no earlier than asked) is accepted again.
    const renewed = issuer.accessToken(
      delegated({ oid: user.id, clientCapabilities: ['cp1'], issuedAt: notBefore }),
    );
    assert.equal((await get(sandbox, renewed)).status, 200);
  });

  it('keeps serving clients that cannot answer a challenge (no cp1) and app-only tokens until they expire', async () => {
    const user = await admin();
    const issuedAt = now() - 5;
    const plain = issuer.accessToken(delegated({ oid: user.id, issuedAt }));
    const app = issuer.accessToken({
      tenantId: contoso,
      appId: APP_ID,
      roles: ['Policy.Read.All'],
      oid: user.id,
      clientCapabilities: ['cp1'],
      issuedAt,
    });
    assert.equal((await revoke(user.id)).status, 200);
    assert.equal((await get(sandbox, plain)).status, 200);
    assert.equal((await get(sandbox, app)).status, 200);
  });
});
