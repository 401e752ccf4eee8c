/** Clouds as the extension names them; every seeded tenant is in the global cloud (tenant lookups are global-only). */
export type SandboxCloud = 'global' | 'usGovernment' | 'usGovernmentDoD' | 'china';

/** A tenant the sandbox hosts: it can be signed in to, looked up, and configured as a partner. */
export interface SandboxTenant {
  readonly tenantId: string;
  readonly displayName: string;
  /** The initial `*.onmicrosoft.com` domain, which is also the default domain. */
  readonly defaultDomainName: string;
  readonly cloud: SandboxCloud;
  /** What the tenant is for in the demo story. */
  readonly description: string;
  /** Verified custom domains besides the default one; tenant lookup by domain accepts any of them. */
  readonly customDomains: readonly string[];
  readonly federationBrandName: string | null;
  readonly countryLetterCode: string;
  readonly city: string;
  readonly createdDateTime: string;
  /**
   * The tenant's Microsoft Entra ID plan. Sign-in logs through Graph need P1 or P2 (the signIn
   * resource page); a `free` tenant answers `GET /auditLogs/signIns` with the licence error.
   * Absent means P1.
   */
  readonly entraIdPlan?: 'P1' | 'P2' | 'free';
}

export const SANDBOX_TENANT_IDS = {
  contoso: '2f4a9c1e-6b3d-4e8a-9c71-0d5e8b3f6a24',
  fabrikam: '7b1e5d93-4c2a-4f6e-8a0b-9e3d1c7f2b58',
  northwind: 'c93d2a71-5e8f-4b14-a6d0-3f7b9e2c1d85',
  tailspin: '4e8b7f20-1a9c-4d3e-b5f6-72c0a9d8e1b3',
  woodgrove: '9a6c3e15-d2b8-4f47-8e09-1b5f7c4a2d60',
} as const;

export const SANDBOX_TENANTS: readonly SandboxTenant[] = [
  {
    tenantId: SANDBOX_TENANT_IDS.contoso,
    displayName: 'Contoso Group',
    defaultDomainName: 'contoso.onmicrosoft.com',
    cloud: 'global',
    description:
      'Parent company. Syncs users to Fabrikam Retail (healthy) and to Tailspin Toys (quarantined: Tailspin does not auto-redeem inbound); B2B direct connect with Northwind Traders.',
    customDomains: ['contoso.com'],
    federationBrandName: 'Contoso',
    countryLetterCode: 'US',
    city: 'Seattle',
    createdDateTime: '2019-03-11T16:42:07Z',
    entraIdPlan: 'P2',
  },
  {
    tenantId: SANDBOX_TENANT_IDS.fabrikam,
    displayName: 'Fabrikam Retail',
    defaultDomainName: 'fabrikamretail.onmicrosoft.com',
    cloud: 'global',
    description:
      'Subsidiary of Contoso Group. Allows user sync and automatic redemption inbound from Contoso.',
    customDomains: ['fabrikam.com'],
    federationBrandName: null,
    countryLetterCode: 'US',
    city: 'Chicago',
    createdDateTime: '2020-09-02T08:15:44Z',
    entraIdPlan: 'P1',
  },
  {
    tenantId: SANDBOX_TENANT_IDS.northwind,
    displayName: 'Northwind Traders',
    defaultDomainName: 'northwindtraders.onmicrosoft.com',
    cloud: 'global',
    description:
      'Unrelated partner. B2B direct connect (Teams shared channels) with Contoso, configured on both sides. Microsoft Entra ID Free: no sign-in logs through Graph.',
    customDomains: ['northwindtraders.com'],
    federationBrandName: 'Northwind',
    countryLetterCode: 'GB',
    city: 'London',
    createdDateTime: '2018-05-23T12:01:39Z',
    entraIdPlan: 'free',
  },
  {
    tenantId: SANDBOX_TENANT_IDS.tailspin,
    displayName: 'Tailspin Toys',
    defaultDomainName: 'tailspintoys.onmicrosoft.com',
    cloud: 'global',
    description:
      'Acquisition in progress. Allows user sync from Contoso but not automatic redemption inbound, so the pair does not match.',
    customDomains: ['tailspintoys.com'],
    federationBrandName: null,
    countryLetterCode: 'CA',
    city: 'Toronto',
    createdDateTime: '2021-01-18T19:27:52Z',
    entraIdPlan: 'P1',
  },
  {
    tenantId: SANDBOX_TENANT_IDS.woodgrove,
    displayName: 'Woodgrove Bank',
    defaultDomainName: 'woodgrovebank.onmicrosoft.com',
    cloud: 'global',
    description: 'Not configured with anyone yet: a tenant to add as a partner.',
    customDomains: ['woodgrovebank.com'],
    federationBrandName: 'Woodgrove',
    countryLetterCode: 'DE',
    city: 'Frankfurt',
    createdDateTime: '2022-06-30T10:05:11Z',
    entraIdPlan: 'P2',
  },
];
