import assert from 'node:assert/strict';
import { NO_FILTERS, type LogFilters } from '../../../../src/core/provisioning/logRow';
import type { PanelState, WebviewMessage } from '../../../../src/core/provisioning/panelProtocol';
import { parsePanelState } from '../../../../src/core/provisioning/parsePanelState';
import { parseWebviewMessage } from '../../../../src/core/provisioning/parseWebviewMessage';

const TENANT = '3b3b3b3b-1111-4a4a-9c9c-0123456789ab';
const SP = 'C8C95753-F628-48E1-9FAB-76C2D4CF624C';
const FILTERS: LogFilters = {
  statuses: ['failure', 'unknownFutureValue'],
  actions: ['create'],
  errorCode: 'Timeout',
  cycleId: 'c1',
  text: 'adele',
  from: 1_700_000_000_000,
  to: 1_700_086_400_000,
};
const STATE: PanelState = {
  target: {
    tenantId: TENANT,
    servicePrincipalId: SP,
    jobId: 'Azure2Azure.2f4a9c1e6b3d4e8a9c710d5e8b3f6a24.8c5e2b71-3d9f-4a06-b1e4-6f7a0c3d9e52',
  },
  filters: FILTERS,
  sort: { column: 'errorCode', descending: false },
  days: 7,
  live: true,
  selectedId: 'entry-1',
};

/** A copy without one property. */
function without(value: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  delete copy[key];
  return copy;
}

describe('parseWebviewMessage', () => {
  const valid: WebviewMessage[] = [
    { type: 'ready' },
    { type: 'loadMore' },
    { type: 'loadAll' },
    { type: 'cancel' },
    { type: 'reload', days: 1 },
    { type: 'reload', days: 30 },
    { type: 'select', id: 'entry-1' },
    { type: 'copyIds', id: 'x'.repeat(200) },
    { type: 'provisionOnDemand', id: '<img src=x>' },
    { type: 'openPolicy', id: 'entry-1' },
    {
      type: 'export',
      format: 'csv',
      filters: NO_FILTERS,
      sort: { column: 'time', descending: true },
    },
    {
      type: 'export',
      format: 'json',
      filters: FILTERS,
      sort: { column: 'cycleId', descending: false },
    },
    { type: 'setLive', enabled: false },
    { type: 'state', state: STATE },
    {
      type: 'state',
      state: {
        ...STATE,
        target: { tenantId: TENANT, servicePrincipalId: SP },
        selectedId: undefined,
        filters: NO_FILTERS,
      },
    },
  ];
  for (const message of valid) {
    it(`accepts ${JSON.stringify(message).slice(0, 90)}`, () => {
      assert.deepEqual(parseWebviewMessage(message), JSON.parse(JSON.stringify(message)));
      assert.deepEqual(
        parseWebviewMessage(JSON.parse(JSON.stringify(message))),
        JSON.parse(JSON.stringify(message)),
        'after a JSON round trip',
      );
    });
  }

  // [case, message]
  const invalid: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['no type', {}],
    ['an unknown type', { type: 'deleteTenant' }],
    ['a type in another case', { type: 'Ready' }],
    ['a type that is not a string', { type: ['ready'] }],
    ['an inherited type', Object.create({ type: 'ready' })],
    ['a toString type', { type: 'toString' }],
    ['reload: no days', { type: 'reload' }],
    ['reload: 0 days', { type: 'reload', days: 0 }],
    ['reload: 31 days', { type: 'reload', days: 31 }],
    ['reload: fractional days', { type: 'reload', days: 1.5 }],
    ['reload: days as a string', { type: 'reload', days: '7' }],
    ['reload: NaN days', { type: 'reload', days: Number.NaN }],
    ['select: no id', { type: 'select' }],
    ['select: an empty id', { type: 'select', id: '' }],
    ['select: an id of 201 characters', { type: 'select', id: 'x'.repeat(201) }],
    ['select: a numeric id', { type: 'select', id: 5 }],
    ['copyIds: an id as an object', { type: 'copyIds', id: { toString: () => 'x' } }],
    ['openPolicy: a null id', { type: 'openPolicy', id: null }],
    [
      'export: an unknown format',
      {
        type: 'export',
        format: 'xlsx',
        filters: NO_FILTERS,
        sort: { column: 'time', descending: true },
      },
    ],
    [
      'export: no filters',
      { type: 'export', format: 'csv', sort: { column: 'time', descending: true } },
    ],
    [
      'export: an unknown sort column',
      {
        type: 'export',
        format: 'csv',
        filters: NO_FILTERS,
        sort: { column: 'duration', descending: true },
      },
    ],
    [
      'export: a sort column from the prototype',
      {
        type: 'export',
        format: 'csv',
        filters: NO_FILTERS,
        sort: { column: 'constructor', descending: true },
      },
    ],
    [
      'export: descending as a string',
      {
        type: 'export',
        format: 'csv',
        filters: NO_FILTERS,
        sort: { column: 'time', descending: 'true' },
      },
    ],
    ['setLive: enabled as a number', { type: 'setLive', enabled: 1 }],
    ['state: no state', { type: 'state' }],
    ['state: an invalid state', { type: 'state', state: { ...STATE, days: 0 } }],
  ];
  for (const [name, message] of invalid) {
    it(`rejects ${name}`, () => assert.equal(parseWebviewMessage(message), undefined));
  }

  it('drops extra properties, and __proto__ keys never reach a prototype', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'select', id: 'a', extra: 1, html: '<script>' }), {
      type: 'select',
      id: 'a',
    });
    const polluted = JSON.parse(
      '{"type": "export", "format": "csv", "__proto__": {"admin": true}, "filters": {"statuses": [], "actions": [], "errorCode": "", "cycleId": "", "text": "", "__proto__": {"text": "x"}}, "sort": {"column": "time", "descending": true, "constructor": {"prototype": {"polluted": true}}}}',
    ) as unknown;
    const parsed = parseWebviewMessage(polluted);
    assert.deepEqual(parsed, {
      type: 'export',
      format: 'csv',
      filters: NO_FILTERS,
      sort: { column: 'time', descending: true },
    });
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal((parsed as unknown as Record<string, unknown>).admin, undefined);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('parsePanelState', () => {
  it('accepts a full state and a minimal one, returning fresh objects', () => {
    const parsed = parsePanelState(STATE);
    assert.deepEqual(parsed, STATE);
    assert.notEqual(parsed, STATE);
    assert.notEqual(parsed?.filters, STATE.filters);
    const minimal = {
      target: { tenantId: TENANT, servicePrincipalId: SP },
      filters: NO_FILTERS,
      sort: { column: 'time', descending: true },
      days: 30,
      live: false,
    };
    assert.deepEqual(parsePanelState(minimal), minimal);
  });

  it('accepts future enum members in the status and action lists', () => {
    assert.deepEqual(
      parsePanelState({
        ...STATE,
        filters: { ...FILTERS, statuses: ['quarantined'], actions: ['archive'] },
      })?.filters.statuses,
      ['quarantined'],
    );
  });

  // [case, the state with one part replaced]
  const invalid: [string, unknown][] = [
    ['not an object', 'state'],
    ['no target', without(STATE, 'target')],
    [
      'a tenant id that is not a GUID',
      { ...STATE, target: { ...STATE.target, tenantId: 'contoso.onmicrosoft.com' } },
    ],
    ['a GUID with braces', { ...STATE, target: { ...STATE.target, tenantId: `{${TENANT}}` } }],
    [
      'a service principal id that is not a GUID',
      { ...STATE, target: { ...STATE.target, servicePrincipalId: `${SP}/../x` } },
    ],
    ['an empty job id', { ...STATE, target: { ...STATE.target, jobId: '' } }],
    [
      'a job id of 201 characters',
      { ...STATE, target: { ...STATE.target, jobId: 'j'.repeat(201) } },
    ],
    ['a null job id', { ...STATE, target: { ...STATE.target, jobId: null } }],
    ['days as a float', { ...STATE, days: 7.5 }],
    ['days above 30', { ...STATE, days: 31 }],
    ['days as Infinity', { ...STATE, days: Infinity }],
    ['live as a string', { ...STATE, live: 'yes' }],
    ['no live', without(STATE, 'live')],
    ['a selected id as a number', { ...STATE, selectedId: 3 }],
    ['a selected id of 201 characters', { ...STATE, selectedId: 's'.repeat(201) }],
    ['no sort', without(STATE, 'sort')],
    ['filters: missing text', { ...STATE, filters: without(FILTERS, 'text') }],
    [
      'filters: text of 501 characters',
      { ...STATE, filters: { ...FILTERS, text: 't'.repeat(501) } },
    ],
    [
      'filters: an error code of 201 characters',
      { ...STATE, filters: { ...FILTERS, errorCode: 'e'.repeat(201) } },
    ],
    ['filters: a cycle id as a number', { ...STATE, filters: { ...FILTERS, cycleId: 1 } }],
    ['filters: statuses not an array', { ...STATE, filters: { ...FILTERS, statuses: 'failure' } }],
    [
      'filters: 21 statuses',
      { ...STATE, filters: { ...FILTERS, statuses: Array.from({ length: 21 }, () => 'failure') } },
    ],
    ['filters: a status with markup', { ...STATE, filters: { ...FILTERS, statuses: ['<b>'] } }],
    [
      'filters: a status with a space',
      { ...STATE, filters: { ...FILTERS, statuses: ['stagedDelete '] } },
    ],
    ['filters: an empty status', { ...STATE, filters: { ...FILTERS, statuses: [''] } }],
    [
      'filters: a status of 65 letters',
      { ...STATE, filters: { ...FILTERS, statuses: ['a'.repeat(65)] } },
    ],
    [
      'filters: an action that is not a string',
      { ...STATE, filters: { ...FILTERS, actions: [1] } },
    ],
    [
      'filters: a sparse action list',
      { ...STATE, filters: { ...FILTERS, actions: new Array<string>(3) } },
    ],
    ['filters: from as a string', { ...STATE, filters: { ...FILTERS, from: '1700000000000' } }],
    ['filters: from as null', { ...STATE, filters: { ...FILTERS, from: null } }],
    ['filters: to as NaN', { ...STATE, filters: { ...FILTERS, to: Number.NaN } }],
    ['filters: to as Infinity', { ...STATE, filters: { ...FILTERS, to: Infinity } }],
  ];
  for (const [name, state] of invalid) {
    it(`rejects ${name}`, () => assert.equal(parsePanelState(state), undefined));
  }

  it('treats an undefined optional property as absent', () => {
    const parsed = parsePanelState({
      ...STATE,
      selectedId: undefined,
      filters: { ...FILTERS, from: undefined, to: undefined },
    });
    assert.ok(parsed);
    assert.equal('selectedId' in parsed, false);
    assert.equal('from' in parsed.filters, false);
  });
});
