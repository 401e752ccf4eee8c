import {
  NO_FILTERS,
  type LogFilters,
  type LogRowDetails,
  type LogSort,
} from '../core/provisioning/logRow';
import type {
  HostMessage,
  PanelState,
  PanelTarget,
  WebviewMessage,
} from '../core/provisioning/panelProtocol';
import { parseId } from '../core/provisioning/parsePanelState';
import { Chart } from './chart';
import { DetailsPane } from './detailsPane';
import { el } from './dom';
import { DEFAULT_SORT, LogStore, type LogView } from './engine';
import { FilterBar, isFiltered } from './filterBar';
import { Header } from './header';
import { LogTable } from './logTable';
import type { VsCodeApi } from './vscodeApi';

/** A held arrow key selects ~30 rows a second; ask the host for details only once it settles. */
const KEYBOARD_SELECT_DELAY_MS = 150;

/** What the next frame must redo: `rows` recounts the facets, `keep` says how the table scrolls. */
interface Pending {
  rows: boolean;
  keep: 'anchor' | 'selection';
}

/**
 * The panel: owns the loaded rows and the user's choices, and turns host messages and UI events
 * into one re-render per animation frame. Rows arrive in pages of up to 500 several times a
 * second; each frame re-queries once, however many pages came in.
 */
export class LogPanel {
  private readonly store = new LogStore();
  private readonly header: Header;
  private readonly filterBar: FilterBar;
  private readonly chart: Chart;
  private readonly table: LogTable;
  private readonly details: DetailsPane;

  private target: PanelTarget | undefined;
  private filters: LogFilters;
  private sort: LogSort = DEFAULT_SORT;
  private days = 7;
  private live = false;
  private selectedId: string | undefined;
  private selectedDetails: LogRowDetails | undefined;
  /** A selection restored (or kept across a reset) whose row has not arrived yet. */
  private awaitingSelectedRow = false;

  private pending: Pending | undefined;
  private frame = 0;
  private selectTimer: number | undefined;

  constructor(
    root: HTMLElement,
    private readonly vscode: VsCodeApi,
    restored: PanelState | undefined,
  ) {
    this.filters = restored?.filters ?? NO_FILTERS;
    this.header = new Header({
      loadMore: () => this.post({ type: 'loadMore' }),
      loadAll: () => this.post({ type: 'loadAll' }),
      cancel: () => this.post({ type: 'cancel' }),
      reload: (days) => {
        this.days = days;
        this.save();
        this.post({ type: 'reload', days });
      },
      setLive: (enabled) => {
        this.live = enabled;
        this.save();
        this.post({ type: 'setLive', enabled });
      },
      exportAs: (format) =>
        this.post({ type: 'export', format, filters: this.filters, sort: this.sort }),
    });
    this.filterBar = new FilterBar(this.filters, (filters) => this.setFilters(filters));
    this.chart = new Chart((from, to) => {
      const filters = { ...this.filters, from, to };
      this.filterBar.setFilters(filters);
      this.setFilters(filters);
    });
    this.table = new LogTable({
      select: (id, via) => this.select(id, via),
      open: () => this.details.focus(),
      sort: (sort) => {
        this.sort = sort;
        this.table.setSort(sort);
        this.save();
        this.schedule(false, 'selection');
      },
    });
    this.details = new DetailsPane({
      copyIds: (id) => this.post({ type: 'copyIds', id }),
      provisionOnDemand: (id) => this.post({ type: 'provisionOnDemand', id }),
      openPolicy: (id) => this.post({ type: 'openPolicy', id }),
      back: () => this.table.focus(),
    });

    root.replaceChildren(
      this.header.element,
      this.filterBar.element,
      el('main', { className: 'body' }, [
        el('div', { className: 'log-pane' }, [this.chart.element, this.table.element]),
        this.details.element,
      ]),
    );
    if (restored) this.apply(restored);
    this.schedule(true, 'selection');
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        this.header.setTitle(message.title, message.subtitle);
        this.apply(message.state);
        this.persist();
        this.schedule(false, 'selection');
        break;
      case 'reset':
        this.store.clear();
        this.selectedDetails = undefined;
        this.awaitingSelectedRow = this.selectedId !== undefined;
        this.showDetails();
        this.schedule(true, 'selection');
        break;
      case 'rows':
        if (message.rows.length === 0) break;
        this.store.add(message.rows, message.position);
        this.schedule(true, 'anchor');
        break;
      case 'progress':
        this.header.setProgress(message);
        break;
      case 'details':
        // An answer to an earlier selection arriving after the user moved on is stale.
        if (message.details.id !== this.selectedId) break;
        this.selectedDetails = message.details;
        this.showDetails();
        break;
      case 'live':
        this.live = message.enabled;
        this.header.setLive(message.enabled, message.lastPoll);
        this.persist();
        break;
    }
  }

  /** Takes over a state (restored by the webview or sent by the host) and shows it in the controls. */
  private apply(state: PanelState): void {
    this.target = state.target;
    this.filters = state.filters;
    this.sort = state.sort;
    this.days = state.days;
    this.live = state.live;
    if (state.selectedId !== this.selectedId) {
      this.selectedId = state.selectedId;
      this.selectedDetails = undefined;
      this.awaitingSelectedRow = state.selectedId !== undefined;
    }
    this.filterBar.setFilters(state.filters);
    this.table.setSort(state.sort);
    this.table.setSelected(this.selectedId, false);
    this.header.setDays(state.days);
    this.header.setLive(state.live, undefined);
    this.showDetails();
  }

  private setFilters(filters: LogFilters): void {
    this.filters = filters;
    this.save();
    this.schedule(false, 'selection');
  }

  private select(id: string, via: 'mouse' | 'keyboard'): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.selectedDetails = undefined;
    this.awaitingSelectedRow = false;
    this.showDetails();
    window.clearTimeout(this.selectTimer);
    const report = (): void => {
      this.save();
      this.post({ type: 'select', id });
    };
    if (via === 'mouse') {
      report();
    } else {
      this.persist();
      this.selectTimer = window.setTimeout(report, KEYBOARD_SELECT_DELAY_MS);
    }
  }

  private showDetails(): void {
    const row = this.selectedId !== undefined ? this.store.get(this.selectedId) : undefined;
    this.details.show(
      row,
      this.selectedDetails,
      this.selectedId !== undefined &&
        this.selectedDetails === undefined &&
        !this.awaitingSelectedRow,
    );
  }

  /** Coalesces everything that happens before the next frame into one render. */
  private schedule(rows: boolean, keep: Pending['keep']): void {
    // A filter or sort change (keep the selection in view) wins over rows arriving (keep the anchor).
    this.pending = {
      rows: rows || (this.pending?.rows ?? false),
      keep: keep === 'selection' || this.pending?.keep === 'selection' ? 'selection' : 'anchor',
    };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const pending = this.pending;
      this.pending = undefined;
      if (pending) this.render(pending);
    });
  }

  private render(pending: Pending): void {
    if (pending.rows) this.filterBar.setFacets(this.store.facets());
    const view: LogView = this.store.query(this.filters, this.sort);
    const filtered = isFiltered(this.filters);
    this.table.setView(view, pending.keep, emptyText(this.store.size, filtered));
    const { from, to } = this.filters;
    // A time filter is the range to cover (empty hours included); otherwise the rows' own span.
    this.chart.render(
      view.chart(from !== undefined && to !== undefined ? { from, to } : undefined),
    );
    this.header.setCounts(this.store.size, filtered ? view.length : undefined);
    if (
      this.awaitingSelectedRow &&
      this.selectedId !== undefined &&
      this.store.get(this.selectedId)
    ) {
      // The restored selection has arrived: show it and fetch its details.
      this.awaitingSelectedRow = false;
      this.table.setSelected(this.selectedId, true);
      this.showDetails();
      this.post({ type: 'select', id: this.selectedId });
    }
  }

  private state(): PanelState | undefined {
    if (!this.target) return undefined;
    // The host refuses a state with an empty or over-long id; a row with such an id is selectable but not remembered.
    const selectedId = parseId(this.selectedId);
    return {
      target: this.target,
      filters: this.filters,
      sort: this.sort,
      days: this.days,
      live: this.live,
      ...(selectedId !== undefined ? { selectedId } : {}),
    };
  }

  /** Keeps the state for a reload of the webview; undefined before the panel knows its target. */
  private persist(): PanelState | undefined {
    const state = this.state();
    if (state) this.vscode.setState(state);
    return state;
  }

  /** Persists a change the user made and tells the host (restore after a VS Code restart, export). */
  private save(): void {
    const state = this.persist();
    if (state) this.post({ type: 'state', state });
  }

  private post(message: WebviewMessage): void {
    this.vscode.postMessage(message);
  }
}

function emptyText(loaded: number, filtered: boolean): string {
  if (loaded === 0) return 'No entries loaded yet.';
  return filtered ? 'No entries match the filters.' : 'No entries.';
}
