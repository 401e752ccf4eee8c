import * as vscode from 'vscode';
import { NO_FILTERS } from '../core/provisioning/logRow';
import type { PanelState } from '../core/provisioning/panelProtocol';
import { parsePanelState } from '../core/provisioning/parsePanelState';
import { tenantKey, type TenantRecord } from '../core/tenants/tenantRecord';
import type { Log } from '../host/log';
import type { TenantList } from '../services/tenants/tenantList';
import type { TenantDataChange } from '../services/tenants/tenantData';
import { tenantLabel } from '../core/tenants/tenantLabel';
import {
  PANEL_VIEW_TYPE,
  ProvisioningLogPanel,
  panelTitle,
  type PanelServices,
} from './provisioningLogPanel';
import { Disposable, toDisposable } from '../host/disposable';

export interface PanelDefaults {
  readonly days: number;
}

/**
 * The open provisioning-log panels, one per sync configuration: showing a configuration again
 * reveals its panel. Also VS Code's serializer for them, so a window reload reopens each panel
 * with the filters, sort, time range and live mode it had (the state is validated first: it
 * comes back from the webview).
 */
export class ProvisioningLogPanels extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, ProvisioningLogPanel>();

  constructor(
    private readonly services: PanelServices,
    private readonly tenants: TenantList,
    private readonly log: Log,
    private readonly defaults: () => PanelDefaults,
    /** The workspace's memory: each panel's last state, kept by the host as well as by the webview. */
    private readonly memento: vscode.Memento,
  ) {
    super();
    // On deactivation (a reload): panels stay open for VS Code to restore, and keep their
    // remembered state; they only stop loading and polling.
    this._register(
      toDisposable(() => {
        for (const p of this.panels.values()) p.stop();
        this.panels.clear();
      }),
    );
    this._register(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, this));
  }

  /** The panel of a configuration, if open (tests use it to read what was loaded). */
  get(record: TenantRecord, servicePrincipalId: string): ProvisioningLogPanel | undefined {
    return this.panels.get(key(record, servicePrincipalId));
  }

  /** The panel of a configuration by ids (whatever the sign-in method), if open. */
  find(tenantId: string, servicePrincipalId: string): ProvisioningLogPanel | undefined {
    const suffix = `|${servicePrincipalId.toLowerCase()}`;
    for (const [k, p] of this.panels)
      if (k.endsWith(suffix) && p.currentState.target.tenantId === tenantId) return p;
    return undefined;
  }

  /**
   * A change the extension made to a sync configuration: its open panel follows. A job started,
   * restarted or provisioned on demand is polled at once when the panel is live (the new entries
   * show without waiting for the next poll); a deleted configuration's panel says it is gone.
   */
  tenantChanged({ tenant, change }: TenantDataChange): void {
    if (!tenant || (change.kind !== 'job' && change.kind !== 'syncConfiguration')) return;
    const panel = this.get(tenant, change.servicePrincipalId);
    if (change.kind === 'syncConfiguration' && change.change === 'deleted')
      panel?.configurationDeleted();
    else panel?.jobChanged();
  }

  show(
    record: TenantRecord,
    servicePrincipalId: string,
    configurationName: string,
  ): ProvisioningLogPanel {
    const existing = this.get(record, servicePrincipalId);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const title = panelTitle(configurationName);
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      title,
      vscode.ViewColumn.Active,
      { enableScripts: true, retainContextWhenHidden: true, enableFindWidget: true },
    );
    const state: PanelState = {
      target: { tenantId: record.tenantId, servicePrincipalId },
      filters: NO_FILTERS,
      sort: { column: 'time', descending: true },
      days: this.defaults().days,
      live: false,
    };
    return this.track(
      new ProvisioningLogPanel(panel, record, state, this.services, {
        title,
        subtitle: subtitleOf(record),
      }),
      record,
      servicePrincipalId,
    );
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    // The webview's own state can be older than what the user last did (a browser refresh of
    // code-server does not wait for it); the copy the host kept of each change is preferred.
    const fromWebview = parsePanelState(raw);
    const state =
      (fromWebview &&
        parsePanelState(
          this.memento.get(
            stateKey(fromWebview.target.tenantId, fromWebview.target.servicePrincipalId),
          ),
        )) ??
      fromWebview;
    await this.tenants.load();
    const record = state && this.tenants.byTenantId(state.target.tenantId);
    if (!state || !record) {
      this.log.warn(
        `A provisioning-log panel could not be restored: ${state ? `tenant ${state.target.tenantId} is no longer in the Tenants view` : 'its saved state is not valid'}.`,
      );
      panel.dispose();
      return;
    }
    if (this.get(record, state.target.servicePrincipalId)) {
      panel.dispose();
      return;
    }
    this.track(
      new ProvisioningLogPanel(panel, record, state, this.services, {
        title: panel.title,
        subtitle: subtitleOf(record),
      }),
      record,
      state.target.servicePrincipalId,
    );
  }

  private track(
    panel: ProvisioningLogPanel,
    record: TenantRecord,
    servicePrincipalId: string,
  ): ProvisioningLogPanel {
    const k = key(record, servicePrincipalId);
    const remembered = stateKey(record.tenantId, servicePrincipalId);
    this.panels.set(k, panel);
    panel.onDidChangeState((state) => void this.memento.update(remembered, state));
    panel.onDidDispose(() => {
      if (this.panels.get(k) === panel) this.panels.delete(k);
      // A panel the user closed is not restored: forget its state (but not while the window reloads).
      if (!this.isDisposed) void this.memento.update(remembered, undefined);
    });
    return panel;
  }
}

function key(record: TenantRecord, servicePrincipalId: string): string {
  return `${tenantKey(record)}|${servicePrincipalId.toLowerCase()}`;
}

function stateKey(tenantId: string, servicePrincipalId: string): string {
  return `crossTenant.logPanel/${tenantId.toLowerCase()}/${servicePrincipalId.toLowerCase()}`;
}

function subtitleOf(record: TenantRecord): string {
  return vscode.l10n.t('Source tenant {0} ({1})', tenantLabel(record), record.tenantId);
}
