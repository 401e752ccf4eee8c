import type { StoreSection, TenantSnapshot, TenantStore } from './tenantStore';

/**
 * What the sandbox persists: the seed and anchor time the bulk data is regenerated from, plus the
 * sections of each tenant that changed since (replaced wholesale on load). Small by design.
 */
export interface SandboxState {
  readonly version: 1;
  readonly seed: number;
  /** ISO time the seeded history ends at. */
  readonly anchor: string;
  /** How many benchmark tenants addPartners() created; they are regenerated from the seed. */
  readonly benchmarkTenants: number;
  readonly tenants: Readonly<Record<string, TenantSnapshot>>;
}

/** All sandbox tenants, indexed by id and by every verified domain, with change tracking for persistence. */
export class World {
  private readonly byId = new Map<string, TenantStore>();
  private readonly byDomain = new Map<string, TenantStore>();
  /** Benchmark tenants added so far (see seed/benchmarkTenant.ts). */
  benchmarkTenants = 0;
  private readonly dirty = new Map<string, Set<StoreSection>>();
  /** Bumped on every change; caches of derived views compare against it. */
  revision = 0;

  constructor(
    readonly seed: number,
    readonly anchorMs: number,
  ) {}

  add(store: TenantStore, options: { benchmark: boolean }): void {
    this.byId.set(store.tenantId.toLowerCase(), store);
    for (const domain of [store.info.defaultDomainName, ...store.info.customDomains])
      this.byDomain.set(domain.toLowerCase(), store);
    if (options.benchmark) this.benchmarkTenants++;
  }

  get(tenantId: string): TenantStore | undefined {
    return this.byId.get(tenantId.toLowerCase());
  }

  /** By tenant id or any verified domain name. */
  find(idOrDomain: string): TenantStore | undefined {
    return this.get(idOrDomain) ?? this.byDomain.get(idOrDomain.toLowerCase());
  }

  byDomainName(domain: string): TenantStore | undefined {
    return this.byDomain.get(domain.toLowerCase());
  }

  all(): TenantStore[] {
    return [...this.byId.values()];
  }

  markDirty(tenantId: string, section: StoreSection): void {
    const key = tenantId.toLowerCase();
    let sections = this.dirty.get(key);
    if (!sections) this.dirty.set(key, (sections = new Set()));
    sections.add(section);
    this.revision++;
  }

  exportState(): SandboxState {
    const tenants: Record<string, TenantSnapshot> = {};
    for (const [tenantId, sections] of this.dirty) {
      const store = this.byId.get(tenantId);
      if (!store) continue;
      let snapshot: TenantSnapshot = {};
      for (const section of sections) snapshot = { ...snapshot, ...store.snapshot(section) };
      tenants[tenantId] = snapshot;
    }
    return {
      version: 1,
      seed: this.seed,
      anchor: new Date(this.anchorMs).toISOString(),
      benchmarkTenants: this.benchmarkTenants,
      tenants,
    };
  }
}
