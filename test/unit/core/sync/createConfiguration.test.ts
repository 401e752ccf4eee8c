import assert from 'node:assert/strict';
import { GraphError } from '../../../../src/core/graph/graphError';
import { findSyncConfigurations } from '../../../../src/core/graph/operations/syncConfigurations';
import {
  getSyncJob,
  validateSyncCredentials,
} from '../../../../src/core/graph/operations/syncJobs';
import {
  createSyncConfiguration,
  deleteSyncConfiguration,
  explainCredentialFailure,
  isFailedConnectionTest,
  syncSecrets,
  type CreateStep,
} from '../../../../src/core/sync/createConfiguration';
import { SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { SandboxFixture } from '../graph/support/sandbox';

const { contoso: CONTOSO, fabrikam: FABRIKAM, woodgrove: WOODGROVE } = SANDBOX_TENANT_IDS;

function policyError(init: {
  code?: string;
  message?: string;
  details?: { code?: string; message?: string; target?: string }[];
}): GraphError {
  return new GraphError({
    status: 400,
    code: init.code ?? 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
    message: init.message ?? 'Policy check failed.',
    details: init.details,
    method: 'POST',
    url: 'https://graph.microsoft.com/v1.0/x',
    tenantId: CONTOSO,
  });
}

describe('createSyncConfiguration against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  it('creates a working configuration for a pair whose policies allow sync', async () => {
    const client = fx.client(CONTOSO);
    const steps: CreateStep[] = [];
    const created = await createSyncConfiguration(
      client,
      {
        displayName: 'Fabrikam Two',
        targetTenantId: FABRIKAM,
        notificationEmail: 'ops@contoso.com',
        deletionThreshold: 200,
      },
      { onStep: (s) => steps.push(s) },
    );
    assert.deepEqual(steps, [
      'instantiate',
      'waitForServicePrincipal',
      'createJob',
      'saveCredentials',
      'testConnection',
    ]);
    assert.deepEqual(created.test, { ok: true });
    const job = await getSyncJob(client, created.servicePrincipalId, created.jobId);
    assert.equal(job.templateId, 'Azure2Azure');
    assert.ok(
      (await findSyncConfigurations(client)).some(
        (sp) => sp.id === created.servicePrincipalId && sp.appId === created.appId,
      ),
    );
    // The secrets were saved: a test with the saved credentials passes.
    await validateSyncCredentials(
      client,
      created.servicePrincipalId,
      { useSavedCredentials: true, credentials: [] },
      { jobId: created.jobId },
    );
  });

  for (const answer of ['none', 'perProblem'] as const) {
    it(`reports which tenant must change what when the connection test fails (${answer === 'none' ? 'status and message only' : 'with the sandbox detail codes'})`, async () => {
      await fx.setAnswers({ credentialTestDetails: answer });
      const created = await createSyncConfiguration(
        fx.client(CONTOSO),
        { displayName: 'Woodgrove', targetTenantId: WOODGROVE },
        { onStep: () => undefined },
      );
      assert.equal(created.test.ok, false);
      const problems = created.test.ok ? [] : created.test.explanation;
      assert.deepEqual(
        problems.map((p) => [p.tenant, p.tenantId, p.setting]),
        [
          ['source', CONTOSO, 'automaticUserConsentSettings.outboundAllowed'],
          ['target', WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed'],
          ['target', WOODGROVE, 'automaticUserConsentSettings.inboundAllowed'],
        ],
      );
      assert.match(
        problems[0].message,
        /^The source tenant Contoso Group has not enabled outbound/,
      );
      assert.match(
        problems[1].message,
        /^The target tenant Woodgrove Bank has not enabled inbound user synchronization/,
      );
    });
  }

  it('waits for a service principal that is not readable yet, backing off and saying so', async () => {
    let notFound = 2;
    const client = fx.client(CONTOSO, {
      fetch: (url, init) => {
        if (
          (init?.method ?? 'GET') === 'GET' &&
          /\/servicePrincipals\/[0-9a-f-]{36}\?/.test(url) &&
          notFound-- > 0
        ) {
          return Promise.resolve(
            new Response(
              JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: 'not yet' } }),
              { status: 404, headers: { 'content-type': 'application/json' } },
            ),
          );
        }
        return globalThis.fetch(url, init);
      },
    });
    const slept: number[] = [];
    const details: string[] = [];
    const created = await createSyncConfiguration(
      client,
      { displayName: 'Slow', targetTenantId: FABRIKAM },
      {
        onStep: (s, d) => {
          if (s === 'waitForServicePrincipal' && d) details.push(d);
        },
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
      },
    );
    assert.deepEqual(slept, [1000, 2000]);
    assert.deepEqual(details, ['waiting 1s', 'waiting 2s']);
    assert.equal(created.test.ok, true);
  });

  it('gives up after a bounded number of 404s', async () => {
    const client = fx.client(CONTOSO, {
      fetch: (url, init) =>
        (init?.method ?? 'GET') === 'GET' && /\/servicePrincipals\/[0-9a-f-]{36}\?/.test(url)
          ? Promise.resolve(
              new Response(
                JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: 'gone' } }),
                { status: 404, headers: { 'content-type': 'application/json' } },
              ),
            )
          : globalThis.fetch(url, init),
    });
    let sleeps = 0;
    await assert.rejects(
      createSyncConfiguration(
        client,
        { displayName: 'Never', targetTenantId: FABRIKAM },
        { onStep: () => undefined, sleep: () => Promise.resolve(void sleeps++) },
      ),
      (e: unknown) => e instanceof GraphError && e.status === 404,
    );
    assert.ok(sleeps > 0 && sleeps <= 10, String(sleeps));
  });

  it('stops on abort', async () => {
    await assert.rejects(
      createSyncConfiguration(
        fx.client(CONTOSO),
        { displayName: 'X', targetTenantId: FABRIKAM },
        { onStep: () => undefined, signal: AbortSignal.abort() },
      ),
      { name: 'AbortError' },
    );
  });

  const deletions: { name: string; byApplication: boolean }[] = [
    { name: 'deletes a configuration through its application', byApplication: true },
    { name: 'deletes a configuration through its service principal', byApplication: false },
  ];
  for (const d of deletions) {
    it(d.name + '; deleting again is not an error', async () => {
      const client = fx.client(CONTOSO);
      const created = await createSyncConfiguration(
        client,
        { displayName: 'Temp', targetTenantId: FABRIKAM },
        { onStep: () => undefined },
      );
      assert.ok(created.applicationObjectId);
      const appId = d.byApplication ? created.applicationObjectId : undefined;
      await deleteSyncConfiguration(client, created.servicePrincipalId, appId);
      assert.ok(
        !(await findSyncConfigurations(client)).some((sp) => sp.id === created.servicePrincipalId),
      );
      await assert.rejects(
        getSyncJob(client, created.servicePrincipalId, created.jobId),
        (e: unknown) => e instanceof GraphError && e.status === 404,
      );
      await deleteSyncConfiguration(client, created.servicePrincipalId, appId);
    });
  }
});

describe('syncSecrets', () => {
  const cases: {
    name: string;
    input: Parameters<typeof syncSecrets>[0];
    settings: Record<string, unknown>;
    syncAll: string;
  }[] = [
    {
      name: 'defaults: notifications and deletion prevention off, assigned only',
      input: { displayName: 'x', targetTenantId: FABRIKAM },
      settings: {
        Enabled: false,
        DeleteThresholdEnabled: false,
        HumanResourcesLookaheadQueryEnabled: false,
      },
      syncAll: 'false',
    },
    {
      name: 'email and threshold',
      input: {
        displayName: 'x',
        targetTenantId: FABRIKAM,
        notificationEmail: 'a@b.c',
        deletionThreshold: 50,
        syncAll: true,
      },
      settings: {
        Enabled: true,
        Recipients: 'a@b.c',
        DeleteThresholdEnabled: true,
        DeleteThresholdValue: 50,
        HumanResourcesLookaheadQueryEnabled: false,
      },
      syncAll: 'true',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const secrets = Object.fromEntries(syncSecrets(c.input).map((s) => [s.key, s.value]));
      assert.deepEqual(Object.keys(secrets).sort(), [
        'AuthenticationType',
        'CompanyId',
        'SyncAll',
        'SyncNotificationSettings',
      ]);
      assert.equal(secrets.AuthenticationType, 'SyncPolicy');
      assert.equal(secrets.CompanyId, FABRIKAM);
      assert.equal(secrets.SyncAll, c.syncAll);
      assert.deepEqual(JSON.parse(secrets.SyncNotificationSettings), c.settings);
    });
  }
});

describe('isFailedConnectionTest', () => {
  const refusal = (status: number) =>
    new GraphError({
      status,
      code: 'x',
      message: 'm',
      method: 'POST',
      url: 'u',
      tenantId: CONTOSO,
    });
  it('any 4xx answer of the test is its verdict (Microsoft documents no status)', () => {
    for (const status of [400, 404, 409, 422])
      assert.equal(isFailedConnectionTest(refusal(status)), true, String(status));
  });
  it('sign-in, permission, throttling, server and network trouble are not', () => {
    for (const status of [0, 401, 403, 429, 500, 503])
      assert.equal(isFailedConnectionTest(refusal(status)), false, String(status));
    assert.equal(isFailedConnectionTest(new Error('400')), false);
  });
});

describe('explainCredentialFailure', () => {
  const cases: {
    name: string;
    err: unknown;
    expect: [tenant: string, tenantId: string, setting: string][];
    messages?: string[];
  }[] = [
    {
      name: 'sandbox details: one problem per detail, side from its target',
      err: policyError({
        details: [
          { code: 'OutboundAutomaticRedemptionNotEnabled', message: 'out', target: CONTOSO },
          { code: 'InboundUserSyncNotAllowed', message: 'sync', target: WOODGROVE },
          { code: 'InboundAutomaticRedemptionNotEnabled', message: 'in', target: WOODGROVE },
        ],
      }),
      expect: [
        ['source', CONTOSO, 'automaticUserConsentSettings.outboundAllowed'],
        ['target', WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed'],
        ['target', WOODGROVE, 'automaticUserConsentSettings.inboundAllowed'],
      ],
    },
    {
      name: 'documented code with the source-side detail text',
      err: policyError({
        message: 'The source tenant has not enabled outbound automatic user consent.',
      }),
      expect: [['source', CONTOSO, 'automaticUserConsentSettings.outboundAllowed']],
    },
    {
      name: 'older code with the target-side detail text',
      err: policyError({
        code: 'AzureDirectoryB2BManagementPolicyCheckFailure',
        message: 'The target tenant has not enabled inbound synchronization for this source.',
      }),
      expect: [['target', WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed']],
    },
    {
      name: "no details: each sentence of the message names its side, and is that problem's message",
      err: policyError({
        message:
          'Policy permitting auto-redemption of invitations and user synchronization is not configured. The target tenant Woodgrove Bank has not enabled inbound user synchronization for Contoso Group.',
      }),
      expect: [['target', WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed']],
      messages: [
        'The target tenant Woodgrove Bank has not enabled inbound user synchronization for Contoso Group.',
      ],
    },
    {
      name: 'a generic code and status with the documented portal text: all three settings',
      err: policyError({
        code: 'BadRequest',
        message: 'Policy permitting auto-redemption of invitations not configured.',
      }),
      expect: [
        ['source', CONTOSO, 'automaticUserConsentSettings.outboundAllowed'],
        ['target', WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed'],
        ['target', WOODGROVE, 'automaticUserConsentSettings.inboundAllowed'],
      ],
    },
    {
      name: 'details of codes it does not know: explained from the message',
      err: policyError({
        code: 'Request_BadRequest',
        message: 'The source tenant has not enabled outbound automatic user consent.',
        details: [{ code: 'SomethingNew', message: 'x', target: WOODGROVE }],
      }),
      expect: [['source', CONTOSO, 'automaticUserConsentSettings.outboundAllowed']],
    },
    {
      name: 'documented code without a telling message: all three settings',
      err: policyError({
        code: 'AzureDirectoryB2BManagementPolicyCheckFailure',
        message: 'Policy permitting auto-redemption of invitations not configured.',
      }),
      expect: [
        ['source', CONTOSO, 'automaticUserConsentSettings.outboundAllowed'],
        ['target', WOODGROVE, 'identitySynchronization.userSyncInbound.isSyncAllowed'],
        ['target', WOODGROVE, 'automaticUserConsentSettings.inboundAllowed'],
      ],
    },
    {
      name: 'anything else: one "other" problem',
      err: policyError({ code: 'Request_BadRequest', message: 'The CompanyId is not a GUID.' }),
      expect: [['target', WOODGROVE, 'other']],
    },
    {
      name: 'not a GraphError',
      err: new Error('socket hang up'),
      expect: [['target', WOODGROVE, 'other']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const problems = explainCredentialFailure(c.err, CONTOSO, WOODGROVE);
      assert.deepEqual(
        problems.map((p) => [p.tenant, p.tenantId, p.setting]),
        c.expect,
      );
      assert.ok(problems.every((p) => p.message.length > 0));
      if (c.messages)
        assert.deepEqual(
          problems.map((p) => p.message),
          c.messages,
        );
    });
  }
});
