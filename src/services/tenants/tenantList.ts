import * as vscode from 'vscode';
import {
  parseTenantRecords,
  serializeTenantRecords,
  tenantKey,
  type TenantRecord,
} from '../../core/tenants/tenantRecord';
import type { Log } from '../../host/log';
import { tenantLabel } from '../../core/tenants/tenantLabel';
import { writeFileUnder } from '../../core/files/writeFilesUnder';
import { WriteQueue } from '../../core/files/writeQueue';
import { Disposable } from '../../host/disposable';
import { showErrorSummary } from '../../host/reportError';

const FILE = 'tenants.json';

/**
 * The tenants the user added, kept in a file under globalStorageUri so they survive restarts, window
 * reloads and, in browser-hosted VS Code, a change of browser (globalState would not).
 */
export class TenantList extends Disposable {
  private records: TenantRecord[] = [];
  private loaded?: Promise<void>;
  /** Each save writes the whole list; one that fails does not stop the next (WriteQueue). */
  private readonly writes: WriteQueue;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: Log,
  ) {
    super();
    this.writes = new WriteQueue(
      // Atomic: a window closed mid-save leaves the previous list, never half of one.
      async (text) => {
        await writeFileUnder(this.storageUri.fsPath, FILE, text, { mode: 0o600 });
      },
      (err) => this.saveFailed(err),
      () => this.log.info(`Saved the tenant list to ${this.uri.fsPath} again.`),
    );
  }

  private get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, FILE);
  }

  load(): Promise<void> {
    this.loaded ??= (async () => {
      let json: unknown;
      try {
        json = JSON.parse(
          Buffer.from(await vscode.workspace.fs.readFile(this.uri)).toString('utf8'),
        );
      } catch (err) {
        if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound'))
          this.log.warn(`Could not read ${this.uri.fsPath}: ${String(err)}`);
        return;
      }
      const { records, dropped } = parseTenantRecords(json);
      if (dropped)
        this.log.warn(
          `Ignored ${dropped} unreadable tenant entr${dropped === 1 ? 'y' : 'ies'} in ${this.uri.fsPath}.`,
        );
      this.records = records;
    })();
    return this.loaded;
  }

  all(): readonly TenantRecord[] {
    return this.records;
  }

  /** The tenant with this id (any sign-in method; ids compare case-insensitively). */
  byTenantId(tenantId: string): TenantRecord | undefined {
    const id = tenantId.toLowerCase();
    return this.records.find((r) => r.tenantId === id);
  }

  /** How a tenant is named to the user: its name when it is in the view, else its id. */
  labelOf(tenantId: string): string {
    const r = this.byTenantId(tenantId);
    return r ? tenantLabel(r) : tenantId;
  }

  /** The tenant an exported folder is named after: its tenant id or its default domain. */
  byFolderName(name: string): TenantRecord | undefined {
    const n = name.toLowerCase();
    return this.records.find((r) => r.tenantId === n || r.defaultDomain?.toLowerCase() === n);
  }

  get(key: string): TenantRecord | undefined {
    return this.records.find((r) => tenantKey(r) === key);
  }

  /** Adds or replaces (same tenant and sign-in method), keeping the list order. */
  async upsert(record: TenantRecord): Promise<void> {
    await this.load();
    const key = tenantKey(record);
    const i = this.records.findIndex((r) => tenantKey(r) === key);
    this.records =
      i < 0 ? [...this.records, record] : this.records.map((r, j) => (j === i ? record : r));
    await this.save();
  }

  async update(key: string, change: Partial<TenantRecord>): Promise<TenantRecord | undefined> {
    const current = this.get(key);
    if (!current) return undefined;
    const next = { ...current, ...change };
    await this.upsert(next);
    return next;
  }

  async remove(key: string): Promise<void> {
    await this.load();
    this.records = this.records.filter((r) => tenantKey(r) !== key);
    await this.save();
  }

  /** Persists the list as it is now; the change holds for this session even if the write fails. */
  private async save(): Promise<void> {
    const written = this.writes.save(serializeTenantRecords(this.records));
    this.changed.fire();
    await written;
  }

  /** Once per run of failed writes (the next save tries again, with the whole list). */
  private saveFailed(err: unknown): void {
    const reason = err instanceof Error ? err.message : String(err);
    this.log.error(`Could not save the tenant list to ${this.uri.fsPath}: ${reason}`);
    showErrorSummary(
      this.log,
      vscode.l10n.t(
        'Could not save the tenant list ({0}). Your tenants stay for this session; the next change saves them again.',
        reason,
      ),
    );
  }
}
