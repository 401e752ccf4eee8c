import assert from 'node:assert/strict';
import { putSyncSecrets } from '../../../../src/core/graph/operations/syncJobs';
import { readSyncSettings, savedSyncSettings } from '../../../../src/core/sync/savedSyncSettings';
import { SANDBOX_SYNC_CONFIGURATIONS, SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { SandboxFixture } from '../graph/support/sandbox';

const { contoso: CONTOSO, fabrikam: FABRIKAM } = SANDBOX_TENANT_IDS;
const FAB = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;

describe('savedSyncSettings', () => {
  it('reads the target, the scope and every notification setting, booleans in either spelling', () => {
    assert.deepEqual(
      savedSyncSettings([
        { key: 'AuthenticationType', value: 'SyncPolicy' },
        { key: 'companyid', value: ' 7B1E5D93-4C2A-4F6E-8A0B-9E3D1C7F2B58 ' },
        { key: 'SyncAll', value: 'True' },
        {
          key: 'SyncNotificationSettings',
          value:
            '{"Enabled":"true","Recipients":"ops@contoso.com","DeleteThresholdEnabled":true,"DeleteThresholdValue":"250","HumanResourcesLookaheadQueryEnabled":false}',
        },
      ]),
      {
        readable: true,
        companyId: '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58',
        syncAll: true,
        notifications: {
          enabled: true,
          recipients: 'ops@contoso.com',
          deleteThresholdEnabled: true,
          deleteThresholdValue: 250,
          humanResourcesLookaheadQueryEnabled: false,
        },
      },
    );
  });

  it('the three documented settings alone; no Recipients or DeleteThresholdValue is no value', () => {
    assert.deepEqual(
      savedSyncSettings([
        {
          key: 'SyncNotificationSettings',
          value:
            '{"Enabled":false,"DeleteThresholdEnabled":false,"HumanResourcesLookaheadQueryEnabled":false}',
        },
      ]),
      {
        readable: true,
        notifications: {
          enabled: false,
          deleteThresholdEnabled: false,
          humanResourcesLookaheadQueryEnabled: false,
        },
      },
    );
  });

  it('ignores what it cannot use: a CompanyId that is no GUID, broken JSON, masked passwords', () => {
    const settings = savedSyncSettings([
      { key: 'CompanyId', value: 'contoso.com' },
      { key: 'SyncNotificationSettings', value: '{"Enabled":' },
      { key: 'Password', value: '*****' },
    ]);
    assert.deepEqual(settings, { readable: true });
    assert.ok(!JSON.stringify(settings).includes('*'));
  });
});

describe('readSyncSettings against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  it('where Graph answers: the seeded Fabrikam configuration, then what a PUT saved', async () => {
    const client = fx.client(CONTOSO);
    assert.deepEqual(await readSyncSettings(client, FAB.servicePrincipalId), {
      readable: true,
      companyId: FABRIKAM,
      syncAll: false,
      notifications: {
        enabled: true,
        recipients: 'identity-ops@contoso.com',
        deleteThresholdEnabled: true,
        deleteThresholdValue: 500,
        humanResourcesLookaheadQueryEnabled: false,
      },
    });
    await putSyncSecrets(client, FAB.servicePrincipalId, [
      { key: 'AuthenticationType', value: 'SyncPolicy' },
      { key: 'CompanyId', value: CONTOSO },
      { key: 'SyncAll', value: 'true' },
    ]);
    assert.deepEqual(await readSyncSettings(client, FAB.servicePrincipalId), {
      readable: true,
      companyId: CONTOSO,
      syncAll: true,
    });
  });

  for (const [answer, reason] of [
    ['forbidden', 'Graph answered 403 Authorization_RequestDenied'],
    ['notFound', 'Graph answered 404 Request_ResourceNotFound'],
    ['badRequest', 'Graph answered 400 BadRequest'],
  ] as const) {
    it(`where Graph refuses (${answer}): not readable, saying how, and no error`, async () => {
      await fx.setAnswers({ syncSecrets: answer });
      assert.deepEqual(await readSyncSettings(fx.client(CONTOSO), FAB.servicePrincipalId), {
        readable: false,
        reason,
      });
    });
  }

  it('a cancellation is still thrown', async () => {
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(
      readSyncSettings(fx.client(CONTOSO), FAB.servicePrincipalId, { signal: abort.signal }),
      (e: Error) => e.name === 'AbortError',
    );
  });
});
