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
  const T = 'Contoso Group';
  const q = (extra = ''): string => `tenant=${TENANT}${extra}`;
  const cases: ReadonlyArray<[DocumentIdentity, string, string]> = [
    [{ kind: 'policy', tenantId: TENANT }, `/${T}/${T} › policy.xta-policy.json`, q()],
    [{ kind: 'default', tenantId: TENANT }, `/${T}/${T} › default.xta-default.json`, q()],
    [
      { kind: 'partner', tenantId: TENANT, partnerTenantId: PARTNER, label: 'Tailspin Toys' },
      `/${T}/partners/${T} › Tailspin Toys.xta-partner.json`,
      q(`&partner=${PARTNER}`),
    ],
    [
      { kind: 'identitySync', tenantId: TENANT, partnerTenantId: PARTNER, label: 'Fabrikam Ltd' },
      `/${T}/partners/${T} › Fabrikam Ltd.xta-identitysync.json`,
      q(`&partner=${PARTNER}`),
    ],
    [
      { kind: 'syncSchema', tenantId: TENANT, servicePrincipalId: SP, jobId: JOB },
      `/${T}/sync/${T} › schema.xta-syncschema.json`,
      q(`&servicePrincipal=${SP}&job=${JOB}`),
    ],
  ];

  for (const [identity, path, query] of cases) {
    it(`${identity.kind}: ${path}?${query}`, () => {
      assert.deepEqual(toUri(identity, T), { path, query });
      assert.deepEqual(fromUri({ path, query }), identity);
      assert.equal(kindOfFileName(path)?.id, identity.kind);
    });
  }

  it("names both tenants in the file name, so two tenants' entries for one partner differ in the tab", () => {
    const contoso = { kind: 'partner', partnerTenantId: TENANT, label: 'Contoso Group' } as const;
    const inFabrikam = toUri({ ...contoso, tenantId: PARTNER }, 'Fabrikam Retail');
    const inTailspin = toUri({ ...contoso, tenantId: SP }, 'Tailspin Toys');
    const tab = (path: string): string | undefined => path.split('/').pop();
    assert.equal(tab(inFabrikam.path), 'Fabrikam Retail › Contoso Group.xta-partner.json');
    assert.equal(tab(inTailspin.path), 'Tailspin Toys › Contoso Group.xta-partner.json');
    assert.doesNotMatch(inFabrikam.path + inTailspin.path, /[0-9a-f]{8}-/);
  });

  it('keys documents by ids: the names in the path are not read back as identity', () => {
    const renamed = fromUri({
      path: '/Contoso Ltd/partners/Contoso Ltd › Tailspin.xta-partner.json',
      query: `partner=${PARTNER.toUpperCase()}&tenant=${TENANT.toUpperCase()}`,
    });
    assert.deepEqual(renamed, {
      kind: 'partner',
      tenantId: TENANT,
      partnerTenantId: PARTNER,
      label: 'Tailspin',
    });
  });

  it('writes GUIDs in lower case, so one object has one key', () => {
    const upper = {
      kind: 'partner',
      tenantId: TENANT.toUpperCase(),
      partnerTenantId: PARTNER.toUpperCase(),
      label: 'x',
    } as const;
    assert.equal(toUri(upper, T).query, `tenant=${TENANT}&partner=${PARTNER}`);
  });

  it('still reads the id paths of earlier versions, so saved drafts keep their object', () => {
    const legacy: ReadonlyArray<[string, DocumentIdentity]> = [
      [`/${TENANT}/policy/policy.xta-policy.json`, { kind: 'policy', tenantId: TENANT }],
      [`/${TENANT}/default/default.xta-default.json`, { kind: 'default', tenantId: TENANT }],
      [
        `/${TENANT.toUpperCase()}/partners/${PARTNER}/fabrikam.com.xta-partner.json`,
        { kind: 'partner', tenantId: TENANT, partnerTenantId: PARTNER, label: 'fabrikam.com' },
      ],
      [
        `/${TENANT}/partners/${PARTNER}/identitySynchronization/F.xta-identitysync.json`,
        { kind: 'identitySync', tenantId: TENANT, partnerTenantId: PARTNER, label: 'F' },
      ],
      [
        `/${TENANT}/sync/${SP}/${JOB}/schema.xta-syncschema.json`,
        { kind: 'syncSchema', tenantId: TENANT, servicePrincipalId: SP, jobId: JOB },
      ],
    ];
    for (const [path, identity] of legacy) assert.deepEqual(fromUri({ path, query: '' }), identity);
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
        // The tenant's name comes from Graph too: it is made safe the same way.
        const location = toUri(identity, raw);
        assert.equal(location.path.split('/').length, 4, 'each name stays one path segment');
        assert.equal(
          location.path,
          `/${expected}/partners/${expected} › ${expected}.xta-partner.json`,
        );
        const back = fromUri(location);
        assert.deepEqual(back, { ...identity, label: expected });
        assert.deepEqual(toUri(back, raw), location);
      });
    }
  });

  it('rejects locations that are not ours', () => {
    const p = `&partner=${PARTNER}`;
    const locations: ReadonlyArray<[string, string]> = [
      [`relative/${T} › policy.xta-policy.json`, q()],
      [`/${T}/${T} › policy.xta-policy.json`, 'tenant=not-a-guid'],
      [`/${T}/${T} › other.xta-policy.json`, q()],
      [`/${T}/Other › policy.xta-policy.json`, q()],
      [`/${T}/${T} › policy.xta-default.json`, q()],
      [`/${T}/policy/${T} › policy.xta-policy.json`, q()],
      [`/${T}/partners/${T} › x.xta-partner.json`, q()],
      [`/${T}/partners/${T} › x.xta-partner.json`, q('&partner=fabrikam')],
      [`/${T}/partners/${T} › .xta-partner.json`, q(p)],
      [`/${T}/partners/extra/${T} › x.xta-partner.json`, q(p)],
      [`/${T}/sync/${T} › schema.xta-syncschema.json`, q(`&servicePrincipal=${SP}`)],
      [`/${T}/sync/${T} › other.xta-syncschema.json`, q(`&servicePrincipal=${SP}&job=${JOB}`)],
      [`/${T}/partners/${T} › x.json`, q(p)],
      [`//${T} › policy.xta-policy.json`, q()],
    ];
    for (const [path, query] of locations)
      assert.equal(fromUri({ path, query }), undefined, `${path}?${query}`);
  });

  it('refuses to build a location from ids that would break it', () => {
    assert.throws(
      () => toUri({ kind: 'default', tenantId: 'contoso.com' }, T),
      /tenantId must be a GUID/,
    );
    assert.throws(
      () => toUri({ kind: 'partner', tenantId: TENANT, partnerTenantId: '../x', label: 'x' }, T),
      /partnerTenantId must be a GUID/,
    );
    assert.throws(
      () =>
        toUri({ kind: 'syncSchema', tenantId: TENANT, servicePrincipalId: SP, jobId: 'a/b' }, T),
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
