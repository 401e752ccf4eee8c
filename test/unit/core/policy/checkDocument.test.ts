import assert from 'node:assert/strict';
import { checkDocument } from '../../../../src/core/policy/checkDocument';
import type { CheckContext } from '../../../../src/core/policy/checkContext';
import type { Severity } from '../../../../src/core/policy/diagnostic';
import type { DocumentKindId } from '../../../../src/core/policy/documentKinds';
import { applyFix, rangeOf, schemas, textAt, type RangeTuple } from './helpers';

const PARTNER = '3d0f5dec-5d3d-455c-8016-e2af1ae4d31a';

interface Expected {
  readonly code: string;
  readonly severity: Severity;
  readonly range: RangeTuple;
  /** The exact message, or a pattern where the message is long. */
  readonly message: string | RegExp;
}

interface Case {
  readonly name: string;
  readonly kind: DocumentKindId;
  readonly lines: readonly string[];
  readonly context?: Omit<CheckContext, 'schemas'>;
  readonly expected: readonly Expected[];
}

const CASES: readonly Case[] = [
  {
    name: 'a trailing comma is a syntax error, and nothing else is reported',
    kind: 'partner',
    lines: ['{', '  "inboundTrust": null,', '}'],
    expected: [
      {
        code: 'syntax',
        severity: 'error',
        range: [2, 0, 2, 1],
        message:
          'A property name in double quotes is expected here (remove a trailing comma, or quote the name).',
      },
    ],
  },
  {
    name: 'a comment is a syntax error: Graph takes strict JSON',
    kind: 'default',
    lines: ['{', '  // allow everyone', '  "inboundTrust": null', '}'],
    expected: [
      {
        code: 'syntax',
        severity: 'error',
        range: [1, 2, 1, 19],
        message: 'Comments are not allowed: Graph receives strict JSON. Remove the comment.',
      },
    ],
  },
  {
    name: 'an empty document says what it needs',
    kind: 'identitySync',
    lines: [''],
    expected: [
      {
        code: 'syntax',
        severity: 'error',
        range: [0, 0, 0, 0],
        message: 'The document is empty: it must hold one JSON object, e.g. {}.',
      },
    ],
  },
  {
    name: 'an array instead of an object',
    kind: 'policy',
    lines: ['[]'],
    expected: [
      {
        code: 'schema-type',
        severity: 'error',
        range: [0, 0, 0, 2],
        message: 'The cross-tenant access policy document must be an object.',
      },
    ],
  },
  {
    name: 'the documentation\'s " blocked" typo, a wrong target type and a miscased key',
    kind: 'partner',
    lines: [
      '{',
      '  "b2bCollaborationInbound": {',
      '    "usersAndGroups": {',
      '      "accessType": " blocked",',
      '      "targets": [{ "target": "AllUsers", "targetType": "group" }]',
      '    },',
      '    "Applications": null',
      '  }',
      '}',
    ],
    expected: [
      {
        code: 'schema-enum',
        severity: 'error',
        range: [3, 20, 3, 30],
        message: '`accessType` must be "allowed" or "blocked".',
      },
      {
        code: 'special-target',
        severity: 'error',
        range: [4, 56, 4, 63],
        message: '"AllUsers" needs `targetType` "user".',
      },
      {
        code: 'property-casing',
        severity: 'error',
        range: [6, 4, 6, 18],
        message:
          'Property names are case-sensitive: "Applications" must be written "applications".',
      },
    ],
  },
  {
    name: 'values outside an enum are errors, each listed once: "Allowed" and "permit" (issue 16)',
    kind: 'partner',
    lines: [
      '{',
      '  "b2bCollaborationInbound": {',
      '    "usersAndGroups": {',
      '      "accessType": "Allowed",',
      '      "targets": [{ "target": "AllUsers", "targetType": "permit" }]',
      '    }',
      '  }',
      '}',
    ],
    expected: [
      {
        code: 'schema-enum',
        severity: 'error',
        range: [3, 20, 3, 29],
        message: '`accessType` must be "allowed" or "blocked".',
      },
      {
        code: 'schema-enum',
        severity: 'error',
        range: [4, 56, 4, 64],
        message: '`targetType` must be "user", "group" or "application".',
      },
      {
        code: 'special-target',
        severity: 'error',
        range: [4, 56, 4, 64],
        message: '"AllUsers" needs `targetType` "user".',
      },
    ],
  },
  {
    name: 'wrong value types, an unknown property and a duplicate key',
    kind: 'partner',
    lines: [
      '{',
      '  "inboundTrust": { "isMfaAccepted": "true" },',
      '  "isServiceProvider": false,',
      '  "isServiceProvider": 1,',
      '  "crossCloudMeetingConfiguration": {}',
      '}',
    ],
    expected: [
      {
        code: 'schema-type',
        severity: 'error',
        range: [1, 37, 1, 43],
        message: '`isMfaAccepted` must be true, false or null.',
      },
      {
        code: 'duplicate-key',
        severity: 'warning',
        range: [3, 2, 3, 21],
        message:
          '"isServiceProvider" appears more than once in this object, and only the last one counts: remove the duplicate.',
      },
      {
        code: 'schema-type',
        severity: 'error',
        range: [3, 23, 3, 24],
        message: '`isServiceProvider` must be true, false or null.',
      },
      {
        code: 'schema-unknown-property',
        severity: 'info',
        range: [4, 2, 4, 34],
        message:
          '"crossCloudMeetingConfiguration" is not in Graph\'s v1.0 metadata, but Graph returns it (documented outside the metadata): it is kept as it is and never sent.',
      },
    ],
  },
  {
    name: 'an unknown property Graph returned (it is in what the document started from): an information hint, nested too',
    kind: 'partner',
    lines: [
      '{',
      '  "b2bCollaborationInbound": { "usersAndGroups": null, "newNested": true },',
      '  "brandNewSetting": { "on": true },',
      '  "typedByHand": 1',
      '}',
    ],
    context: {
      startedFrom: {
        b2bCollaborationInbound: { usersAndGroups: null, newNested: false },
        brandNewSetting: { on: false },
      },
    },
    expected: [
      {
        code: 'schema-unknown-property',
        severity: 'info',
        range: [1, 55, 1, 66],
        message:
          '"newNested" is not in Graph\'s v1.0 metadata, but Graph returned it: it is kept as it is and never sent.',
      },
      {
        code: 'schema-unknown-property',
        severity: 'info',
        range: [2, 2, 2, 19],
        message:
          '"brandNewSetting" is not in Graph\'s v1.0 metadata, but Graph returned it: it is kept as it is and never sent.',
      },
      {
        code: 'schema-unknown-property',
        severity: 'warning',
        range: [3, 2, 3, 15],
        message:
          /^Unknown property "typedByHand" in the partner configuration document\. .*a push that would send it is refused/,
      },
    ],
  },
  {
    name: 'unknownFutureValue is an error: it stands for a value newer than this client and cannot be set',
    kind: 'partner',
    lines: [
      '{',
      '  "b2bDirectConnectOutbound": {',
      '    "applications": { "accessType": "unknownFutureValue", "targets": [{ "target": "someday", "targetType": "unknownFutureValue" }] }',
      '  }',
      '}',
    ],
    expected: [
      {
        code: 'unknown-future-value',
        severity: 'error',
        range: [2, 36, 2, 56],
        message:
          '`accessType` is "unknownFutureValue", Graph\'s stand-in for a value newer than this client: it cannot be set. Set "allowed" or "blocked".',
      },
      {
        code: 'unknown-future-value',
        severity: 'error',
        range: [2, 107, 2, 127],
        message:
          '`targetType` is "unknownFutureValue", Graph\'s stand-in for a value newer than this client: it cannot be set. Set "user", "group" or "application".',
      },
    ],
  },
  {
    name: 'a tenant id that disagrees with the location',
    kind: 'identitySync',
    lines: [
      '{',
      '  "tenantId": "9c5d131d-b1c3-4fc4-9e3f-c6557947d551",',
      '  "userSyncInbound": { "isSyncAllowed": true }',
      '}',
    ],
    context: { expectedTenantId: PARTNER },
    expected: [
      {
        code: 'tenant-id-mismatch',
        severity: 'error',
        range: [1, 14, 1, 52],
        message: `This document belongs to partner tenant ${PARTNER} (from its location), but \`tenantId\` is "9c5d131d-b1c3-4fc4-9e3f-c6557947d551": set it to ${PARTNER}, or remove it.`,
      },
    ],
  },
  {
    name: 'the default: inbound groups, automatic redemption, and blocking all users but not all apps',
    kind: 'default',
    lines: [
      '{',
      '  "automaticUserConsentSettings": { "inboundAllowed": true, "outboundAllowed": false },',
      '  "b2bDirectConnectInbound": {',
      '    "applications": { "accessType": "allowed", "targets": [{ "target": "AllApplications", "targetType": "application" }] },',
      '    "usersAndGroups": { "accessType": "blocked", "targets": [{ "target": "AllUsers", "targetType": "user" }, { "target": "0be493dc-cb56-4a53-936f-9cf64410b8b0", "targetType": "group" }] }',
      '  }',
      '}',
    ],
    expected: [
      {
        code: 'read-only',
        severity: 'error',
        range: [1, 2, 1, 32],
        message:
          /^`automaticUserConsentSettings` can't be set in the default settings: it is read-only/,
      },
      {
        code: 'all-blocked',
        severity: 'error',
        range: [3, 4, 3, 18],
        message:
          'All users are blocked in `b2bDirectConnectInbound`, so all applications must be blocked too: set `applications` to "blocked" for "AllApplications".',
      },
      {
        code: 'default-inbound-target',
        severity: 'error',
        range: [4, 121, 4, 159],
        message:
          /^The default settings cover every external tenant, so `b2bDirectConnectInbound` can only target "AllUsers"/,
      },
    ],
  },
  {
    name: 'a partner that makes the whole policy approach 25 KB',
    kind: 'partner',
    lines: ['{ "isServiceProvider": true }'],
    context: { restOfPolicyBytes: 23_500 },
    expected: [
      {
        code: 'policy-size',
        severity: 'warning',
        range: [0, 0, 0, 1],
        message: /would be about 23\.0 KB, close to Graph's 25 KB limit/,
      },
    ],
  },
  {
    name: 'a valid partner document has no diagnostics',
    kind: 'partner',
    lines: [
      '{',
      '  "automaticUserConsentSettings": { "inboundAllowed": true, "outboundAllowed": false },',
      '  "b2bCollaborationInbound": {',
      '    "applications": { "accessType": "allowed", "targets": [{ "target": "Office365", "targetType": "application" }] },',
      '    "usersAndGroups": { "accessType": "allowed", "targets": [{ "target": "0be493dc-cb56-4a53-936f-9cf64410b8b0", "targetType": "group" }] }',
      '  },',
      `  "tenantId": "${PARTNER.toUpperCase()}"`,
      '}',
    ],
    context: { expectedTenantId: PARTNER, restOfPolicyBytes: 1000 },
    expected: [],
  },
];

describe('checkDocument', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const text = testCase.lines.join('\n');
      const diagnostics = checkDocument(testCase.kind, text, {
        schemas: schemas(),
        ...testCase.context,
      });
      assert.deepEqual(
        diagnostics.map((diagnostic) => ({
          code: diagnostic.code,
          severity: diagnostic.severity,
          range: rangeOf(diagnostic),
        })),
        testCase.expected.map(({ code, severity, range }) => ({ code, severity, range })),
      );
      diagnostics.forEach((diagnostic, i) => {
        const expected = testCase.expected[i].message;
        if (typeof expected === 'string') assert.equal(diagnostic.message, expected);
        else assert.match(diagnostic.message, expected);
        assert.equal(diagnostic.source, 'cross-tenant');
      });
    });
  }

  it('counts lines and characters the way editors do (CRLF, and UTF-16 units before the node)', () => {
    const text =
      '{\r\n  "displayName": "Ünïcødé 🚀",\r\n  "allowedCloudEndpoints": ["microsoftonline.de"]\r\n}';
    const [diagnostic] = checkDocument('policy', text, { schemas: schemas() });
    assert.equal(diagnostic.code, 'cloud-endpoint');
    assert.deepEqual(rangeOf(diagnostic), [2, 28, 2, 48]);
  });

  it('every quick fix of the broken documents removes the diagnostic it belongs to', () => {
    for (const testCase of CASES) {
      const text = testCase.lines.join('\n');
      const context = { schemas: schemas(), ...testCase.context };
      for (const diagnostic of checkDocument(testCase.kind, text, context)) {
        for (const fix of diagnostic.fixes) {
          const fixed = applyFix(text, fix);
          const stillThere = checkDocument(testCase.kind, fixed, context).filter(
            (after) =>
              after.code === diagnostic.code && textAt(fixed, after) === textAt(text, diagnostic),
          );
          assert.deepEqual(stillThere, [], `${testCase.name}: ${fix.title}`);
        }
      }
    }
  });
});
