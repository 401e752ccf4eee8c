import assert from 'node:assert/strict';
import {
  backoffDelay,
  isIdempotent,
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
  type RetryOptions,
} from '../../../../src/core/graph/retryPolicy';

const options: RetryOptions = {
  maxRetries: 3,
  maxTotalMs: 10_000,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
};

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    assert.equal(parseRetryAfter('30', now), 30_000);
    assert.equal(parseRetryAfter(' 0.5 ', now), 500);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 10:00:12 GMT', now), 12_000);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 09:59:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('retries 429 and 503 for any method, 504 only when idempotent', () => {
    assert.deepEqual(
      [429, 503, 504, 500, 404].map((s) => isRetryableStatus(s, false)),
      [true, true, false, false, false],
    );
    assert.deepEqual(
      [429, 503, 504, 500].map((s) => isRetryableStatus(s, true)),
      [true, true, true, false],
    );
    assert.deepEqual(['GET', 'PUT', 'PATCH', 'DELETE', 'POST'].map(isIdempotent), [
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('backs off exponentially with jitter, capped', () => {
    assert.equal(
      backoffDelay(1, options, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(1, options, () => 0.999999),
      100,
    );
    assert.equal(
      backoffDelay(3, options, () => 0),
      200,
    );
    assert.equal(
      backoffDelay(10, options, () => 1),
      1_000,
    );
  });

  it('honours Retry-After over back-off and stops at the count and time bounds', () => {
    assert.equal(
      nextRetryDelay(1, 2_000, 0, options, () => 0),
      2_000,
    );
    assert.equal(
      nextRetryDelay(1, undefined, 0, options, () => 0),
      50,
    );
    assert.equal(
      nextRetryDelay(4, 10, 0, options, () => 0),
      undefined,
      'more than maxRetries',
    );
    assert.equal(
      nextRetryDelay(2, 5_000, 6_000, options, () => 0),
      undefined,
      'would end after maxTotalMs',
    );
    assert.equal(
      nextRetryDelay(2, 4_000, 6_000, options, () => 0),
      4_000,
    );
  });
});
