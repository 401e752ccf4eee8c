import * as vscode from 'vscode';
import { loadPartnerOverview, type PartnerOverview } from '../../core/graph/partnerOverview';
import { findSyncConfigurations } from '../../core/graph/operations/syncConfigurations';
import { listSyncJobs } from '../../core/graph/operations/syncJobs';
import { getPolicy } from '../../core/graph/operations/policy';
import type { CrossTenantAccessPolicy, ServicePrincipal, SyncJob } from '../../core/graph/types';
import { tenantKey, type TenantRecord } from '../../core/tenants/tenantRecord';
import type { TenantConnections } from './tenantConnections';

export interface AccessData {
  readonly policy: CrossTenantAccessPolicy;
  readonly overview: PartnerOverview;
}

export interface SyncConfiguration {
  readonly servicePrincipal: ServicePrincipal;
  readonly jobs: readonly SyncJob[];
}

export type DataPart = 'access' | 'sync';

/**
 * What the tree shows of each tenant, loaded on first expansion and kept until a refresh. Concurrent
 * callers share one load; a refresh aborts a load in flight so its late answer cannot overwrite
 * newer data.
 */
export class TenantData implements vscode.Disposable {
  private readonly cache = new Map<string, { promise: Promise<unknown>; abort: AbortController }>();
  private readonly invalidated = new vscode.EventEmitter<void>();
  /** Cached data was dropped (a refresh, a push, a sync action): views built on it should reload. */
  readonly onDidInvalidate = this.invalidated.event;

  constructor(private readonly connections: TenantConnections) {}

  /** The base policy and the partner overview: 3 + ceil(N/20) Graph requests for N partners (+ extra partner pages). */
  access(record: TenantRecord): Promise<AccessData> {
    return this.load(record, 'access', async (signal) => {
      const client = this.connections.client(record);
      const [policy, overview] = await Promise.all([
        getPolicy(client, { signal }),
        loadPartnerOverview(client, { signal }),
      ]);
      return { policy, overview };
    });
  }

  /** Cross-tenant sync configurations (service principals from the template) with their jobs. */
  sync(record: TenantRecord): Promise<SyncConfiguration[]> {
    return this.load(record, 'sync', async (signal) => {
      const client = this.connections.client(record);
      const sps = await findSyncConfigurations(client, { signal });
      return Promise.all(
        sps.map(async (sp) => ({
          servicePrincipal: sp,
          jobs: await listSyncJobs(client, sp.id!, { signal }),
        })),
      );
    });
  }

  /** Forgets cached data of one tenant (one part, or all), aborting loads in flight. */
  invalidate(record: TenantRecord, part?: DataPart): void {
    for (const p of part ? [part] : (['access', 'sync'] as const)) {
      const k = `${tenantKey(record)}#${p}`;
      this.cache.get(k)?.abort.abort();
      this.cache.delete(k);
    }
    this.invalidated.fire();
  }

  /** Drops the sync data of every tenant that has it loaded (its jobs are on screen), so statuses are read again. */
  invalidateLoadedSync(): number {
    let n = 0;
    for (const [k, e] of [...this.cache]) {
      if (!k.endsWith('#sync')) continue;
      e.abort.abort();
      this.cache.delete(k);
      n++;
    }
    return n;
  }

  clear(): void {
    for (const e of this.cache.values()) e.abort.abort();
    this.cache.clear();
    this.invalidated.fire();
  }

  dispose(): void {
    this.clear();
    this.invalidated.dispose();
  }

  private load<T>(
    record: TenantRecord,
    part: DataPart,
    fn: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const k = `${tenantKey(record)}#${part}`;
    const hit = this.cache.get(k);
    if (hit) return hit.promise as Promise<T>;
    const abort = new AbortController();
    const promise = fn(abort.signal);
    this.cache.set(k, { promise, abort });
    // A failed load is not cached: the error node's retry loads again.
    promise.catch(() => {
      if (this.cache.get(k)?.promise === promise) this.cache.delete(k);
    });
    return promise;
  }
}
