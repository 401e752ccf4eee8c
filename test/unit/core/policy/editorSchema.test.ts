import assert from 'node:assert/strict';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ALL_DOCUMENT_KINDS, type DocumentKindId } from '../../../../src/core/policy/documentKinds';
import { editorSchema } from '../../../../src/core/policy/editorSchema';
import { COMMON_SCHEMA_FILE } from '../../../../src/core/policy/policySchemas';
import { EXTENSION_ROOT, schemas } from './helpers';

const FILES = [COMMON_SCHEMA_FILE, ...ALL_DOCUMENT_KINDS.map((kind) => kind.schemaFile)];

function read(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'schemas', file), 'utf8'));
}

/** Every value of the keyword `key` anywhere in a schema (a property of that name is no keyword). */
function everywhere(value: unknown, key: string, named = false): unknown[] {
  if (Array.isArray(value)) return (value as unknown[]).flatMap((v) => everywhere(v, key));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
    ...(k === key && !named ? [v] : []),
    ...everywhere(v, key, !named && ['properties', 'patternProperties', 'definitions'].includes(k)),
  ]);
}

/** The editor schemas as a JSON Schema validator reads them (ajv standing in for VS Code's). */
function editorValidator(): (kind: DocumentKindId, value: unknown) => boolean {
  const base = pathToFileURL(path.join(EXTENSION_ROOT, 'schemas') + path.sep).href;
  const ajv = new Ajv({ strict: false, validateFormats: false });
  for (const file of FILES)
    ajv.addSchema({ ...(editorSchema(read(file)) as object), $id: base + file });
  return (kind, value) => {
    const file = ALL_DOCUMENT_KINDS.find((k) => k.id === kind)!.schemaFile;
    return ajv.getSchema(base + file)!(value) as boolean;
  };
}

describe('editor schemas (what VS Code’s JSON service reads)', () => {
  const broken: ReadonlyArray<[DocumentKindId, unknown]> = [
    [
      'partner',
      {
        b2bCollaborationInbound: {
          usersAndGroups: {
            accessType: 'Allowed',
            targets: [{ target: 'AllUsers', targetType: 'permit' }],
          },
        },
        inboundTrust: { isMfaAccepted: 'yes' },
      },
    ],
    ['policy', []],
    ['policy', { allowedCloudEndpoints: ['microsoftonline.us', 'microsoftonline.us'] }],
    ['default', { b2bCollaborationInbound: 'open' }],
    ['identitySync', { userSyncInbound: { isSyncAllowed: 'true' } }],
  ];

  it('judge nothing: documents our checks refuse get no problem from the JSON service', () => {
    const editor = editorValidator();
    for (const [kind, value] of broken) {
      assert.notDeepEqual(schemas().validate(kind, value), [], `our schema refuses ${kind}`);
      assert.equal(editor(kind, value), true, `the editor schema accepts ${JSON.stringify(value)}`);
    }
  });

  it('keep every description, enum member, type, example and snippet, so completions and hovers stay', () => {
    // A type still offers `true`/`false`, `{}` or `[]`; the keywords may move, so order is not compared.
    const all = (schema: unknown, key: string): string[] =>
      everywhere(schema, key)
        .map((value) => JSON.stringify(value))
        .sort();
    for (const file of FILES) {
      const real = read(file);
      const editor = editorSchema(real);
      for (const key of [
        'description',
        'markdownDescription',
        'type',
        'enum',
        'enumDescriptions',
        'examples',
        'defaultSnippets',
        'readOnly',
        '$ref',
      ])
        assert.deepEqual(all(editor, key), all(real, key), `${file}: ${key}`);
    }
  });

  it('leave out every keyword that only judges', () => {
    for (const file of FILES) {
      const editor = editorSchema(read(file));
      for (const key of ['required', 'pattern', 'uniqueItems', 'format', 'minItems', 'oneOf'])
        assert.deepEqual(everywhere(editor, key), [], `${file}: ${key}`);
      assert.ok(
        everywhere(editor, 'additionalProperties').every((v) => typeof v === 'object'),
        `${file}: additionalProperties false`,
      );
    }
  });

  it('offer an enum inside anyOf with an alternative that accepts anything', () => {
    assert.deepEqual(
      editorSchema({ description: 'd', type: ['string', 'null'], enum: ['a', null] }),
      { description: 'd', anyOf: [{ type: ['string', 'null'], enum: ['a', null] }, {}] },
    );
    assert.deepEqual(editorSchema({ oneOf: [{ required: ['x'] }, { type: 'string' }] }), {
      allOf: [{ anyOf: [{}, { anyOf: [{ type: 'string' }, {}] }] }],
    });
  });
});
