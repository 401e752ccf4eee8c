import assert from 'node:assert/strict';
import { isAlreadyExists } from '../../../../src/core/graph/alreadyExists';
import { GraphError } from '../../../../src/core/graph/graphError';

function graphError(status: number, code: string): GraphError {
  return new GraphError({
    status,
    code,
    message: 'm',
    method: 'POST',
    url: 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners',
    tenantId: 't',
  });
}

describe('isAlreadyExists', () => {
  for (const [name, err, expected] of [
    [
      'the documented answer: 409 Request_MultipleObjectsWithSameKeyValue',
      graphError(409, 'Request_MultipleObjectsWithSameKeyValue'),
      true,
    ],
    ['409 with another code', graphError(409, 'Conflict'), true],
    [
      'the code with another status (400)',
      graphError(400, 'Request_MultipleObjectsWithSameKeyValue'),
      true,
    ],
    ['the code in another case', graphError(400, 'request_multipleobjectswithsamekeyvalue'), true],
    ['another 400', graphError(400, 'Request_BadRequest'), false],
    ['404', graphError(404, 'Directory_ObjectNotFound'), false],
    ['not a Graph error', new Error('409'), false],
  ] as const) {
    it(`${name}: ${expected ? 'exists' : 'something else'}`, () => {
      assert.equal(isAlreadyExists(err), expected);
    });
  }
});
