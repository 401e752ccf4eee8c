import assert from 'node:assert/strict';
import type { Partner } from '../../../../src/core/graph/types';
import { toCanonicalText } from '../../../../src/core/policy/canonical';
import {
  DriftReadError,
  driftOfDocument,
  driftOfTenantFolder,
  type DriftEntry,
} from '../../../../src/core/policy/drift';

const PARTNER = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const OTHER = 'c93d2a71-5e8f-4b14-a6d0-3f7b9e2c1d85';
const FILE =
  'contoso.onmicrosoft.com/partners/7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58.xta-partner.json';

const live: Partner = {
  tenantId: PARTNER,
  isServiceProvider: false,
  isInMultiTenantOrganization: true,
  inboundTrust: {
    isMfaAccepted: true,
    isCompliantDeviceAccepted: true,
    isHybridAzureADJoinedDeviceAccepted: false,
  },
  automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
  b2bCollaborationInbound: {
    usersAndGroups: {
      accessType: 'allowed',
      targets: [{ target: 'AllUsers', targetType: 'user' }],
    },
    applications: {
      accessType: 'allowed',
      targets: [{ target: 'AllApplications', targetType: 'application' }],
    },
  },
  tenantRestrictions: null,
};

/** The exported file of `live`, edited by replacing text. */
function exported(...replacements: [string, string][]): string {
  let text = toCanonicalText('partner', live);
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `the export contains ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The text a drift entry's range covers. */
function covered(text: string, entry: DriftEntry): string {
  const lines = text.split('\n');
  const { start, end } = entry.range!;
  assert.equal(start.line, end.line, 'single-line range');
  return lines[start.line].slice(start.character, end.character);
}

describe('driftOfDocument', () => {
  it('no drift right after an export, whatever Graph adds (annotations, server-owned keys, key order)', () => {
    const fromGraph = {
      '@odata.context': 'x',
      ...Object.fromEntries(Object.entries(live).reverse()),
    };
    assert.deepEqual(driftOfDocument('partner', exported(), fromGraph, FILE), []);
  });

  it('one entry per drifted leaf, with the range of the value in the file', () => {
    const text = exported(
      ['"isMfaAccepted": true', '"isMfaAccepted": false'],
      ['"isServiceProvider": false', '"isServiceProvider": true'],
    );
    const entries = driftOfDocument('partner', text, live, FILE);
    assert.deepEqual(
      entries.map((e) => [e.path.join('.'), e.message, e.fileValue, e.liveValue, covered(text, e)]),
      [
        [
          'inboundTrust.isMfaAccepted',
          'inbound trust › MFA: file says false, tenant has true',
          false,
          true,
          'false',
        ],
        [
          'isServiceProvider',
          'cloud service provider: file says true, tenant has false',
          true,
          false,
          'true',
        ],
      ],
    );
    assert.ok(entries.every((e) => e.file === FILE && e.label === e.message.split(':')[0]));
    const mfaLine = text.split('\n').findIndex((line) => line.includes('"isMfaAccepted"'));
    assert.equal(entries[0].range!.start.line, mfaLine);
  });

  it('a target list is one value: the range covers the whole array', () => {
    const text = exported(
      ['"target": "AllUsers"', '"target": "0be493dc-1f4e-4a4b-9d5c-6a1f3b2e9c10"'],
      ['"targetType": "user"', '"targetType": "group"'],
    );
    const entries = driftOfDocument('partner', text, live, FILE);
    assert.deepEqual(
      entries.map((e) => e.label),
      ['B2B collaboration inbound › users and groups › targets'],
    );
    assert.equal(entries[0].range!.start.line < entries[0].range!.end.line, true);
    assert.deepEqual(entries[0].liveValue, [{ target: 'AllUsers', targetType: 'user' }]);
  });

  it('the export is complete: a property missing from the file but set live is drift, on the enclosing key', () => {
    const text = exported(['"isCompliantDeviceAccepted": true,\n', '']);
    const entries = driftOfDocument('partner', text, live, FILE);
    assert.deepEqual(
      entries.map((e) => [e.message, e.fileValue, covered(text, e)]),
      [
        [
          'inbound trust › compliant devices: file says nothing, tenant has true',
          undefined,
          '"inboundTrust"',
        ],
      ],
    );
  });

  it('a missing top-level property marks the opening brace; a partner setting null on one side reads as inherited', () => {
    const text = exported(['  "isServiceProvider": false,\n', '']);
    const entries = driftOfDocument('partner', text, live, FILE);
    assert.deepEqual(
      entries.map((e) => [e.label, e.range]),
      [
        [
          'cloud service provider',
          { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        ],
      ],
    );
    const inherited = driftOfDocument(
      'partner',
      exported([
        '"tenantRestrictions": null',
        '"tenantRestrictions": {"devices": {"mode": "allowed", "rule": "x"}}',
      ]),
      live,
      FILE,
    );
    assert.deepEqual(
      inherited.map((e) => e.message),
      [
        'tenant restrictions: file says {"devices":{"mode":"allowed","rule":"x"}}, tenant has inherited (null)',
      ],
    );
  });

  it('absent in the file and null live is no drift', () => {
    assert.deepEqual(
      driftOfDocument(
        'partner',
        exported(['  "tenantRestrictions": null\n', '  "zzz": null\n']),
        live,
        FILE,
      ),
      [],
    );
  });

  it('refuses a file that is not a JSON object', () => {
    assert.throws(
      () => driftOfDocument('partner', '{ "isServiceProvider": ', live, FILE),
      (err: unknown) => err instanceof DriftReadError && err.message.startsWith(`${FILE}:1:`),
    );
    assert.throws(() => driftOfDocument('partner', '[]', live, FILE), DriftReadError);
  });
});

describe('driftOfTenantFolder', () => {
  const policy = { id: 'p', displayName: 'CrossTenantAccessPolicy', allowedCloudEndpoints: [] };
  const defaults = {
    id: 'd',
    isServiceDefault: true,
    inboundTrust: {
      isMfaAccepted: false,
      isCompliantDeviceAccepted: false,
      isHybridAzureADJoinedDeviceAccepted: false,
    },
  };
  const sync = {
    tenantId: PARTNER,
    displayName: 'Fabrikam Retail',
    userSyncInbound: { isSyncAllowed: true },
  };
  const folder = 'exports/contoso.onmicrosoft.com';
  const files = [
    {
      file: `${folder}/policy.xta-policy.json`,
      identity: { kind: 'policy' as const, tenant: 'contoso.onmicrosoft.com' },
      text: toCanonicalText('policy', policy),
    },
    {
      file: `${folder}/default.xta-default.json`,
      identity: { kind: 'default' as const, tenant: 'contoso.onmicrosoft.com' },
      text: toCanonicalText('default', defaults),
    },
    {
      file: `${folder}/partners/${PARTNER}.xta-partner.json`,
      identity: {
        kind: 'partner' as const,
        tenant: 'contoso.onmicrosoft.com',
        partnerTenantId: PARTNER,
      },
      text: toCanonicalText('partner', live),
    },
    {
      file: `${folder}/partners/${PARTNER}.xta-identitysync.json`,
      identity: {
        kind: 'identitySync' as const,
        tenant: 'contoso.onmicrosoft.com',
        partnerTenantId: PARTNER,
      },
      text: toCanonicalText('identitySync', sync),
    },
  ];

  it('a folder exported from the tenant has no drift', () => {
    assert.deepEqual(
      driftOfTenantFolder(
        files,
        { policy, defaults, partners: [{ ...live, identitySynchronization: sync }] },
        folder,
      ),
      [],
    );
  });

  it('reports documents on one side only, and drift inside the others', () => {
    const partners: Partner[] = [
      { ...live, identitySynchronization: null },
      {
        tenantId: OTHER,
        identitySynchronization: {
          tenantId: OTHER,
          displayName: 'Northwind',
          userSyncInbound: { isSyncAllowed: false },
        },
      },
    ];
    const entries = driftOfTenantFolder(
      files,
      { policy: { ...policy, displayName: 'Renamed' }, defaults, partners },
      folder,
    );
    assert.deepEqual(
      entries.map((e) => [e.file, e.message]),
      [
        [
          `${folder}/policy.xta-policy.json`,
          'display name: file says "CrossTenantAccessPolicy", tenant has "Renamed"',
        ],
        [
          `${folder}/partners/${PARTNER}.xta-identitysync.json`,
          `Partner identity synchronization ${PARTNER} is in the folder but not in the tenant`,
        ],
        [
          `${folder}/partners/${OTHER}.xta-partner.json`,
          `Partner configuration ${OTHER} is in the tenant but has no file`,
        ],
        [
          `${folder}/partners/${OTHER}.xta-identitysync.json`,
          `Partner identity synchronization ${OTHER} is in the tenant but has no file`,
        ],
      ],
    );
    assert.equal(entries[2].range, undefined);
  });
});
