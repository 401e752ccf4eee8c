import assert from 'node:assert/strict';
import * as fs from 'fs';
import { parse, type ParseError } from 'jsonc-parser';
import * as path from 'path';
import { ALL_DOCUMENT_KINDS, type DocumentKindId } from '../../../../src/core/policy/documentKinds';
import { GRAPH_TYPES, type GraphTypeName } from '../../../../src/core/policy/graphTypes';
import { COMMON_SCHEMA_FILE } from '../../../../src/core/policy/policySchemas';
import { EXTENSION_ROOT, GRAPH_EXAMPLES, schemas } from './helpers';

/** Which document kind a documented body belongs to, by the example's file-name prefix. */
const KIND_BY_PREFIX: ReadonlyArray<[string, DocumentKindId]> = [
  ['policy-', 'policy'],
  ['default-', 'default'],
  ['partner-', 'partner'],
  ['identitysync-', 'identitySync'],
  ['syncschema-', 'syncSchema'],
];

function kindOf(file: string): DocumentKindId | undefined {
  return KIND_BY_PREFIX.find(([prefix]) => file.startsWith(prefix))?.[1];
}

function readExample(file: string): string {
  return fs.readFileSync(path.join(GRAPH_EXAMPLES, file), 'utf8');
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('policy schemas', () => {
  describe('every strict-JSON request example of our document kinds validates without problems', () => {
    const requests = fs
      .readdirSync(GRAPH_EXAMPLES)
      .filter(
        (file) => file.endsWith('.request.json') && kindOf(file) && isStrictJson(readExample(file)),
      );

    it('finds the documented request bodies (a renamed fixture must not shrink the table silently)', () => {
      assert.deepEqual(requests.sort(), [
        'default-update-idpconfiguration-nomsa.request.json',
        'default-update-idpconfiguration.request.json',
        'default-update.request.json',
        'identitysync-put.request.json',
        'identitysync-update.request.json',
        'partner-create.request.json',
        'partner-update-automaticuserconsent.request.json',
        'partner-update-inboundtrust.request.json',
        'policy-update.request.json',
      ]);
    });

    for (const file of requests) {
      it(file, () => {
        assert.deepEqual(schemas().validate(kindOf(file)!, JSON.parse(readExample(file))), []);
      });
    }
  });

  describe('documented responses of our kinds validate too', () => {
    const cases: ReadonlyArray<{
      file: string;
      kind: DocumentKindId;
      pick?: (body: { value: unknown[] }) => unknown[];
      lenient?: boolean;
    }> = [
      { file: 'partner-get.response.json', kind: 'partner' },
      { file: 'partner-create.response.json', kind: 'partner' },
      { file: 'partners-list.response.json', kind: 'partner', pick: (body) => body.value },
      {
        file: 'partners-list-expand-identitysync.response.json',
        kind: 'partner',
        pick: (body) => body.value,
      },
      { file: 'identitysync-get.response.json', kind: 'identitySync' },
      { file: 'syncschema-get.response.json', kind: 'syncSchema' },
      // Not strict JSON as documented (trailing commas); the content is still a valid body.
      { file: 'default-get.response.json', kind: 'default', lenient: true },
      { file: 'syncschema-update.request.json', kind: 'syncSchema', lenient: true },
    ];
    for (const { file, kind, pick, lenient } of cases) {
      it(file, () => {
        const errors: ParseError[] = [];
        const body: unknown = lenient
          ? parse(readExample(file), errors, { allowTrailingComma: true })
          : JSON.parse(readExample(file));
        assert.deepEqual(errors, []);
        const values = pick ? pick(body as { value: unknown[] }) : [body];
        assert.ok(values.length > 0);
        for (const value of values) assert.deepEqual(schemas().validate(kind, value), []);
      });
    }
  });

  it('rejects what Graph would reject (the validator is not vacuous)', () => {
    const problems = schemas().validate('partner', {
      b2bCollaborationInbound: { usersAndGroups: { accessType: 'permitted', targets: {} } },
      inboundTrust: { isMfaAccepted: 'yes' },
    });
    assert.deepEqual(
      problems.map((problem) => `${problem.instancePath} ${problem.keyword}`).sort(),
      [
        '/b2bCollaborationInbound/usersAndGroups/accessType enum',
        '/b2bCollaborationInbound/usersAndGroups/targets type',
        '/inboundTrust/isMfaAccepted type',
      ],
    );
  });

  it('accepts @odata annotations and null for every nullable setting', () => {
    const body = {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners/$entity',
      tenantId: '3d0f5dec-5d3d-455c-8016-e2af1ae4d31a',
      inboundTrust: null,
      automaticUserConsentSettings: null,
      b2bCollaborationInbound: { usersAndGroups: null, applications: null },
      tenantRestrictions: {
        devices: null,
        usersAndGroups: { accessType: null, targets: [{ target: null, targetType: null }] },
      },
      isServiceProvider: null,
      'identitySynchronization@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#x',
      identitySynchronization: null,
    };
    assert.deepEqual(schemas().validate('partner', body), []);
  });

  it('refuses unknownFutureValue, which Graph only returns, never accepts', () => {
    const body = {
      b2bDirectConnectOutbound: {
        applications: {
          accessType: 'unknownFutureValue',
          targets: [{ target: 'x', targetType: 'unknownFutureValue' }],
        },
      },
    };
    assert.deepEqual(
      schemas()
        .validate('default', body)
        .map((p) => [p.instancePath, p.keyword]),
      [
        ['/b2bDirectConnectOutbound/applications/accessType', 'enum'],
        ['/b2bDirectConnectOutbound/applications/targets/0/targetType', 'enum'],
      ],
    );
  });

  it('still finds unknown properties, though the files leave them to our checks', () => {
    assert.deepEqual(
      schemas()
        .validate('partner', { inboundTrust: { isMfaAccepted: true, isMfaAcepted: true } })
        .map((p) => [p.instancePath, p.keyword]),
      [['/inboundTrust', 'additionalProperties']],
    );
  });

  describe('schema files', () => {
    const files = [COMMON_SCHEMA_FILE, ...ALL_DOCUMENT_KINDS.map((kind) => kind.schemaFile)];
    const read = (file: string): Record<string, unknown> =>
      JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'schemas', file), 'utf8')) as Record<
        string,
        unknown
      >;

    /** Every value of `key` anywhere in a schema. */
    const everywhere = (value: unknown, key: string): unknown[] =>
      Array.isArray(value)
        ? value.flatMap((v) => everywhere(v, key))
        : typeof value === 'object' && value !== null
          ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]): unknown[] => [
              ...(k === key ? [v] : []),
              ...everywhere(v, key),
            ])
          : [];

    it('never offer unknownFutureValue: VS Code completes enum members, and it is no value to set', () => {
      for (const file of files)
        assert.ok(!everywhere(read(file), 'enum').flat().includes('unknownFutureValue'), file);
    });

    it('leave unknown properties to our checks, so VS Code raises no warning for a property Graph returned', () => {
      for (const file of files) {
        const closed = everywhere(read(file), 'additionalProperties').filter((v) => v === false);
        assert.deepEqual(closed, [], file);
      }
    });

    it('are draft-07 and carry no $id, so VS Code resolves their relative $refs against the file URL', () => {
      for (const file of files) {
        const schema = read(file);
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', file);
        assert.equal(schema.$id, undefined, file);
      }
    });

    it('only $ref files that exist next to them', () => {
      for (const file of files) {
        const refs = [...JSON.stringify(read(file)).matchAll(/"\$ref":"([^"#]*)#?[^"]*"/g)]
          .map((match) => match[1])
          .filter((target) => target !== '');
        for (const target of refs) assert.ok(files.includes(target), `${file} refers to ${target}`);
      }
    });

    it('list the properties of every Graph type in the same order as the model canonical text uses', () => {
      const definitions = new Map<string, Record<string, unknown>>();
      for (const file of files) {
        const schema = read(file);
        for (const [name, definition] of Object.entries(
          (schema.definitions ?? {}) as Record<string, Record<string, unknown>>,
        ))
          definitions.set(name, definition);
      }
      for (const kind of ALL_DOCUMENT_KINDS) definitions.set(kind.graphType, read(kind.schemaFile));
      for (const type of Object.keys(GRAPH_TYPES) as GraphTypeName[]) {
        const definition = definitions.get(type);
        assert.ok(definition, `no schema definition named ${type}`);
        assert.deepEqual(
          Object.keys(definition.properties as object),
          GRAPH_TYPES[type].map((property) => property.name),
          type,
        );
      }
    });

    it('never put keywords next to a $ref (draft-07, and VS Code, ignore them): such properties wrap the $ref in allOf', () => {
      const offenders: string[] = [];
      const visit = (node: unknown, where: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const record = node as Record<string, unknown>;
        if ('$ref' in record && Object.keys(record).length > 1) offenders.push(where);
        for (const [key, value] of Object.entries(record)) visit(value, `${where}/${key}`);
      };
      for (const file of files) visit(read(file), file);
      assert.deepEqual(offenders, []);
    });

    it('describe a definition either on itself or on the properties that use it, never both', () => {
      // VS Code 1.139's hover shows the definition's text before the referencing property's, so a
      // property-level description next to a described definition would never be seen.
      const definitions = new Map<string, Record<string, unknown>>();
      for (const file of files) {
        for (const [name, definition] of Object.entries(
          (read(file).definitions ?? {}) as Record<string, Record<string, unknown>>,
        ))
          definitions.set(name, definition);
      }
      const offenders: string[] = [];
      const visit = (node: unknown, where: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const record = node as Record<string, unknown>;
        const [wrapped] = Array.isArray(record.allOf)
          ? (record.allOf as Array<{ $ref?: string }>)
          : [];
        const target = wrapped?.$ref ? definitions.get(wrapped.$ref.split('/').pop()!) : undefined;
        if (
          target &&
          record.description !== undefined &&
          (target.description !== undefined || target.markdownDescription !== undefined)
        )
          offenders.push(where);
        for (const [key, value] of Object.entries(record)) visit(value, `${where}/${key}`);
      };
      for (const file of files) visit(read(file), file);
      assert.deepEqual(offenders, []);
    });

    it('mark the read-only properties as readOnly and say so', () => {
      const cases: ReadonlyArray<[string, string]> = [
        ['default.schema.json', 'isServiceDefault'],
        ['default.schema.json', 'automaticUserConsentSettings'],
        ['partner.schema.json', 'isInMultiTenantOrganization'],
        ['partner.schema.json', 'tenantId'],
        ['identitysync.schema.json', 'tenantId'],
      ];
      for (const [file, property] of cases) {
        const definition = (
          read(file).properties as Record<string, { readOnly?: boolean; description?: string }>
        )[property];
        assert.equal(definition.readOnly, true, `${file} ${property}`);
        assert.match(definition.description ?? '', /^Read-only/, `${file} ${property}`);
      }
    });
  });
});
