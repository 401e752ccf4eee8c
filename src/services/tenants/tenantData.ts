import * as vscode from 'vscode';
import {
  loadAccessData,
  loadSyncData,
  type AccessData,
  type SyncConfiguration,
} from '../../core/graph/tenantTreeData';
import { tenantKey, type TenantRecord } from '../../core/tenants/tenantRecord';
import type { TenantConnections } from './tenantConnections';

export type { AccessData, SyncConfiguration } from '../../core/graph/tenantTreeData';

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

  /** The base policy and the partner overview (loadAccessData), loaded once per refresh. */
  access(record: TenantRecord): Promise<AccessData> {
    return this.load(record, 'access', (signal) =>
      loadAccessData(this.connections.client(record), { signal }),
    );
  }

  /** Cross-tenant sync configurations with their jobs (loadSyncData), loaded once per refresh. */
  sync(record: TenantRecord): Promise<SyncConfiguration[]> {
    return this.load(record, 'sync', (signal) =>
      loadSyncData(this.connections.client(record), { signal }),
    );
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
