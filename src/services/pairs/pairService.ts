import * as vscode from 'vscode';
import { describeError } from '../../core/describeError';
import { listSyncAssignments } from '../../core/graph/operations/appRoleAssignments';
import { findPairs, type TenantPair } from '../../core/pairs/pairChecks';
import { readSyncSettings } from '../../core/sync/savedSyncSettings';
import type { PairFinding } from '../../core/pairs/pairFinding';
import {
  targetCandidateOf,
  type TargetCandidate,
} from '../../core/pairs/resolveConfigurationTarget';
import { tenantSide, type TenantSide } from '../../core/pairs/tenantSide';
import { tenantKey, type TenantRecord } from '../../core/tenants/tenantRecord';
import { Disposable, toDisposable } from '../../host/disposable';
import type { Log } from '../../host/log';
import { tenantLabel } from '../../core/tenants/tenantLabel';
import { type TenantConnections } from '../tenants/tenantConnections';
import type { TenantData } from '../tenants/tenantData';
import type { TenantList } from '../tenants/tenantList';

/** Changes come in bursts (a refresh invalidates every tenant): check once they settle. */
const SETTLE_MS = 250;

/**
 * The tenant pairs of everything signed in, checked on both sides at once (core/pairs). Computed on
 * first use — never at activation — from the data the Tenants view loads anyway (base policy,
 * partners with effective settings, sync configurations), and again whenever that data is
 * invalidated (refresh, push, sync actions) or a tenant signs in or out — but only when something
 * that shows pairs (the Tenant Pairs view, an open partner document) asks again.
 */
export class PairService extends Disposable {
  private result?: Promise<TenantPair[]>;
  private last?: readonly TenantPair[];
  private timer?: ReturnType<typeof setTimeout>;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** New pair results are available. */
  readonly onDidChange = this.changed.event;
  private readonly staled = this._register(new vscode.EventEmitter<void>());
  /** The data behind the last result changed: whoever shows pairs asks again (nobody else pays for a check). */
  readonly onDidGoStale = this.staled.event;

  constructor(
    private readonly tenants: TenantList,
    private readonly connections: TenantConnections,
    private readonly data: TenantData,
    private readonly log: Log,
  ) {
    super();
    const stale = (): void => this.scheduleRecheck();
    this._register(tenants.onDidChange(stale));
    this._register(connections.onDidChangeState(stale));
    this._register(data.onDidChange(stale));
    this._register(toDisposable(() => clearTimeout(this.timer)));
  }

  /** The pairs (checking them if nothing is cached). */
  pairs(): Promise<TenantPair[]> {
    this.result ??= this.check().then((pairs) => {
      this.last = pairs;
      this.changed.fire();
      return pairs;
    });
    return this.result;
  }

  /** A check of the current data has run or is running (false at first and after the data changed). */
  get checked(): boolean {
    return this.result !== undefined;
  }

  /** The last result, without waiting or checking; undefined until a check has finished. */
  get current(): readonly TenantPair[] | undefined {
    return this.last;
  }

  /** The errors and warnings of the pair `tenantId` ⇄ `partnerTenantId`, whichever side must change. */
  findingsFor(tenantId: string, partnerTenantId: string): PairFinding[] {
    const ids = [tenantId.toLowerCase(), partnerTenantId.toLowerCase()].sort().join('|');
    const pair = (this.last ?? []).find(
      (p) => [p.a.tenantId, p.b.tenantId].sort().join('|') === ids,
    );
    return pair ? pair.findings.filter((f) => f.severity !== 'info') : [];
  }

  /** Drops the result and checks again (after the data changed). */
  recheck(): Promise<TenantPair[]> {
    this.result = undefined;
    return this.pairs();
  }

  private scheduleRecheck(): void {
    // Nothing checked yet, or already stale: nothing to announce.
    if (!this.result) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.result = undefined;
      this.staled.fire();
    }, SETTLE_MS);
  }

  private async check(): Promise<TenantPair[]> {
    await this.tenants.load();
    const records = this.tenants.all();
    const candidates = records.map(targetCandidateOf);
    const sides = await Promise.all(records.map((r) => this.side(r, candidates)));
    return findPairs(sides);
  }

  /** One tenant's side; a tenant that is signed out or fails to load is a side without settings, so its pairs say so. */
  private async side(
    record: TenantRecord,
    signedInTenants: TargetCandidate[],
  ): Promise<TenantSide> {
    const base = {
      tenantId: record.tenantId,
      displayName: record.displayName,
      cloud: record.cloud,
      signedInTenants,
    };
    if (this.connections.state(tenantKey(record)).kind !== 'signedIn')
      return tenantSide({ ...base, signedIn: false });
    try {
      const client = this.connections.client(record);
      const [access, sync] = await Promise.all([this.data.access(record), this.data.sync(record)]);
      // Who is assigned decides whether B2B allow-lists admit the synced users; the saved
      // settings name the target (CompanyId) where Graph returns them.
      const withAssignments = await Promise.all(
        sync.map(async (c) => {
          const [assignments, settings] = await Promise.all([
            // Without assignments the allow-list check says it could not tell; the log says why.
            listSyncAssignments(client, c.servicePrincipal.id!).catch((err: unknown) => {
              this.log.warn(
                `Tenant pairs: who is assigned to ${c.servicePrincipal.displayName ?? c.servicePrincipal.id} in ${tenantLabel(record)} could not be read, so the B2B allow-lists are not checked against it: ${describeError(err).detail}`,
              );
              return undefined;
            }),
            readSyncSettings(client, c.servicePrincipal.id!),
          ]);
          return { ...c, assignments, settings };
        }),
      );
      return tenantSide({
        ...base,
        signedIn: true,
        policy: access.policy,
        overview: access.overview,
        syncConfigurations: withAssignments,
      });
    } catch (err) {
      this.log.warn(
        `Tenant pairs: the settings of ${tenantLabel(record)} could not be loaded, so its pairs are checked on one side only: ${describeError(err).detail}`,
      );
      return tenantSide({ ...base, signedIn: true });
    }
  }
}
