import assert from 'node:assert/strict';
import {
  AZURE2AZURE_USER_RULE_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  CYCLE_DELAY_MS,
  FABRIKAM_SYNC_GROUP_ID,
  SANDBOX_BOX_SERVICE_PRINCIPAL_ID,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
} from '../../../src/sandbox';
import {
  createSandbox,
  GraphTestClient,
  type TestClock,
  type Body,
  prop,
  props,
} from './graphTestClient';

const { contoso, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
const FAB = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
const TAIL = SANDBOX_SYNC_CONFIGURATIONS.tailspin;
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
const jobs = (sp: string) => `/servicePrincipals/${sp}/synchronization/jobs`;
const job = (c: { servicePrincipalId: string; jobId: string }) =>
  `${jobs(c.servicePrincipalId)}/${c.jobId}`;
const credentials = (target: string) => ({
  useSavedCredentials: false,
  templateId: 'Azure2Azure',
  credentials: [
    { key: 'CompanyId', value: target },
    { key: 'AuthenticationType', value: 'SyncPolicy' },
  ],
});
const onDemand = (
  objectId: string,
  objectTypeName = 'User',
  ruleId = AZURE2AZURE_USER_RULE_ID,
) => ({ parameters: [{ ruleId, subjects: [{ objectId, objectTypeName }] }] });

/** A Contoso member the Fabrikam configuration does not cover (not in its group, not directly assigned). */
async function unassignedUser(client: GraphTestClient): Promise<Body> {
  const members = new Set(
    (
      await client.get(`/groups/${FABRIKAM_SYNC_GROUP_ID}/members?$top=999&$select=id`)
    ).body.value.map(prop('id')),
  );
  const direct = new Set(
    (
      await client.get(`/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`)
    ).body.value.map(prop('principalId')),
  );
  const users = (
    await client.get('/users?$top=999&$select=id,userPrincipalName,accountEnabled,userType,mail')
  ).body.value;
  const found: Body = users.find(
    (u: Body) =>
      u.userType === 'Member' &&
      u.accountEnabled === true &&
      !members.has(u.id) &&
      !direct.has(u.id) &&
      !String(u.userPrincipalName).startsWith('admin@') &&
      /^[a-z.]+@contoso\.com$/.test(String(u.mail)),
  );
  return found;
}

/** Lets the pending cycle of a started or restarted job run. */
function passCycle(clock: TestClock): void {
  clock.advance(CYCLE_DELAY_MS + 1);
}

describe('sandbox cross-tenant sync configurations', () => {
  it('finds configurations by applicationTemplateId (eq) and $select', async () => {
    const { sandbox } = createSandbox();
    const reply = await new GraphTestClient(sandbox, contoso).get(
      `/servicePrincipals?$filter=applicationTemplateId eq '${CROSS_TENANT_SYNC_TEMPLATE_ID}'&$select=id,appId,displayName`,
    );
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.value.map(prop('displayName')).sort(), [
      'Fabrikam Retail',
      'Tailspin Toys',
    ]);
    assert.deepEqual(Object.keys(reply.body.value[0]).sort(), ['appId', 'displayName', 'id']);
    const all = await new GraphTestClient(sandbox, contoso).get('/servicePrincipals');
    assert.ok(all.body.value.length >= 5, 'other applications exist and are filtered out');
  });

  it('serves a configuration with its msiam_access app role; 404 Request_ResourceNotFound for unknown ids', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const sp = (await client.get(`/servicePrincipals/${FAB.servicePrincipalId}`)).body;
    assert.equal(sp.applicationTemplateId, CROSS_TENANT_SYNC_TEMPLATE_ID);
    assert.equal(sp.appRoleAssignmentRequired, true);
    assert.match(sp.homepage, /metadata=aad2aadsync\|ISV9\.1\|primary\|z/);
    assert.deepEqual(sp.appRoles.map(props('displayName', 'id', 'allowedMemberTypes')), [
      ['msiam_access', FAB.appRoleId, ['User']],
    ]);
    const missing = await client.get('/servicePrincipals/00000000-0000-0000-0000-0000000000aa');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
  });

  it('instantiates the cross-tenant sync template: 201 {application, servicePrincipal}', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const reply = await client.post(
      `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`,
      { displayName: 'Woodgrove Bank' },
    );
    assert.equal(reply.status, 201);
    const { application, servicePrincipal } = reply.body;
    assert.equal(application.appId, servicePrincipal.appId);
    assert.notEqual(servicePrincipal.id, servicePrincipal.appId);
    assert.equal(servicePrincipal.appRoles[0].displayName, 'msiam_access');
    const listed = await client.get(
      `/servicePrincipals?$filter=applicationTemplateId eq '${CROSS_TENANT_SYNC_TEMPLATE_ID}'`,
    );
    assert.equal(listed.body.value.length, 3);
    assert.equal(
      (
        await client.post(
          '/applicationTemplates/00000000-0000-0000-0000-000000000123/instantiate',
          { displayName: 'x' },
        )
      ).status,
      404,
    );
    assert.equal(
      (await client.post(`/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`, {}))
        .status,
      400,
    );
  });

  it('configures sync to a new tenant end to end, with validateCredentials computed from both tenants', async () => {
    const { sandbox, clock } = createSandbox();
    const source = new GraphTestClient(sandbox, contoso);
    const target = new GraphTestClient(sandbox, woodgrove);
    const sp = (
      await source.post(`/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`, {
        displayName: 'Woodgrove Bank',
      })
    ).body.servicePrincipal;

    const created = await source.post(jobs(sp.id), { templateId: 'Azure2Azure' });
    assert.equal(created.status, 201);
    assert.equal(created.body.status.code, 'Paused');
    assert.deepEqual(created.body.schedule, {
      expiration: null,
      interval: 'PT40M',
      state: 'Disabled',
    });
    assert.deepEqual(created.body.synchronizationJobSettings.map(prop('name')), [
      'AzureIngestionAttributeOptimization',
      'LookaheadQueryEnabled',
    ]);
    assert.match(
      created.body.id,
      new RegExp(`^Azure2Azure\\.${contoso.replace(/-/g, '')}\\.[0-9a-f-]{36}$`),
    );

    // Nothing is configured yet: the message names all three missing settings and which tenant
    // must change; no details (Microsoft documents none) unless the answers switch asks for them.
    const plain = await source.post(`${jobs(sp.id)}/validateCredentials`, credentials(woodgrove));
    assert.equal(plain.status, 400);
    assert.equal(plain.body.error.code, 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure');
    assert.equal(plain.body.error.details, undefined);
    assert.deepEqual(plain.body.error.message.split(/(?<=\.) /), [
      'Policy permitting auto-redemption of invitations and user synchronization is not configured.',
      'The source tenant Contoso Group has not enabled outbound automatic user consent (automatic redemption) for Woodgrove Bank.',
      'The target tenant Woodgrove Bank has not enabled inbound user synchronization for Contoso Group.',
      'The target tenant Woodgrove Bank has not enabled inbound automatic user consent (automatic redemption) for Contoso Group.',
    ]);
    sandbox.setAnswers({ credentialTestDetails: 'perProblem' });
    const before = await source.post(`${jobs(sp.id)}/validateCredentials`, credentials(woodgrove));
    assert.equal(before.status, 400);
    assert.equal(before.body.error.message, plain.body.error.message);
    assert.deepEqual(before.body.error.details.map(props('code', 'target')), [
      ['OutboundAutomaticRedemptionNotEnabled', contoso],
      ['InboundUserSyncNotAllowed', woodgrove],
      ['InboundAutomaticRedemptionNotEnabled', woodgrove],
    ]);

    await target.post(PARTNERS, { tenantId: contoso });
    await target.put(`${PARTNERS}/${contoso}/identitySynchronization`, {
      userSyncInbound: { isSyncAllowed: true },
    });
    await target.patch(`${PARTNERS}/${contoso}`, {
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
    });
    const half = await source.post(`${jobs(sp.id)}/validateCredentials`, credentials(woodgrove));
    assert.deepEqual(half.body.error.details.map(prop('code')), [
      'OutboundAutomaticRedemptionNotEnabled',
    ]);
    await source.post(PARTNERS, {
      tenantId: woodgrove,
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
    });
    assert.equal(
      (await source.post(`${jobs(sp.id)}/validateCredentials`, credentials(woodgrove))).status,
      204,
    );

    assert.equal(
      (
        await source.put(`/servicePrincipals/${sp.id}/synchronization/secrets`, {
          value: [
            { key: 'AuthenticationType', value: 'SyncPolicy' },
            { key: 'CompanyId', value: woodgrove },
            { key: 'SyncNotificationSettings', value: '{"Enabled":false}' },
            { key: 'SyncAll', value: 'false' },
          ],
        })
      ).status,
      204,
    );
    const user = await unassignedUser(source);
    const assignment = await source.post(`/servicePrincipals/${sp.id}/appRoleAssignedTo`, {
      principalId: user.id,
      resourceId: sp.id,
      appRoleId: sp.appRoles[0].id,
    });
    assert.equal(assignment.status, 201);
    assert.doesNotMatch(assignment.body.id, /^[0-9a-f-]{36}$/);

    assert.equal(
      (await source.post(`${job({ servicePrincipalId: sp.id, jobId: created.body.id })}/start`))
        .status,
      204,
    );
    const started = (await source.get(job({ servicePrincipalId: sp.id, jobId: created.body.id })))
      .body;
    assert.equal(started.status.code, 'NotRun');
    assert.equal(started.schedule.state, 'Active');
    assert.equal(started.status.lastExecution.state, 'Failed');
    assert.equal(started.status.lastExecution.error.code, 'None');
    assert.equal(started.status.lastExecution.timeBegan, '0001-01-01T00:00:00Z');

    passCycle(clock);
    const ran = (await source.get(job({ servicePrincipalId: sp.id, jobId: created.body.id }))).body;
    assert.equal(ran.status.code, 'Active');
    assert.equal(ran.status.lastExecution.state, 'Succeeded');
    assert.deepEqual(ran.status.synchronizedEntryCountByType, [{ key: 'User', value: 1 }]);
    const logs = await new GraphTestClient(sandbox, contoso).get(
      `/auditLogs/provisioning?$filter=jobId eq '${created.body.id}'`,
    );
    assert.deepEqual(
      logs.body.value.map(
        props('sourceIdentity.id', 'provisioningAction', 'provisioningStatusInfo.status'),
      ),
      [[user.id, 'create', 'success']],
    );
    const synced = await target.get(
      `/users?$filter=startswith(userPrincipalName,'${user.mail.replace('@', '_')}')&$select=id,userType,userPrincipalName`,
    );
    assert.equal(synced.body.value.length, 1, 'the user now exists in the target tenant');
    assert.equal(synced.body.value[0].userType, 'Member');
    assert.equal(synced.body.value[0].id, logs.body.value[0].targetIdentity.id);
  });

  it('rejects credential keys outside the synchronizationSecret enum and a wrong AuthenticationType', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const bad = await client.post(`${jobs(FAB.servicePrincipalId)}/validateCredentials`, {
      credentials: [{ key: 'AzureADTenantId', value: woodgrove }],
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /AzureADTenantId/);
    const auth = await client.post(`${jobs(FAB.servicePrincipalId)}/validateCredentials`, {
      credentials: [
        { key: 'CompanyId', value: woodgrove },
        { key: 'AuthenticationType', value: 'OAuth2' },
      ],
    });
    assert.equal(auth.status, 400);
    assert.equal(
      (
        await client.put(`/servicePrincipals/${FAB.servicePrincipalId}/synchronization/secrets`, {
          credentials: [],
        })
      ).status,
      400,
    );
  });

  it('validates saved credentials of the job-bound variant: Fabrikam passes, Tailspin names its inbound setting', async () => {
    const { sandbox } = createSandbox({ answers: { credentialTestDetails: 'perProblem' } });
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.post(`${job(FAB)}/validateCredentials`, { useSavedCredentials: true })).status,
      204,
    );
    const tail = await client.post(`${job(TAIL)}/validateCredentials`, {
      useSavedCredentials: true,
    });
    assert.equal(tail.status, 400);
    assert.equal(tail.body.error.code, 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure');
    assert.match(
      tail.body.error.message,
      /Tailspin Toys has not enabled inbound automatic user consent/,
    );
    assert.deepEqual(tail.body.error.details.map(props('code', 'target')), [
      ['InboundAutomaticRedemptionNotEnabled', tailspin],
    ]);
  });
});

describe('sandbox synchronization jobs', () => {
  it('lists, gets and deletes jobs', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const list = await client.get(jobs(FAB.servicePrincipalId));
    assert.deepEqual(list.body.value.map(prop('id')), [FAB.jobId]);
    const fab = (await client.get(job(FAB))).body;
    assert.equal(fab.templateId, 'Azure2Azure');
    assert.equal(fab.status.code, 'Active');
    assert.ok(fab.status.synchronizedEntryCountByType[0].value > 200);
    assert.equal((await client.delete(job(FAB))).status, 204);
    assert.equal((await client.get(job(FAB))).status, 404);
  });

  it('rejects a template the application does not offer (400) and a second job of the same template (409)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal(
      (await client.post(jobs(FAB.servicePrincipalId), { templateId: 'BoxOutDelta' })).status,
      400,
    );
    assert.equal(
      (await client.post(jobs(FAB.servicePrincipalId), { templateId: 'Azure2Azure' })).status,
      409,
    );
    const box = await client.post(jobs(SANDBOX_BOX_SERVICE_PRINCIPAL_ID), {
      templateId: 'BoxOutDelta',
    });
    assert.equal(box.status, 201);
    assert.equal(box.body.status.code, 'NotConfigured');
    assert.equal(box.body.schedule.interval, 'P10675199DT2H48M5.4775807S');
  });

  it('seeds the Tailspin job in quarantine with the policy-check error', async () => {
    const { sandbox } = createSandbox();
    const tail = (await new GraphTestClient(sandbox, contoso).get(job(TAIL))).body;
    assert.equal(tail.status.code, 'Quarantine');
    assert.equal(tail.status.quarantine.reason, 'EncounteredQuarantineException');
    assert.equal(
      tail.status.quarantine.error.code,
      'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
    );
    assert.ok(tail.status.quarantine.seriesCount >= 3);
    assert.ok(
      Date.parse(tail.status.quarantine.nextAttempt) >
        Date.parse(tail.status.quarantine.currentBegan),
    );
  });

  it('pause (204) keeps state; start (204) resumes', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    assert.equal((await client.post(`${job(FAB)}/pause`)).status, 204);
    let fab = (await client.get(job(FAB))).body;
    assert.equal(fab.status.code, 'Paused');
    assert.equal(fab.schedule.state, 'Paused');
    assert.equal((await client.post(`${job(FAB)}/start`)).status, 204);
    fab = (await client.get(job(FAB))).body;
    assert.equal(fab.schedule.state, 'Active');
    passCycle(clock);
    fab = (await client.get(job(FAB))).body;
    assert.equal(fab.status.code, 'Active');
    assert.ok(Date.parse(fab.status.lastExecution.timeBegan) > Date.parse('2025-03-14T12:00:00Z'));
  });

  it('restart validates resetScope as a comma-separated flags enum', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (const resetScope of [
      'Watermark, Escrows, QuarantineState',
      'Full',
      'ForceDeletes',
      'None',
    ]) {
      assert.equal(
        (await client.post(`${job(FAB)}/restart`, { criteria: { resetScope } })).status,
        204,
        resetScope,
      );
    }
    for (const resetScope of ['Watermark; Escrows', 'watermark', 'Everything', 4]) {
      const reply = await client.post(`${job(FAB)}/restart`, { criteria: { resetScope } });
      assert.equal(reply.status, 400, String(resetScope));
      assert.equal(reply.body.error.code, 'Request_BadRequest');
    }
    assert.equal(
      (await client.post(`${job(FAB)}/restart`, { criteria: { resetScope: 'Full', mode: 'fast' } }))
        .status,
      400,
    );
  });

  it('restart with QuarantineState lifts the quarantine; the next cycle quarantines again while the pair still mismatches', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const before = (await client.get(job(TAIL))).body.status.quarantine.seriesCount;
    await client.post(`${job(TAIL)}/restart`, { criteria: { resetScope: 'QuarantineState' } });
    const lifted = (await client.get(job(TAIL))).body;
    assert.equal(lifted.status.quarantine, null);
    assert.equal(lifted.status.code, 'NotRun');
    passCycle(clock);
    const again = (await client.get(job(TAIL))).body;
    assert.equal(again.status.code, 'Quarantine');
    assert.equal(again.status.quarantine.seriesCount, 1, 'a new quarantine series');
    assert.notEqual(before, 0);
  });

  it('leaves quarantine by itself at the next attempt once the target fixes its inbound setting', async () => {
    const { sandbox, clock } = createSandbox();
    const source = new GraphTestClient(sandbox, contoso);
    const quarantined = (await source.get(job(TAIL))).body;
    await new GraphTestClient(sandbox, tailspin).patch(`${PARTNERS}/${contoso}`, {
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
    });
    clock.current = Date.parse(quarantined.status.quarantine.nextAttempt) + 1;
    // A day later: a fresh token.
    const healed = (await new GraphTestClient(sandbox, contoso).get(job(TAIL))).body;
    assert.equal(healed.status.code, 'Active');
    assert.equal(healed.status.quarantine, null);
    // Users that fail on their own (e.g. an invalid mail) make it EntryLevelErrors, but the job runs again.
    assert.notEqual(healed.status.lastExecution.state, 'Failed');
    assert.equal(healed.status.lastExecution.error, null);
  });
});

describe('sandbox provisionOnDemand', () => {
  it('provisions an assigned user (Success), then reports RedundantExport; key and value are JSON inside strings', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const user = await unassignedUser(client);
    await client.post(`/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`, {
      principalId: user.id,
      resourceId: FAB.servicePrincipalId,
      appRoleId: FAB.appRoleId,
    });
    const first = await client.post(`${job(FAB)}/provisionOnDemand`, onDemand(user.id));
    assert.equal(first.status, 200);
    assert.match(first.body['@odata.context'], /#microsoft\.graph\.stringKeyStringValuePair$/);
    assert.equal(typeof first.body.key, 'string');
    assert.equal(JSON.parse(first.body.key).result, 'Success');
    const value = JSON.parse(first.body.value);
    assert.equal(value.action, 'Create');
    assert.deepEqual(value.provisioningSteps.map(props('name', 'type', 'status')), [
      ['EntryImportAdd', 'Import', 'Success'],
      ['EntrySynchronizationScoping', 'Scoping', 'Success'],
      ['EntrySynchronizationAdd', 'Matching', 'Success'],
      ['EntryExportAdd', 'Export', 'Success'],
    ]);
    const second = await client.post(`${job(FAB)}/provisionOnDemand`, onDemand(user.id));
    assert.deepEqual(JSON.parse(second.body.key), {
      result: 'Skipped',
      details: {
        errorCode: 'RedundantExport',
        errorMessage: JSON.parse(second.body.value).provisioningSteps.at(-1).description,
      },
    });
    const log = await client.get(
      `/auditLogs/provisioning?$filter=sourceIdentity/id eq '${user.id}' and initiatedBy/initiatorType eq 'user'`,
    );
    assert.equal(log.body.value.length, 2);
    assert.equal(log.body.value[0].initiatedBy.displayName, 'admin@contoso.onmicrosoft.com');
  });

  it('skips an unassigned user (NotEffectivelyEntitled) and a group (EntityTypeNotSupported)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const user = await unassignedUser(client);
    const skipped = JSON.parse(
      (await client.post(`${job(FAB)}/provisionOnDemand`, onDemand(user.id))).body.key,
    );
    assert.deepEqual(skipped.details.errorCode, 'NotEffectivelyEntitled');
    const group = JSON.parse(
      (
        await client.post(
          `${job(FAB)}/provisionOnDemand`,
          onDemand(FABRIKAM_SYNC_GROUP_ID, 'Group'),
        )
      ).body.key,
    );
    assert.equal(group.details.errorCode, 'EntityTypeNotSupported');
  });

  it('fails with the policy-check code on the mismatched pair', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const members = (
      await client.get(
        `/groups/${SANDBOX_SYNC_CONFIGURATIONS.tailspin.assignedGroupId}/members?$select=id,accountEnabled`,
      )
    ).body.value.filter((m: Body) => m.accountEnabled === true);
    const results = [];
    for (const m of members.slice(0, 3))
      results.push(
        JSON.parse((await client.post(`${job(TAIL)}/provisionOnDemand`, onDemand(m.id))).body.key),
      );
    assert.ok(
      results.some(
        (r) =>
          r.result === 'Failure' &&
          r.details.errorCode === 'AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure',
      ),
      JSON.stringify(results),
    );
  });

  it('rejects an unknown ruleId, several subjects and unknown objects', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const user = await unassignedUser(client);
    assert.equal(
      (
        await client.post(
          `${job(FAB)}/provisionOnDemand`,
          onDemand(user.id, 'User', 'ea807875-5618-4f0a-9125-0b46a05298ca'),
        )
      ).status,
      400,
    );
    assert.equal(
      (
        await client.post(`${job(FAB)}/provisionOnDemand`, {
          parameters: [
            {
              ruleId: AZURE2AZURE_USER_RULE_ID,
              subjects: [
                { objectId: user.id, objectTypeName: 'User' },
                { objectId: user.id, objectTypeName: 'User' },
              ],
            },
          ],
        })
      ).status,
      400,
    );
    assert.equal(
      (
        await client.post(
          `${job(FAB)}/provisionOnDemand`,
          onDemand('00000000-0000-0000-0000-00000000abcd'),
        )
      ).status,
      404,
    );
  });

  it('is throttled at 5 requests per 10 s per tenant with Retry-After', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const body = onDemand(FABRIKAM_SYNC_GROUP_ID, 'Group');
    for (let i = 0; i < 5; i++) {
      assert.equal((await client.post(`${job(FAB)}/provisionOnDemand`, body)).status, 200);
      clock.advance(1000);
    }
    const throttled = await client.post(`${job(FAB)}/provisionOnDemand`, body);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.equal(throttled.headers.get('retry-after'), '5');
    clock.advance(5000);
    assert.equal((await client.post(`${job(FAB)}/provisionOnDemand`, body)).status, 200);
  });
});

describe('sandbox synchronization schema, secrets and assignments', () => {
  it('GET …/synchronization/secrets answers the saved set with passwords masked (a sandbox choice; not in the v1.0 reference)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const secrets = `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/secrets`;
    const read = await client.get(secrets);
    assert.equal(read.status, 200);
    assert.match(read.body['@odata.context'], /\/synchronization\/secrets$/);
    const byKey: Record<string, string> = Object.fromEntries(
      (read.body.value as { key: string; value: string }[]).map((p) => [p.key, p.value]),
    );
    assert.equal(byKey.CompanyId, SANDBOX_TENANT_IDS.fabrikam);
    assert.equal(byKey.AuthenticationType, 'SyncPolicy');
    assert.deepEqual(JSON.parse(byKey.SyncNotificationSettings), {
      Enabled: true,
      Recipients: 'identity-ops@contoso.com',
      DeleteThresholdEnabled: true,
      DeleteThresholdValue: 500,
      HumanResourcesLookaheadQueryEnabled: false,
    });
    assert.equal(
      (
        await client.put(secrets, {
          value: [
            { key: 'UserName', value: 'svc' },
            { key: 'Password', value: 'hunter2' },
          ],
        })
      ).status,
      204,
    );
    assert.deepEqual((await client.get(secrets)).body.value, [
      { key: 'UserName', value: 'svc' },
      { key: 'Password', value: '*****' },
    ]);
    const reader = new GraphTestClient(sandbox, contoso, { scp: ['Synchronization.Read.All'] });
    assert.equal((await reader.get(secrets)).status, 200, 'reading needs only the read permission');
    const none = new GraphTestClient(sandbox, contoso, { scp: ['Policy.Read.All'] });
    assert.equal((await none.get(secrets)).status, 403);
  });

  for (const [answer, status, code] of [
    ['forbidden', 403, 'Authorization_RequestDenied'],
    ['notFound', 404, 'Request_ResourceNotFound'],
    ['badRequest', 400, 'BadRequest'],
  ] as const) {
    it(`GET …/synchronization/secrets refused when the answers say ${answer}: ${status} ${code}`, async () => {
      const { sandbox } = createSandbox({ answers: { syncSecrets: answer } });
      const reply = await new GraphTestClient(sandbox, contoso).get(
        `/servicePrincipals/${FAB.servicePrincipalId}/synchronization/secrets`,
      );
      assert.deepEqual([reply.status, reply.body.error.code], [status, code]);
      assert.ok(!JSON.stringify(reply.body).includes(SANDBOX_TENANT_IDS.fabrikam));
    });
  }

  it('GETs the default Azure2Azure schema and PUT replaces it whole (204)', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const schema = (await client.get(`${job(FAB)}/schema`)).body;
    assert.equal(schema.id, FAB.jobId);
    const rule = schema.synchronizationRules[0];
    assert.deepEqual(
      [rule.id, rule.name, rule.sourceDirectoryName, rule.targetDirectoryName],
      [
        AZURE2AZURE_USER_RULE_ID,
        'USER_INBOUND_USER',
        'Azure Active Directory',
        'Azure Active Directory (target tenant)',
      ],
    );
    const mapping = rule.objectMappings[0];
    assert.deepEqual(
      mapping.attributeMappings
        .filter((m: Body) => m.matchingPriority > 0)
        .map(prop('targetAttributeName')),
      ['alternativeSecurityIds'],
    );
    assert.deepEqual(mapping.scope.inputFilterGroups[0].clauses[0], {
      sourceOperandName: 'alternativeSecurityIds',
      operatorName: 'EQUALS',
      targetOperand: { values: ['None'] },
    });

    mapping.attributeMappings = mapping.attributeMappings.filter(
      (m: Body) => m.targetAttributeName !== 'manager',
    );
    mapping.scope.groups = [
      {
        name: 'Sales only',
        clauses: [
          {
            sourceOperandName: 'department',
            operatorName: 'EQUALS',
            targetOperand: { values: ['Sales'] },
          },
        ],
      },
    ];
    delete schema['@odata.context'];
    assert.equal((await client.put(`${job(FAB)}/schema`, schema)).status, 204);
    const after = (await client.get(`${job(FAB)}/schema`)).body;
    assert.equal(
      after.synchronizationRules[0].objectMappings[0].attributeMappings.some(
        (m: Body) => m.targetAttributeName === 'manager',
      ),
      false,
    );
    assert.equal(
      after.synchronizationRules[0].objectMappings[0].scope.groups[0].name,
      'Sales only',
    );
  });

  it('refuses a schema that changes the matching attribute (schemaInvalid) or lacks synchronizationRules', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const schema = (await client.get(`${job(FAB)}/schema`)).body;
    schema.synchronizationRules[0].objectMappings[0].attributeMappings.find(
      (m: Body) => m.targetAttributeName === 'mail',
    ).matchingPriority = 2;
    const invalid = await client.put(`${job(FAB)}/schema`, schema);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, 'schemaInvalid');
    assert.equal((await client.put(`${job(FAB)}/schema`, { directories: [] })).status, 400);
  });

  it('lists, creates (201, non-GUID id) and deletes (204) app role assignments', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const list = (
      await client.get(`/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`)
    ).body.value;
    assert.deepEqual(list.map(prop('principalType')), ['Group', 'User', 'User']);
    assert.ok(
      list.every(
        (a: Body) => a.appRoleId === FAB.appRoleId && a.resourceId === FAB.servicePrincipalId,
      ),
    );
    const user = await unassignedUser(client);
    const created = await client.post(
      `/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`,
      { principalId: user.id, resourceId: FAB.servicePrincipalId, appRoleId: FAB.appRoleId },
    );
    assert.equal(created.status, 201);
    assert.equal(created.body.principalType, 'User');
    assert.equal(created.body.resourceDisplayName, 'Fabrikam Retail');
    assert.equal(
      (
        await client.post(`/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`, {
          principalId: user.id,
          resourceId: FAB.servicePrincipalId,
          appRoleId: FAB.appRoleId,
        })
      ).status,
      400,
    );
    assert.equal(
      (
        await client.post(`/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`, {
          principalId: user.id,
          resourceId: FAB.servicePrincipalId,
          appRoleId: '00000000-0000-0000-0000-000000000000',
        })
      ).status,
      400,
    );
    assert.equal(
      (
        await client.post(`/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo`, {
          principalId: '00000000-0000-0000-0000-00000000beef',
          resourceId: FAB.servicePrincipalId,
          appRoleId: FAB.appRoleId,
        })
      ).status,
      404,
    );
    assert.equal(
      (
        await client.delete(
          `/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo/${created.body.id}`,
        )
      ).status,
      204,
    );
    assert.equal(
      (
        await client.delete(
          `/servicePrincipals/${FAB.servicePrincipalId}/appRoleAssignedTo/${created.body.id}`,
        )
      ).status,
      404,
    );
  });

  it('needs AppRoleAssignment.ReadWrite.All together with Application.Read.All to assign', async () => {
    const { sandbox } = createSandbox();
    const body = {
      principalId: FABRIKAM_SYNC_GROUP_ID,
      resourceId: TAIL.servicePrincipalId,
      appRoleId: TAIL.appRoleId,
    };
    const alone = await new GraphTestClient(sandbox, contoso, {
      scp: ['AppRoleAssignment.ReadWrite.All'],
    }).post(`/servicePrincipals/${TAIL.servicePrincipalId}/appRoleAssignedTo`, body);
    assert.equal(alone.status, 403);
    assert.match(alone.body.error.message, /Missing: Application\.Read\.All/);
    const both = await new GraphTestClient(sandbox, contoso, {
      scp: ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'],
    }).post(`/servicePrincipals/${TAIL.servicePrincipalId}/appRoleAssignedTo`, body);
    assert.equal(both.status, 201);
  });
});
