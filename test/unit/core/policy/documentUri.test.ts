import assert from 'node:assert/strict';
import { kindOfFileName } from '../../../../src/core/policy/documentKinds';
import {
  fromUri,
  fromWorkspacePath,
  sanitizeLabel,
  toUri,
  toWorkspacePath,
  type DocumentIdentity,
  type WorkspaceFileIdentity,
} from '../../../../src/core/policy/documentUri';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER = '3d0f5dec-5d3d-455c-8016-e2af1ae4d31a';
const SP = 'c8c95753-f628-48e1-9fab-76c2d4cf624c';
const JOB = 'Azure2Azure.9a3e0b7c2f104e6a8d55c1b2e3f4ad41.0c7b5e2a-64d3-4f0e-9a11-7d2c8e5b3f90';

describe('document URIs', () => {
  const cases: ReadonlyArray<[DocumentIdentity, string]> = [
    [{ kind: 'policy', tenantId: TENANT }, `/${TENANT}/policy/policy.xta-policy.json`],
    [{ kind: 'default', tenantId: TENANT }, `/${TENANT}/default/default.xta-default.json`],
    [
      { kind: 'partner', tenantId: TENANT, partnerTenantId: PARTNER, label: 'fabrikam.com' },
      `/${TENANT}/partners/${PARTNER}/fabrikam.com.xta-partner.json`,
    ],
    [
      { kind: 'identitySync', tenantId: TENANT, partnerTenantId: PARTNER, label: 'Fabrikam Ltd' },
      `/${TENANT}/partners/${PARTNER}/identitySynchronization/Fabrikam Ltd.xta-identitysync.json`,
    ],
    [
      { kind: 'syncSchema', tenantId: TENANT, servicePrincipalId: SP, jobId: JOB },
      `/${TENANT}/sync/${SP}/${JOB}/schema.xta-syncschema.json`,
    ],
  ];

  for (const [identity, path] of cases) {
    it(`${identity.kind}: ${path}`, () => {
      assert.equal(toUri(identity), path);
      assert.deepEqual(fromUri(path), identity);
      assert.equal(kindOfFileName(path)?.id, identity.kind);
    });
  }

  it('writes GUIDs in lower case, so one object has one path', () => {
    const upper = {
      kind: 'partner',
      tenantId: TENANT.toUpperCase(),
      partnerTenantId: PARTNER.toUpperCase(),
      label: 'x',
    } as const;
    assert.equal(toUri(upper), `/${TENANT}/partners/${PARTNER}/x.xta-partner.json`);
    assert.deepEqual(
      fromUri(`/${TENANT.toUpperCase()}/partners/${PARTNER.toUpperCase()}/x.xta-partner.json`),
      { ...upper, tenantId: TENANT, partnerTenantId: PARTNER },
    );
  });

  describe('labels', () => {
    const labels: ReadonlyArray<[string, string]> = [
      ['contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'],
      ['Contoso / Fabrikam', 'Contoso - Fabrikam'],
      ['a\\b:c*d?e"f<g>h|i#j%k', 'a-b-c-d-e-f-g-h-i-j-k'],
      ['  ..hidden..  ', 'hidden'],
      ['tab\there\nnewline', 'tab here newline'],
      ['\u0000\u0007', 'partner'],
      ['', 'partner'],
      ['CON', 'CON-'],
      // Issue 14, defect 13.
      ['con.txt', 'con-.txt'],
      ['Fabrikam \u202Etxt.exe', 'Fabrikam txt.exe'],
      ['Ünïcødé 🚀 GmbH', 'Ünïcødé 🚀 GmbH'],
      ['e\u0301', '\u00e9'],
      ['x'.repeat(100), 'x'.repeat(64)],
      // 64 of them would be 256 bytes: the label and its suffix stay within 255.
      ['🚀'.repeat(70), '🚀'.repeat(58)],
      ['evil.xta-partner.json', 'evil.xta-partner.json'],
    ];
    for (const [raw, expected] of labels) {
      it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
        assert.equal(sanitizeLabel(raw), expected);
        assert.equal(sanitizeLabel(expected), expected, 'sanitising is idempotent');
        const identity = {
          kind: 'partner',
          tenantId: TENANT,
          partnerTenantId: PARTNER,
          label: raw,
        } as const;
        const path = toUri(identity);
        assert.equal(path.split('/').length, 5, 'the label stays one path segment');
        const back = fromUri(path);
        assert.deepEqual(back, { ...identity, label: expected });
        assert.equal(toUri(back), path);
      });
    }
  });

  it('rejects paths that are not ours', () => {
    const paths = [
      'relative/policy/policy.xta-policy.json',
      `/not-a-guid/policy/policy.xta-policy.json`,
      `/${TENANT}/policy/other.xta-policy.json`,
      `/${TENANT}/default/policy.xta-policy.json`,
      `/${TENANT}/partners/fabrikam/fabrikam.xta-partner.json`,
      `/${TENANT}/partners/${PARTNER}/.xta-partner.json`,
      `/${TENANT}/partners/${PARTNER}/extra/x.xta-partner.json`,
      `/${TENANT}/partners/${PARTNER}/sync/x.xta-identitysync.json`,
      `/${TENANT}/sync/${SP}/${JOB}/other.xta-syncschema.json`,
      `/${TENANT}/sync/${SP}//schema.xta-syncschema.json`,
      `/${TENANT}/partners/${PARTNER}/x.json`,
    ];
    for (const path of paths) assert.equal(fromUri(path), undefined, path);
  });

  it('refuses to build a path from ids that would break it', () => {
    assert.throws(
      () => toUri({ kind: 'default', tenantId: 'contoso.com' }),
      /tenantId must be a GUID/,
    );
    assert.throws(
      () => toUri({ kind: 'partner', tenantId: TENANT, partnerTenantId: '../x', label: 'x' }),
      /partnerTenantId must be a GUID/,
    );
    assert.throws(
      () => toUri({ kind: 'syncSchema', tenantId: TENANT, servicePrincipalId: SP, jobId: 'a/b' }),
      /jobId must be a non-empty path segment/,
    );
  });
});

describe('workspace export paths', () => {
  const cases: ReadonlyArray<[WorkspaceFileIdentity, string]> = [
    [{ kind: 'policy', tenant: TENANT }, `${TENANT}/policy.xta-policy.json`],
    [
      { kind: 'default', tenant: 'contoso.onmicrosoft.com' },
      'contoso.onmicrosoft.com/default.xta-default.json',
    ],
    [
      { kind: 'partner', tenant: 'contoso.com', partnerTenantId: PARTNER },
      `contoso.com/partners/${PARTNER}.xta-partner.json`,
    ],
    [
      { kind: 'identitySync', tenant: TENANT, partnerTenantId: PARTNER },
      `${TENANT}/partners/${PARTNER}.xta-identitysync.json`,
    ],
  ];
  for (const [identity, path] of cases) {
    it(`${identity.kind}: ${path}`, () => {
      assert.equal(toWorkspacePath(identity), path);
      assert.deepEqual(fromWorkspacePath(path), identity);
    });
  }

  it('ignores folders above the tenant folder, accepts backslashes and normalises case', () => {
    assert.deepEqual(
      fromWorkspacePath(
        `exports\\Contoso.COM\\partners\\${PARTNER.toUpperCase()}.xta-partner.json`,
      ),
      {
        kind: 'partner',
        tenant: 'contoso.com',
        partnerTenantId: PARTNER,
      },
    );
  });

  it('rejects files outside the layout', () => {
    const paths = [
      `partners/${PARTNER}.xta-partner.json`,
      `contoso.com/${PARTNER}.xta-partner.json`,
      'contoso.com/partners/fabrikam.xta-partner.json',
      'not a domain/default.xta-default.json',
      'contoso.com/settings.xta-default.json',
      `contoso.com/sync/schema.xta-syncschema.json`,
      'contoso.com/partners/readme.md',
    ];
    for (const path of paths) assert.equal(fromWorkspacePath(path), undefined, path);
  });

  it('refuses a tenant folder that is neither an id nor a domain', () => {
    assert.throws(
      () => toWorkspacePath({ kind: 'default', tenant: '../etc' }),
      /tenant id or a domain name/,
    );
  });
});
