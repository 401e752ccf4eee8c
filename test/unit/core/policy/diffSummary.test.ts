import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { summarizeChanges } from '../../../../src/core/policy/diffSummary';
import type { DocumentKindId } from '../../../../src/core/policy/documentKinds';

const GROUP = '0be493dc-cb56-4a53-936f-9cf64410b8b0';
const allUsers = { target: 'AllUsers', targetType: 'user' };
const allApps = { target: 'AllApplications', targetType: 'application' };
const group = { target: GROUP, targetType: 'group' };

const CASES: ReadonlyArray<{
  name: string;
  kind: DocumentKindId;
  before: object;
  after: object;
  lines: string[];
}> = [
  {
    name: 'an access type and its targets',
    kind: 'partner',
    before: {
      b2bCollaborationInbound: {
        usersAndGroups: { accessType: 'allowed', targets: [allUsers] },
        applications: { accessType: 'allowed', targets: [allApps] },
      },
    },
    after: {
      b2bCollaborationInbound: {
        usersAndGroups: { accessType: 'blocked', targets: [group] },
        applications: { accessType: 'allowed', targets: [allApps] },
      },
    },
    lines: [
      'B2B collaboration inbound, users and groups: allowed → blocked',
      'B2B collaboration inbound, users and groups, targets: + group 0be493dc…',
      'B2B collaboration inbound, users and groups, targets: − all users',
    ],
  },
  {
    name: 'a partner setting going from inherited to its own values, leaf by leaf',
    kind: 'partner',
    before: {
      inboundTrust: null,
      automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
    },
    after: {
      inboundTrust: {
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
        isMfaAccepted: true,
      },
      automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null },
    },
    lines: [
      'Automatic redemption, inbound: inherited → on',
      'Inbound trust, compliant devices: inherited → not trusted',
      'Inbound trust, hybrid joined devices: inherited → not trusted',
      'Inbound trust, MFA: inherited → trusted',
    ],
  },
  {
    name: 'a partner setting returned to inheriting the default',
    kind: 'partner',
    before: {
      b2bDirectConnectOutbound: { usersAndGroups: { accessType: 'blocked', targets: [allUsers] } },
    },
    after: { b2bDirectConnectOutbound: null },
    lines: [
      'B2B direct connect outbound, users and groups: blocked → inherited',
      'B2B direct connect outbound, users and groups, targets: all users → inherited',
    ],
  },
  {
    name: 'no changes, whatever the key order, server-owned keys and annotations',
    kind: 'partner',
    before: {
      tenantId: 'a',
      '@odata.context': 'x',
      isInMultiTenantOrganization: false,
      inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false },
    },
    after: {
      inboundTrust: { isCompliantDeviceAccepted: false, isMfaAccepted: true },
      tenantId: 'b',
      isInMultiTenantOrganization: true,
    },
    lines: [],
  },
  {
    name: 'the default says "not set" rather than "inherited"',
    kind: 'default',
    before: { invitationRedemptionIdentityProviderConfiguration: null },
    after: {
      invitationRedemptionIdentityProviderConfiguration: {
        fallbackIdentityProvider: 'emailOneTimePasscode',
        primaryIdentityProviderPrecedenceOrder: ['externalFederation', 'azureActiveDirectory'],
      },
    },
    lines: [
      'Invitation redemption, fallback identity provider: not set → emailOneTimePasscode',
      'Invitation redemption, identity provider order: not set → externalFederation, azureActiveDirectory',
    ],
  },
  {
    name: 'unknown properties are reported in plain JSON, after the known ones',
    kind: 'partner',
    before: { crossCloudMeetingConfiguration: { inboundAllowed: true }, isServiceProvider: null },
    after: { crossCloudMeetingConfiguration: { inboundAllowed: false }, isServiceProvider: true },
    lines: [
      'Cloud service provider: not set → yes',
      'Cross cloud meeting configuration: {"inboundAllowed":true} → {"inboundAllowed":false}',
    ],
  },
  {
    name: 'the base policy',
    kind: 'policy',
    before: { allowedCloudEndpoints: [] },
    after: { allowedCloudEndpoints: ['microsoftonline.us'], displayName: 'Contoso policy' },
    lines: [
      'Display name: not set → "Contoso policy"',
      'Allowed cloud endpoints: (none) → microsoftonline.us',
    ],
  },
  {
    name: 'inbound user sync',
    kind: 'identitySync',
    before: { userSyncInbound: { isSyncAllowed: true } },
    after: { userSyncInbound: { isSyncAllowed: false } },
    lines: ['User sync inbound: allowed → not allowed'],
  },
];

describe('summarizeChanges', () => {
  for (const { name, kind, before, after, lines } of CASES) {
    it(name, () => {
      assert.deepEqual(summarizeChanges(kind, before, after), lines);
    });
  }

  it('names sync schema changes by rule, object mapping and attribute mapping', () => {
    const before = JSON.parse(
      fs.readFileSync(path.join(__dirname, 'fixtures/azure2azure.syncschema.json'), 'utf8'),
    ) as {
      synchronizationRules: Array<{
        objectMappings: Array<
          Record<string, unknown> & {
            attributeMappings: Array<Record<string, unknown>>;
            scope: { groups: unknown[] };
          }
        >;
      }>;
    };
    const after = structuredClone(before);
    const mapping = after.synchronizationRules[0].objectMappings[0];
    mapping.attributeMappings = mapping.attributeMappings.filter(
      (entry) => entry.targetAttributeName !== 'manager',
    );
    mapping.attributeMappings.push({
      targetAttributeName: 'jobTitle',
      matchingPriority: 0,
      flowType: 'Always',
      source: { type: 'Attribute', name: 'jobTitle', expression: '[jobTitle]' },
    });
    (
      mapping.attributeMappings.find((entry) => entry.targetAttributeName === 'userType')!
        .source as { expression: string }
    ).expression = '"Guest"';
    mapping.scope.groups.push({
      name: 'Only Sales',
      clauses: [
        {
          sourceOperandName: 'department',
          operatorName: 'EQUALS',
          targetOperand: { values: ['Sales'] },
        },
      ],
    });
    mapping.flowTypes = 'Add, Update';
    const where = 'Rule USER_INBOUND_USER, object mapping Provision Azure Active Directory Users';
    assert.deepEqual(summarizeChanges('syncSchema', before, after), [
      `${where}, attribute mapping userType, source, expression: "\\"Member\\"" → "\\"Guest\\""`,
      `${where}: + attribute mapping jobTitle`,
      `${where}: − attribute mapping manager`,
      `${where}, flow types: Add, Update, Delete → Add, Update`,
      `${where}, scope, groups: + filter Only Sales`,
    ]);
  });
});
