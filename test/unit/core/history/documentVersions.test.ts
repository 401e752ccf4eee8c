import assert from 'node:assert/strict';
import { documentVersions, versionText } from '../../../../src/core/history/documentVersions';
import type { HistoryEntry, SettingChange } from '../../../../src/core/history/historyEntry';
import { filterTimeline, mergeTimelines } from '../../../../src/core/history/timeline';

const CONTOSO = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const TAILSPIN = '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3';
const FABRIKAM = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';

function entry(
  id: string,
  time: string,
  operation: HistoryEntry['operation'],
  changes: [string, unknown, unknown][],
  more: Partial<HistoryEntry> = {},
): HistoryEntry {
  return {
    id,
    tenantId: TAILSPIN,
    time: new Date(time),
    category: 'CrossTenantAccessSettings',
    activity: 'Update a partner cross-tenant access setting',
    operation,
    succeeded: true,
    actor: { kind: 'user', userPrincipalName: 'admin@tailspintoys.com' },
    target: { kind: 'partner', partnerTenantId: CONTOSO },
    changes: changes.map(([property, before, after]): SettingChange => ({
      property,
      before,
      after,
      decoded: true,
    })),
    details: {},
    ...more,
  };
}

const consent = (inbound: boolean | null, outbound: boolean | null) => ({
  inboundAllowed: inbound,
  outboundAllowed: outbound,
});
const live = {
  tenantId: CONTOSO,
  isServiceProvider: false,
  automaticUserConsentSettings: consent(false, false),
  b2bCollaborationInbound: null,
  inboundTrust: null,
};

describe('history: rebuilding document versions', () => {
  const created = entry('1', '2025-02-21T11:00:00Z', 'add', [
    ['tenantId', null, CONTOSO],
    ['isServiceProvider', null, false],
  ]);
  const redeem = entry('2', '2025-02-22T06:04:00Z', 'update', [
    ['automaticUserConsentSettings', null, consent(true, false)],
  ]);
  const withdraw = entry('3', '2025-03-08T11:00:00Z', 'update', [
    ['automaticUserConsentSettings', consent(true, false), consent(false, false)],
  ]);

  it('walks back from the live document: every version verified, the oldest did not exist', () => {
    const versions = documentVersions(live, [created, withdraw, redeem]);
    assert.deepEqual(versions.get('3'), {
      kind: 'verified',
      before: { ...live, automaticUserConsentSettings: consent(true, false) },
      after: live,
    });
    assert.deepEqual(versions.get('2'), {
      kind: 'verified',
      before: { ...live, automaticUserConsentSettings: null },
      after: { ...live, automaticUserConsentSettings: consent(true, false) },
    });
    const first = versions.get('1');
    assert.equal(first?.kind, 'verified');
    assert.equal(first.kind === 'verified' && first.before, null);
  });

  it('gives the canonical document text of a version, ready to open as a draft', () => {
    const version = documentVersions(live, [withdraw]).get('3');
    assert.ok(version?.kind === 'verified');
    const text = versionText('partner', version.before);
    assert.ok(text?.endsWith('\n'));
    const parsed = JSON.parse(text!) as Record<string, unknown>;
    assert.deepEqual(parsed.automaticUserConsentSettings, consent(true, false));
    assert.equal(
      parsed.tenantId,
      undefined,
      'the key is carried by the URI, as in every partner document',
    );
    assert.equal(versionText('partner', null), null);
  });

  it('stops at a change the log does not explain: that version and older ones are unknown', () => {
    const drifted = { ...live, automaticUserConsentSettings: consent(false, true) };
    const versions = documentVersions(drifted, [created, redeem, withdraw]);
    for (const id of ['3', '2', '1']) {
      const v = versions.get(id);
      assert.equal(v?.kind, 'unknown', id);
      assert.match(v.kind === 'unknown' ? v.reason : '', /changed without a log entry/);
    }
  });

  it('stops at a value it could not read', () => {
    const unreadable: HistoryEntry = {
      ...withdraw,
      changes: [
        {
          property: 'automaticUserConsentSettings',
          before: '{x',
          after: consent(false, false),
          decoded: false,
        },
      ],
    };
    const versions = documentVersions(live, [redeem, unreadable]);
    assert.equal(versions.get('3')?.kind, 'unknown');
    assert.equal(versions.get('2')?.kind, 'unknown');
  });

  it('rebuilds a deleted document only as the log recorded it, and says so', () => {
    const deleted = entry('4', '2025-03-10T00:00:00Z', 'delete', [
      ['tenantId', CONTOSO, null],
      ['isServiceProvider', true, null],
    ]);
    const earlier = entry('5', '2025-03-01T00:00:00Z', 'update', [
      ['isServiceProvider', false, true],
    ]);
    const versions = documentVersions(null, [deleted, earlier]);
    const v4 = versions.get('4');
    assert.ok(v4?.kind === 'asLogged');
    assert.deepEqual(v4.before, { tenantId: CONTOSO, isServiceProvider: true });
    assert.equal(v4.after, null);
    assert.match(v4.reason, /what the log recorded/);
    assert.equal(versions.get('5')?.kind, 'asLogged');
  });

  it('ignores a failed change (it changed nothing)', () => {
    const failed = { ...withdraw, id: '9', succeeded: false };
    const versions = documentVersions(live, [failed, withdraw]);
    assert.equal(versions.get('9')?.kind, 'unknown');
    assert.equal(versions.get('3')?.kind, 'verified');
  });
});

describe('history: the cross-tenant time line', () => {
  const tailspinChange = entry('t1', '2025-03-08T11:00:00Z', 'update', []);
  const contosoSync: HistoryEntry = entry('c1', '2025-03-08T18:17:00Z', 'other', [], {
    tenantId: CONTOSO,
    category: 'ProvisioningManagement',
    activity: 'Quarantine',
    actor: { kind: 'app', displayName: 'Azure AD Provisioning Service' },
    target: {
      kind: 'syncConfiguration',
      servicePrincipalId: 'sp-tailspin',
      displayName: 'Tailspin Toys',
    },
  });
  const contosoFabrikam: HistoryEntry = entry('c2', '2025-03-02T10:00:00Z', 'update', [], {
    tenantId: CONTOSO,
    actor: { kind: 'user', userPrincipalName: 'it@contoso.com' },
    target: { kind: 'partner', partnerTenantId: FABRIKAM },
  });
  const support: HistoryEntry = entry('c3', '2025-02-17T08:00:00Z', 'add', [], {
    tenantId: CONTOSO,
    actor: { kind: 'microsoftSupport', via: 'EntraGDAP' },
    target: { kind: 'partner', partnerTenantId: 'b4c546a4-7dac-46a6-a7dd-ed822a11efd3' },
  });
  const timeline = mergeTimelines([
    [contosoSync, contosoFabrikam, support],
    [tailspinChange],
    [tailspinChange],
  ]);
  const syncTargets = new Map([['sp-tailspin', TAILSPIN]]);

  it('merges every tenant newest first, each entry once', () => {
    assert.deepEqual(
      timeline.map((e) => e.id),
      ['c1', 't1', 'c2', 'c3'],
    );
  });

  it("shows the pair's sequence: Tailspin's change, then Contoso's quarantined sync to Tailspin", () => {
    const pair = filterTimeline(
      timeline,
      { tenantIds: [CONTOSO, TAILSPIN], partnerTenantIds: [CONTOSO, TAILSPIN] },
      syncTargets,
    );
    assert.deepEqual(
      pair.map((e) => e.id),
      ['c1', 't1'],
    );
    assert.deepEqual(
      filterTimeline(timeline, { partnerTenantIds: [TAILSPIN] }).map((e) => e.id),
      [],
      'without the sync targets a configuration names no partner',
    );
  });

  const cases: readonly [string, Parameters<typeof filterTimeline>[1], string[]][] = [
    ['by tenant', { tenantIds: [TAILSPIN.toUpperCase()] }, ['t1']],
    ['by partner', { partnerTenantIds: [FABRIKAM] }, ['c2']],
    ['by actor, any case', { actor: 'IT@CONTOSO' }, ['c2']],
    ['by an app actor', { actor: 'provisioning service' }, ['c1']],
    ['Microsoft Support by name', { actor: 'microsoft support' }, ['c3']],
    ['from a time', { from: new Date('2025-03-02T10:00:00Z') }, ['c1', 't1', 'c2']],
    ['up to a time', { to: new Date('2025-03-01T00:00:00Z') }, ['c3']],
    ['everything when nothing is set', {}, ['c1', 't1', 'c2', 'c3']],
  ];
  for (const [what, filter, ids] of cases)
    it(`filters ${what}`, () =>
      assert.deepEqual(
        filterTimeline(timeline, filter, syncTargets).map((e) => e.id),
        ids,
      ));
});
