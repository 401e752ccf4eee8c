import assert from 'node:assert/strict';
import type { ProvisioningObjectSummary } from '../../../../src/core/graph/types';
import type { LogRow } from '../../../../src/core/provisioning/logRow';
import { toLogRow } from '../../../../src/core/provisioning/toLogRow';
import { SANDBOX_SYNC_CONFIGURATIONS, SANDBOX_TENANT_IDS } from '../../../../src/sandbox';
import { createSandbox, GraphTestClient, readAll } from '../../sandbox/graphTestClient';
import { fixtureEntries, row } from './support';

/** Hostile or garbled input: the entry comes from another tenant, so it is typed `unknown` here on purpose. */
const asEntry = (value: unknown): ProvisioningObjectSummary => value as ProvisioningObjectSummary;

describe('toLogRow', () => {
  it('flattens the documented list example (doc quirks: capitalised step types, initiatingType)', () => {
    const [entry] = fixtureEntries('provisioning-list.response.json');
    assert.deepEqual(
      toLogRow(entry),
      row({
        id: '75b5b0ae-9fc5-8d0e-e0a9-7y6a4728de56',
        time: Date.parse('2019-05-04T03:00:54Z'),
        action: 'create',
        status: 'success',
        sourceName: '',
        sourceId: '60a7a801-7101-4c69-ae00-ce9f75f8460a',
        targetName: '',
        targetId: '6nn35b93-185a-4485-a519-50c09549f3ad',
        identityType: 'RolesCompound',
        cycleId: 'b6502552-018d-79bd-8869-j47194dc65c1',
        changeId: 'b6502552-018d-89bd-9969-b49194dc65c1',
        jobId: 'aws.74beb1753b704b63b8d56f0b76082b16.10a7a801-7101-4c69-ae00-ce9f75f8460a',
        durationMs: 3236,
      }),
    );
  });

  it('flattens the documented failure example, taking the error code', () => {
    const [entry] = fixtureEntries('provisioning-list-error.response.json');
    const r = toLogRow(entry);
    assert.equal(r.status, 'failure');
    assert.equal(r.errorCode, 'ContosoEntryConflict');
    assert.equal(r.identityType, 'Group');
    assert.equal(r.sourceName, 'Self-service Pilot');
    assert.equal(r.targetId, '');
    assert.equal(r.time, Date.parse('2019-06-24T20:53:08Z'));
  });

  // [case, entry, expected fields]
  const table: [string, unknown, Partial<LogRow>][] = [
    ['null', null, {}],
    ['a string', 'entry', {}],
    ['an array', [{ id: 'x' }], {}],
    ['an empty object', {}, {}],
    [
      'nulls everywhere',
      {
        id: null,
        activityDateTime: null,
        provisioningStatusInfo: null,
        provisioningSteps: null,
        sourceIdentity: null,
        durationInMilliseconds: null,
      },
      {},
    ],
    [
      'numbers and booleans where strings belong',
      { id: 42, jobId: true, cycleId: 1.5, provisioningAction: false },
      { id: '42', jobId: 'true', cycleId: '1.5', action: 'false' },
    ],
    [
      'objects where strings belong',
      { id: { x: 1 }, changeId: ['a'], sourceIdentity: { displayName: { text: 'x' } } },
      {},
    ],
    ['an unparsable time', { activityDateTime: 'yesterday' }, { time: 0 }],
    ['a numeric time', { activityDateTime: 1700000000000 }, { time: 0 }],
    [
      'a time with an offset',
      { activityDateTime: '2025-03-14T13:00:00+01:00' },
      { time: Date.parse('2025-03-14T12:00:00Z') },
    ],
    ['a non-finite duration', { durationInMilliseconds: Infinity }, { durationMs: 0 }],
    ['a duration as a string', { durationInMilliseconds: '1200' }, { durationMs: 0 }],
    [
      'steps that are not an array',
      {
        provisioningStatusInfo: { status: 'skipped' },
        provisioningSteps: { details: { SkipReason: 'X' } },
      },
      { status: 'skipped' },
    ],
    [
      'steps that are null or scalars',
      {
        provisioningStatusInfo: { status: 'skipped' },
        provisioningSteps: [
          null,
          3,
          'x',
          { details: null },
          { details: { SkipReason: 'RedundantExport' } },
        ],
      },
      { status: 'skipped', errorCode: 'RedundantExport' },
    ],
    [
      'an error code that is not a string',
      {
        provisioningStatusInfo: {
          status: 'failure',
          errorInformation: { errorCode: { code: 'x' } },
        },
      },
      { status: 'failure' },
    ],
    [
      'a skip reason on a row that did not skip',
      {
        provisioningStatusInfo: { status: 'success' },
        provisioningSteps: [{ details: { SkipReason: 'RedundantExport' } }],
      },
      { status: 'success' },
    ],
    [
      'a skip reason in any case of key and status',
      {
        provisioningStatusInfo: { status: 'Skipped' },
        provisioningSteps: [{ details: { skipreason: 'NotEffectivelyEntitled' } }],
      },
      { status: 'Skipped', errorCode: 'NotEffectivelyEntitled' },
    ],
    [
      'the error code before the skip reason',
      {
        provisioningStatusInfo: {
          status: 'skipped',
          errorInformation: { errorCode: 'EntityTypeNotSupported' },
        },
        provisioningSteps: [{ details: { SkipReason: 'RedundantExport' } }],
      },
      { status: 'skipped', errorCode: 'EntityTypeNotSupported' },
    ],
    [
      'the UPN from the import step',
      {
        provisioningSteps: [
          { provisioningStepType: 'scoping', details: { userPrincipalName: 'no@x' } },
          { provisioningStepType: 'Import', details: { userPrincipalName: 'adele@contoso.com' } },
        ],
        sourceIdentity: { details: { UserPrincipalName: 'other@x' } },
      },
      { sourceUpn: 'adele@contoso.com' },
    ],
    [
      'the UPN from the source identity when the import step has none',
      {
        provisioningSteps: [{ provisioningStepType: 'import', details: {} }],
        sourceIdentity: { details: { UserPrincipalName: 'adele@contoso.com' } },
      },
      { sourceUpn: 'adele@contoso.com' },
    ],
    [
      'the identity type of the target when the source has none',
      { targetIdentity: { identityType: 'User' } },
      { identityType: 'User' },
    ],
    [
      'future enum members kept as sent',
      {
        provisioningAction: 'unknownFutureValue',
        provisioningStatusInfo: { status: 'quarantined' },
      },
      { action: 'unknownFutureValue', status: 'quarantined' },
    ],
    [
      'markup kept as text',
      { sourceIdentity: { displayName: '<img src=x onerror=alert(1)>' } },
      { sourceName: '<img src=x onerror=alert(1)>' },
    ],
  ];
  for (const [name, entry, expected] of table) {
    it(`never throws and coerces: ${name}`, () => {
      assert.deepEqual(toLogRow(asEntry(entry)), row(expected));
    });
  }

  it('reads only own properties: __proto__, constructor and inherited keys are data, not fields', () => {
    const parsed = JSON.parse(
      '{"__proto__": {"id": "polluted"}, "sourceIdentity": {"__proto__": {"displayName": "x"}}, "provisioningSteps": [{"provisioningStepType": "import", "details": {"__proto__": {"userPrincipalName": "p"}, "constructor": "c"}}]}',
    ) as unknown;
    assert.deepEqual(toLogRow(asEntry(parsed)), row());
    assert.deepEqual(toLogRow(asEntry(Object.create({ id: 'inherited' }))), row());
    assert.equal(({} as Record<string, unknown>).id, undefined);
  });

  it('maps every sandbox log entry: users carry their UPN, skipped entries their reason', async () => {
    const { sandbox, clock } = createSandbox();
    const client = new GraphTestClient(sandbox, SANDBOX_TENANT_IDS.contoso);
    // Identity reports allow 5 requests per 10 s: let time pass between pages.
    const { values } = await readAll(
      client,
      `/auditLogs/provisioning?$filter=jobId eq '${SANDBOX_SYNC_CONFIGURATIONS.fabrikam.jobId}'&$top=500`,
      { beforeEachPage: () => clock.advance(2_000) },
    );
    assert.ok(values.length > 500, `only ${values.length} entries`);
    const rows = (values as ProvisioningObjectSummary[]).map(toLogRow);
    for (const r of rows) {
      assert.ok(r.id && r.time > 0 && r.cycleId && r.changeId && r.jobId, JSON.stringify(r));
      if (r.identityType === 'User') assert.match(r.sourceUpn, /@/, JSON.stringify(r));
      if (r.status === 'failure') assert.notEqual(r.errorCode, '', JSON.stringify(r));
    }
    const skipReasons = new Set(rows.filter((r) => r.status === 'skipped').map((r) => r.errorCode));
    for (const reason of ['RedundantExport', 'NotEffectivelyEntitled', 'EntityTypeNotSupported'])
      assert.ok(skipReasons.has(reason), `no ${reason} in ${[...skipReasons].join(', ')}`);
  });
});
