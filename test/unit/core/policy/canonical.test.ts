import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, toCanonicalText } from '../../../../src/core/policy/canonical';
import { ALL_DOCUMENT_KINDS } from '../../../../src/core/policy/documentKinds';
import { GRAPH_EXAMPLES, rangeOf } from './helpers';

const PARTNER = '9c5d131d-b1c3-4fc4-9e3f-c6557947d551';

function example(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(GRAPH_EXAMPLES, file), 'utf8')) as Record<
    string,
    unknown
  >;
}

function azure2AzureSchema(): Record<string, unknown> {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, 'fixtures/azure2azure.syncschema.json'), 'utf8'),
  ) as Record<string, unknown>;
}

/** The same JSON value with the keys of every object in reverse order, as another read might send them. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  );
}

describe('canonical text', () => {
  it('orders keys as the Graph type does at every depth, drops the URI-carried tenantId, ends with a newline', () => {
    const text = toCanonicalText('partner', example('partner-get.response.json'));
    assert.equal(
      text,
      `{
  "automaticUserConsentSettings": {
    "inboundAllowed": null,
    "outboundAllowed": null
  },
  "b2bCollaborationInbound": null,
  "b2bCollaborationOutbound": null,
  "b2bDirectConnectInbound": {
    "applications": {
      "accessType": "allowed",
      "targets": [
        {
          "target": "Office365",
          "targetType": "application"
        }
      ]
    },
    "usersAndGroups": {
      "accessType": "allowed",
      "targets": [
        {
          "target": "AllUsers",
          "targetType": "user"
        }
      ]
    }
  },
  "b2bDirectConnectOutbound": null,
  "inboundTrust": null
}
`,
    );
  });

  it('gives byte-identical text for the same object whatever order its keys arrive in', () => {
    const cases: ReadonlyArray<[Parameters<typeof toCanonicalText>[0], Record<string, unknown>]> = [
      ['partner', example('partner-create.response.json')],
      ['identitySync', example('identitysync-get.response.json')],
      ['syncSchema', azure2AzureSchema()],
    ];
    for (const [kind, value] of cases) {
      const first = toCanonicalText(kind, value);
      assert.equal(toCanonicalText(kind, reversedKeys(value) as object), first, kind);
      assert.equal(toCanonicalText(kind, structuredClone(value)), first, kind);
    }
  });

  it('keeps properties it does not know after the known ones, sorted, with their own keys sorted', () => {
    const text = toCanonicalText('partner', {
      protectedContentSharing: { z: 1, a: 2 },
      tenantId: PARTNER,
      inboundTrust: { isMfaAccepted: true, futureFlag: false, isCompliantDeviceAccepted: false },
      crossCloudMeetingConfiguration: { outboundAllowed: true, inboundAllowed: false },
      isServiceProvider: false,
    });
    assert.deepEqual(Object.keys(JSON.parse(text) as object), [
      'inboundTrust',
      'isServiceProvider',
      'crossCloudMeetingConfiguration',
      'protectedContentSharing',
    ]);
    assert.match(
      text,
      /"crossCloudMeetingConfiguration": \{\n {4}"inboundAllowed": false,\n {4}"outboundAllowed": true\n {2}\}/,
    );
    assert.match(
      text,
      /"inboundTrust": \{\n {4}"isCompliantDeviceAccepted": false,\n {4}"isMfaAccepted": true,\n {4}"futureFlag": false\n {2}\}/,
    );
  });

  it('drops @odata annotations at every depth and the server-owned keys of each kind', () => {
    const cases: ReadonlyArray<[Parameters<typeof toCanonicalText>[0], object, string[]]> = [
      [
        'default',
        {
          '@odata.context': 'x',
          id: 'default',
          isServiceDefault: true,
          automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
          inboundTrust: null,
        },
        ['inboundTrust'],
      ],
      [
        'partner',
        {
          tenantId: PARTNER,
          isInMultiTenantOrganization: false,
          'identitySynchronization@odata.context': 'x',
          identitySynchronization: { tenantId: PARTNER },
          isServiceProvider: true,
        },
        ['isServiceProvider'],
      ],
      [
        'policy',
        {
          id: 'p',
          deletedDateTime: null,
          displayName: 'CrossTenantAccessPolicy',
          allowedCloudEndpoints: [],
          default: {},
          partners: [],
        },
        ['displayName', 'allowedCloudEndpoints'],
      ],
      [
        'identitySync',
        {
          tenantId: PARTNER,
          displayName: 'Fabrikam',
          userSyncInbound: { '@odata.type': '#x', isSyncAllowed: true },
        },
        ['displayName', 'userSyncInbound'],
      ],
    ];
    for (const [kind, value, keys] of cases) {
      const text = toCanonicalText(kind, value);
      assert.deepEqual(Object.keys(JSON.parse(text) as object), keys, kind);
      assert.ok(!text.includes('@odata'), kind);
    }
  });

  it('keeps a sync schema whole except its id (the job id is in the URI)', () => {
    const schema = azure2AzureSchema();
    const parsed = JSON.parse(toCanonicalText('syncSchema', schema)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['synchronizationRules', 'version', 'directories']);
    const rule = (parsed.synchronizationRules as Record<string, unknown>[])[0];
    assert.deepEqual(Object.keys(rule), [
      'containerFilter',
      'editable',
      'groupFilter',
      'id',
      'metadata',
      'name',
      'objectMappings',
      'priority',
      'sourceDirectoryName',
      'targetDirectoryName',
    ]);
    const mapping = (
      (rule.objectMappings as Record<string, unknown>[])[0].attributeMappings as Record<
        string,
        unknown
      >[]
    )[0];
    assert.deepEqual(Object.keys(mapping), [
      'defaultValue',
      'exportMissingReferences',
      'flowBehavior',
      'flowType',
      'matchingPriority',
      'source',
      'targetAttributeName',
    ]);
    const { id, '@odata.context': _context, ...rest } = schema;
    assert.equal(typeof id, 'string');
    assert.deepEqual(parsed, rest);
  });

  it('has a key order for every kind that starts with a known property', () => {
    for (const kind of ALL_DOCUMENT_KINDS) {
      assert.ok(kind.keyOrder.length > 0, kind.id);
      for (const key of kind.serverOwnedKeys)
        assert.ok(!kind.keyOrder.includes(key), `${kind.id} ${key}`);
    }
  });
});

describe('parseDocument', () => {
  it('puts the partner tenant id back from the identity, over whatever the text says', () => {
    const text = toCanonicalText('partner', example('partner-get.response.json'));
    const { value, diagnostics } = parseDocument('partner', text, { partnerTenantId: PARTNER });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(value, example('partner-get.response.json'));
    assert.equal(
      parseDocument('identitySync', `{ "tenantId": "other" }`, { partnerTenantId: PARTNER }).value
        ?.tenantId,
      PARTNER,
    );
  });

  it('puts the job id back as the sync schema id, and round-trips the schema', () => {
    const { '@odata.context': _context, ...schema } = azure2AzureSchema();
    const { value } = parseDocument('syncSchema', toCanonicalText('syncSchema', schema), {
      jobId: schema.id as string,
    });
    assert.deepEqual(value, schema);
  });

  it('is the inverse of toCanonicalText: text → object → text is stable', () => {
    const text = toCanonicalText('default', example('default-update.request.json'));
    const { value } = parseDocument('default', text, {});
    assert.equal(toCanonicalText('default', value!), text);
  });

  it('reports syntax errors as diagnostics and returns no value', () => {
    const { value, diagnostics } = parseDocument('partner', '{\n  "inboundTrust": nul\n}', {
      partnerTenantId: PARTNER,
    });
    assert.equal(value, undefined);
    // `nul` itself first; jsonc-parser then also stumbles on the closing brace.
    assert.deepEqual([diagnostics[0].code, ...rangeOf(diagnostics[0])], ['syntax', 1, 18, 1, 21]);
    assert.ok(
      diagnostics.every(
        (diagnostic) => diagnostic.code === 'syntax' && diagnostic.severity === 'error',
      ),
    );
  });

  it('refuses a document that is not an object', () => {
    const { value, diagnostics } = parseDocument('identitySync', '[1]', {});
    assert.equal(value, undefined);
    assert.equal(
      diagnostics[0].message,
      'The partner identity synchronization document must be a JSON object ({ … }).',
    );
  });
});
