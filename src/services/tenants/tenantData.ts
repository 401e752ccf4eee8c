import * as vscode from 'vscode';
import type { AccessData, SyncConfiguration } from '../../core/graph/tenantTreeData';
import type { TenantChange, TenantDataPart } from '../../core/tenants/tenantChange';
import { tenantKey, type TenantRecord } from '../../core/tenants/tenantRecord';
import type { TenantConnections } from './tenantConnections';
import { TenantService } from './tenantService';
import { Disposable, toDisposable } from '../../host/disposable';

export type { AccessData, SyncConfiguration } from '../../core/graph/tenantTreeData';

export type DataPart = TenantDataPart;

/** A change in one tenant, or (tenant undefined) everything reloaded. */
export interface TenantDataChange {
  readonly tenant?: TenantRecord;
  readonly change: TenantChange;
}

/**
 * The `TenantService` of every tenant, and one stream of their changes for the views: the tree
 * reloads the nodes a change touches, the pair checks run again, documents and log panels follow.
 */
export class TenantData extends Disposable {
  private readonly services = new Map<string, TenantService>();
  private readonly emitter = this._register(new vscode.EventEmitter<TenantDataChange>());
  /** Data was changed or dropped (a write, a refresh, a sync action): views built on it reload. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly connections: TenantConnections) {
    super();
    // Loads in flight are aborted when the window goes.
    this._register(toDisposable(() => this.services.forEach((s) => s.dropAll())));
  }

  /** The service of one tenant (the same object for the same tenant key). */
  tenant(record: TenantRecord): TenantService {
    const key = tenantKey(record);
    let service = this.services.get(key);
    if (!service) {
      service = new TenantService(
        record,
        (r) => this.connections.client(r),
        (change) => this.emitter.fire({ tenant: service!.tenant, change }),
      );
      this.services.set(key, service);
    }
    return service;
  }

  /** Shorthand for `tenant(record).access()`. */
  access(record: TenantRecord): Promise<AccessData> {
    return this.tenant(record).access();
  }

  /** Shorthand for `tenant(record).sync()`. */
  sync(record: TenantRecord): Promise<SyncConfiguration[]> {
    return this.tenant(record).sync();
  }

  /** Drops one tenant's data (one part, or all) and announces it as reloaded. */
  invalidate(record: TenantRecord, part?: DataPart): void {
    this.tenant(record).changed({ kind: 'reloaded', part });
  }

  /** Drops the sync data of every tenant whose jobs are on screen, so their statuses are read again. */
  invalidateLoadedSync(): number {
    const loaded = [...this.services.values()].filter((s) => s.has('sync'));
    for (const s of loaded) s.changed({ kind: 'jobStatuses' });
    return loaded.length;
  }

  /** Drops every tenant's data, announced once. */
  clear(): void {
    for (const s of this.services.values()) s.dropAll();
    this.emitter.fire({ change: { kind: 'reloaded' } });
  }
}
