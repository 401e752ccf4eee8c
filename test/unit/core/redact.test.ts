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
