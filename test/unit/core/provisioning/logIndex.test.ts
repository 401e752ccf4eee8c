import assert from 'node:assert/strict';
import { DEFAULT_SORT, LogIndex, filterRows } from '../../../../src/core/provisioning/logIndex';
import {
  NO_FILTERS,
  type LogColumn,
  type LogFilters,
  type LogRow,
} from '../../../../src/core/provisioning/logRow';
import { row } from './support';

const H = 3_600_000;
const T0 = Date.parse('2025-03-14T00:00:00Z');

/** Newest first, as pages arrive. */
const ROWS: LogRow[] = [
  row({
    id: 'a',
    time: T0 + 5 * H,
    status: 'failure',
    action: 'create',
    sourceName: 'Adele Vance',
    sourceUpn: 'adele@contoso.com',
    sourceId: 'src-a',
    errorCode: 'Timeout',
    cycleId: 'c2',
  }),
  row({
    id: 'b',
    time: T0 + 4 * H,
    status: 'skipped',
    action: 'other',
    sourceName: 'Émile Zola',
    sourceUpn: 'emile@contoso.com',
    sourceId: 'src-b',
    errorCode: 'RedundantExport',
    cycleId: 'c2',
  }),
  row({
    id: 'c',
    time: T0 + 3 * H,
    status: 'success',
    action: 'update',
    sourceName: 'bob Brown',
    sourceUpn: 'bob@contoso.com',
    sourceId: 'src-c',
    targetName: 'Bob (Fabrikam)',
    targetId: 'TGT-C',
    cycleId: 'c1',
  }),
  row({
    id: 'd',
    time: T0 + 3 * H,
    status: 'Skipped',
    action: 'other',
    sourceName: 'Sales',
    sourceId: 'grp-d',
    identityType: 'Group',
    errorCode: 'EntityTypeNotSupported',
    cycleId: 'c1',
  }),
  row({
    id: 'e',
    time: T0 + 1 * H,
    status: 'warning',
    action: 'stagedDelete',
    sourceName: '<img src=x onerror=alert(1)>',
    sourceUpn: 'img@contoso.com',
    errorCode: 'timeout',
    cycleId: 'c1',
  }),
  row({
    id: 'f',
    time: 0,
    status: 'unknownFutureValue',
    action: 'disable',
    sourceName: 'Zoë Ünicode 名前',
  }),
];

const ids = (
  index: LogIndex,
  filters: Partial<LogFilters>,
  column: LogColumn = 'time',
  descending = true,
): string[] =>
  [...index.query({ ...NO_FILTERS, ...filters }, { column, descending })].map(
    (i) => index.rows[i].id,
  );

describe('LogIndex', () => {
  const index = new LogIndex(ROWS);

  // [case, filters, ids in default order (time desc, ties in load order)]
  const filters: [string, Partial<LogFilters>, string[]][] = [
    ['no filter', {}, ['a', 'b', 'c', 'd', 'e', 'f']],
    ['one status', { statuses: ['failure'] }, ['a']],
    ['statuses in any case, matching any case in the data', { statuses: ['SKIPPED'] }, ['b', 'd']],
    ['several statuses', { statuses: ['success', 'warning'] }, ['c', 'e']],
    ['an unknown future status', { statuses: ['unknownFutureValue'] }, ['f']],
    ['one action', { actions: ['other'] }, ['b', 'd']],
    ['several actions', { actions: ['Create', 'stagedDelete'] }, ['a', 'e']],
    ['an error code, exact but in any case', { errorCode: 'TIMEOUT' }, ['a', 'e']],
    ['an error code is not a substring match', { errorCode: 'Time' }, []],
    ['an error code with spaces around', { errorCode: ' Timeout ' }, ['a', 'e']],
    ['a cycle id', { cycleId: 'c1' }, ['c', 'd', 'e']],
    ['a cycle id is exact', { cycleId: 'C1' }, []],
    ['text in a source name, any case', { text: 'ADELE' }, ['a']],
    ['text in a principal name', { text: 'emile@' }, ['b']],
    ['text in a source id', { text: 'grp-' }, ['d']],
    ['text in a target name and id', { text: 'tgt-c' }, ['c']],
    ['text is a substring, trimmed', { text: '  contoso.com ' }, ['a', 'b', 'c', 'e']],
    ['text with markup is just text', { text: '<img' }, ['e']],
    ['unicode text, any case', { text: 'ünicode 名' }, ['f']],
    ['text does not match across fields', { text: 'vanceadele' }, []],
    ['text does not search other columns', { text: 'timeout' }, []],
    ['from is inclusive', { from: T0 + 3 * H }, ['a', 'b', 'c', 'd']],
    ['to is exclusive', { to: T0 + 3 * H }, ['e', 'f']],
    ['from and to', { from: T0 + 3 * H, to: T0 + 5 * H }, ['b', 'c', 'd']],
    ['an empty range', { from: T0 + 3 * H, to: T0 + 3 * H }, []],
    [
      'combined: status, action and text',
      { statuses: ['skipped', 'failure'], actions: ['other'], text: 'contoso' },
      ['b'],
    ],
    ['combined: code, cycle and time', { errorCode: 'timeout', cycleId: 'c1', from: T0 }, ['e']],
    ['nothing matches', { statuses: ['success'], errorCode: 'Timeout' }, []],
  ];
  for (const [name, f, expected] of filters) {
    it(`filters: ${name}`, () => assert.deepEqual(ids(index, f), expected));
  }

  // [column, ascending ids] (descending is checked to be the stable reverse)
  const sorts: [LogColumn, string[], string[]][] = [
    ['time', ['f', 'e', 'c', 'd', 'b', 'a'], ['a', 'b', 'c', 'd', 'e', 'f']],
    ['status', ['a', 'b', 'd', 'c', 'f', 'e'], ['e', 'f', 'c', 'b', 'd', 'a']],
    ['action', ['a', 'f', 'b', 'd', 'e', 'c'], ['c', 'e', 'b', 'd', 'f', 'a']],
    // Accents are ignored (Émile with the Es), case too (bob with the Bs); markup sorts by its characters.
    ['source', ['e', 'a', 'c', 'b', 'd', 'f'], ['f', 'd', 'b', 'c', 'a', 'e']],
    ['target', ['a', 'b', 'd', 'e', 'f', 'c'], ['c', 'a', 'b', 'd', 'e', 'f']],
    ['errorCode', ['c', 'f', 'd', 'b', 'a', 'e'], ['a', 'e', 'b', 'd', 'c', 'f']],
    ['cycleId', ['f', 'c', 'd', 'e', 'a', 'b'], ['a', 'b', 'c', 'd', 'e', 'f']],
  ];
  for (const [column, ascending, descending] of sorts) {
    it(`sorts by ${column}, stable in both directions (equal keys keep load order)`, () => {
      assert.deepEqual(ids(index, {}, column, false), ascending);
      assert.deepEqual(ids(index, {}, column, true), descending);
    });
  }

  it('sorts newest first by default', () => {
    assert.deepEqual(DEFAULT_SORT, { column: 'time', descending: true });
    assert.deepEqual([...index.query(NO_FILTERS)], [0, 1, 2, 3, 4, 5]);
  });

  it('appends older rows and prepends newer ones, keeping filters and built sort keys in step', () => {
    const live = new LogIndex(ROWS.slice(2, 4));
    assert.deepEqual(ids(live, {}, 'source', false), ['c', 'd']);
    live.append(ROWS.slice(4));
    live.prepend(ROWS.slice(0, 2));
    assert.equal(live.size, 6);
    assert.deepEqual(
      live.rows.map((r) => r.id),
      ['a', 'b', 'c', 'd', 'e', 'f'],
    );
    assert.equal(live.row(1).id, 'b');
    assert.deepEqual(ids(live, {}, 'source', false), ['e', 'a', 'c', 'b', 'd', 'f']);
    assert.deepEqual(ids(live, { text: 'contoso', statuses: ['failure', 'warning'] }), ['a', 'e']);
    assert.deepEqual(ids(live, { errorCode: 'timeout' }, 'errorCode', false), ['a', 'e']);
    live.clear();
    assert.equal(live.size, 0);
    assert.deepEqual(ids(live, {}, 'source'), []);
    live.append(ROWS.slice(0, 1));
    assert.deepEqual(ids(live, {}, 'source'), ['a']);
  });

  it('ignores bounds that are not numbers', () => {
    assert.equal(
      index.query({ ...NO_FILTERS, from: Number.NaN, to: Number.NaN }).length,
      ROWS.length,
    );
  });

  it('filterRows: positions in the given rows, for a one-off query', () => {
    assert.deepEqual([...filterRows(ROWS, { ...NO_FILTERS, statuses: ['skipped'] })], [1, 3]);
    assert.deepEqual(
      [...filterRows(ROWS, NO_FILTERS, { column: 'time', descending: false })],
      [5, 4, 2, 3, 1, 0],
    );
  });
});
