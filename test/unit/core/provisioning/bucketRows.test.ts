import assert from 'node:assert/strict';
import { bucketRows, type ChartBucket } from '../../../../src/core/provisioning/bucketRows';
import { row } from './support';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2025-03-14T00:00:00Z');

const counts = (b: ChartBucket): number[] => [b.success, b.failure, b.skipped, b.warning, b.other];

describe('bucketRows', () => {
  it('uses UTC hours for a span of up to 72 hours, covering it without gaps', () => {
    const rows = [
      row({ time: T0 + 2 * H + 59 * 60_000, status: 'success' }),
      row({ time: T0 + 30 * 60_000, status: 'failure' }),
      row({ time: T0 + 30 * 60_000 + 1, status: 'Skipped' }),
      row({ time: T0 + 2 * H, status: 'unknownFutureValue' }),
    ];
    const chart = bucketRows(rows);
    assert.equal(chart.unit, 'hour');
    assert.equal(chart.omitted, 0);
    assert.deepEqual(
      chart.buckets.map((b) => [b.start - T0, b.end - T0]),
      [
        [0, H],
        [H, 2 * H],
        [2 * H, 3 * H],
      ],
    );
    assert.deepEqual(chart.buckets.map(counts), [
      [0, 1, 1, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 1],
    ]);
  });

  it('switches to UTC days beyond 72 hours', () => {
    const at72 = bucketRows([
      row({ time: T0, status: 'success' }),
      row({ time: T0 + 72 * H, status: 'warning' }),
    ]);
    assert.equal(at72.unit, 'hour');
    assert.equal(at72.buckets.length, 73);
    const beyond = bucketRows([
      row({ time: T0 + 13 * H, status: 'success' }),
      row({ time: T0 + 13 * H + 72 * H + 1, status: 'warning' }),
    ]);
    assert.equal(beyond.unit, 'day');
    assert.deepEqual(
      beyond.buckets.map((b) => b.start),
      [T0, T0 + D, T0 + 2 * D, T0 + 3 * D],
    );
    assert.deepEqual(beyond.buckets.map(counts), [
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
    ]);
  });

  it('covers a given range (from inclusive, to exclusive) and omits rows outside it', () => {
    const rows = [
      row({ time: T0 - 1, status: 'success' }),
      row({ time: T0, status: 'success' }),
      row({ time: T0 + 30 * D - 1, status: 'failure' }),
      row({ time: T0 + 30 * D, status: 'failure' }),
    ];
    const chart = bucketRows(rows, { range: { from: T0, to: T0 + 30 * D } });
    assert.equal(chart.unit, 'day');
    assert.equal(chart.buckets.length, 30);
    assert.equal(chart.buckets[0].success, 1);
    assert.equal(chart.buckets[29].failure, 1);
    assert.equal(chart.omitted, 2);
  });

  it('counts only the given positions (a query result)', () => {
    const rows = [
      row({ time: T0, status: 'success' }),
      row({ time: T0 + H, status: 'failure' }),
      row({ time: T0 + 2 * H, status: 'failure' }),
    ];
    const chart = bucketRows(rows, { positions: Int32Array.from([2, 0]) });
    assert.deepEqual(chart.buckets.map(counts), [
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
    ]);
  });

  it('leaves out rows without a time, and is empty for nothing to count', () => {
    assert.deepEqual(bucketRows([]), { unit: 'hour', buckets: [], omitted: 0 });
    assert.deepEqual(bucketRows([row({ time: 0 })]), { unit: 'hour', buckets: [], omitted: 1 });
    const chart = bucketRows([row({ time: 0 }), row({ time: T0 + H, status: 'success' })]);
    assert.equal(chart.buckets.length, 1);
    assert.equal(chart.omitted, 1);
  });

  it('stays bounded when an entry claims a far-away time, keeping the newest buckets', () => {
    const chart = bucketRows([
      row({ time: Date.parse('1971-01-01T00:00:00Z'), status: 'success' }),
      row({ time: T0, status: 'failure' }),
    ]);
    assert.equal(chart.unit, 'day');
    assert.equal(chart.buckets.length, 400);
    assert.equal(chart.buckets[399].start, T0);
    assert.equal(chart.omitted, 1);
  });

  it('is empty for a range that is empty or not finite', () => {
    const rows = [row({ time: T0, status: 'success' })];
    assert.equal(bucketRows(rows, { range: { from: T0, to: T0 } }).buckets.length, 0);
    assert.equal(bucketRows(rows, { range: { from: -Infinity, to: Infinity } }).buckets.length, 0);
    assert.equal(bucketRows(rows, { range: { from: Number.NaN, to: T0 } }).buckets.length, 0);
  });
});
