import assert from 'node:assert/strict';
import { describeError } from '../../../src/core/describeError';
import { GraphError, NetworkError } from '../../../src/core/graph/graphError';
import { notificationText, plainText } from '../../../src/core/printable';

const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const request = {
  method: 'PATCH',
  url: 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/p1',
  tenantId,
  operation: 'partner.update',
};

function graphError(
  status: number,
  code: string,
  extra: Partial<ConstructorParameters<typeof GraphError>[0]> = {},
): GraphError {
  return new GraphError({
    ...request,
    status,
    code,
    message: `message for ${code}`,
    requestId: 'req-9',
    clientRequestId: 'client-9',
    date: new Date('2024-05-01T10:00:00Z'),
    ...extra,
  });
}

describe('describeError', () => {
  it('is silent for cancellations', () => {
    assert.deepEqual(describeError(new DOMException('aborted', 'AbortError')), {
      cancelled: true,
      summary: '',
      detail: 'cancelled',
    });
  });

  it('401: sign in again to the tenant', () => {
    const d = describeError(graphError(401, 'InvalidAuthenticationToken'));
    assert.equal(
      d.summary,
      `Your sign-in to tenant ${tenantId} has expired or was revoked. Sign in again to tenant ${tenantId}.`,
    );
  });

  it('403: names the missing permission and role of the operation', () => {
    const d = describeError(graphError(403, 'Authorization_RequestDenied'));
    assert.equal(
      d.summary,
      `Missing permission Policy.ReadWrite.CrossTenantAccess (or role Security Administrator) in tenant ${tenantId} to update a partner configuration. ` +
        'Ask an administrator to grant it, then sign in again.',
    );
    const logs = describeError(
      graphError(403, 'Authorization_RequestDenied', { operation: 'provisioningLogs.list' }),
    );
    assert.match(
      logs.summary,
      /^Missing permission AuditLog\.Read\.All and Directory\.Read\.All \(or role Reports Reader, Security Reader or Global Reader\)/,
    );
  });

  it('403 without a known operation still names the tenant', () => {
    assert.equal(
      describeError(graphError(403, 'Forbidden', { operation: 'batch' })).summary,
      `Access denied in tenant ${tenantId}: message for Forbidden`,
    );
  });

  it('404: the object no longer exists, refresh', () => {
    assert.equal(
      describeError(graphError(404, 'Directory_ObjectNotFound')).summary,
      `The object no longer exists in tenant ${tenantId} (could not update a partner configuration). Refresh to see the current state.`,
    );
  });

  it('409: exists already', () => {
    const d = describeError(
      graphError(409, 'Request_MultipleObjectsWithSameKeyValue', { operation: 'partner.create' }),
    );
    assert.equal(
      d.summary,
      `It exists already in tenant ${tenantId} (could not create a partner configuration). Refresh and change the existing one instead.`,
    );
  });

  it('429 after the retries: throttled, try again in N s', () => {
    assert.equal(
      describeError(graphError(429, 'TooManyRequests', { retryAfterSeconds: 42 })).summary,
      `Microsoft Graph is throttling requests to tenant ${tenantId}. Try again in 42 s.`,
    );
    assert.equal(
      describeError(graphError(503, 'ServiceUnavailable')).summary,
      `Microsoft Graph is temporarily unavailable for tenant ${tenantId}. Try again in a moment.`,
    );
  });

  it('network: cannot reach Graph', () => {
    const d = describeError(
      new NetworkError(
        request,
        new TypeError('fetch failed', {
          cause: new Error('getaddrinfo ENOTFOUND graph.microsoft.com'),
        }),
      ),
    );
    assert.equal(
      d.summary,
      `Cannot reach Microsoft Graph for tenant ${tenantId}: Could not reach https://graph.microsoft.com: getaddrinfo ENOTFOUND graph.microsoft.com Check the network connection or proxy, then try again.`,
    );
  });

  it('400: says what Graph rejected', () => {
    assert.equal(
      describeError(graphError(400, 'Request_BadRequest')).summary,
      `Microsoft Graph rejected the request to update a partner configuration in tenant ${tenantId}: message for Request_BadRequest`,
    );
  });

  it('puts status, code, message, ids, date, method and URL in the detail', () => {
    const d = describeError(
      graphError(409, 'Request_MultipleObjectsWithSameKeyValue', {
        details: [{ code: 'Conflict', target: 'tenantId' }],
        attempts: 2,
      }),
    );
    assert.equal(
      d.detail,
      [
        'GraphError 409 Request_MultipleObjectsWithSameKeyValue: message for Request_MultipleObjectsWithSameKeyValue',
        '  operation: partner.update',
        `  request: PATCH ${request.url}`,
        `  tenant: ${tenantId}`,
        '  request-id: req-9',
        '  client-request-id: client-9',
        '  date: 2024-05-01T10:00:00.000Z',
        '  detail: Conflict (target tenantId)',
        '  attempts: 2',
      ].join('\n'),
    );
  });

  it('never shows a token, whatever the error says', () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiIxMjM0NSJ9.';
    const d = describeError(new Error(`credential failed with Bearer ${jwt}`));
    assert.ok(!d.summary.includes('eyJ') && !d.detail.includes('eyJ'), d.detail);
  });
});

describe('describeError: text from outside (issue 14, defect 10)', () => {
  it('gives one printable line for a Graph message with escapes, line breaks and bidi controls', () => {
    const { summary } = describeError(
      new GraphError({
        method: 'PATCH',
        url: 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy',
        tenantId: 't1',
        status: 400,
        code: 'Request_BadRequest',
        message: 'bad \u001b[31mred\u001b[0m\r\nforged line \u202Egnp.exe \u009b2J',
      }),
    );
    // eslint-disable-next-line no-control-regex -- what must not be there
    assert.doesNotMatch(summary, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.match(summary, /bad red forged line gnp\.exe/);
  });

  it('breaks up links in a notification', () => {
    assert.equal(
      notificationText('see [Fix it](command:workbench.action.terminal.new)'),
      'see [Fix it] (command:workbench.action.terminal.new)',
    );
  });

  it('shows Markdown code spans in a notification as quoted words, not backticks', () => {
    assert.equal(
      notificationText('`targets` of `applications` is empty: set `applications` to null.'),
      '"targets" of "applications" is empty: set "applications" to null.',
    );
    assert.equal(
      plainText('`"AllUsers"` needs a\n`targetType`'),
      '"AllUsers" needs a\n"targetType"',
    );
    assert.equal(plainText('a lone ` stays'), 'a lone ` stays');
  });
});
