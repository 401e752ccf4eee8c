import assert from 'node:assert/strict';
import type { CheckContext } from '../../../../src/core/policy/checkContext';
import type { Severity } from '../../../../src/core/policy/diagnostic';
import { DOCUMENT_KINDS, type DocumentKindId } from '../../../../src/core/policy/documentKinds';
import { parseJson } from '../../../../src/core/policy/jsonTree';
import { allBlockedConsistency } from '../../../../src/core/policy/rules/allBlockedConsistency';
import { cloudEndpoints } from '../../../../src/core/policy/rules/cloudEndpoints';
import { defaultCannotInherit } from '../../../../src/core/policy/rules/defaultCannotInherit';
import { defaultInboundTargets } from '../../../../src/core/policy/rules/defaultInboundTargets';
import { duplicateKeys } from '../../../../src/core/policy/rules/duplicateKeys';
import { emptyTargets } from '../../../../src/core/policy/rules/emptyTargets';
import { guidFormat } from '../../../../src/core/policy/rules/guidFormat';
import { RULES } from '../../../../src/core/policy/rules';
import { policySize } from '../../../../src/core/policy/rules/policySize';
import { propertyCasing } from '../../../../src/core/policy/rules/propertyCasing';
import { readOnlyProperty } from '../../../../src/core/policy/rules/readOnlyProperty';
import type { Rule } from '../../../../src/core/policy/rules/rule';
import { specialTargets } from '../../../../src/core/policy/rules/specialTargets';
import { targetTypeForList } from '../../../../src/core/policy/rules/targetTypeForList';
import { tenantIdMatch } from '../../../../src/core/policy/rules/tenantIdMatch';
import { TextPositions } from '../../../../src/core/policy/textPositions';
import { applyFix, schemas, textAt } from './helpers';

const GROUP = '0be493dc-cb56-4a53-936f-9cf64410b8b0';
const APP = '6f546279-4da5-4b53-a095-09ea0cef9971';
const PARTNER = '3d0f5dec-5d3d-455c-8016-e2af1ae4d31a';

interface RuleCase {
  readonly name: string;
  readonly kind: DocumentKindId;
  /** A JSON value (written with 2-space indent) or raw text (for what JSON.stringify can't write, e.g. duplicate keys). */
  readonly doc: object | string;
  readonly input?: Omit<CheckContext, 'schemas'>;
  /** Per expected diagnostic: the exact text its range covers, its severity, a pattern for its message. */
  readonly expected: ReadonlyArray<{ at: string; severity?: Severity; message?: RegExp }>;
  /** The text after applying the first diagnostic's only quick fix; null when it must have none. */
  readonly fixed?: string | null;
}

function textOf(doc: object | string): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

function run(rule: Rule, { kind, doc, input }: RuleCase) {
  const text = textOf(doc);
  const positions = new TextPositions(text);
  const { root, syntax } = parseJson(positions);
  assert.deepEqual(syntax, [], 'test documents must be valid JSON');
  return rule.check({
    kind: DOCUMENT_KINDS[kind],
    root: root!,
    positions,
    input: { schemas: schemas(), ...input },
  });
}

const target = (id: string, targetType: string | null) => ({ target: id, targetType });
const config = (accessType: string, ...targets: object[]) => ({ accessType, targets });

const TABLES: ReadonlyArray<[Rule, readonly RuleCase[]]> = [
  [
    duplicateKeys,
    [
      {
        name: 'flags the second occurrence of a top-level key and removes it',
        kind: 'partner',
        doc: '{\n  "inboundTrust": null,\n  "isServiceProvider": true,\n  "inboundTrust": { "isMfaAccepted": true }\n}',
        expected: [
          {
            at: '"inboundTrust"',
            // As VS Code's JSON parser reports it: one severity in Problems and for push.
            severity: 'warning',
            message: /appears more than once in this object, and only the last one counts/,
          },
        ],
        fixed: '{\n  "inboundTrust": null,\n  "isServiceProvider": true\n}',
      },
      {
        name: 'finds duplicates at any depth, each extra occurrence once',
        kind: 'partner',
        doc: '{ "b2bCollaborationInbound": { "usersAndGroups": { "accessType": "allowed", "accessType": "blocked", "accessType": "allowed", "targets": [] } } }',
        expected: [{ at: '"accessType"' }, { at: '"accessType"' }],
      },
      {
        name: 'accepts the same key in sibling objects',
        kind: 'partner',
        doc: {
          inboundTrust: { isMfaAccepted: true },
          automaticUserConsentSettings: { isMfaAccepted: true },
        },
        expected: [],
      },
    ],
  ],
  [
    propertyCasing,
    [
      {
        name: 'PowerShell-style casing of a top-level setting',
        kind: 'partner',
        doc: { B2BCollaborationInbound: null },
        expected: [
          {
            at: '"B2BCollaborationInbound"',
            severity: 'error',
            message:
              /^Property names are case-sensitive: "B2BCollaborationInbound" must be written "b2bCollaborationInbound"\.$/,
          },
        ],
        fixed: '{\n  "b2bCollaborationInbound": null\n}',
      },
      {
        name: 'a nested key, found through the Graph types',
        kind: 'default',
        doc: {
          b2bCollaborationOutbound: {
            usersAndGroups: {
              AccessType: 'allowed',
              targets: [{ Target: 'AllUsers', targetType: 'user' }],
            },
          },
        },
        expected: [{ at: '"AccessType"' }, { at: '"Target"' }],
      },
      {
        name: 'the partner key',
        kind: 'partner',
        doc: { TenantID: PARTNER },
        expected: [{ at: '"TenantID"' }],
      },
      {
        name: 'a sync schema rule',
        kind: 'syncSchema',
        doc: { synchronizationRules: [{ ObjectMappings: [] }] },
        expected: [{ at: '"ObjectMappings"' }],
      },
      {
        name: 'leaves unknown names to the schema',
        kind: 'partner',
        doc: { crossCloudMeetingConfiguration: {} },
        expected: [],
      },
      {
        name: 'does not look inside a miscased parent',
        kind: 'partner',
        doc: { InboundTrust: { IsMfaAccepted: true } },
        expected: [{ at: '"InboundTrust"' }],
      },
    ],
  ],
  [
    readOnlyProperty,
    [
      {
        name: 'automatic redemption on the default is an error, removed by the fix',
        kind: 'default',
        doc: {
          automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
          inboundTrust: null,
        },
        expected: [
          {
            at: '"automaticUserConsentSettings"',
            severity: 'error',
            message: /read-only on the default settings .* Remove it\.$/,
          },
        ],
        fixed: '{\n  "inboundTrust": null\n}',
      },
      {
        name: 'isServiceDefault is a warning',
        kind: 'default',
        doc: { isServiceDefault: true },
        expected: [{ at: '"isServiceDefault"', severity: 'warning' }],
        fixed: '{}',
      },
      {
        name: 'isInMultiTenantOrganization on a partner',
        kind: 'partner',
        doc: { isInMultiTenantOrganization: false },
        expected: [{ at: '"isInMultiTenantOrganization"', severity: 'warning' }],
      },
      {
        name: 'automatic redemption on a partner is fine',
        kind: 'partner',
        doc: { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false } },
        expected: [],
      },
    ],
  ],
  [
    tenantIdMatch,
    [
      {
        name: 'another tenant: error, fixed to the expected id',
        kind: 'partner',
        doc: { tenantId: GROUP },
        input: { expectedTenantId: PARTNER },
        expected: [
          {
            at: `"${GROUP}"`,
            severity: 'error',
            message: new RegExp(`^This document belongs to partner tenant ${PARTNER}`),
          },
        ],
        fixed: `{\n  "tenantId": "${PARTNER}"\n}`,
      },
      {
        name: 'the same id in upper case',
        kind: 'identitySync',
        doc: { tenantId: PARTNER.toUpperCase() },
        input: { expectedTenantId: PARTNER },
        expected: [],
      },
      { name: 'no expected id given', kind: 'partner', doc: { tenantId: GROUP }, expected: [] },
      {
        name: 'kinds without a tenant key',
        kind: 'default',
        doc: { tenantId: GROUP },
        input: { expectedTenantId: PARTNER },
        expected: [],
      },
    ],
  ],
  [
    guidFormat,
    [
      {
        name: 'a domain as tenant id',
        kind: 'partner',
        doc: { tenantId: 'contoso.com' },
        expected: [
          { at: '"contoso.com"', severity: 'error', message: /must be a tenant id: a GUID/ },
        ],
        fixed: null,
      },
      {
        name: 'a tenant id pasted with braces',
        kind: 'identitySync',
        doc: { tenantId: `{${PARTNER}}` },
        expected: [{ at: `"{${PARTNER}}"` }],
        fixed: `{\n  "tenantId": "${PARTNER}"\n}`,
      },
      {
        name: 'a group named instead of its id',
        kind: 'partner',
        doc: {
          b2bCollaborationInbound: {
            usersAndGroups: config('allowed', target('Sales team', 'group')),
          },
        },
        expected: [
          { at: '"Sales team"', message: /^`target` must be the object id of a group \(a GUID/ },
        ],
        fixed: null,
      },
      {
        name: 'a special value in the wrong case',
        kind: 'partner',
        doc: {
          b2bDirectConnectOutbound: {
            applications: config('allowed', target('office365', 'application')),
          },
        },
        expected: [
          {
            at: '"office365"',
            message: /^Special target values are case-sensitive: write "Office365"\.$/,
          },
        ],
        fixed: textOf({
          b2bDirectConnectOutbound: {
            applications: config('allowed', target('Office365', 'application')),
          },
        }),
      },
      {
        name: 'GUIDs (any case), special values, and unknown target types pass',
        kind: 'partner',
        doc: {
          tenantId: PARTNER.toUpperCase(),
          b2bCollaborationInbound: {
            usersAndGroups: config('allowed', target(GROUP, 'group'), target('AllUsers', 'user')),
            applications: config(
              'blocked',
              target(APP.toUpperCase(), 'application'),
              target('someday', 'unknownFutureValue'),
            ),
          },
        },
        expected: [],
      },
    ],
  ],
  [
    specialTargets,
    [
      {
        name: 'AllUsers with targetType group',
        kind: 'partner',
        doc: {
          b2bCollaborationInbound: {
            usersAndGroups: config('allowed', target('AllUsers', 'group')),
          },
        },
        expected: [
          { at: '"group"', severity: 'error', message: /^"AllUsers" needs `targetType` "user"\.$/ },
        ],
        fixed: textOf({
          b2bCollaborationInbound: {
            usersAndGroups: config('allowed', target('AllUsers', 'user')),
          },
        }),
      },
      {
        name: 'Office365 with targetType user in an applications list',
        kind: 'default',
        doc: {
          b2bDirectConnectInbound: { applications: config('allowed', target('Office365', 'user')) },
        },
        expected: [{ at: '"user"', message: /needs `targetType` "application"/ }],
      },
      {
        name: 'Office365 in a users-and-groups list',
        kind: 'partner',
        doc: {
          b2bCollaborationOutbound: {
            usersAndGroups: config('allowed', target('Office365', 'application')),
          },
        },
        expected: [
          {
            at: '"Office365"',
            message:
              /^"Office365" can only be used in an `applications` list, not in `usersAndGroups`/,
          },
        ],
        fixed: null,
      },
      {
        name: 'AllApplications among users',
        kind: 'partner',
        doc: {
          tenantRestrictions: {
            usersAndGroups: config('blocked', target('AllApplications', 'application')),
          },
        },
        expected: [{ at: '"AllApplications"' }],
      },
      {
        name: 'AllUsers among applications',
        kind: 'partner',
        doc: {
          appServiceConnectInbound: { applications: config('allowed', target('AllUsers', 'user')) },
        },
        expected: [{ at: '"AllUsers"', message: /a `usersAndGroups` \(or `users`\) list/ }],
      },
      {
        name: 'AllUsers without a targetType',
        kind: 'partner',
        doc: {
          b2bCollaborationInbound: { usersAndGroups: config('allowed', { target: 'AllUsers' }) },
        },
        expected: [{ at: '"AllUsers"', message: /add it next to `target`/ }],
        fixed: null,
      },
      {
        name: 'right values in the right lists, including the users list of Microsoft 365 collaboration',
        kind: 'partner',
        doc: {
          m365CollaborationInbound: { users: config('allowed', target('AllUsers', 'user')) },
          b2bCollaborationInbound: {
            applications: config(
              'allowed',
              target('AllMicrosoftApps', 'application'),
              target('AllApplications', 'application'),
            ),
          },
        },
        expected: [],
      },
    ],
  ],
  [
    targetTypeForList,
    [
      {
        name: 'a group in an applications list',
        kind: 'partner',
        doc: { b2bCollaborationInbound: { applications: config('allowed', target(APP, 'group')) } },
        expected: [
          {
            at: '"group"',
            severity: 'error',
            message:
              /^Targets in `applications` must have `targetType` "application", not "group"\.$/,
          },
        ],
        fixed: textOf({
          b2bCollaborationInbound: { applications: config('allowed', target(APP, 'application')) },
        }),
      },
      {
        name: 'an application among users and groups (user or group: no fix)',
        kind: 'default',
        doc: {
          b2bCollaborationOutbound: {
            usersAndGroups: config('allowed', target(GROUP, 'application')),
          },
        },
        expected: [{ at: '"application"', message: /must have `targetType` "user" or "group"/ }],
        fixed: null,
      },
      {
        name: 'users, groups and applications where they belong',
        kind: 'partner',
        doc: {
          b2bCollaborationInbound: {
            usersAndGroups: config('allowed', target(GROUP, 'group'), target(APP, 'user')),
            applications: config('allowed', target(APP, 'application')),
          },
        },
        expected: [],
      },
    ],
  ],
  [
    defaultInboundTargets,
    [
      {
        name: 'a group in the default B2B collaboration inbound',
        kind: 'default',
        doc: {
          b2bCollaborationInbound: { usersAndGroups: config('allowed', target(GROUP, 'group')) },
        },
        expected: [
          {
            at: `"${GROUP}"`,
            severity: 'error',
            message:
              /can only target "AllUsers": users and groups of other tenants can't be named here/,
          },
        ],
        fixed: null,
      },
      {
        name: 'a user in the default direct connect inbound',
        kind: 'default',
        doc: {
          b2bDirectConnectInbound: { usersAndGroups: config('blocked', target(GROUP, 'user')) },
        },
        expected: [{ at: `"${GROUP}"` }],
      },
      {
        name: 'outbound groups are your own: fine',
        kind: 'default',
        doc: {
          b2bCollaborationOutbound: { usersAndGroups: config('blocked', target(GROUP, 'group')) },
        },
        expected: [],
      },
      {
        name: 'inbound applications are your own: fine',
        kind: 'default',
        doc: {
          b2bCollaborationInbound: { applications: config('allowed', target(APP, 'application')) },
        },
        expected: [],
      },
      {
        name: 'a partner may name its groups',
        kind: 'partner',
        doc: {
          b2bCollaborationInbound: { usersAndGroups: config('allowed', target(GROUP, 'group')) },
        },
        expected: [],
      },
    ],
  ],
  [
    allBlockedConsistency,
    [
      {
        name: 'all users blocked, applications allowed: fixed by blocking all applications',
        kind: 'partner',
        doc: {
          b2bCollaborationInbound: {
            applications: config('allowed', target(APP, 'application')),
            usersAndGroups: config('blocked', target('AllUsers', 'user')),
          },
        },
        expected: [
          {
            at: '"applications"',
            severity: 'error',
            message:
              /^All users are blocked in `b2bCollaborationInbound`, so all applications must be blocked too/,
          },
        ],
        fixed: textOf({
          b2bCollaborationInbound: {
            applications: config('blocked', target('AllApplications', 'application')),
            usersAndGroups: config('blocked', target('AllUsers', 'user')),
          },
        }),
      },
      {
        name: 'all applications blocked, one group allowed: fixed by blocking all users',
        kind: 'default',
        doc: {
          b2bDirectConnectOutbound: {
            applications: config('blocked', target('AllApplications', 'application')),
            usersAndGroups: config('allowed', target(GROUP, 'group')),
          },
        },
        expected: [
          {
            at: '"usersAndGroups"',
            message:
              /^All applications are blocked in `b2bDirectConnectOutbound`, so all users must be blocked too/,
          },
        ],
        fixed: textOf({
          b2bDirectConnectOutbound: {
            applications: config('blocked', target('AllApplications', 'application')),
            usersAndGroups: config('blocked', target('AllUsers', 'user')),
          },
        }),
      },
      {
        name: 'both blocked',
        kind: 'partner',
        doc: {
          b2bCollaborationOutbound: {
            applications: config('blocked', target('AllApplications', 'application')),
            usersAndGroups: config('blocked', target('AllUsers', 'user')),
          },
        },
        expected: [],
      },
      {
        name: 'the other half left out',
        kind: 'partner',
        doc: {
          b2bCollaborationOutbound: {
            usersAndGroups: config('blocked', target('AllUsers', 'user')),
          },
        },
        expected: [],
      },
      {
        name: 'one group blocked is not everyone',
        kind: 'partner',
        doc: {
          b2bCollaborationOutbound: {
            applications: config('allowed', target('AllApplications', 'application')),
            usersAndGroups: config('blocked', target(GROUP, 'group')),
          },
        },
        expected: [],
      },
    ],
  ],
  [
    emptyTargets,
    [
      {
        name: 'an empty users-and-groups list',
        kind: 'partner',
        doc: { b2bCollaborationInbound: { usersAndGroups: config('allowed') } },
        expected: [
          {
            at: '[]',
            severity: 'warning',
            message:
              /^`targets` of `usersAndGroups` is empty: list at least one target \(e\.g\. "AllUsers"/,
          },
        ],
      },
      {
        name: 'an empty applications list',
        kind: 'default',
        doc: { tenantRestrictions: { applications: config('blocked') } },
        expected: [{ at: '[]', message: /"AllApplications"/ }],
      },
      {
        name: 'a list with a target',
        kind: 'default',
        doc: {
          tenantRestrictions: {
            applications: config('blocked', target('AllApplications', 'application')),
          },
        },
        expected: [],
      },
    ],
  ],
  [
    cloudEndpoints,
    [
      {
        name: 'the known clouds',
        kind: 'policy',
        doc: {
          allowedCloudEndpoints: [
            'microsoftonline.us',
            'partner.microsoftonline.cn',
            'microsoftonline.com',
          ],
        },
        expected: [],
      },
      {
        name: 'a cloud in the wrong case',
        kind: 'policy',
        doc: { allowedCloudEndpoints: ['MicrosoftOnline.US'] },
        expected: [{ at: '"MicrosoftOnline.US"', severity: 'warning' }],
        fixed: '{\n  "allowedCloudEndpoints": [\n    "microsoftonline.us"\n  ]\n}',
      },
      {
        name: 'a cloud that does not exist',
        kind: 'policy',
        doc: { allowedCloudEndpoints: ['microsoftonline.de'] },
        expected: [
          {
            at: '"microsoftonline.de"',
            message:
              /use "microsoftonline.com", "microsoftonline.us", "partner.microsoftonline.cn"/,
          },
        ],
        fixed: null,
      },
    ],
  ],
  [
    defaultCannotInherit,
    [
      {
        name: 'a default setting written as null: Graph documents null as "inherit" only for partners',
        kind: 'default',
        doc: { inboundTrust: null, tenantRestrictions: config('blocked') },
        expected: [
          {
            at: 'null',
            severity: 'error',
            message:
              /^`inboundTrust`: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults\.$/,
          },
        ],
        fixed: null,
      },
      {
        name: 'a setting the document started with and no longer holds was removed',
        kind: 'default',
        doc: { inboundTrust: { isMfaAccepted: true } },
        input: {
          startedFrom: {
            id: 'x',
            inboundTrust: { isMfaAccepted: false },
            tenantRestrictions: config('blocked'),
            automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
          },
        },
        expected: [
          {
            at: '{',
            severity: 'error',
            message:
              /^`tenantRestrictions` was removed: the default settings cannot inherit; set a value or use Reset to Microsoft Defaults\.$/,
          },
        ],
      },
      {
        name: 'a setting Graph did not return is not missing',
        kind: 'default',
        doc: { inboundTrust: { isMfaAccepted: true } },
        input: {
          startedFrom: { inboundTrust: { isMfaAccepted: false }, tenantRestrictions: null },
        },
        expected: [],
      },
      {
        name: 'a null Graph itself returned and the document keeps sends nothing: no error',
        kind: 'default',
        doc: { inboundTrust: { isMfaAccepted: true }, tenantRestrictions: null },
        input: {
          startedFrom: { inboundTrust: { isMfaAccepted: false }, tenantRestrictions: null },
        },
        expected: [],
      },
      {
        name: 'partners keep null as inherit',
        kind: 'partner',
        doc: { inboundTrust: null },
        input: { startedFrom: { inboundTrust: { isMfaAccepted: true }, tenantRestrictions: null } },
        expected: [],
      },
    ],
  ],
  [
    policySize,
    [
      {
        name: 'without the rest of the policy there is nothing to say',
        kind: 'partner',
        doc: { isServiceProvider: true },
        expected: [],
      },
      {
        name: 'well below the limit',
        kind: 'partner',
        doc: { isServiceProvider: true },
        input: { restOfPolicyBytes: 10_000 },
        expected: [],
      },
      {
        name: 'within 10 % of the limit',
        kind: 'default',
        doc: { isServiceProvider: true },
        input: { restOfPolicyBytes: 23_100 },
        expected: [
          { at: '{', severity: 'warning', message: /about 22\.6 KB, close to Graph's 25 KB limit/ },
        ],
      },
      {
        name: 'over the limit',
        kind: 'partner',
        doc: { isServiceProvider: true },
        input: { restOfPolicyBytes: 25_600 },
        expected: [
          {
            at: '{',
            message: /about 25\.0 KB, over Graph's 25 KB limit: Graph will refuse the change/,
          },
        ],
      },
      {
        name: 'identity sync is not part of the policy size',
        kind: 'identitySync',
        doc: {},
        input: { restOfPolicyBytes: 30_000 },
        expected: [],
      },
    ],
  ],
];

describe('semantic rules', () => {
  it('RULES runs every rule exactly once', () => {
    assert.deepEqual(
      RULES.map((rule) => rule.code).sort(),
      TABLES.map(([rule]) => rule.code).sort(),
    );
  });

  for (const [rule, cases] of TABLES) {
    describe(rule.code, () => {
      for (const testCase of cases) {
        it(testCase.name, () => {
          const text = textOf(testCase.doc);
          const diagnostics = run(rule, testCase);
          assert.deepEqual(
            diagnostics.map((diagnostic) => textAt(text, diagnostic)),
            testCase.expected.map((expected) => expected.at),
          );
          diagnostics.forEach((diagnostic, i) => {
            const { severity, message } = testCase.expected[i];
            assert.equal(diagnostic.code, rule.code);
            if (severity) assert.equal(diagnostic.severity, severity);
            if (message) assert.match(diagnostic.message, message);
          });
          if (testCase.fixed === null) assert.deepEqual(diagnostics[0].fixes, []);
          if (typeof testCase.fixed === 'string') {
            assert.equal(diagnostics[0].fixes.length, 1);
            const fixed = applyFix(text, diagnostics[0].fixes[0]);
            assert.equal(fixed, testCase.fixed);
            assert.equal(
              run(rule, { ...testCase, doc: fixed }).length,
              diagnostics.length - 1,
              'the fix removes its diagnostic',
            );
          }
        });
      }
    });
  }
});
