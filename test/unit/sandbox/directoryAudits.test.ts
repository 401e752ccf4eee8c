import assert from 'node:assert/strict';
import {
  Sandbox,
  SANDBOX_SYNC_CONFIGURATIONS,
  SANDBOX_TENANT_IDS,
  TAILSPIN_PILOT_GROUP_ID,
} from '../../../src/sandbox';
import {
  createSandbox,
  GraphTestClient,
  prop,
  readAll,
  TEST_EPOCH,
  type Body,
} from './graphTestClient';

const { contoso, fabrikam, northwind, tailspin, woodgrove } = SANDBOX_TENANT_IDS;
const AUDITS = '/auditLogs/directoryAudits';
const PARTNERS = '/policies/crossTenantAccessPolicy/partners';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MICROSOFT_SUPPORT = 'b4c546a4-7dac-46a6-a7dd-ed822a11efd3';

/** Property names of v1.0 directoryAudit and its complex types (cleanMetadata-v1.0.xml). */
const V1 = {
  directoryAudit: [
    'id',
    'activityDateTime',
    'activityDisplayName',
    'additionalDetails',
    'category',
    'correlationId',
    'initiatedBy',
    'loggedByService',
    'operationType',
    'result',
    'resultReason',
    'targetResources',
  ],
  auditActivityInitiator: ['app', 'user'],
  userIdentity: ['displayName', 'id', 'ipAddress', 'userPrincipalName'],
  appIdentity: ['appId', 'displayName', 'servicePrincipalId', 'servicePrincipalName'],
  targetResource: [
    'displayName',
    'groupType',
    'id',
    'modifiedProperties',
    'type',
    'userPrincipalName',
  ],
  modifiedProperty: ['displayName', 'newValue', 'oldValue'],
  keyValue: ['key', 'value'],
};

function keysWithin(object: Body, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(object)) assert.ok(allowed.includes(key), `${what} has '${key}'`);
}

function assertV1DirectoryAudit(e: Body): void {
  keysWithin(e, V1.directoryAudit, 'directoryAudit');
  keysWithin(e.initiatedBy, V1.auditActivityInitiator, 'initiatedBy');
  if (e.initiatedBy.user) keysWithin(e.initiatedBy.user, V1.userIdentity, 'initiatedBy.user');
  if (e.initiatedBy.app) keysWithin(e.initiatedBy.app, V1.appIdentity, 'initiatedBy.app');
  assert.ok(!!e.initiatedBy.user !== !!e.initiatedBy.app, 'a user or an app initiated it');
  for (const t of e.targetResources) {
    keysWithin(t, V1.targetResource, 'targetResource');
    for (const m of t.modifiedProperties) {
      keysWithin(m, V1.modifiedProperty, 'modifiedProperty');
      for (const v of [m.oldValue, m.newValue]) assert.ok(v === null || typeof v === 'string');
    }
  }
  for (const d of e.additionalDetails) keysWithin(d, V1.keyValue, 'additionalDetails');
}

/** Every event of a tenant; the clock (when given) moves 2.5 s per page, so the report limit never trips. */
async function allAudits(
  tenant: string,
  sandbox?: Sandbox,
  clock?: { advance(ms: number): void },
): Promise<Body[]> {
  const client = new GraphTestClient(sandbox ?? createSandbox().sandbox, tenant);
  return (
    await readAll(client, `${AUDITS}?$top=1000`, { beforeEachPage: () => clock?.advance(2_500) })
  ).values;
}

/** GETs that move the test clock first, so a test can send more than the report limit allows. */
function unthrottled(client: GraphTestClient, clock: { advance(ms: number): void }) {
  return (path: string) => {
    clock.advance(2_500);
    return client.get(path);
  };
}

function filtered(filter: string): string {
  return `${AUDITS}?$filter=${encodeURIComponent(filter)}`;
}

/** The values of a modified property, parsed (they are JSON strings). */
function values(e: Body, name: string): { old: unknown; new: unknown } | undefined {
  const m = e.targetResources[0].modifiedProperties.find((p: Body) => p.displayName === name);
  if (!m) return undefined;
  return {
    old: m.oldValue === null ? null : JSON.parse(m.oldValue),
    new: m.newValue === null ? null : JSON.parse(m.newValue),
  };
}

describe('sandbox directory audits: seeded history', () => {
  const byTenant = new Map<string, Body[]>();
  before(async () => {
    for (const tenant of [contoso, fabrikam, northwind, tailspin, woodgrove])
      byTenant.set(tenant, await allAudits(tenant));
  });

  it('covers the last 30 days, newest first, in v1.0 shape only', () => {
    for (const [tenant, events] of byTenant) {
      const times = events.map((e) => Date.parse(e.activityDateTime));
      assert.ok(
        times.every((t) => t < TEST_EPOCH && t > TEST_EPOCH - 30 * DAY),
        tenant,
      );
      assert.ok(
        times.every((t, i) => i === 0 || times[i - 1] >= t),
        `${tenant}: newest first`,
      );
      for (const e of events) assertV1DirectoryAudit(e);
    }
    assert.deepEqual(byTenant.get(woodgrove), [], 'Woodgrove has not been configured');
  });

  it('has the documented categories and activities, with accessType encoded as 1 or 2', () => {
    const contosoEvents = byTenant.get(contoso)!;
    assert.deepEqual(
      new Set(contosoEvents.map(prop('category'))),
      new Set([
        'CrossTenantAccessSettings',
        'ProvisioningManagement',
        'DelegatedAdminServiceProviderConstraints',
      ]),
    );
    const activities = new Set([...byTenant.values()].flat().map(prop('activityDisplayName')));
    for (const activity of [
      'Add a partner to cross-tenant access setting',
      'Update a partner cross-tenant access setting',
      'Delete partner specific cross-tenant access setting',
      'Update the company default cross-tenant access setting',
      'Create a partner cross-tenant identity sync setting',
      'Add provisioning configuration',
      'Enable/start provisioning configuration',
      'Quarantine',
      'Add allowed assignable roles',
    ])
      assert.ok(activities.has(activity), activity);
    const encoded = [...byTenant.values()]
      .flat()
      .flatMap((e: Body): Body[] => e.targetResources[0].modifiedProperties)
      .flatMap((m: Body): unknown[] => [m.oldValue, m.newValue])
      .filter((v: unknown): v is string => typeof v === 'string' && v.includes('accessType'));
    assert.ok(encoded.length > 5);
    for (const v of encoded) assert.match(v, /"accessType":[12][,}]/);
    assert.ok(encoded.every((v) => !v.includes('"allowed"') && !v.includes('"blocked"')));
  });

  it('ends at the settings the tenant has now', async () => {
    const { sandbox } = createSandbox();
    for (const tenant of [contoso, fabrikam, northwind, tailspin]) {
      const partners = (await new GraphTestClient(sandbox, tenant).get(PARTNERS)).body.value;
      const events = byTenant
        .get(tenant)!
        .filter((e) => e.activityDisplayName === 'Update a partner cross-tenant access setting');
      const newest = new Map<string, unknown>();
      for (const e of [...events].reverse()) {
        const partnerId = e.targetResources[0].displayName.replace(
          'CrossTenantAccessPolicy for ',
          '',
        );
        for (const m of e.targetResources[0].modifiedProperties)
          newest.set(`${partnerId}/${m.displayName}`, values(e, m.displayName)!.new);
      }
      assert.ok(newest.size > 0, tenant);
      for (const [key, value] of newest) {
        const [partnerId, property] = key.split('/');
        const partner = partners.find((p: Body) => p.tenantId === partnerId);
        if (partnerId === MICROSOFT_SUPPORT) {
          assert.equal(partner, undefined, 'the support partner was removed when the case closed');
          continue;
        }
        const live = structuredClone(partner[property]);
        for (const setting of Object.values<Body>(live ?? {}))
          if (setting && typeof setting === 'object' && 'accessType' in setting)
            setting.accessType = setting.accessType === 'allowed' ? 1 : 2;
        assert.deepEqual(value, live, `${tenant} ${key}`);
      }
    }
  });

  it("tells the Contoso → Tailspin story: Tailspin withdrew inbound redemption an hour before Contoso's sync failed", async () => {
    const tailspinChange = byTenant
      .get(tailspin)!
      .find((e) => values(e, 'automaticUserConsentSettings')?.old !== null);
    assert.ok(tailspinChange);
    assert.deepEqual(values(tailspinChange, 'automaticUserConsentSettings'), {
      old: { inboundAllowed: true, outboundAllowed: false },
      new: { inboundAllowed: false, outboundAllowed: false },
    });
    const { sandbox, clock } = createSandbox();
    const config = SANDBOX_SYNC_CONFIGURATIONS.tailspin;
    const failures = (
      await readAll(
        new GraphTestClient(sandbox, contoso),
        `/auditLogs/provisioning?$top=1000&$filter=${encodeURIComponent(`jobId eq '${config.jobId}' and provisioningStatusInfo/status eq 'failure'`)}`,
        { beforeEachPage: () => clock.advance(2_500) },
      )
    ).values;
    const firstPolicyFailure = Math.min(
      ...failures
        .filter((f) =>
          /PolicyCheckFailure/.test(f.provisioningStatusInfo.errorInformation.errorCode),
        )
        .map((f) => Date.parse(f.activityDateTime)),
    );
    const gap = firstPolicyFailure - Date.parse(tailspinChange.activityDateTime);
    assert.ok(gap > 55 * 60_000 && gap < 70 * 60_000, `${gap / 60_000} min`);
    const quarantine = byTenant.get(contoso)!.find((e) => e.activityDisplayName === 'Quarantine');
    assert.equal(quarantine.targetResources[0].id, config.servicePrincipalId);
    assert.equal(quarantine.initiatedBy.app.displayName, 'Azure AD Provisioning Service');
    assert.ok(Date.parse(quarantine.activityDateTime) > firstPolicyFailure);
    const outbound = byTenant
      .get(contoso)!
      .find(
        (e) =>
          e.targetResources[0].displayName === `CrossTenantAccessPolicy for ${tailspin}` &&
          values(e, 'automaticUserConsentSettings'),
      );
    assert.deepEqual(values(outbound, 'automaticUserConsentSettings')!.new, {
      inboundAllowed: null,
      outboundAllowed: true,
    });
    const pilot = byTenant.get(tailspin)!.find((e) => values(e, 'b2bCollaborationInbound'));
    assert.deepEqual((values(pilot, 'b2bCollaborationInbound')!.new as Body).usersAndGroups, {
      accessType: 1,
      targets: [{ target: TAILSPIN_PILOT_GROUP_ID, targetType: 'group' }],
    });
  });

  it('logs a Microsoft support case as EntraGDAP adding and removing the support tenant', () => {
    const support = byTenant
      .get(contoso)!
      .filter((e) => JSON.stringify(e.targetResources).includes(MICROSOFT_SUPPORT))
      .reverse();
    assert.deepEqual(support.map(prop('activityDisplayName')), [
      'Add a partner to cross-tenant access setting',
      'Add allowed assignable roles',
      'Update a partner cross-tenant access setting',
      'Delete allowed assignable roles',
      'Delete partner specific cross-tenant access setting',
    ]);
    assert.ok(support.every((e) => e.initiatedBy.app?.displayName === 'EntraGDAP'));
    assert.equal(support[1].category, 'DelegatedAdminServiceProviderConstraints');
    assert.deepEqual(values(support[1], 'allowedRoles')!.new, ['Microsoft365SupportEngineer']);
  });

  it('is the same for the same seed and anchor', async () => {
    const again = await allAudits(contoso);
    assert.deepEqual(again, byTenant.get(contoso));
  });
});

describe('sandbox directory audits: query options', () => {
  it('needs AuditLog.Read.All and Directory.Read.All, delegated or app-only', async () => {
    const { sandbox } = createSandbox();
    const onlyAudit = await new GraphTestClient(sandbox, contoso, {
      scp: ['AuditLog.Read.All'],
    }).get(AUDITS);
    assert.equal(onlyAudit.status, 403);
    assert.equal(onlyAudit.body.error.code, 'Authorization_RequestDenied');
    assert.match(onlyAudit.body.error.message, /Missing: Directory\.Read\.All/);
    const app = await new GraphTestClient(sandbox, contoso, {
      roles: ['AuditLog.Read.All', 'Directory.Read.All'],
    }).get(AUDITS);
    assert.equal(app.status, 200);
  });

  it('filters on category, activityDateTime, the initiator and targetResources/any()', async () => {
    const { sandbox, clock } = createSandbox();
    const client = { get: unthrottled(new GraphTestClient(sandbox, contoso), clock) };
    const all = await allAudits(contoso, sandbox, clock);
    const since = new Date(TEST_EPOCH - 14 * DAY).toISOString();
    const recent = await client.get(
      filtered(`category eq 'CrossTenantAccessSettings' and activityDateTime ge ${since}`),
    );
    assert.deepEqual(
      recent.body.value.map(prop('id')),
      all
        .filter((e) => e.category === 'CrossTenantAccessSettings' && e.activityDateTime >= since)
        .map(prop('id')),
    );
    assert.ok(recent.body.value.length > 0);
    const target = await client.get(filtered(`targetResources/any(t: t/id eq '${tailspin}')`));
    assert.ok(target.body.value.length >= 2);
    assert.ok(target.body.value.every((e: Body) => e.targetResources[0].id === tailspin));
    const byName = await client.get(
      filtered(
        `targetResources/any(t: startswith(t/displayName, 'CrossTenantAccessPolicy for ${northwind.slice(0, 8)}'))`,
      ),
    );
    assert.ok(byName.body.value.length >= 2);
    const app = await client.get(filtered(`initiatedBy/app/displayName eq 'EntraGDAP'`));
    assert.equal(app.body.value.length, 5);
    const admin = all.find((e) => e.initiatedBy.user)!.initiatedBy.user.userPrincipalName;
    const byUser = await client.get(filtered(`initiatedBy/user/userPrincipalName eq '${admin}'`));
    assert.ok(byUser.body.value.every((e: Body) => e.initiatedBy.user.userPrincipalName === admin));
  });

  it('answers 400 for what it cannot filter', async () => {
    const { sandbox, clock } = createSandbox();
    const client = { get: unthrottled(new GraphTestClient(sandbox, contoso), clock) };
    for (const filter of [
      `result eq 'success'`,
      `targetResources/id eq '${tailspin}'`,
      `targetResources/any(t: t/type eq 'Policy')`,
      `activityDateTime ge '2025-01-01'`,
    ]) {
      const reply = await client.get(filtered(filter));
      assert.equal(reply.status, 400, filter);
      assert.match(reply.body.error.code, /^Request_(UnsupportedQuery|BadRequest)$/, filter);
    }
  });

  it('pages with $top and @odata.nextLink, and honours $orderby', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const all = await allAudits(contoso, sandbox, clock);
    const tick = { beforeEachPage: () => clock.advance(2_500) };
    const paged = await readAll(client, `${AUDITS}?$top=4`, tick);
    assert.equal(paged.pages, Math.ceil(all.length / 4));
    assert.deepEqual(paged.values.map(prop('id')), all.map(prop('id')));
    const ascending = await readAll(client, `${AUDITS}?$top=5&$orderby=activityDateTime asc`, tick);
    assert.deepEqual(ascending.values.map(prop('id')), all.map(prop('id')).reverse());
    clock.advance(2_500);
    const bad = await client.get(`${AUDITS}?$orderby=category`);
    assert.equal(bad.status, 400);
  });

  it('shares the identity-reports limit (5 per 10 s per tenant) with the other report APIs', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    for (let i = 0; i < 3; i++) assert.equal((await client.get(`${AUDITS}?$top=1`)).status, 200);
    for (let i = 0; i < 2; i++)
      assert.equal((await client.get('/auditLogs/provisioning?$top=1')).status, 200);
    const throttled = await client.get(`${AUDITS}?$top=1`);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.ok(Number(throttled.headers.get('retry-after')) >= 1);
    assert.equal((await new GraphTestClient(sandbox, fabrikam).get(AUDITS)).status, 200);
    clock.advance(10_000);
    assert.equal((await client.get(`${AUDITS}?$top=1`)).status, 200);
  });
});

describe('sandbox directory audits: changes made through the sandbox', () => {
  const partner = (tenantId: string): string => `${PARTNERS}/${tenantId}`;

  async function newest(
    client: GraphTestClient,
    clock: { advance(ms: number): void },
    n = 1,
  ): Promise<Body> {
    clock.advance(10_000);
    const reply = await client.get(`${AUDITS}?$top=${n}`);
    return reply.body.value;
  }

  it('logs a partner update with the user of a delegated token and only the changed property', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, tailspin);
    clock.advance(60_000);
    const blocked = {
      usersAndGroups: {
        accessType: 'blocked',
        targets: [{ target: 'AllUsers', targetType: 'user' }],
      },
      applications: {
        accessType: 'blocked',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    };
    assert.equal(
      (await client.patch(partner(contoso), { b2bCollaborationInbound: blocked })).status,
      204,
    );
    const [event] = await newest(client, clock);
    assertV1DirectoryAudit(event);
    assert.equal(event.activityDisplayName, 'Update a partner cross-tenant access setting');
    assert.equal(event.category, 'CrossTenantAccessSettings');
    assert.equal(event.activityDateTime, new Date(TEST_EPOCH + 60_000).toISOString());
    assert.equal(event.initiatedBy.app, null);
    assert.match(event.initiatedBy.user.userPrincipalName, /^admin@tailspintoys/);
    assert.equal(event.targetResources[0].displayName, `CrossTenantAccessPolicy for ${contoso}`);
    assert.deepEqual(event.targetResources[0].modifiedProperties.map(prop('displayName')), [
      'b2bCollaborationInbound',
    ]);
    const change = values(event, 'b2bCollaborationInbound')!;
    assert.equal((change.old as Body).usersAndGroups.accessType, 1);
    assert.equal((change.new as Body).usersAndGroups.accessType, 2);
    assert.equal((change.old as Body).usersAndGroups.targets[0].target, TAILSPIN_PILOT_GROUP_ID);
  });

  it('names the app of an app-only token', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, fabrikam, {
      roles: ['Policy.ReadWrite.CrossTenantAccess', 'AuditLog.Read.All', 'Directory.Read.All'],
    });
    assert.equal(
      (await client.patch(partner(contoso), { inboundTrust: { isMfaAccepted: false } })).status,
      204,
    );
    const [event] = await newest(client, clock);
    assert.equal(event.initiatedBy.user, null);
    assert.equal(event.initiatedBy.app.appId, 'd3b5c8a1-7e24-4f96-b0c3-5a9e1d7f2c48');
  });

  it('logs partner create and delete with the tenant id, defaults, identity sync and policy', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, woodgrove);
    assert.equal((await client.post(PARTNERS, { tenantId: contoso })).status, 201);
    assert.equal(
      (
        await client.put(`${partner(contoso)}/identitySynchronization`, {
          displayName: 'Contoso',
          userSyncInbound: { isSyncAllowed: true },
        })
      ).status,
      204,
    );
    assert.equal(
      (
        await client.patch(`${partner(contoso)}/identitySynchronization`, {
          userSyncInbound: { isSyncAllowed: false },
        })
      ).status,
      204,
    );
    assert.equal((await client.delete(`${partner(contoso)}/identitySynchronization`)).status, 204);
    assert.equal((await client.delete(partner(contoso))).status, 204);
    assert.equal(
      (
        await client.patch('/policies/crossTenantAccessPolicy/default', {
          inboundTrust: {
            isMfaAccepted: true,
            isCompliantDeviceAccepted: false,
            isHybridAzureADJoinedDeviceAccepted: false,
          },
        })
      ).status,
      204,
    );
    assert.equal(
      (await client.post('/policies/crossTenantAccessPolicy/default/resetToSystemDefault')).status,
      204,
    );
    assert.equal(
      (
        await client.patch('/policies/crossTenantAccessPolicy', {
          allowedCloudEndpoints: ['microsoftonline.us'],
        })
      ).status,
      204,
    );
    const events = (await newest(client, clock, 20)).reverse();
    assert.deepEqual(events.map(props2), [
      ['CrossTenantAccessSettings', 'Add a partner to cross-tenant access setting', ['tenantId']],
      [
        'CrossTenantIdentitySyncSettings',
        'Create a partner cross-tenant identity sync setting',
        ['tenantId', 'displayName', 'userSyncInbound'],
      ],
      [
        'CrossTenantIdentitySyncSettings',
        'Update a partner cross-tenant identity sync setting',
        ['userSyncInbound'],
      ],
      [
        'CrossTenantIdentitySyncSettings',
        'Delete a partner cross-tenant identity sync setting',
        ['tenantId', 'displayName', 'userSyncInbound'],
      ],
      [
        'CrossTenantAccessSettings',
        'Delete partner specific cross-tenant access setting',
        ['tenantId'],
      ],
      [
        'CrossTenantAccessSettings',
        'Update the company default cross-tenant access setting',
        ['inboundTrust'],
      ],
      [
        'CrossTenantAccessSettings',
        'Reset the cross-tenant access default setting',
        ['inboundTrust'],
      ],
      [
        'CrossTenantAccessSettings',
        'Update the cross-tenant access policy',
        ['allowedCloudEndpoints'],
      ],
    ]);
    assert.deepEqual(values(events[0], 'tenantId'), { old: null, new: contoso });
    assert.deepEqual(values(events[4], 'tenantId'), { old: contoso, new: null });
    for (const e of events) assertV1DirectoryAudit(e);
  });

  it('logs sync configuration changes under ProvisioningManagement, and no secret values', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, contoso);
    const config = SANDBOX_SYNC_CONFIGURATIONS.fabrikam;
    const job = `/servicePrincipals/${config.servicePrincipalId}/synchronization/jobs/${config.jobId}`;
    assert.equal((await client.post(`${job}/pause`)).status, 204);
    assert.equal((await client.post(`${job}/start`)).status, 204);
    assert.equal(
      (
        await client.put(
          `/servicePrincipals/${config.servicePrincipalId}/synchronization/secrets`,
          {
            value: [
              { key: 'CompanyId', value: fabrikam },
              { key: 'AuthenticationType', value: 'SyncPolicy' },
            ],
          },
        )
      ).status,
      204,
    );
    const events = (await newest(client, clock, 3)).reverse();
    assert.deepEqual(events.map(prop('activityDisplayName')), [
      'Disable/pause provisioning configuration',
      'Enable/start provisioning configuration',
      'Update provisioning setting or credentials',
    ]);
    for (const e of events) {
      assert.equal(e.category, 'ProvisioningManagement');
      assert.deepEqual(e.targetResources[0].id, config.servicePrincipalId);
      assert.equal(e.targetResources[0].displayName, config.displayName);
    }
    assert.deepEqual(events[0].additionalDetails, [{ key: 'JobId', value: config.jobId }]);
    assert.ok(!JSON.stringify(events[2]).includes('SyncPolicy'), 'secret values are not logged');
  });

  it('logs nothing for a write that fails, and writes inside $batch like any other', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, fabrikam);
    const before = (await allAudits(fabrikam, sandbox, clock)).length;
    assert.equal((await client.patch(partner(woodgrove), { inboundTrust: null })).status, 404);
    const batch = await client.post('/$batch', {
      requests: [
        {
          id: '1',
          method: 'PATCH',
          url: `/policies/crossTenantAccessPolicy/partners/${contoso}`,
          headers: { 'content-type': 'application/json' },
          body: { inboundTrust: null },
        },
      ],
    });
    assert.equal(batch.body.responses[0].status, 204);
    const after = await allAudits(fabrikam, sandbox, clock);
    assert.equal(after.length, before + 1);
    assert.deepEqual(values(after[0], 'inboundTrust')!.new, null);
  });

  it('keeps recorded events in the exported state, and restores them', async () => {
    const { sandbox } = createSandbox();
    const client = new GraphTestClient(sandbox, northwind);
    await client.patch(partner(contoso), { inboundTrust: null });
    const state = JSON.parse(JSON.stringify(sandbox.exportState()));
    assert.equal(state.tenants[northwind].audit.length, 1);
    assert.equal(state.tenants[northwind].crossTenantAccess.partners.length, 1);
    const restored = Sandbox.create({ state, now: () => TEST_EPOCH + 20_000 });
    const events = await allAudits(northwind, restored);
    assert.equal(events.length, (await allAudits(northwind)).length + 1);
    assert.deepEqual(values(events[0], 'inboundTrust')!.new, null);
  });
});

function props2(e: Body): unknown[] {
  const names: unknown[] = e.targetResources[0].modifiedProperties.map(prop('displayName'));
  return [e.category, e.activityDisplayName, names];
}

describe('sandbox directory audits: the anchor', () => {
  it('places the seeded history relative to the anchor', async () => {
    const anchor = Date.parse('2024-06-01T09:00:00Z');
    const sandbox = Sandbox.create({ now: () => anchor });
    const events = await allAudits(tailspin, sandbox);
    const change = events[0];
    assert.equal(
      Math.round((anchor - Date.parse(change.activityDateTime)) / HOUR),
      6 * 24 + 1,
      'Tailspin withdrew redemption 6 days and an hour before the anchor',
    );
  });
});
