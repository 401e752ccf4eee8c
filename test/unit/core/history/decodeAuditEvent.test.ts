import assert from 'node:assert/strict';
import { decodeAuditEvent } from '../../../../src/core/history/decodeAuditEvent';
import { decodeAuditValue } from '../../../../src/core/history/decodeAuditValue';
import { describeHistoryEntry } from '../../../../src/core/history/describeHistoryEntry';
import type { HistoryEntry } from '../../../../src/core/history/historyEntry';
import type { DirectoryAudit } from '../../../../src/core/graph/types';

const OWN = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const SUPPORT = 'b4c546a4-7dac-46a6-a7dd-ed822a11efd3';
const names = (id: string): string | undefined =>
  ({ [OWN]: 'Contoso Group', [PARTNER]: 'Fabrikam Retail' })[id];

const allB2B = (users: number, apps: number, key = (k: string) => k): string =>
  JSON.stringify({
    [key('usersAndGroups')]: {
      [key('accessType')]: users,
      [key('targets')]: [{ [key('target')]: 'AllUsers', [key('targetType')]: 'user' }],
    },
    [key('applications')]: {
      [key('accessType')]: apps,
      [key('targets')]: [
        { [key('target')]: 'AllApplications', [key('targetType')]: 'application' },
      ],
    },
  });
const pascal = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);

describe('history: decoding modified property values', () => {
  const b2b = 'crossTenantAccessPolicyB2BSetting' as const;
  const allowedAll = {
    usersAndGroups: {
      accessType: 'allowed',
      targets: [{ target: 'AllUsers', targetType: 'user' }],
    },
    applications: {
      accessType: 'allowed',
      targets: [{ target: 'AllApplications', targetType: 'application' }],
    },
  };
  const cases: readonly [string, string | null | undefined, ReturnType<typeof decodeAuditValue>][] =
    [
      ['null is not set', null, { ok: true, value: null }],
      ['an empty string is not set', '', { ok: true, value: null }],
      ['accessType 1 is allowed, as Graph names it', allB2B(1, 1), { ok: true, value: allowedAll }],
      [
        'accessType 2 is blocked',
        allB2B(2, 1),
        {
          ok: true,
          value: {
            ...allowedAll,
            usersAndGroups: { ...allowedAll.usersAndGroups, accessType: 'blocked' },
          },
        },
      ],
      [
        'PascalCase keys are matched to Graph names',
        allB2B(1, 1, pascal),
        { ok: true, value: allowedAll },
      ],
      [
        'JSON text inside a JSON string',
        JSON.stringify(allB2B(1, 1)),
        { ok: true, value: allowedAll },
      ],
      [
        'accessType as a string too',
        allB2B(1, 1).replace(/"accessType":1/g, '"accessType":"Allowed"'),
        { ok: true, value: allowedAll },
      ],
      [
        'an accessType nobody documents is not guessed',
        allB2B(3, 1),
        { ok: false, raw: allB2B(3, 1) },
      ],
      [
        'a numeric targetType is not guessed',
        allB2B(1, 1).replace('"targetType":"user"', '"targetType":1'),
        { ok: false, raw: allB2B(1, 1).replace('"targetType":"user"', '"targetType":1') },
      ],
      ['not JSON', '{usersAndGroups', { ok: false, raw: '{usersAndGroups' }],
    ];
  for (const [what, raw, expected] of cases)
    it(what, () => assert.deepEqual(decodeAuditValue(raw, b2b, false), expected));

  it('reads scalars: a quoted GUID, true, and a bare string for string properties', () => {
    assert.deepEqual(decodeAuditValue(`"${PARTNER}"`, undefined, true), {
      ok: true,
      value: PARTNER,
    });
    assert.deepEqual(decodeAuditValue('true', undefined, false), { ok: true, value: true });
    assert.deepEqual(decodeAuditValue('Contoso Group', undefined, true), {
      ok: true,
      value: 'Contoso Group',
    });
  });

  it('keeps a "__proto__" key as data and refuses values nested too deep', () => {
    const decoded = decodeAuditValue('{"__proto__":{"polluted":true}}', undefined, false);
    assert.ok(decoded.ok);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(Object.prototype.hasOwnProperty.call(decoded.value, '__proto__'));
    const deep = `${'{"a":'.repeat(20)}1${'}'.repeat(20)}`;
    assert.equal(decodeAuditValue(deep, undefined, false).ok, false);
  });
});

/** A directory audit in the documented shape (List directoryAudits; Sentinel's cross-tenant rules). */
function audit(
  overrides: Partial<DirectoryAudit> & { modified?: [string, string | null, string | null][] },
): DirectoryAudit {
  const { modified = [], ...rest } = overrides;
  return {
    id: 'Directory_b092d5bd-efe6-49bb-9a80-2c3321552faa_JVC98_224853536',
    category: 'CrossTenantAccessSettings',
    correlationId: 'b092d5bd-efe6-49bb-9a80-2c3321552faa',
    result: 'success',
    resultReason: '',
    activityDisplayName: 'Update a partner cross-tenant access setting',
    activityDateTime: '2025-03-08T11:00:12.6299007Z',
    loggedByService: 'Core Directory',
    operationType: 'Update',
    initiatedBy: {
      user: {
        id: '30a6c29d-de7c-4830-815f-9b3bb366e975',
        displayName: null,
        userPrincipalName: 'admin@contoso.com',
        ipAddress: '203.0.113.7',
      },
      app: null,
    },
    targetResources: [
      {
        id: '5cd43692-51e1-4168-9757-ec4f686ebbcb',
        displayName: `CrossTenantAccessPolicy for ${PARTNER}`,
        type: 'Policy',
        userPrincipalName: null,
        groupType: null,
        modifiedProperties: modified.map(([displayName, oldValue, newValue]) => ({
          displayName,
          oldValue,
          newValue,
        })),
      },
    ],
    additionalDetails: [],
    ...rest,
  };
}

function decoded(event: DirectoryAudit): HistoryEntry {
  const entry = decodeAuditEvent(event, OWN);
  assert.ok(entry);
  return entry;
}

function words(event: DirectoryAudit): { title: string; actor: string; lines: readonly string[] } {
  return describeHistoryEntry(decoded(event), names);
}

const gdap = {
  app: {
    appId: null,
    displayName: 'EntraGDAP',
    servicePrincipalId: null,
    servicePrincipalName: null,
  },
  user: null,
};

describe('history: decoding directory audit events', () => {
  const cases: readonly {
    readonly what: string;
    readonly event: DirectoryAudit;
    readonly title: string;
    readonly actor: string;
    readonly lines: readonly string[];
    readonly target: HistoryEntry['target'];
  }[] = [
    {
      what: 'a partner update: who, which partner (from the target name), in words',
      event: audit({ modified: [['b2bCollaborationInbound', allB2B(1, 1), allB2B(2, 1)]] }),
      title: 'Changed partner Fabrikam Retail',
      actor: 'admin@contoso.com',
      lines: ['B2B collaboration inbound, users and groups: allowed → blocked'],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
    {
      what: 'a partner added: the partner from the logged tenantId, even when the target names another tenant',
      event: audit({
        activityDisplayName: 'Add a partner to cross-tenant access setting',
        operationType: 'Add',
        targetResources: [
          {
            id: '5cd43692-51e1-4168-9757-ec4f686ebbcb',
            displayName: 'CrossTenantAccessPolicy for d2af6ef7-a00c-438f-903b-65592cfddc48',
            type: 'Policy',
            modifiedProperties: [
              { displayName: 'tenantId', oldValue: null, newValue: `"${PARTNER}"` },
            ],
          },
        ],
      }),
      title: 'Added partner Fabrikam Retail',
      actor: 'admin@contoso.com',
      lines: [],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
    {
      what: 'an update whose target names the own tenant: the partner is not known, and it says so',
      event: audit({
        targetResources: [
          {
            id: 'x',
            displayName: `CrossTenantAccessPolicy for ${OWN}`,
            type: 'Policy',
            modifiedProperties: [
              {
                displayName: 'InboundTrust',
                oldValue: '{"IsMfaAccepted":false}',
                newValue: '{"IsMfaAccepted":true}',
              },
            ],
          },
        ],
      }),
      title: 'Changed partner a partner the log does not name',
      actor: 'admin@contoso.com',
      lines: ['Inbound trust, MFA: not trusted → trusted'],
      target: { kind: 'partner', partnerTenantId: undefined },
    },
    {
      what: 'automatic redemption withdrawn by an app',
      event: audit({
        initiatedBy: {
          app: {
            appId: 'a1',
            displayName: 'Tailspin Automation',
            servicePrincipalId: 's1',
            servicePrincipalName: null,
          },
          user: null,
        },
        modified: [
          [
            'automaticUserConsentSettings',
            '{"inboundAllowed":true,"outboundAllowed":false}',
            '{"inboundAllowed":false,"outboundAllowed":false}',
          ],
        ],
      }),
      title: 'Changed partner Fabrikam Retail',
      actor: 'app Tailspin Automation',
      lines: ['Automatic redemption, inbound: on → off'],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
    {
      what: 'a partner setting back to inherited',
      event: audit({ modified: [['b2bDirectConnectOutbound', allB2B(2, 2), null]] }),
      title: 'Changed partner Fabrikam Retail',
      actor: 'admin@contoso.com',
      lines: [
        'B2B direct connect outbound, applications: blocked → inherited',
        'B2B direct connect outbound, applications, targets: all applications → inherited',
        'B2B direct connect outbound, users and groups: blocked → inherited',
        'B2B direct connect outbound, users and groups, targets: all users → inherited',
      ],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
    {
      what: 'the default settings',
      event: audit({
        activityDisplayName: 'Update the company default cross-tenant access setting',
        targetResources: [
          {
            id: 'p',
            displayName: 'CrossTenantAccessPolicyConfigurationDefault',
            type: 'Policy',
            modifiedProperties: [
              {
                displayName: 'inboundTrust',
                oldValue: '{"isMfaAccepted":true,"isCompliantDeviceAccepted":false}',
                newValue: '{"isMfaAccepted":true,"isCompliantDeviceAccepted":true}',
              },
            ],
          },
        ],
      }),
      title: 'Changed the default settings',
      actor: 'admin@contoso.com',
      lines: ['Inbound trust, compliant devices: not trusted → trusted'],
      target: { kind: 'default' },
    },
    {
      what: 'a reset of the default',
      event: audit({ activityDisplayName: 'Reset the cross-tenant access default setting' }),
      title: "Reset the default settings to Microsoft's defaults",
      actor: 'admin@contoso.com',
      lines: [],
      target: { kind: 'default' },
    },
    {
      what: 'identity synchronization created',
      event: audit({
        category: 'CrossTenantIdentitySyncSettings',
        activityDisplayName: 'Create a partner cross-tenant identity sync setting',
        operationType: 'Add',
        modified: [
          ['tenantId', null, `"${PARTNER}"`],
          ['userSyncInbound', null, '{"isSyncAllowed":true}'],
        ],
      }),
      title: 'Set up identity synchronization from Fabrikam Retail',
      actor: 'admin@contoso.com',
      lines: ['User sync inbound: not set → allowed'],
      target: { kind: 'identitySync', partnerTenantId: PARTNER },
    },
    {
      what: 'Microsoft Support added as a service provider (support case, EntraGDAP)',
      event: audit({
        activityDisplayName: 'Add a partner to cross-tenant access setting',
        operationType: 'Add',
        initiatedBy: gdap,
        modified: [['tenantId', null, `"${SUPPORT}"`]],
      }),
      title: 'Microsoft Support added as a service provider',
      actor: 'Microsoft Support (support case)',
      lines: [],
      target: { kind: 'partner', partnerTenantId: SUPPORT },
    },
    {
      what: "Microsoft Support's roles (DelegatedAdminServiceProviderConstraints)",
      event: audit({
        category: 'DelegatedAdminServiceProviderConstraints',
        activityDisplayName: 'Add allowed assignable roles',
        operationType: 'Add',
        initiatedBy: gdap,
        targetResources: [
          {
            id: SUPPORT,
            displayName: `DelegatedAdminServiceProviderConstraints for ${SUPPORT}`,
            type: 'Other',
            modifiedProperties: [
              {
                displayName: 'allowedRoles',
                oldValue: null,
                newValue: '["Microsoft365SupportEngineer"]',
              },
            ],
          },
        ],
      }),
      title: 'Gave Microsoft Support assignable roles',
      actor: 'Microsoft Support (support case)',
      lines: ['+ Microsoft365SupportEngineer'],
      target: { kind: 'serviceProvider', partnerTenantId: SUPPORT },
    },
    {
      what: 'a sync configuration quarantined by the provisioning service',
      event: audit({
        category: 'ProvisioningManagement',
        activityDisplayName: 'Quarantine',
        loggedByService: 'Account Provisioning',
        initiatedBy: {
          app: {
            appId: null,
            displayName: 'Azure AD Provisioning Service',
            servicePrincipalId: null,
            servicePrincipalName: null,
          },
          user: null,
        },
        targetResources: [
          {
            id: 'E7D2A5C8-16f3-4b9e-8a47-3d0c6b1f9e25',
            displayName: 'Tailspin Toys',
            type: 'ServicePrincipal',
            modifiedProperties: [],
          },
        ],
        additionalDetails: [
          { key: 'JobId', value: 'Azure2Azure.abc.123' },
          { key: 'QuarantineReason', value: 'EncounteredQuarantineException' },
        ],
      }),
      title: 'Sync of Tailspin Toys quarantined',
      actor: 'app Azure AD Provisioning Service',
      lines: ['Reason: EncounteredQuarantineException'],
      target: {
        kind: 'syncConfiguration',
        servicePrincipalId: 'e7d2a5c8-16f3-4b9e-8a47-3d0c6b1f9e25',
        displayName: 'Tailspin Toys',
        jobId: 'Azure2Azure.abc.123',
      },
    },
    {
      what: 'a failed change',
      event: audit({ result: 'failure', modified: [['isServiceProvider', 'false', 'true']] }),
      title: 'Failed: Changed partner Fabrikam Retail',
      actor: 'admin@contoso.com',
      lines: ['Cloud service provider: no → yes'],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
    {
      what: 'a value it cannot read is named, not hidden',
      event: audit({
        modified: [['tenantRestrictions', '{"usersAndGroups":{"accessType":7}}', null]],
      }),
      title: 'Changed partner Fabrikam Retail',
      actor: 'admin@contoso.com',
      lines: ["Tenant restrictions: changed (the log's value could not be read)"],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
    {
      what: 'an activity it does not know',
      event: audit({
        activityDisplayName: 'Migrated partner cross-tenant access settings to the scalable model',
        initiatedBy: {},
      }),
      title: 'Changed partner Fabrikam Retail',
      actor: 'unknown',
      lines: [],
      target: { kind: 'partner', partnerTenantId: PARTNER },
    },
  ];
  for (const c of cases)
    it(c.what, () => {
      assert.deepEqual(words(c.event), { title: c.title, actor: c.actor, lines: c.lines });
      assert.deepEqual(decoded(c.event).target, c.target);
    });

  it('keeps times, ids, operations and the tenant whose log it is', () => {
    const entry = decoded(
      audit({
        operationType: 'Delete',
        activityDisplayName: 'Delete partner specific cross-tenant access setting',
      }),
    );
    assert.equal(entry.time.toISOString(), '2025-03-08T11:00:12.629Z');
    assert.equal(entry.tenantId, OWN);
    assert.equal(entry.operation, 'delete');
    assert.equal(
      words(
        audit({
          operationType: 'Delete',
          activityDisplayName: 'Delete partner specific cross-tenant access setting',
        }),
      ).title,
      'Removed partner Fabrikam Retail',
    );
  });

  it('skips an event without an id or a time, and takes hostile text as data', () => {
    assert.equal(decodeAuditEvent(audit({ id: null as never }), OWN), undefined);
    assert.equal(decodeAuditEvent(audit({ activityDateTime: 'yesterday' }), OWN), undefined);
    const hostile = '<img src=x onerror=alert(1)>';
    const entry = decoded(
      audit({
        initiatedBy: {
          user: { id: 'u', displayName: hostile, userPrincipalName: null, ipAddress: null },
          app: null,
        },
        modified: [['description', null, JSON.stringify(hostile)]],
        targetResources: [
          {
            id: 'x',
            displayName: hostile,
            type: 'Policy',
            modifiedProperties: [{ displayName: hostile, oldValue: '1', newValue: '2' }],
          },
        ],
      }),
    );
    assert.equal(describeHistoryEntry(entry, names).actor, hostile);
    assert.deepEqual(entry.changes[0], { property: hostile, before: 1, after: 2, decoded: true });
  });
});
