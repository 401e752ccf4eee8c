import assert from 'node:assert/strict';
import {
  changedMatchingAttributes,
  matchingAttributes,
} from '../../../../src/core/sync/matchingAttributes';

const schema = (priority: number, sourceName = 'objectId', order: 'a' | 'b' = 'a') => ({
  synchronizationRules: [
    {
      name: 'USER_INBOUND_USER',
      objectMappings: [
        {
          name: 'Provision users',
          attributeMappings: [
            {
              targetAttributeName: 'alternativeSecurityIds',
              matchingPriority: priority,
              source:
                order === 'a'
                  ? { name: sourceName, type: 'Attribute', expression: null }
                  : { expression: null, type: 'Attribute', name: sourceName },
            },
            {
              targetAttributeName: 'displayName',
              matchingPriority: 0,
              source: { name: 'displayName', type: 'Attribute' },
            },
          ],
        },
      ],
    },
  ],
});

describe('matching attributes of a sync schema', () => {
  it('are the mappings with a matching priority', () => {
    assert.deepEqual(
      matchingAttributes(schema(1)).map((m) => m.targetAttribute),
      ['alternativeSecurityIds'],
    );
  });

  it('are unchanged when only key order differs', () => {
    assert.deepEqual(
      changedMatchingAttributes(schema(1, 'objectId', 'a'), schema(1, 'objectId', 'b')),
      [],
    );
  });

  it('report a changed source or a removed matching priority', () => {
    assert.deepEqual(changedMatchingAttributes(schema(1), schema(1, 'mail')), [
      'Provision users: the matching attribute alternativeSecurityIds is changed',
    ]);
    assert.deepEqual(changedMatchingAttributes(schema(1), schema(0)), [
      'Provision users: the matching attribute alternativeSecurityIds is removed',
    ]);
  });
});
