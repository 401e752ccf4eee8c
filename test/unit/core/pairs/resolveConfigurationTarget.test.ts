import assert from 'node:assert/strict';
import {
  resolveConfigurationTarget,
  type ResolvedTarget,
  type TargetCandidate,
} from '../../../../src/core/pairs/resolveConfigurationTarget';
import { tenantSide } from '../../../../src/core/pairs/tenantSide';
import type { ServicePrincipal } from '../../../../src/core/graph/types';
import { overviewOf, SERVICE_DEFAULT } from './support';

const SOURCE = '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24';
const FABRIKAM = '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58';
const TAILSPIN = '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3';
const ADVENTURE = 'a1c3e5f7-0b2d-4f6a-8c9e-1d3f5b7a9c0e';
const ADVENTURE_WORKS_2 = 'b2d4f6a8-1c3e-4a7b-9d0f-2e4a6c8b0d1f';

const fabrikam: TargetCandidate = {
  tenantId: FABRIKAM,
  displayName: 'Fabrikam Retail',
  defaultDomainName: 'fabrikamretail.onmicrosoft.com',
};
const tailspin: TargetCandidate = {
  tenantId: TAILSPIN,
  displayName: 'Tailspin Toys',
  defaultDomainName: 'tailspintoys.onmicrosoft.com',
};
const source: TargetCandidate = {
  tenantId: SOURCE,
  displayName: 'Contoso Group',
  defaultDomainName: 'contoso.onmicrosoft.com',
};

describe('resolveConfigurationTarget', () => {
  const cases: {
    name: string;
    config: string;
    partners: TargetCandidate[];
    signedIn: TargetCandidate[];
    expect: ResolvedTarget | undefined;
  }[] = [
    {
      name: "the target's name, as the walkthrough instantiates it",
      config: 'Fabrikam Retail',
      partners: [fabrikam, tailspin],
      signedIn: [],
      expect: { tenantId: FABRIKAM, match: 'exact' },
    },
    {
      name: 'case, accents and punctuation do not matter',
      config: 'FABRIKAM-retail',
      partners: [fabrikam],
      signedIn: [],
      expect: { tenantId: FABRIKAM, match: 'exact' },
    },
    {
      name: 'the default domain label',
      config: 'tailspintoys',
      partners: [fabrikam, tailspin],
      signedIn: [],
      expect: { tenantId: TAILSPIN, match: 'exact' },
    },
    {
      name: 'a shorter name',
      config: 'Fabrikam',
      partners: [fabrikam, tailspin],
      signedIn: [],
      expect: { tenantId: FABRIKAM, match: 'partial' },
    },
    {
      name: 'a longer name',
      config: 'Sync to Tailspin Toys (prod)',
      partners: [fabrikam, tailspin],
      signedIn: [],
      expect: { tenantId: TAILSPIN, match: 'partial' },
    },
    {
      name: 'a signed-in tenant that is not a partner (yet)',
      config: 'Tailspin Toys',
      partners: [],
      signedIn: [source, tailspin],
      expect: { tenantId: TAILSPIN, match: 'exact' },
    },
    {
      name: 'a partner without a name, known from the signed-in tenants',
      config: 'Fabrikam Retail',
      partners: [{ tenantId: FABRIKAM.toUpperCase() }],
      signedIn: [fabrikam],
      expect: { tenantId: FABRIKAM, match: 'exact' },
    },
    {
      name: 'never the source itself',
      config: 'Contoso Group',
      partners: [fabrikam],
      signedIn: [source],
      expect: undefined,
    },
    {
      name: 'no match',
      config: 'Woodgrove',
      partners: [fabrikam, tailspin],
      signedIn: [],
      expect: undefined,
    },
    { name: 'an empty name', config: '  ', partners: [fabrikam], signedIn: [], expect: undefined },
    {
      name: 'two tenants of one name: the partner wins',
      config: 'Adventure Works',
      partners: [{ tenantId: ADVENTURE, displayName: 'Adventure Works' }],
      signedIn: [{ tenantId: ADVENTURE_WORKS_2, displayName: 'Adventure Works' }],
      expect: { tenantId: ADVENTURE, match: 'exact' },
    },
    {
      name: 'two partners of one name: no answer rather than a wrong one',
      config: 'Adventure Works',
      partners: [
        { tenantId: ADVENTURE, displayName: 'Adventure Works' },
        { tenantId: ADVENTURE_WORKS_2, displayName: 'Adventure Works' },
      ],
      signedIn: [],
      expect: undefined,
    },
    {
      name: 'a partial match shared by two partners: no answer',
      config: 'Adventure',
      partners: [
        { tenantId: ADVENTURE, displayName: 'Adventure Works' },
        { tenantId: ADVENTURE_WORKS_2, displayName: 'Adventure Works Cycles' },
      ],
      signedIn: [],
      expect: undefined,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(
        resolveConfigurationTarget(c.config, {
          sourceTenantId: SOURCE,
          partners: c.partners,
          signedInTenants: c.signedIn,
        }),
        c.expect,
      );
    });
  }
});

describe('tenantSide', () => {
  it('keeps a known target, resolves the others by name, and keeps only user and group assignments', () => {
    const sp = (id: string, displayName: string): ServicePrincipal => ({ id, displayName });
    const overview = overviewOf(SOURCE, SERVICE_DEFAULT, [{ tenantId: FABRIKAM }], {
      [FABRIKAM]: 'Fabrikam Retail',
    });
    const side = tenantSide({
      tenantId: SOURCE.toUpperCase(),
      displayName: 'Contoso Group',
      cloud: 'global',
      signedIn: true,
      policy: { allowedCloudEndpoints: ['microsoftonline.us'] },
      overview,
      signedInTenants: [tailspin],
      syncConfigurations: [
        {
          servicePrincipal: sp('s1', 'Fabrikam Retail'),
          jobs: [],
          assignments: [
            { principalId: 'g1', principalType: 'Group' },
            { principalId: 'p1', principalType: 'ServicePrincipal' },
          ],
        },
        { servicePrincipal: sp('s2', 'Tailspin'), jobs: [] },
        {
          servicePrincipal: sp('s3', 'Renamed later'),
          jobs: [],
          targetTenantId: TAILSPIN.toUpperCase(),
        },
        { servicePrincipal: sp('s4', 'Unknown'), jobs: [] },
      ],
    });
    assert.equal(side.tenantId, SOURCE);
    assert.deepEqual(side.allowedCloudEndpoints, ['microsoftonline.us']);
    assert.deepEqual(
      side.syncConfigurations?.map((c) => [c.servicePrincipalId, c.targetTenantId]),
      [
        ['s1', FABRIKAM],
        ['s2', TAILSPIN],
        ['s3', TAILSPIN],
        ['s4', undefined],
      ],
    );
    assert.deepEqual(side.syncConfigurations?.[0].assignments, [
      { principalId: 'g1', principalType: 'Group' },
    ]);
    assert.equal(side.syncConfigurations?.[1].assignments, undefined);
  });

  it('takes the target from the saved CompanyId over the name; where the settings could not be read, from the name, saying so', () => {
    const sp = (id: string, displayName: string): ServicePrincipal => ({ id, displayName });
    const overview = overviewOf(SOURCE, SERVICE_DEFAULT, [{ tenantId: FABRIKAM }], {
      [FABRIKAM]: 'Fabrikam Retail',
    });
    const side = tenantSide({
      tenantId: SOURCE,
      cloud: 'global',
      signedIn: true,
      overview,
      signedInTenants: [tailspin],
      syncConfigurations: [
        {
          // Named after Fabrikam, but its credentials say Tailspin: the credentials win.
          servicePrincipal: sp('s1', 'Fabrikam Retail'),
          jobs: [],
          settings: { readable: true, companyId: TAILSPIN },
        },
        {
          servicePrincipal: sp('s2', 'Fabrikam Retail'),
          jobs: [],
          settings: { readable: false, reason: 'Graph answered 403 Authorization_RequestDenied' },
        },
        { servicePrincipal: sp('s3', 'Fabrikam Retail'), jobs: [], settings: { readable: true } },
        {
          servicePrincipal: sp('s4', 'Anything'),
          jobs: [],
          targetTenantId: FABRIKAM,
          settings: { readable: true, companyId: TAILSPIN },
        },
      ],
    });
    assert.deepEqual(
      side.syncConfigurations?.map((c) => [
        c.servicePrincipalId,
        c.targetTenantId,
        c.targetFrom,
        c.settingsUnreadable,
      ]),
      [
        ['s1', TAILSPIN, 'credentials', undefined],
        ['s2', FABRIKAM, 'name', 'Graph answered 403 Authorization_RequestDenied'],
        ['s3', FABRIKAM, 'name', undefined],
        ['s4', FABRIKAM, 'caller', undefined],
      ],
    );
  });
});
