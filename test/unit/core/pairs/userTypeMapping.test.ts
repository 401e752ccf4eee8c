import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncSchema } from '../../../../src/core/graph/types';
import { changedMatchingAttributes } from '../../../../src/core/sync/matchingAttributes';
import { userTypeConstant, withUserType } from '../../../../src/core/pairs/userTypeMapping';

/** The default Azure2Azure schema of sync-facts.md §4d (the userType mapping is the constant "Member"). */
const SCHEMA = JSON.parse(
  readFileSync(join(__dirname, '..', 'policy', 'fixtures', 'azure2azure.syncschema.json'), 'utf8'),
) as SyncSchema;

type Mapping = { targetAttributeName?: string; source?: Record<string, unknown> };
function mappings(schema: SyncSchema): Mapping[] {
  return schema.synchronizationRules![0].objectMappings![0].attributeMappings as Mapping[];
}
function editUserType(schema: SyncSchema, source: Record<string, unknown> | undefined): SyncSchema {
  const copy = structuredClone(schema);
  const list = mappings(copy);
  const i = list.findIndex((m) => m.targetAttributeName === 'userType');
  if (source) list[i].source = source;
  else list.splice(i, 1);
  return copy;
}

describe('userTypeMapping', () => {
  const reads: { name: string; schema: SyncSchema; expect: string | undefined }[] = [
    { name: 'the default constant', schema: SCHEMA, expect: 'Member' },
    {
      name: 'a constant in the name only',
      schema: editUserType(SCHEMA, {
        type: 'Constant',
        name: 'Guest',
        expression: null,
        parameters: [],
      }),
      expect: 'Guest',
    },
    {
      name: "an admin's expression is no constant",
      schema: editUserType(SCHEMA, {
        type: 'Function',
        name: 'IIF',
        expression: 'IIF([department]="Sales","Guest","Member")',
        parameters: [],
      }),
      expect: undefined,
    },
    { name: 'no mapping', schema: editUserType(SCHEMA, undefined), expect: undefined },
    { name: 'no rules', schema: {}, expect: undefined },
  ];
  for (const r of reads)
    it(`reads ${r.name}`, () => assert.equal(userTypeConstant(r.schema), r.expect));

  it('sets Guest by changing only the userType mapping, leaving the original untouched', () => {
    const before = structuredClone(SCHEMA);
    const guest = withUserType(SCHEMA, 'Guest');
    assert.ok(guest);
    assert.deepEqual(SCHEMA, before);
    assert.equal(userTypeConstant(guest), 'Guest');
    const changed = mappings(guest).filter(
      (m, i) => JSON.stringify(m) !== JSON.stringify(mappings(SCHEMA)[i]),
    );
    assert.deepEqual(
      changed.map((m) => m.targetAttributeName),
      ['userType'],
    );
    assert.deepEqual(changedMatchingAttributes(SCHEMA, guest), []);
    assert.equal(userTypeConstant(withUserType(guest, 'Member')!), 'Member');
  });

  it('has nothing to change without a userType mapping', () => {
    assert.equal(withUserType(editUserType(SCHEMA, undefined), 'Guest'), undefined);
  });
});
