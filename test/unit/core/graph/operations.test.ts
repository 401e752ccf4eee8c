import assert from 'node:assert/strict';
import { buildPatch, SERVER_OWNED_PROPERTIES } from '../../../../src/core/graph/buildPatch';
import { GraphClient } from '../../../../src/core/graph/graphClient';
import { GraphError } from '../../../../src/core/graph/graphError';
import {
  addSyncAssignment,
  listSyncAssignments,
  removeSyncAssignment,
} from '../../../../src/core/graph/operations/appRoleAssignments';
import { searchGroups, searchUsers } from '../../../../src/core/graph/operations/directorySearch';
import {
  createIdentitySync,
  deleteIdentitySync,
  getIdentitySync,
  setIdentitySync,
  updateIdentitySync,
} from '../../../../src/core/graph/operations/identitySync';
import {
  createPartner,
  deletePartner,
  getPartner,
  IdentitySyncExistsError,
  listPartners,
  updatePartner,
} from '../../../../src/core/graph/operations/partners';
import {
  getDefaultConfiguration,
  getPolicy,
  resetDefaultConfiguration,
  updateDefaultConfiguration,
  updatePolicy,
} from '../../../../src/core/graph/operations/policy';
import { provisioningLogPages } from '../../../../src/core/graph/operations/provisioningLogs';
import {
  accessRoleId,
  findSyncConfigurations,
  instantiateSyncTemplate,
} from '../../../../src/core/graph/operations/syncConfigurations';
import {
  createSyncJob,
  getSyncJob,
  getSyncSchema,
  listSyncJobs,
  pauseSyncJob,
  provisionOnDemand,
  putSyncSchema,
  putSyncSecrets,
  restartSyncJob,
  startSyncJob,
  validateSyncCredentials,
} from '../../../../src/core/graph/operations/syncJobs';
import {
  findTenantInformationByDomainName,
  findTenantInformationByTenantId,
  getOrganization,
} from '../../../../src/core/graph/operations/tenants';
import {
  AZURE2AZURE_USER_RULE_ID,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
} from '../../../../src/sandbox';
import { graphErrorBody, json, recordingCredential, scriptedFetch } from './support/fakes';
import { SandboxFixture } from './support/sandbox';

const { contoso: CONTOSO, fabrikam: FABRIKAM, woodgrove: WOODGROVE } = SANDBOX_TENANT_IDS;
const SYNC = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;

describe('typed operations against the HTTP sandbox', () => {
  let fx: SandboxFixture;
  before(async () => {
    fx = await SandboxFixture.start();
  });
  after(() => fx.close());
  beforeEach(() => fx.reset());

  describe('policy and default', () => {
    it('reads and updates the policy root', async () => {
      const client = fx.client(CONTOSO);
      await updatePolicy(client, { allowedCloudEndpoints: ['microsoftonline.us'] });
      assert.deepEqual((await getPolicy(client)).allowedCloudEndpoints, ['microsoftonline.us']);
    });

    it('updates the default with a minimal PATCH and resets it to the service default', async () => {
      const client = fx.client(CONTOSO);
      const before = await getDefaultConfiguration(client);
      const after = structuredClone(before);
      after.inboundTrust = {
        isMfaAccepted: true,
        isCompliantDeviceAccepted: true,
        isHybridAzureADJoinedDeviceAccepted: false,
      };
      const patch = buildPatch(before, after, [
        ...SERVER_OWNED_PROPERTIES,
        'automaticUserConsentSettings',
      ]);
      assert.deepEqual(Object.keys(patch), ['inboundTrust']);
      await updateDefaultConfiguration(client, patch);
      const changed = await getDefaultConfiguration(client);
      assert.deepEqual(changed.inboundTrust, after.inboundTrust);
      assert.equal(changed.isServiceDefault, false);
      assert.deepEqual(
        changed.b2bCollaborationInbound,
        before.b2bCollaborationInbound,
        'untouched settings stay',
      );
      await resetDefaultConfiguration(client);
      assert.equal((await getDefaultConfiguration(client)).isServiceDefault, true);
    });
  });

  describe('partners', () => {
    it('creates, reads, patches whole settings and deletes a partner', async () => {
      const client = fx.client(CONTOSO);
      const created = await createPartner(client, {
        tenantId: WOODGROVE,
        inboundTrust: {
          isMfaAccepted: true,
          isCompliantDeviceAccepted: false,
          isHybridAzureADJoinedDeviceAccepted: false,
        },
      });
      assert.equal(created.tenantId, WOODGROVE);
      const live = await getPartner(client, WOODGROVE);
      const edited = {
        ...structuredClone(live),
        b2bCollaborationInbound: {
          usersAndGroups: {
            accessType: 'allowed' as const,
            targets: [{ target: 'AllUsers', targetType: 'user' as const }],
          },
          applications: {
            accessType: 'allowed' as const,
            targets: [{ target: 'Office365', targetType: 'application' as const }],
          },
        },
      };
      edited.inboundTrust = null;
      await updatePartner(client, WOODGROVE, buildPatch(live, edited));
      const reread = await getPartner(client, WOODGROVE);
      assert.deepEqual(reread.b2bCollaborationInbound, edited.b2bCollaborationInbound);
      assert.equal(reread.inboundTrust ?? null, null);
      assert.deepEqual(await deletePartner(client, WOODGROVE), { deletedIdentitySync: false });
      assert.ok(!(await listPartners(client)).some((p) => p.tenantId === WOODGROVE));
    });

    it('refuses to delete a partner that has identity sync, and deletes both when asked', async () => {
      const client = fx.client(FABRIKAM);
      assert.ok(await getIdentitySync(client, CONTOSO), 'seed: Fabrikam allows sync from Contoso');
      await assert.rejects(
        deletePartner(client, CONTOSO),
        (e: unknown) =>
          e instanceof IdentitySyncExistsError &&
          e.partnerTenantId === CONTOSO &&
          /Delete the identity synchronization first/.test(e.message),
      );
      assert.ok(await getPartner(client, CONTOSO), 'nothing was deleted');
      fx.log.length = 0;
      assert.deepEqual(await deletePartner(client, CONTOSO, { deleteIdentitySync: true }), {
        deletedIdentitySync: true,
      });
      assert.deepEqual(
        fx.log.map((e) => [e.method, e.operation, e.status]),
        [
          ['GET', 'identitySync.get', 200],
          ['DELETE', 'identitySync.delete', 204],
          ['DELETE', 'partner.delete', 204],
        ],
      );
      await assert.rejects(getPartner(client, CONTOSO), (e: GraphError) => e.status === 404);
    });
  });

  describe('identity synchronization', () => {
    it('creates with PUT (409 when present) and updates with PATCH (404 when absent)', async () => {
      const client = fx.client(CONTOSO);
      await createPartner(client, { tenantId: WOODGROVE });
      assert.equal(await getIdentitySync(client, WOODGROVE), undefined);
      await assert.rejects(
        updateIdentitySync(client, WOODGROVE, { userSyncInbound: { isSyncAllowed: true } }),
        (e: GraphError) => e.status === 404,
      );
      await createIdentitySync(client, WOODGROVE, {
        displayName: 'Woodgrove',
        userSyncInbound: { isSyncAllowed: true },
      });
      await assert.rejects(
        createIdentitySync(client, WOODGROVE, { userSyncInbound: { isSyncAllowed: true } }),
        (e: GraphError) => e.status === 409,
      );
      await deleteIdentitySync(client, WOODGROVE);
      assert.equal(await getIdentitySync(client, WOODGROVE), undefined);
    });

    for (const answer of ['directoryObjectNotFound', 'resourceNotFound'] as const) {
      it(`no identity sync is undefined, not an error (sandbox answers ${answer === 'directoryObjectNotFound' ? '404' : '400 Request_ResourceNotFound'}); a partner deletes without one`, async () => {
        await fx.setAnswers({ missingIdentitySync: answer });
        const client = fx.client(CONTOSO);
        await createPartner(client, { tenantId: WOODGROVE });
        assert.equal(await getIdentitySync(client, WOODGROVE), undefined);
        assert.equal(
          await setIdentitySync(client, WOODGROVE, { userSyncInbound: { isSyncAllowed: true } }),
          'created',
        );
        await deleteIdentitySync(client, WOODGROVE);
        await deletePartner(client, WOODGROVE);
        await assert.rejects(getPartner(client, WOODGROVE), (e: GraphError) => e.status === 404);
      });
    }

    it('a refusal that is not "none" stays an error', async () => {
      const client = new GraphClient({
        tenantId: CONTOSO,
        credential: recordingCredential(),
        fetch: scriptedFetch(() =>
          json(400, graphErrorBody('Request_BadRequest', 'Invalid partner tenant id.')),
        ).fetch,
      });
      await assert.rejects(getIdentitySync(client, WOODGROVE), (e: GraphError) => e.status === 400);
    });

    for (const answer of ['conflict', 'badRequest'] as const) {
      it(`setIdentitySync: a policy another admin created after our GET turns the PUT into a PATCH (${answer === 'conflict' ? '409, as documented' : '400 with the code'})`, async () => {
        await fx.setAnswers({ alreadyExists: answer });
        // Fabrikam has Contoso's policy; the GET is made to miss it.
        let hidden = false;
        const client = fx.client(FABRIKAM, {
          fetch: (url, init) => {
            if (
              !hidden &&
              (init?.method ?? 'GET') === 'GET' &&
              url.includes('identitySynchronization')
            ) {
              hidden = true;
              return Promise.resolve(
                new Response(
                  JSON.stringify({ error: { code: 'Directory_ObjectNotFound', message: 'none' } }),
                  { status: 404, headers: { 'content-type': 'application/json' } },
                ),
              );
            }
            return globalThis.fetch(url, init);
          },
        });
        assert.equal(
          await setIdentitySync(client, CONTOSO, { userSyncInbound: { isSyncAllowed: false } }),
          'updated',
        );
        assert.equal(
          (await getIdentitySync(fx.client(FABRIKAM), CONTOSO))?.userSyncInbound?.isSyncAllowed,
          false,
        );
      });
    }

    it('setIdentitySync creates first, then updates', async () => {
      const client = fx.client(CONTOSO);
      await createPartner(client, { tenantId: WOODGROVE });
      assert.equal(
        await setIdentitySync(client, WOODGROVE, {
          displayName: 'Woodgrove',
          userSyncInbound: { isSyncAllowed: true },
        }),
        'created',
      );
      assert.equal(
        await setIdentitySync(client, WOODGROVE, { userSyncInbound: { isSyncAllowed: false } }),
        'updated',
      );
      const policy = await getIdentitySync(client, WOODGROVE);
      assert.equal(policy?.userSyncInbound?.isSyncAllowed, false);
      assert.equal(policy?.tenantId, WOODGROVE);
    });
  });

  describe('tenants', () => {
    it('looks tenants up by id and by domain, quoting the literal', async () => {
      const client = fx.client(CONTOSO);
      assert.equal(
        (await findTenantInformationByTenantId(client, FABRIKAM)).defaultDomainName,
        'fabrikamretail.onmicrosoft.com',
      );
      assert.equal(
        (await findTenantInformationByDomainName(client, 'contoso.com')).tenantId,
        CONTOSO,
      );
      await assert.rejects(
        findTenantInformationByDomainName(client, "o'brien.com"),
        (e: GraphError) => e.status === 404,
      );
    });

    it('refuses tenant lookup outside the global cloud without sending anything', async () => {
      const { fetch, calls } = scriptedFetch(() => new Response('{}'));
      const client = new GraphClient({
        tenantId: CONTOSO,
        credential: recordingCredential(),
        cloud: 'usGov',
        fetch,
      });
      await assert.rejects(
        findTenantInformationByTenantId(client, FABRIKAM),
        /only available in the global cloud; tenant .* is in US Government \(GCC High, L4\)/,
      );
      await assert.rejects(
        findTenantInformationByDomainName(client, 'contoso.com'),
        /only available in the global cloud/,
      );
      assert.equal(calls.length, 0);
    });

    it('reads the signed-in organization', async () => {
      const org = await getOrganization(fx.client(CONTOSO));
      assert.equal(org.id, CONTOSO);
      assert.ok(org.verifiedDomains?.some((d) => d.name === 'contoso.com'));
    });

    it('searches users by the start of their name, user principal name or mail', async () => {
      const client = fx.client(CONTOSO);
      const users = await searchUsers(client, 'A', { top: 5 });
      assert.ok(users.length > 0 && users.length <= 5);
      assert.ok(
        users.every((u) =>
          [u.displayName, u.userPrincipalName, u.mail].some((v) =>
            v?.toLowerCase().startsWith('a'),
          ),
        ),
      );
      assert.equal(
        new URL(fx.log[0].url).searchParams.get('$filter'),
        "startswith(displayName,'A') or startswith(userPrincipalName,'A') or startswith(mail,'A')",
      );
      // What an admin copies from a sign-in or an address finds the user.
      const byUpn = await searchUsers(client, 'adele.chen');
      assert.deepEqual(
        byUpn.map((u) => [u.displayName, u.userPrincipalName]),
        [['Adele Chen', 'adele.chen@contoso.com']],
      );
    });

    it('searches groups by the start of their name or mail', async () => {
      const client = fx.client(CONTOSO);
      await searchGroups(client, 'x');
      assert.equal(
        new URL(fx.log[0].url).searchParams.get('$filter'),
        "startswith(displayName,'x') or startswith(mail,'x')",
      );
      const groups = await searchGroups(client, 'All Emp');
      assert.deepEqual(
        groups.map((g) => g.displayName),
        ['All Employees'],
      );
    });
  });

  describe('cross-tenant sync', () => {
    it('finds the sync configurations and their msiam_access role', async () => {
      const configs = await findSyncConfigurations(fx.client(CONTOSO));
      const fabrikam = configs.find((c) => c.id === SYNC.servicePrincipalId);
      assert.ok(fabrikam, JSON.stringify(configs.map((c) => c.displayName)));
      assert.equal(accessRoleId(fabrikam), SYNC.appRoleId);
      assert.ok(
        configs.every((c) => c.applicationTemplateId === '518e5f48-1fc8-4c48-9387-9fdf28b0dfe7'),
      );
    });

    it('lists, reads, pauses, starts and restarts a job', async () => {
      const client = fx.client(CONTOSO);
      const jobs = await listSyncJobs(client, SYNC.servicePrincipalId);
      assert.ok(jobs.some((j) => j.id === SYNC.jobId));
      await pauseSyncJob(client, SYNC.servicePrincipalId, SYNC.jobId);
      assert.equal(
        (await getSyncJob(client, SYNC.servicePrincipalId, SYNC.jobId)).status?.code,
        'Paused',
      );
      await startSyncJob(client, SYNC.servicePrincipalId, SYNC.jobId);
      assert.notEqual(
        (await getSyncJob(client, SYNC.servicePrincipalId, SYNC.jobId)).status?.code,
        'Paused',
      );
      await restartSyncJob(client, SYNC.servicePrincipalId, SYNC.jobId, [
        'Watermark',
        'Escrows',
        'QuarantineState',
      ]);
      assert.equal(fx.log.at(-1)?.status, 204);
    });

    it('provisions on demand and parses the JSON inside the answer', async () => {
      const client = fx.client(CONTOSO);
      const [user] = await searchUsers(client, 'A', { top: 1 });
      const result = await provisionOnDemand(client, SYNC.servicePrincipalId, SYNC.jobId, [
        {
          ruleId: AZURE2AZURE_USER_RULE_ID,
          subjects: [{ objectId: user.id, objectTypeName: 'User' }],
        },
      ]);
      assert.notEqual(result.outcome, 'unknown', JSON.stringify(result.raw));
      assert.ok(result.steps.length > 0);
      assert.ok(result.steps.every((s) => s.type === s.type.toLowerCase()));
    });

    it('validates credentials, replaces secrets and round-trips the schema', async () => {
      const client = fx.client(CONTOSO);
      const credentials = [
        { key: 'CompanyId', value: FABRIKAM },
        { key: 'AuthenticationType', value: 'SyncPolicy' },
      ];
      await validateSyncCredentials(client, SYNC.servicePrincipalId, {
        templateId: 'Azure2Azure',
        useSavedCredentials: false,
        credentials,
      });
      await putSyncSecrets(client, SYNC.servicePrincipalId, [
        ...credentials,
        { key: 'SyncAll', value: 'false' },
      ]);
      const schema = await getSyncSchema(client, SYNC.servicePrincipalId, SYNC.jobId);
      assert.ok(schema.synchronizationRules?.some((r) => r.id === AZURE2AZURE_USER_RULE_ID));
      await putSyncSchema(client, SYNC.servicePrincipalId, SYNC.jobId, schema);
      assert.deepEqual(
        (await getSyncSchema(client, SYNC.servicePrincipalId, SYNC.jobId)).synchronizationRules,
        schema.synchronizationRules,
      );
    });

    it('instantiates a configuration and creates its job', async () => {
      const client = fx.client(CONTOSO);
      const { servicePrincipal } = await instantiateSyncTemplate(client, 'Woodgrove Bank');
      assert.ok(servicePrincipal.id);
      const job = await createSyncJob(client, servicePrincipal.id);
      assert.equal(job.templateId, 'Azure2Azure');
      assert.ok((await findSyncConfigurations(client)).some((c) => c.id === servicePrincipal.id));
    });

    it('lists, adds and removes assignments', async () => {
      const client = fx.client(CONTOSO);
      const before = await listSyncAssignments(client, SYNC.servicePrincipalId);
      assert.ok(before.some((a) => a.principalId === SYNC.assignedGroupId));
      const [user] = await searchUsers(client, 'B', { top: 1 });
      const added = await addSyncAssignment(
        client,
        SYNC.servicePrincipalId,
        user.id!,
        SYNC.appRoleId,
      );
      assert.equal(added.principalId, user.id);
      assert.equal(
        (await listSyncAssignments(client, SYNC.servicePrincipalId)).length,
        before.length + 1,
      );
      await removeSyncAssignment(client, SYNC.servicePrincipalId, added.id!);
      assert.equal(
        (await listSyncAssignments(client, SYNC.servicePrincipalId)).length,
        before.length,
      );
    });

    it('pages filtered provisioning logs newest first', async () => {
      const client = fx.client(CONTOSO);
      const pages = provisioningLogPages(client, {
        servicePrincipalId: SYNC.servicePrincipalId,
        status: 'failure',
        pageSize: 5,
      });
      const seen = [];
      for await (const page of pages) {
        seen.push(...page);
        if (seen.length >= 15) break;
      }
      assert.ok(seen.length > 0);
      assert.ok(
        seen.every(
          (e) =>
            e.servicePrincipal?.id === SYNC.servicePrincipalId &&
            e.provisioningStatusInfo?.status === 'failure',
        ),
      );
      const times = seen.map((e) => Date.parse(e.activityDateTime!));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
      assert.match(fx.log[0].url, /\$orderby=activityDateTime%20desc/);
    });

    it('filters logs by time with gt/lt', async () => {
      const client = fx.client(CONTOSO);
      const now = fx.clock.now();
      const after = new Date(now - 2 * 86_400_000);
      const before = new Date(now - 86_400_000);
      const first = await provisioningLogPages(client, { after, before, pageSize: 50 }).next();
      const entries = first.value ?? [];
      assert.ok(entries.length > 0);
      assert.ok(
        entries.every(
          (e) =>
            Date.parse(e.activityDateTime!) > after.getTime() &&
            Date.parse(e.activityDateTime!) < before.getTime(),
        ),
      );
      assert.ok(
        decodeURIComponent(fx.log[0].url).includes(
          `activityDateTime gt ${after.toISOString()} and activityDateTime lt ${before.toISOString()}`,
        ),
        'date literals unquoted',
      );
    });
  });
});
