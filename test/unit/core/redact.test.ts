import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redact';

describe('redactSecrets', () => {
  const jwt = 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiIxMjM0NSIsInNjcCI6IlBvbGljeS5SZWFkLkFsbCJ9.';

  it('removes a bearer token from a header dump', () => {
    const out = redactSecrets(`Authorization: Bearer ${jwt}`);
    assert.equal(out, 'Authorization: Bearer [redacted]');
  });

  it('removes a JWT that appears anywhere in the text', () => {
    const out = redactSecrets(`token=${jwt} failed`);
    assert.ok(!out.includes('eyJ'), out);
  });

  it('removes secrets in JSON and query strings but keeps ids', () => {
    const out = redactSecrets(
      '{"client_secret":"s3cr3t~x","tenantId":"72f988bf"} ?password=hunter2&x=1',
    );
    assert.ok(!out.includes('s3cr3t'), out);
    assert.ok(!out.includes('hunter2'), out);
    assert.ok(out.includes('72f988bf'), out);
  });

  it('removes secrets percent-encoded inside a URL', () => {
    const out = redactSecrets(
      "https://graph.microsoft.com/v1.0/x?$filter=a%20eq%20'client_secret%3Dhunter2'",
    );
    assert.ok(!out.includes('hunter2'), out);
  });
});

describe('redactSecrets: the gaps of issue 14 (defect 12)', () => {
  const jwt =
    'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiIxMjM0NSIsInNjcCI6IlBvbGljeS5SZWFkLkFsbCJ9.c2lnbmF0dXJl';
  // [case, text, what must not survive]
  const cases: [string, string, string][] = [
    ['a percent-encoded bearer token', `GET /x?auth=Bearer%20${jwt}`, 'eyJhbGci'],
    ['a JWT after an underscore', `token x_${jwt} rejected`, 'eyJhbGci'],
    ['a JWT after a digit', `id=42${jwt}`, 'eyJhbGci'],
    [
      'an opaque bearer token',
      'Authorization: Bearer 0.AX0A-opaque!token$with%odd*chars',
      'token$with',
    ],
    ['an opaque bearer token in JSON', '{"authorization":"Bearer abc|def~ghi"}', 'def~ghi'],
    ['another authorization scheme', 'authorization: Basic dXNlcjpodW50ZXIy', 'dXNlcjpodW50ZXIy'],
    [
      'a PEM private key',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----',
      'MIIEvQ',
    ],
    [
      'an RSA private key',
      'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY----- done',
      'MIIEpAIBAAKCAQEA',
    ],
    [
      'an encrypted private key cut off mid-way',
      'pem=-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTAp',
      'MIIFHDBOBgkq',
    ],
  ];
  for (const [name, text, secret] of cases) {
    it(`removes ${name}`, () => {
      const out = redactSecrets(text);
      assert.ok(!out.includes(secret), out);
      assert.match(out, /\[redacted/);
    });
  }

  it('keeps what a support case needs around them', () => {
    const out = redactSecrets(
      'PATCH https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy -> 403 request-id=5c0a1e9f-2b7d-4c3a-8e6f-1a2b3c4d5e6f\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----',
    );
    assert.match(out, /request-id=5c0a1e9f-2b7d-4c3a-8e6f-1a2b3c4d5e6f/);
    assert.match(out, /BEGIN CERTIFICATE-----\nMIIC/, 'a certificate is public');
  });
});
