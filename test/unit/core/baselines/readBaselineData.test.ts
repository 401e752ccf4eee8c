import assert from 'node:assert/strict';
import { readBaselineData } from '../../../../src/core/baselines/readBaselineData';
import { b2bManagementPolicyData } from '../../../../src/core/baselines/b2bManagementPolicyData';
import { BASELINE_SOURCE_IDS } from '../../../../src/core/baselines/baselineSources';
import { GraphClient } from '../../../../src/core/graph/graphClient';
import { getAuthorizationPolicy } from '../../../../src/core/graph/operations/authorizationPolicy';
import { listB2bManagementPolicies } from '../../../../src/core/graph/operations/b2bManagementPolicies';
import { getNetworkAccessCrossTenantAccess } from '../../../../src/core/graph/operations/networkAccessSettings';
import { SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { fakeClock, json, recordingCredential, scriptedFetch } from '../graph/support/fakes';
import { SandboxFixture } from '../graph/support/sandbox';

const { contoso, northwind, tailspin } = SANDBOX_TENANT_IDS;

describe('reading what the baselines need from Graph', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  const read = (tenantId: string, beta: 'on' | 'off', scp?: readonly string[]) =>
    readBaselineData(fx.client(tenantId, scp ? { credentialOptions: { scp } } : {}), {
      sources: BASELINE_SOURCE_IDS,
      beta:
        beta === 'off'
          ? 'off'
          : fx.client(tenantId, {
              apiVersion: 'beta',
              ...(scp ? { credentialOptions: { scp } } : {}),
            }),
      folder: 'tenant.example.com',
    });

  it('reads all five sources with one request each, the two beta ones under /beta', async () => {
    const data = await read(northwind, 'on');
    assert.deepEqual(
      Object.entries(data.sources).map(([id, s]) => [id, s.state]),
      BASELINE_SOURCE_IDS.map((id) => [id, 'available']),
    );
    const urls = fx.log.map((e) => new URL(e.url).pathname).sort();
    assert.deepEqual(urls, [
      '/beta/networkAccess/settings/crossTenantAccess',
      '/beta/policies/b2bManagementPolicies',
      '/v1.0/policies/authorizationPolicy',
      '/v1.0/policies/crossTenantAccessPolicy',
      '/v1.0/policies/crossTenantAccessPolicy/default',
    ]);
    const b2b = data.sources.b2bManagementPolicy;
    assert.ok(b2b?.state === 'available');
    assert.deepEqual(b2b.value.definition, {
      B2BManagementPolicy: {
        InvitationsAllowedAndBlockedDomainsPolicy: { AllowedDomains: ['contoso.com'] },
      },
    });
    const authz = data.sources.authorizationPolicy;
    assert.ok(authz?.state === 'available');
    assert.equal(authz.value['@odata.context'], undefined);
    assert.equal(authz.value.allowInvitesFrom, 'adminsAndGuestInviters');
  });

  it('sends no beta request when beta reads are off, and says so for those sources', async () => {
    const data = await read(northwind, 'off');
    assert.ok(fx.log.every((e) => new URL(e.url).pathname.startsWith('/v1.0/')));
    assert.equal(fx.log.length, 3);
    for (const id of ['b2bManagementPolicy', 'globalSecureAccess'] as const) {
      const state = data.sources[id];
      assert.ok(state?.state === 'unavailable');
      assert.equal(state.reason, 'betaOff');
      assert.match(state.detail, /beta API, and beta reads are turned off/);
    }
  });

  it('takes a refused Global Secure Access read as the licence, a refused permission as the permission', async () => {
    const contosoData = await read(contoso, 'on');
    const gsa = contosoData.sources.globalSecureAccess;
    assert.ok(gsa?.state === 'unavailable');
    assert.equal(gsa.reason, 'licence');
    const limited = await read(tailspin, 'on', ['Policy.Read.All']);
    const b2b = limited.sources.b2bManagementPolicy;
    assert.ok(b2b?.state === 'unavailable');
    assert.equal(b2b.reason, 'permissionDenied');
    assert.match(b2b.detail, /Policy\.Read\.B2BManagementPolicy/);
    assert.equal(limited.sources.globalSecureAccess?.state, 'unavailable');
    assert.equal(
      (limited.sources.globalSecureAccess as { reason: string }).reason,
      'permissionDenied',
    );
    assert.equal(limited.sources.authorizationPolicy?.state, 'available');
  });

  it("asks for the beta reads' own permissions on top of the browse bundle", async () => {
    const credential = recordingCredential();
    const { fetch } = scriptedFetch(() => json(200, { value: [] }));
    const beta = new GraphClient({
      tenantId: contoso,
      credential,
      fetch,
      apiVersion: 'beta',
      clock: fakeClock(),
    });
    await listB2bManagementPolicies(beta);
    assert.ok(
      credential.calls[0].scopes.includes(
        'https://graph.microsoft.com/Policy.Read.B2BManagementPolicy',
      ),
    );
    assert.ok(credential.calls[0].scopes.includes('https://graph.microsoft.com/Policy.Read.All'));
  });

  it('refuses to send a beta path through a v1.0 client', async () => {
    const { fetch, calls } = scriptedFetch(() => json(200, {}));
    const v1 = new GraphClient({
      tenantId: contoso,
      credential: recordingCredential(),
      fetch,
      clock: fakeClock(),
    });
    await assert.rejects(listB2bManagementPolicies(v1), /only in the beta API/);
    await assert.rejects(getNetworkAccessCrossTenantAccess(v1), /only in the beta API/);
    assert.equal(calls.length, 0);
  });

  describe('with each plausible answer', () => {
    const client = (answer: () => Response, apiVersion: 'v1.0' | 'beta' = 'v1.0') =>
      new GraphClient({
        tenantId: contoso,
        credential: recordingCredential(),
        fetch: scriptedFetch(answer).fetch,
        apiVersion,
        clock: fakeClock(),
        retry: { maxRetries: 0 },
      });

    it('reads authorizationPolicy as a singleton or as a collection of one', async () => {
      const policy = { id: 'authorizationPolicy', allowInvitesFrom: 'none' };
      assert.equal(
        (await getAuthorizationPolicy(client(() => json(200, policy)))).allowInvitesFrom,
        'none',
      );
      assert.equal(
        (await getAuthorizationPolicy(client(() => json(200, { value: [policy] }))))
          .allowInvitesFrom,
        'none',
      );
      await assert.rejects(
        getAuthorizationPolicy(client(() => json(200, { value: [policy, policy] }))),
        /returned 2 authorization policies/,
      );
    });

    it("reads a B2B definition quoted with ' as the documentation shows, and picks the organization default", () => {
      const data = b2bManagementPolicyData([
        { id: 'a', definition: ['{"B2BManagementPolicy":{}}'], isOrganizationDefault: false },
        {
          id: 'b',
          definition: [
            "{'B2BManagementPolicy':{'InvitationsAllowedAndBlockedDomainsPolicy':{'BlockedDomains':['x.com']}}}",
          ],
          isOrganizationDefault: 'true',
        },
      ]);
      assert.equal(data.id, 'b');
      assert.deepEqual(data.definition, {
        B2BManagementPolicy: {
          InvitationsAllowedAndBlockedDomainsPolicy: { BlockedDomains: ['x.com'] },
        },
      });
      assert.deepEqual(b2bManagementPolicyData([]), { definition: {} });
      assert.throws(
        () => b2bManagementPolicyData([{ definition: ['not json'] }]),
        /not a JSON object/,
      );
    });

    it('takes any refusal of Global Secure Access other than a permission error as the licence', async () => {
      for (const [status, code] of [
        [400, 'BadRequest'],
        [403, 'Forbidden'],
        [404, 'ResourceNotFound'],
      ] as const) {
        const beta = client(() => json(status, { error: { code, message: 'no' } }), 'beta');
        const data = await readBaselineData(beta, {
          sources: ['globalSecureAccess'],
          beta,
          folder: 'x.example.com',
        });
        assert.equal(
          (data.sources.globalSecureAccess as { reason: string }).reason,
          'licence',
          `${status}`,
        );
      }
    });

    it('reports a server error as an error, not as passed or as a licence', async () => {
      const v1 = client(() =>
        json(500, { error: { code: 'InternalServerError', message: 'boom' } }),
      );
      const data = await readBaselineData(v1, {
        sources: ['authorizationPolicy'],
        beta: 'off',
        folder: 'x.example.com',
      });
      const state = data.sources.authorizationPolicy;
      assert.ok(state?.state === 'unavailable');
      assert.equal(state.reason, 'error');
      assert.match(state.detail, /500 InternalServerError/);
    });

    it('rejects with the abort when cancelled, reading nothing more', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(
        readBaselineData(
          client(() => json(200, {})),
          {
            sources: ['default'],
            beta: 'off',
            folder: 'x.example.com',
            signal: controller.signal,
          },
        ),
        (err: Error) => err.name === 'AbortError',
      );
    });
  });
});
