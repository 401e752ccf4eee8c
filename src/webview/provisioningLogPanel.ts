import * as vscode from 'vscode';
import { describeError } from '../core/describeError';
import { provisioningLogCursor } from '../core/graph/operations/provisioningLogs';
import type { ProvisioningObjectSummary } from '../core/graph/types';
import { LogIndex } from '../core/provisioning/logIndex';
import { LogLoader, PAGES_PER_STEP, type LoaderProgress } from '../core/provisioning/logLoader';
import type { LogRow, LogRowDetails, PolicyPointer } from '../core/provisioning/logRow';
import { toLogRow } from '../core/provisioning/toLogRow';
import { toLogRowDetails, type DetailsContext } from '../core/provisioning/toLogRowDetails';
import type { HostMessage, PanelState, WebviewMessage } from '../core/provisioning/panelProtocol';
import { parseWebviewMessage } from '../core/provisioning/parseWebviewMessage';
import type { RateLimiter } from '../core/sync/rateLimiter';
import type { TenantRecord } from '../core/tenants/tenantRecord';
import type { Log } from '../host/log';
import type { TenantConnections } from '../services/tenants/tenantConnections';
import { panelHtml, panelResourceRoots } from './panelHtml';
import { exportRows } from './exportRows';
import { Disposable } from '../host/disposable';
import { reportError } from '../host/reportError';

export const PANEL_VIEW_TYPE = 'crossTenant.provisioningLogs';

/** Rows go to the webview in slices, so one message never carries tens of megabytes. */
const ROWS_PER_MESSAGE = 2000;
const DAY_MS = 86_400_000;
/** One live poll reads at most this many new entries; a backlog larger than that is what "reload" is for. */
const LIVE_POLL_MAX = 5000;

/** "Provisioning Logs: <configuration>", the panel's title (VS Code restores it after a reload). */
export function panelTitle(configurationName: string): string {
  return vscode.l10n.t('Provisioning Logs: {0}', configurationName);
}

/** A panel's title back to its configuration's name (a title from before a language change stays whole). */
function configurationNameOf(title: string): string {
  const [before, after] = panelTitle('\u0000').split('\u0000');
  return title.length >= before.length + after.length &&
    title.startsWith(before) &&
    title.endsWith(after)
    ? title.slice(before.length, title.length - after.length)
    : title;
}

/** What a panel needs from the rest of the extension. */
export interface PanelServices {
  readonly log: Log;
  readonly connections: TenantConnections;
  readonly extensionUri: vscode.Uri;
  /** The tenant's identity-reports limiter, shared by every report read of that tenant. */
  limiterFor(record: TenantRecord): RateLimiter;
  /** Page size and live-poll interval from the settings. */
  settings(): { readonly pageSize: number; readonly liveSeconds: number };
  /** Source and target of the configuration, for the details pane's explanations. */
  describe(record: TenantRecord, servicePrincipalId: string): Promise<DetailsContext>;
  provisionOnDemand(
    record: TenantRecord,
    servicePrincipalId: string,
    jobId: string,
    subject: { id: string; name: string },
  ): Promise<void>;
  openPolicy(pointer: PolicyPointer): Promise<void>;
}

/**
 * One provisioning-log panel: the log of one sync configuration (or one of its jobs), loaded page
 * by page within Graph's rate limit, filtered and rendered in the webview. Everything in a log
 * entry comes from another tenant, so it reaches the webview only as message data, never as HTML;
 * every message back is validated before it is acted on.
 */
export class ProvisioningLogPanel extends Disposable {
  private readonly entries = new Map<string, ProvisioningObjectSummary>();
  private readonly index = new LogIndex();
  private loader?: LogLoader;
  private liveTimer?: ReturnType<typeof setInterval>;
  private polling = false;
  private newestMs = 0;
  /** The file the last export wrote (tests read it). */
  lastExport?: vscode.Uri;
  private context?: Promise<DetailsContext>;
  /** Loading and polling are over (panel closed, or the extension shutting down). */
  private stopped = false;
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;
  private readonly stateChanged = this._register(new vscode.EventEmitter<PanelState>());
  /** The user changed filters, sort, time range, live mode or selection. */
  readonly onDidChangeState = this.stateChanged.event;
  private readonly posted = this._register(new vscode.EventEmitter<HostMessage>());
  /** Every message sent to the webview, as sent. */
  readonly onDidPost = this.posted.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly record: TenantRecord,
    private state: PanelState,
    private readonly services: PanelServices,
    private readonly title: { readonly title: string; readonly subtitle: string },
  ) {
    super();
    // Registered before its listeners, so they are gone when it closes: closing calls back into nothing.
    this._register(panel);
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: panelResourceRoots(services.extensionUri),
    };
    panel.iconPath = new vscode.ThemeIcon('output');
    panel.webview.html = panelHtml(panel.webview, services.extensionUri);
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
    this._register(panel.onDidChangeViewState(() => this.updateLive()));
    this._register(panel.onDidDispose(() => this.dispose()));
  }

  /** The state a reload restores (the webview keeps its own copy; this one serves export and tests). */
  get currentState(): PanelState {
    return this.state;
  }

  /** Rows loaded so far (tests and the status line). */
  get loaded(): number {
    return this.entries.size;
  }

  /** The configuration's name, from the panel title. */
  private get configurationName(): string {
    return configurationNameOf(this.title.title);
  }

  reveal(): void {
    this.panel.reveal();
  }

  private post(message: HostMessage): void {
    if (this.stopped) return;
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  /** Where the progress of loading stands (undefined before the webview asked for rows). */
  get progress():
    { readonly state: string; readonly loaded: number; readonly more: boolean } | undefined {
    return this.loader?.progress();
  }

  /** A message from the webview; it is validated before anything is done (tests send here as the webview would). */
  receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.services.log.warn(
        `Provisioning-log panel: ignored a malformed message from the webview (${typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type).slice(0, 40) : typeof raw}).`,
      );
      return;
    }
    // What the user asked for in the panel fails as a command does: the summary, the detail logged.
    void this.handle(message).catch((err: unknown) =>
      reportError(this.services.log, `Provisioning-log panel: ${message.type}`, err),
    );
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.ready();
      case 'loadMore':
        return this.loader?.load(PAGES_PER_STEP);
      case 'loadAll':
        return this.loader?.load(Infinity);
      case 'cancel':
        return this.loader?.cancel();
      case 'reload':
        this.setState({ ...this.state, days: message.days });
        return this.startLoading();
      case 'select':
        this.setState({ ...this.state, selectedId: message.id });
        return this.sendDetails(message.id);
      case 'copyIds':
        return this.copyIds(message.id);
      case 'provisionOnDemand':
        return this.provision(message.id);
      case 'openPolicy':
        return this.openPolicy(message.id);
      case 'export':
        this.lastExport = await exportRows(
          this.exportable(message.filters, message.sort),
          message.format,
          this.configurationName,
        );
        return;
      case 'setLive':
        this.setState({ ...this.state, live: message.enabled });
        return this.updateLive();
      case 'state':
        // The target is fixed for the life of the panel; the webview cannot redirect it.
        this.setState({ ...message.state, target: this.state.target });
        return;
    }
  }

  private setState(state: PanelState): void {
    this.state = state;
    this.stateChanged.fire(state);
  }

  /** The webview (re)loaded: give it the state and every row loaded so far, then go on loading. */
  private ready(): void {
    this.post({
      type: 'init',
      title: this.title.title,
      subtitle: this.title.subtitle,
      state: this.state,
    });
    if (!this.loader) {
      void this.startLoading();
      return;
    }
    this.post({ type: 'reset' });
    // The index holds the rows in the order the webview had them (live entries first).
    this.sendRows(this.index.rows, 'append');
    this.sendProgress(this.loader.progress());
    this.updateLive();
  }

  private startLoading(): Promise<void> {
    this.loader?.cancel();
    this.entries.clear();
    this.index.clear();
    this.newestMs = 0;
    this.post({ type: 'reset' });
    const { target, days } = this.state;
    const client = this.services.connections.client(this.record);
    const cursor = provisioningLogCursor(client, {
      servicePrincipalId: target.servicePrincipalId,
      jobId: target.jobId,
      after: new Date(Date.now() - days * DAY_MS),
      pageSize: this.services.settings().pageSize,
    });
    const loader = new LogLoader(cursor, this.services.limiterFor(this.record), {
      onEntries: (entries) => {
        if (this.loader === loader) this.accept(entries, 'append');
      },
      onProgress: (p) => {
        if (this.loader === loader) this.sendProgress(p);
      },
    });
    this.loader = loader;
    this.updateLive();
    // The first step shows the newest rows at once; the rest waits for "load more" or "load all".
    return loader.load(PAGES_PER_STEP);
  }

  private accept(
    entries: readonly ProvisioningObjectSummary[],
    position: 'append' | 'prepend',
  ): void {
    const rows: LogRow[] = [];
    for (const e of entries) {
      this.entries.set(e.id!, e);
      const row = toLogRow(e);
      this.newestMs = Math.max(this.newestMs, row.time);
      rows.push(row);
    }
    if (position === 'append') this.index.append(rows);
    else this.index.prepend(rows);
    this.sendRows(rows, position);
  }

  private sendRows(rows: readonly LogRow[], position: 'append' | 'prepend'): void {
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE)
      this.post({ type: 'rows', rows: rows.slice(i, i + ROWS_PER_MESSAGE), position });
  }

  private sendProgress(p: LoaderProgress): void {
    const message = p.error !== undefined ? describeError(p.error) : undefined;
    if (p.error !== undefined)
      this.services.log.error(`Provisioning logs of ${this.title.title}: ${message!.detail}`);
    this.post({
      type: 'progress',
      state: p.state,
      loaded: p.loaded,
      more: p.more,
      waitMs: p.waitMs,
      message: message?.summary,
    });
  }

  /** Live mode polls for entries newer than the newest loaded, only while the panel is visible. */
  private updateLive(): void {
    const on = this.state.live && this.panel.visible && !this.stopped;
    if (on && !this.liveTimer) {
      this.liveTimer = setInterval(
        () => void this.poll(),
        Math.max(10, this.services.settings().liveSeconds) * 1000,
      );
    } else if (!on && this.liveTimer) {
      clearInterval(this.liveTimer);
      this.liveTimer = undefined;
    }
    this.post({ type: 'live', enabled: this.state.live });
  }

  /** One live poll: newer entries than the newest loaded, through the same limiter as paging. */
  async poll(): Promise<number> {
    if (this.polling || !this.loader) return 0;
    this.polling = true;
    try {
      const { target, days } = this.state;
      // A second of overlap: entries logged in the same second as the newest are de-duplicated by id.
      const after = new Date(Math.max(this.newestMs - 1000, Date.now() - days * DAY_MS));
      const cursor = provisioningLogCursor(this.services.connections.client(this.record), {
        servicePrincipalId: target.servicePrincipalId,
        jobId: target.jobId,
        after,
        pageSize: this.services.settings().pageSize,
      });
      const limiter = this.services.limiterFor(this.record);
      const fresh: ProvisioningObjectSummary[] = [];
      do {
        await limiter.acquire();
        fresh.push(...this.loader.admit(await cursor.read()));
      } while (!cursor.done && fresh.length < LIVE_POLL_MAX);
      if (fresh.length) this.accept(fresh, 'prepend');
      this.post({ type: 'live', enabled: this.state.live, lastPoll: Date.now() });
      return fresh.length;
    } catch (err) {
      const d = describeError(err);
      this.services.log.warn(`Live update of ${this.title.title} failed: ${d.detail}`);
      return 0;
    } finally {
      this.polling = false;
    }
  }

  private entry(id: string): ProvisioningObjectSummary {
    const e = this.entries.get(id);
    if (!e) throw new Error(vscode.l10n.t('That log entry is no longer loaded: reload the panel.'));
    return e;
  }

  private detailsContext(): Promise<DetailsContext> {
    this.context ??= this.services
      .describe(this.record, this.state.target.servicePrincipalId)
      .catch((err: unknown) => {
        this.context = undefined;
        throw err;
      });
    return this.context;
  }

  private async details(id: string): Promise<LogRowDetails> {
    return toLogRowDetails(this.entry(id), await this.detailsContext());
  }

  private async sendDetails(id: string): Promise<void> {
    this.post({ type: 'details', details: await this.details(id) });
  }

  private async copyIds(id: string): Promise<void> {
    const details = await this.details(id);
    await vscode.env.clipboard.writeText(details.ids.map(([k, v]) => `${k}: ${v}`).join('\n'));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the ids of the log entry'), 3000);
  }

  private async provision(id: string): Promise<void> {
    const e = this.entry(id);
    const sourceId = e.sourceIdentity?.id;
    const jobId = e.jobId ?? this.state.target.jobId;
    if (!sourceId || !jobId)
      throw new Error(
        vscode.l10n.t('This entry names no source user or job to provision on demand.'),
      );
    await this.services.provisionOnDemand(
      this.record,
      this.state.target.servicePrincipalId,
      jobId,
      { id: sourceId, name: e.sourceIdentity?.displayName ?? sourceId },
    );
  }

  private async openPolicy(id: string): Promise<void> {
    const details = await this.details(id);
    if (!details.policy)
      throw new Error(
        vscode.l10n.t("This entry's error does not point at a cross-tenant access setting."),
      );
    await this.services.openPolicy(details.policy);
  }

  private exportable(
    filters: PanelState['filters'],
    sort: PanelState['sort'],
  ): { rows: LogRow[]; entries: ProvisioningObjectSummary[] } {
    const positions = this.index.query(filters, sort);
    const rows: LogRow[] = [];
    const entries: ProvisioningObjectSummary[] = [];
    for (const i of positions) {
      const row = this.index.row(i);
      rows.push(row);
      entries.push(this.entries.get(row.id)!);
    }
    return { rows, entries };
  }

  /** The job changed (started, restarted, provisioned on demand): a live panel polls now. */
  jobChanged(): void {
    if (this.liveTimer) void this.poll();
  }

  /**
   * The configuration was deleted: the panel keeps the entries it loaded, stops polling and says
   * in its title that the configuration is gone.
   */
  configurationDeleted(): void {
    this.setState({ ...this.state, live: false });
    this.updateLive();
    this.panel.title = vscode.l10n.t('{0} (deleted)', this.title.title);
  }

  /**
   * The extension is shutting down (a window reload): stop loading and polling, but leave the
   * panel open so VS Code restores it.
   */
  stop(): void {
    this.stopped = true;
    this.loader?.cancel();
    if (this.liveTimer) clearInterval(this.liveTimer);
  }

  /** The panel was closed (or is being closed): loading stops, its owner is told, everything goes. */
  override dispose(): void {
    if (this.isDisposed) return;
    this.stop();
    this.disposedEmitter.fire();
    super.dispose();
  }
}
