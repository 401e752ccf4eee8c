import { COMPANY_NAMES } from './names';
import { guidFromName } from './random';
import type { SandboxTenant } from './tenants';

/**
 * The n-th benchmark tenant: a real sandbox tenant (resolvable by id and domain) with a generated
 * name. Derived from the seed and its index alone, so persisted state only needs the count.
 */
export function benchmarkTenant(seed: number, index: number): SandboxTenant {
  const company = COMPANY_NAMES[index % COMPANY_NAMES.length];
  const number = String(index + 1).padStart(4, '0');
  const slug = company.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    tenantId: guidFromName(`benchmark-tenant:${seed}:${index}`),
    displayName: `${company} ${number}`,
    defaultDomainName: `${slug}${number}.onmicrosoft.com`,
    cloud: 'global',
    description: 'Benchmark partner added with addPartners().',
    customDomains: [],
    federationBrandName: null,
    countryLetterCode: 'US',
    city: 'Seattle',
    createdDateTime: '2023-01-01T00:00:00Z',
  };
}
