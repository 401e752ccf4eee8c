import type { GraphClient } from '../../core/graph/graphClient';
import {
  loadAccessData,
  loadSyncData,
  type AccessData,
  type SyncConfiguration,
} from '../../core/graph/tenantTreeData';
import {
  dataPartsOf,
  type TenantChange,
  type TenantDataPart,
} from '../../core/tenants/tenantChange';
import type { TenantRecord } from '../../core/tenants/tenantRecord';
import { reportsLimiter } from '../../core/reports/reportsLimiter';
import type { RateLimiter } from '../../core/sync/rateLimiter';

interface Load {
  readonly promise: Promise<unknown>;
  readonly abort: AbortController;
}

/**
 * One tenant as the extension holds it: its Graph client, the data the views show (loaded on
 * first use and kept until something changes it), and the one path for every write. A write names
 * its change; whatever the write's outcome, the data it touches is dropped and the change is
 * announced, so a view never shows what a half-done write left behind and nobody has to remember
 * to refresh. Concurrent readers share one load; dropping data aborts a load in flight so its late
 * answer cannot overwrite newer data.
 */
export class TenantService {
  private readonly loads = new Map<TenantDataPart, Load>();
  /** Every identity-report read of this tenant (sign-ins, audits, provisioning logs) waits for it. */
  readonly reportsLimiter: RateLimiter = reportsLimiter();

  constructor(
    readonly tenant: TenantRecord,
    private readonly clientOf: (record: TenantRecord) => GraphClient,
    private readonly announce: (change: TenantChange) => void,
  ) {}

  /** The tenant's Graph client, for reads (writes go through `write`). */
  get client(): GraphClient {
    return this.clientOf(this.tenant);
  }

  /** The base policy and the partner overview (loadAccessData). */
  access(): Promise<AccessData> {
    return this.load('access', (signal) => loadAccessData(this.client, { signal }));
  }

  /** Cross-tenant sync configurations with their jobs (loadSyncData). */
  sync(): Promise<SyncConfiguration[]> {
    return this.load('sync', (signal) => loadSyncData(this.client, { signal }));
  }

  /** Whether this part is loaded or loading (its nodes are on screen). */
  has(part: TenantDataPart): boolean {
    return this.loads.has(part);
  }

  /**
   * Runs a write against the tenant and announces `change`, also when the write failed: a failure
   * after a first request (a partner deleted, its identity sync not) has still changed the tenant.
   */
  async write<T>(change: TenantChange, run: (client: GraphClient) => Promise<T>): Promise<T> {
    try {
      return await run(this.client);
    } finally {
      this.changed(change);
    }
  }

  /** Drops what `change` touches and announces it (a change made elsewhere: another window, a refresh). */
  changed(change: TenantChange): void {
    for (const part of dataPartsOf(change)) this.drop(part);
    this.announce(change);
  }

  /** Drops every load without announcing anything (the registry announces once for all). */
  dropAll(): void {
    for (const part of [...this.loads.keys()]) this.drop(part);
  }

  private drop(part: TenantDataPart): void {
    this.loads.get(part)?.abort.abort();
    this.loads.delete(part);
  }

  private load<T>(part: TenantDataPart, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const hit = this.loads.get(part);
    if (hit) return hit.promise as Promise<T>;
    const abort = new AbortController();
    const promise = fn(abort.signal);
    this.loads.set(part, { promise, abort });
    // A failed load is not kept: the error node's retry loads again.
    promise.catch(() => {
      if (this.loads.get(part)?.promise === promise) this.loads.delete(part);
    });
    return promise;
  }
}
