import type { TenantRecord } from '../tenants/tenantRecord';

/** A tenant a sync configuration might sync to: a partner of the source, or a signed-in tenant. */
export interface TargetCandidate {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly defaultDomainName?: string;
}

/** A tenant of the Tenants view as a candidate target. */
export function targetCandidateOf(
  record: Pick<TenantRecord, 'tenantId' | 'displayName' | 'defaultDomain'>,
): TargetCandidate {
  return {
    tenantId: record.tenantId,
    displayName: record.displayName,
    defaultDomainName: record.defaultDomain,
  };
}

export interface ResolvedTarget {
  readonly tenantId: string;
  /** `exact`: the configuration is named after the tenant (name or domain); `partial`: the names share every word of the shorter one. */
  readonly match: 'exact' | 'partial';
}

export interface ResolveTargetInput {
  /** The tenant the configuration lives in; never its own target. */
  readonly sourceTenantId: string;
  /** The source's partner entries (with names where the lookup worked); preferred when names tie. */
  readonly partners: readonly TargetCandidate[];
  readonly signedInTenants: readonly TargetCandidate[];
}

/** Lower case, accents and punctuation gone: "Fabrikam-Retail, Inc." → "fabrikam retail inc". */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** "fabrikamretail.onmicrosoft.com" → "fabrikamretail", the label admins often name things after. */
function domainLabel(domain: string | undefined): string | undefined {
  const label = domain?.split('.')[0]?.toLowerCase();
  return label ? label : undefined;
}

function containsAll(haystack: readonly string[], needles: readonly string[]): boolean {
  return needles.length > 0 && needles.every((w) => haystack.includes(w));
}

/**
 * Which tenant a cross-tenant sync configuration syncs to, guessed from its name: for when Graph
 * does not return the configuration's saved `CompanyId` (readSyncSettings: the GET of the secrets
 * is not in the v1.0 reference and may be refused). The job id names only the source tenant; the
 * one thing admins reliably do is name the configuration after the target (the portal suggests
 * it, and the walkthrough instantiates the template with the target's name). Candidates are the
 * source's partners and the signed-in tenants; an exact name (or default-domain label) match wins,
 * else a unique partial match (every word of one name in the other: "Fabrikam" ~ "Fabrikam
 * Retail", "Sync to Tailspin Toys" ~ "Tailspin Toys"). Ties prefer partners; a tie that remains is
 * no answer, because a wrong target would check the wrong pair.
 */
export function resolveConfigurationTarget(
  configurationName: string,
  input: ResolveTargetInput,
): ResolvedTarget | undefined {
  const source = input.sourceTenantId.toLowerCase();
  const partnerIds = new Set(input.partners.map((p) => p.tenantId.toLowerCase()));
  const byId = new Map<string, TargetCandidate>();
  for (const c of [...input.partners, ...input.signedInTenants]) {
    const id = c.tenantId.toLowerCase();
    if (id === source) continue;
    const known = byId.get(id);
    byId.set(id, {
      tenantId: id,
      displayName: known?.displayName ?? c.displayName,
      defaultDomainName: known?.defaultDomainName ?? c.defaultDomainName,
    });
  }
  const name = words(configurationName);
  if (name.length === 0) return undefined;
  const compact = name.join('');
  const exact: string[] = [];
  const partial: string[] = [];
  for (const c of byId.values()) {
    const candidate = words(c.displayName ?? '');
    const label = domainLabel(c.defaultDomainName);
    if ((candidate.length > 0 && candidate.join(' ') === name.join(' ')) || label === compact)
      exact.push(c.tenantId);
    else if (
      containsAll(name, candidate) ||
      containsAll(candidate, name) ||
      (label !== undefined && compact.includes(label))
    )
      partial.push(c.tenantId);
  }
  const pick = (ids: string[]): string | undefined => {
    if (ids.length === 1) return ids[0];
    const partners = ids.filter((id) => partnerIds.has(id));
    return partners.length === 1 ? partners[0] : undefined;
  };
  if (exact.length > 0) {
    const id = pick(exact);
    return id === undefined ? undefined : { tenantId: id, match: 'exact' };
  }
  const id = pick(partial);
  return id === undefined ? undefined : { tenantId: id, match: 'partial' };
}
