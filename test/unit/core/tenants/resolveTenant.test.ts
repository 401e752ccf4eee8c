import assert from 'node:assert/strict';
import {
  resolveTenantId,
  validateTenantInput,
  TenantInputError,
  type FetchLike,
} from '../../../../src/core/tenants/resolveTenant';

const ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function fakeAuthority(domains: Record<string, string>): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url) => {
      urls.push(url);
      const m = /^https:\/\/login\.[^/]+\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(
        url,
      );
      const id = m && domains[decodeURIComponent(m[1])];
      if (!id)
        return Promise.resolve(
          new Response(JSON.stringify({ error: 'invalid_tenant' }), { status: 400 }),
        );
      return Promise.resolve(
        Response.json({
          issuer: `https://login.microsoftonline.com/${id}/v2.0`,
          token_endpoint: 'x',
        }),
      );
    },
  };
}

describe('resolveTenantId', () => {
  it('accepts a tenant id as is, without a request', async () => {
    const a = fakeAuthority({});
    assert.equal(await resolveTenantId(ID.toUpperCase(), 'global', a.fetch), ID);
    assert.equal(a.urls.length, 0);
  });

  it("resolves a domain through the OpenID configuration of the cloud's authority", async () => {
    const a = fakeAuthority({ 'contoso.com': ID });
    assert.equal(await resolveTenantId(' contoso.com ', 'global', a.fetch), ID);
    assert.deepEqual(a.urls, [
      'https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration',
    ]);
  });

  it('asks the US Government authority for a US Gov tenant', async () => {
    const a = fakeAuthority({ 'agency.us': ID });
    await resolveTenantId('agency.us', 'usGov', a.fetch);
    assert.match(a.urls[0], /^https:\/\/login\.microsoftonline\.us\//);
  });

  it('says so when no tenant has the domain', async () => {
    const a = fakeAuthority({});
    await assert.rejects(
      resolveTenantId('nobody.example', 'global', a.fetch),
      (e: Error) =>
        e instanceof TenantInputError &&
        /No Entra tenant uses the domain nobody\.example/.test(e.message),
    );
  });

  it('names the host it could not reach and the fix, not just "fetch failed"', async () => {
    const offline: FetchLike = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: new Error('getaddrinfo ENOTFOUND login.microsoftonline.com'),
        }),
      );
    await assert.rejects(resolveTenantId('contoso.com', 'global', offline), {
      message:
        "Could not reach login.microsoftonline.com to look up contoso.com (getaddrinfo ENOTFOUND login.microsoftonline.com). Check the network connection and VS Code's proxy setting (http.proxy); behind a firewall, allow login.microsoftonline.com.",
    });
    const aborted: FetchLike = () =>
      Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    await assert.rejects(resolveTenantId('contoso.com', 'global', aborted), { name: 'AbortError' });
  });

  it('rejects input that is neither a GUID nor a domain, sending nothing', async () => {
    const a = fakeAuthority({});
    assert.match(
      validateTenantInput('72f988bf-86f1-41af-91ab-2d7cd011db4') ?? '',
      /not a valid GUID/,
    );
    assert.match(validateTenantInput('') ?? '', /Enter a tenant id/);
    await assert.rejects(resolveTenantId('not a tenant', 'global', a.fetch), TenantInputError);
    assert.equal(a.urls.length, 0);
  });
});
