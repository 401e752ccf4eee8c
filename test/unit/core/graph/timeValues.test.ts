import assert from 'node:assert/strict';
import { odataDateTime, parseGraphDateTime } from '../../../../src/core/graph/dateTime';
import {
  NO_SCHEDULE_INTERVAL,
  parseIsoDuration,
  parseScheduleInterval,
} from '../../../../src/core/graph/duration';

describe('parseGraphDateTime', () => {
  it('reads timestamps with a zone, and zone-less ones (innerError.date) as UTC', () => {
    assert.equal(
      parseGraphDateTime('2023-07-30T10:15:00Z')?.toISOString(),
      '2023-07-30T10:15:00.000Z',
    );
    assert.equal(
      parseGraphDateTime('2023-11-20T21:09:53')?.toISOString(),
      '2023-11-20T21:09:53.000Z',
    );
    assert.equal(
      parseGraphDateTime('2020-06-26T13:58:24.7682084Z')?.toISOString(),
      '2020-06-26T13:58:24.768Z',
    );
    assert.equal(
      parseGraphDateTime('2023-07-30T12:15:00+02:00')?.toISOString(),
      '2023-07-30T10:15:00.000Z',
    );
  });

  it('returns undefined for "never" and for the empty values the sync service sends', () => {
    assert.equal(parseGraphDateTime('0001-01-01T00:00:00Z'), undefined);
    assert.equal(parseGraphDateTime('0001-01-01T00:00:00'), undefined);
    assert.equal(parseGraphDateTime(''), undefined);
    assert.equal(parseGraphDateTime(null), undefined);
    assert.equal(parseGraphDateTime('yesterday'), undefined);
  });

  it('writes unquoted OData date literals', () => {
    assert.equal(odataDateTime(new Date('2023-07-30T00:00:00Z')), '2023-07-30T00:00:00Z');
    assert.equal(odataDateTime(new Date('2023-07-30T00:00:00.250Z')), '2023-07-30T00:00:00.250Z');
  });
});

describe('ISO 8601 durations', () => {
  it('parses day-time durations', () => {
    assert.equal(parseIsoDuration('PT40M'), 40 * 60_000);
    assert.equal(parseIsoDuration('P1DT2H'), 26 * 3_600_000);
    assert.equal(parseIsoDuration('PT5.5S'), 5_500);
    assert.equal(parseIsoDuration('-PT1M'), -60_000);
  });

  it('rejects what is not one', () => {
    for (const bad of ['', 'P', 'PT', 'P1DT', '40M', 'P1Y', 'P1M', 'PT1.5M', null])
      assert.equal(parseIsoDuration(bad), undefined, String(bad));
  });

  it('reads TimeSpan.MaxValue as "no schedule"', () => {
    assert.equal(parseScheduleInterval(NO_SCHEDULE_INTERVAL), undefined);
    assert.equal(parseScheduleInterval('P10675199DT2H48M5S'), undefined);
    assert.equal(parseScheduleInterval('PT40M'), 2_400_000);
    assert.equal(parseScheduleInterval('PT0S'), undefined);
  });
});
