import type { LoadState } from '../core/provisioning/panelProtocol';
import { button, el, labelled } from './dom';
import { count } from './format';

/** The "days" choices; Graph keeps provisioning logs 30 days with P1/P2. */
const DAY_CHOICES = [1, 3, 7, 14, 30] as const;

export interface HeaderEvents {
  loadMore(): void;
  loadAll(): void;
  cancel(): void;
  reload(days: number): void;
  setLive(enabled: boolean): void;
  exportAs(format: 'csv' | 'json'): void;
}

export interface Progress {
  readonly state: LoadState;
  readonly more: boolean;
  readonly waitMs?: number;
  readonly message?: string;
}

/** Title, counts, load progress and the panel-wide actions (paging, range, live, export). */
export class Header {
  readonly element: HTMLElement;
  private readonly title = el('h1', { className: 'title', testid: 'title' });
  private readonly subtitle = el('p', { className: 'subtitle', testid: 'subtitle' });
  private readonly rowCount = el('span', {
    className: 'row-count',
    testid: 'row-count',
    attrs: { 'aria-live': 'polite' },
  });
  private readonly progress = el('span', {
    className: 'progress',
    testid: 'progress',
    attrs: { role: 'status' },
  });
  private readonly liveStatus = el('span', { className: 'live-status', testid: 'live-status' });
  private readonly loadMore: HTMLButtonElement;
  private readonly loadAll: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly days = el('select', { testid: 'days' });
  private readonly live = el('input', { testid: 'live-toggle', attrs: { type: 'checkbox' } });
  private countdown: number | undefined;

  constructor(events: HeaderEvents) {
    this.loadMore = button('Load more', 'btn-load-more', () => events.loadMore());
    this.loadAll = button('Load all', 'btn-load-all', () => events.loadAll());
    this.cancel = button('Cancel', 'btn-cancel', () => events.cancel());
    for (const d of DAY_CHOICES) this.days.append(dayOption(d));
    this.days.addEventListener('change', () => events.reload(Number(this.days.value)));
    this.live.addEventListener('change', () => events.setLive(this.live.checked));
    const exportCsv = button('Export CSV', 'btn-export-csv', () => events.exportAs('csv'));
    const exportJson = button('Export JSON', 'btn-export-json', () => events.exportAs('json'));
    exportCsv.title = exportJson.title =
      'Export the entries that match the filters, in the table’s order';

    this.element = el('header', { className: 'header' }, [
      el('div', { className: 'heading' }, [this.title, this.subtitle]),
      el('div', { className: 'toolbar' }, [
        el('div', { className: 'status-line' }, [this.rowCount, this.progress, this.liveStatus]),
        el(
          'div',
          { className: 'toolbar-group', attrs: { role: 'group', 'aria-label': 'Loading' } },
          [this.loadMore, this.loadAll, this.cancel],
        ),
        el('div', { className: 'toolbar-group' }, [
          labelled('Last', this.days),
          el('label', { className: 'toggle' }, [this.live, el('span', { text: 'Live' })]),
        ]),
        el(
          'div',
          { className: 'toolbar-group', attrs: { role: 'group', 'aria-label': 'Export' } },
          [exportCsv, exportJson],
        ),
      ]),
    ]);
    this.setProgress({ state: 'loading', more: false });
  }

  setTitle(title: string, subtitle: string): void {
    this.title.textContent = title;
    this.subtitle.textContent = subtitle;
    this.subtitle.hidden = !subtitle;
  }

  /** `shown` is given only while a filter is active. */
  setCounts(loaded: number, shown: number | undefined): void {
    this.rowCount.textContent = `${loaded.toLocaleString()} loaded${shown !== undefined ? ` · ${shown.toLocaleString()} shown` : ''}`;
  }

  setProgress(p: Progress): void {
    window.clearInterval(this.countdown);
    this.countdown = undefined;
    const busy = p.state === 'loading' || p.state === 'waiting';
    this.loadMore.disabled = busy || !p.more;
    this.loadAll.disabled = busy || !p.more;
    this.cancel.disabled = !busy;
    this.progress.dataset.state = p.state;
    if (p.state === 'waiting' && p.waitMs !== undefined) {
      // Count down between progress messages, so the wait does not look like a hang.
      const until = Date.now() + p.waitMs;
      const tick = (): void => {
        const s = Math.max(0, Math.ceil((until - Date.now()) / 1000));
        this.progress.textContent = `Waiting for the Graph rate limit: ${s} s`;
      };
      tick();
      this.countdown = window.setInterval(tick, 1000);
      return;
    }
    this.progress.textContent = progressText(p);
  }

  setDays(days: number): void {
    if (!Array.from(this.days.options).some((o) => o.value === String(days)))
      this.days.append(dayOption(days));
    this.days.value = String(days);
  }

  setLive(enabled: boolean, lastPoll: number | undefined): void {
    this.live.checked = enabled;
    this.liveStatus.textContent = enabled
      ? lastPoll !== undefined
        ? `Live · checked ${new Date(lastPoll).toLocaleTimeString()}`
        : 'Live'
      : '';
  }
}

function dayOption(days: number): HTMLOptionElement {
  const option = el('option', { text: count(days, 'day') });
  option.value = String(days);
  return option;
}

function progressText(p: Progress): string {
  switch (p.state) {
    case 'loading':
      return 'Loading…';
    case 'waiting':
      return 'Waiting for the Graph rate limit…';
    case 'paused':
      return p.more ? 'More entries available' : 'Loaded';
    case 'complete':
      return 'All entries loaded';
    case 'cancelled':
      return p.more ? 'Cancelled · more entries available' : 'Cancelled';
    case 'error':
      return `Error: ${p.message ?? 'loading failed'}`;
  }
}
