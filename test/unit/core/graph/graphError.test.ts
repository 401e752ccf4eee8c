import assert from 'node:assert/strict';
import {
  GraphError,
  graphErrorFromResponse,
  NetworkError,
  parseErrorBody,
} from '../../../../src/core/graph/graphError';

const request = {
  method: 'PATCH',
  url: 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/p1',
  tenantId: 't1',
  operation: 'partner.update',
};

describe('GraphError', () => {
  it('reads code, message, ids and date from innerError', () => {
    const body = JSON.stringify({
      error: {
        code: 'Request_MultipleObjectsWithSameKeyValue',
        message: 'Another object with the same value for property tenantId already exists.',
        innerError: {
          date: '2023-11-20T21:09:53',
          'request-id': 'r-1',
          'client-request-id': 'c-1',
        },
        details: [{ code: 'ObjectConflict', message: 'Conflict', target: 'tenantId' }],
      },
    });
    const e = graphErrorFromResponse({ status: 409, headers: new Headers(), body }, request);
    assert.ok(e instanceof GraphError);
    assert.equal(e.status, 409);
    assert.equal(e.code, 'Request_MultipleObjectsWithSameKeyValue');
    assert.equal(
      e.message,
      'Another object with the same value for property tenantId already exists.',
    );
    assert.equal(e.requestId, 'r-1');
    assert.equal(e.clientRequestId, 'c-1');
    assert.equal(e.date?.toISOString(), '2023-11-20T21:09:53.000Z');
    assert.deepEqual(e.details, [
      { code: 'ObjectConflict', message: 'Conflict', target: 'tenantId' },
    ]);
    assert.deepEqual(
      [e.method, e.url, e.tenantId, e.operation],
      [request.method, request.url, 't1', 'partner.update'],
    );
  });

  it('reads innererror in any case, and nested inner errors', () => {
    const parsed = parseErrorBody({
      error: {
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
        INNERERROR: {
          code: 'AccessDenied',
          InnerError: {
            code: 'MissingScope',
            'request-id': 'deep-id',
            'Client-Request-Id': 'deep-c',
          },
        },
      },
    });
    assert.equal(parsed.code, 'Authorization_RequestDenied');
    assert.deepEqual(parsed.innerCodes, ['AccessDenied', 'MissingScope']);
    assert.equal(parsed.requestId, 'deep-id');
    assert.equal(parsed.clientRequestId, 'deep-c');
  });

  it('falls back to headers and the status line for a body that is not an OData error', () => {
    const headers = new Headers({
      'request-id': 'h-1',
      'client-request-id': 'h-c',
      date: 'Wed, 21 Oct 2015 07:28:00 GMT',
      'retry-after': '7',
    });
    const e = graphErrorFromResponse(
      { status: 503, statusText: 'Service Unavailable', headers, body: '<html>busy</html>' },
      request,
    );
    assert.equal(e.code, 'HTTP503');
    assert.equal(e.message, '503 Service Unavailable');
    assert.equal(e.requestId, 'h-1');
    assert.equal(e.clientRequestId, 'h-c');
    assert.equal(e.date?.toISOString(), '2015-10-21T07:28:00.000Z');
    assert.equal(e.retryAfterSeconds, 7);
  });

  it('makes a network failure a GraphError with status 0', () => {
    const cause = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:9'),
    });
    const e = new NetworkError(request, cause, 3);
    assert.ok(e instanceof GraphError);
    assert.equal(e.name, 'NetworkError');
    assert.equal(e.status, 0);
    assert.equal(e.attempts, 3);
    assert.equal(
      e.message,
      'Could not reach https://graph.microsoft.com: connect ECONNREFUSED 127.0.0.1:9',
    );
    assert.equal(e.cause, cause);
  });
});
