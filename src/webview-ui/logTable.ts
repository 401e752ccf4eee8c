import type { LogColumn, LogRow, LogSort } from '../core/provisioning/logRow';
import { el } from './dom';
import type { LogView } from './engine';
import { isoTime, localTime } from './format';
import { statusClass } from './statusClass';

/** Must match `.log-row { height }` in provisioningLogs.css: positions are computed from it. */
export const ROW_HEIGHT = 22;
/** Rows rendered above and below the viewport, so a fast scroll shows no blank band. */
const OVERSCAN = 8;
/** Hard cap on row elements in the DOM, whatever the viewport height (budget: ≤ 200). */
const MAX_RENDERED = 200;

const COLUMNS: readonly { readonly id: LogColumn; readonly label: string }[] = [
  { id: 'time', label: 'Time' },
  { id: 'action', label: 'Action' },
  { id: 'status', label: 'Status' },
  { id: 'source', label: 'Source identity' },
  { id: 'target', label: 'Target identity' },
  { id: 'errorCode', label: 'Error code' },
  { id: 'cycleId', label: 'Cycle id' },
];

/** Ascending first for text, newest first for time: what an admin clicking a header expects. */
const firstDirectionDescending = (column: LogColumn): boolean => column === 'time';

/** What the table reads of a query result. */
type TableView = Pick<LogView, 'length' | 'row' | 'positionOf'>;
const NO_ROWS: TableView = { length: 0, row: () => undefined, positionOf: () => -1 };

/** A reusable row element and its cells, filled in place as the user scrolls. */
interface Slot {
  readonly row: HTMLElement;
  readonly cells: { readonly [K in LogColumn]: HTMLElement };
  readonly marker: HTMLElement;
  readonly statusText: HTMLElement;
  position: number;
}

export interface LogTableEvents {
  /** `keyboard` selections come in bursts (a held arrow key): the listener may debounce them. */
  select(id: string, via: 'mouse' | 'keyboard'): void;
  /** Enter or a double click: show the selection's details. */
  open(): void;
  sort(sort: LogSort): void;
}

/**
 * The log as a virtualised grid: a scroll container holding a spacer as tall as all rows, and a
 * pool of at most {@link MAX_RENDERED} row elements positioned over the visible part. A filter
 * change or new rows only swap the view and refill the visible slots.
 */
export class LogTable {
  readonly element: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly viewport = el('div', { className: 'log-viewport' });
  private readonly spacer = el('div', { className: 'log-spacer', attrs: { role: 'rowgroup' } });
  private readonly empty = el('div', { className: 'log-empty', attrs: { role: 'status' } });
  private readonly headers = new Map<LogColumn, HTMLElement>();
  private readonly slots: Slot[] = [];
  private view: TableView = NO_ROWS;
  private selectedId: string | undefined;
  /** The selection's position in the view, kept so arrow keys need no search of 50,000 rows. */
  private selectedPosition = -1;
  private sortState: LogSort = { column: 'time', descending: true };
  private frame = 0;

  constructor(private readonly events: LogTableEvents) {
    const headerRow = el(
      'div',
      { className: 'log-header log-columns', attrs: { role: 'row', 'aria-rowindex': '1' } },
      COLUMNS.map((c) => {
        const sortButton = el('button', {
          className: 'sort',
          text: c.label,
          testid: `sort-${c.id}`,
          attrs: { type: 'button' },
        });
        sortButton.addEventListener('click', () => this.onHeader(c.id));
        const cell = el('div', { className: `cell col-${c.id}`, attrs: { role: 'columnheader' } }, [
          sortButton,
        ]);
        this.headers.set(c.id, cell);
        return cell;
      }),
    );
    this.viewport.append(this.spacer);
    this.grid = el(
      'div',
      {
        className: 'log-grid',
        testid: 'log-grid',
        attrs: { role: 'grid', 'aria-label': 'Provisioning log', 'aria-multiselectable': 'false' },
      },
      [el('div', { attrs: { role: 'rowgroup' } }, [headerRow]), this.viewport],
    );
    this.grid.tabIndex = 0;
    this.grid.addEventListener('keydown', (e) => this.onKey(e));
    this.element = el('div', { className: 'log-table' }, [this.grid, this.empty]);
    this.viewport.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.spacer.addEventListener('click', (e) => this.onPointer(e, 'click'));
    this.spacer.addEventListener('dblclick', (e) => this.onPointer(e, 'dblclick'));
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
    this.setSort(this.sortState);
  }

  /**
   * Shows a new query result. `keep` says what stays put: `anchor` keeps the top visible row where
   * it is (rows arriving above it while the user reads), `selection` scrolls to the selected row
   * if it is in the view (filters changed), else to the top.
   */
  setView(view: TableView, keep: 'anchor' | 'selection', emptyText: string): void {
    const anchorPosition = Math.floor(this.viewport.scrollTop / ROW_HEIGHT);
    const anchor = this.view.row(anchorPosition);
    const offset = this.viewport.scrollTop - anchorPosition * ROW_HEIGHT;
    this.view = view;
    this.selectedPosition = this.selectedId !== undefined ? view.positionOf(this.selectedId) : -1;
    this.spacer.style.height = `${view.length * ROW_HEIGHT}px`;
    this.grid.setAttribute('aria-rowcount', String(view.length + 1));
    this.empty.textContent = view.length === 0 ? emptyText : '';
    this.empty.hidden = view.length > 0;
    if (keep === 'anchor') {
      const at = anchor ? view.positionOf(anchor.id) : -1;
      if (at >= 0) this.viewport.scrollTop = at * ROW_HEIGHT + offset;
    } else if (this.selectedPosition >= 0) {
      this.reveal(this.selectedPosition, true);
    } else {
      this.viewport.scrollTop = 0;
    }
    this.render();
  }

  setSort(sort: LogSort): void {
    this.sortState = sort;
    for (const [column, cell] of this.headers) {
      cell.setAttribute(
        'aria-sort',
        column === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none',
      );
    }
  }

  /** Marks the row selected (without reporting it); `reveal` scrolls it into view. */
  setSelected(id: string | undefined, reveal: boolean): void {
    this.selectedId = id;
    this.selectedPosition = id !== undefined ? this.view.positionOf(id) : -1;
    if (reveal && this.selectedPosition >= 0) this.reveal(this.selectedPosition, false);
    this.render();
  }

  focus(): void {
    this.grid.focus();
  }

  private onHeader(column: LogColumn): void {
    const descending =
      column === this.sortState.column
        ? !this.sortState.descending
        : firstDirectionDescending(column);
    this.events.sort({ column, descending });
  }

  private onPointer(e: MouseEvent, kind: 'click' | 'dblclick'): void {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('.log-row');
    const slot = this.slots.find((s) => s.row === rowEl);
    if (!slot || !this.selectPosition(slot.position, 'mouse')) return;
    if (kind === 'dblclick') this.events.open();
  }

  private onKey(e: KeyboardEvent): void {
    // Keys on the header's sort buttons belong to the buttons.
    if (e.target !== this.grid || this.view.length === 0) return;
    const current = this.selectedPosition;
    const page = Math.max(1, Math.floor(this.viewport.clientHeight / ROW_HEIGHT) - 1);
    const first = Math.ceil(this.viewport.scrollTop / ROW_HEIGHT);
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = current < 0 ? first : current + 1;
        break;
      case 'ArrowUp':
        next = current < 0 ? first : current - 1;
        break;
      case 'PageDown':
        next = current < 0 ? first : current + page;
        break;
      case 'PageUp':
        next = current < 0 ? first : current - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.view.length - 1;
        break;
      case 'Enter':
        e.preventDefault();
        if (current >= 0) this.events.open();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.selectPosition(Math.min(this.view.length - 1, Math.max(0, next)), 'keyboard');
  }

  /** A selection made in the table: shown, scrolled into view and reported. */
  private selectPosition(position: number, via: 'mouse' | 'keyboard'): boolean {
    const row = this.view.row(position);
    if (!row) return false;
    this.selectedId = row.id;
    this.selectedPosition = position;
    this.reveal(position, false);
    this.render();
    this.events.select(row.id, via);
    return true;
  }

  /** Scrolls the least distance that shows the row at `position` (centred when `center`). */
  private reveal(position: number, center: boolean): void {
    const top = position * ROW_HEIGHT;
    const height = this.viewport.clientHeight;
    if (center) this.viewport.scrollTop = top - Math.max(0, (height - ROW_HEIGHT) / 2);
    else if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this.viewport.scrollTop + height)
      this.viewport.scrollTop = top + ROW_HEIGHT - height;
  }

  /** Scroll events fire faster than frames: fill the slots once per frame. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const firstVisible = Math.floor(this.viewport.scrollTop / ROW_HEIGHT);
    const visible = Math.ceil(this.viewport.clientHeight / ROW_HEIGHT) + 1;
    const start = Math.max(0, firstVisible - OVERSCAN);
    const end = Math.min(this.view.length, firstVisible + visible + OVERSCAN, start + MAX_RENDERED);
    const needed = Math.max(0, end - start);
    while (this.slots.length < needed) this.slots.push(this.createSlot(this.slots.length));
    let active: string | undefined;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (i >= needed) {
        slot.row.remove();
        continue;
      }
      const position = start + i;
      const row = this.view.row(position);
      if (!row) continue;
      this.fill(slot, row, position);
      if (row.id === this.selectedId) active = slot.row.id;
      if (!slot.row.isConnected) this.spacer.append(slot.row);
    }
    if (active) this.grid.setAttribute('aria-activedescendant', active);
    else this.grid.removeAttribute('aria-activedescendant');
  }

  private createSlot(index: number): Slot {
    const cell = (column: LogColumn, children: HTMLElement[] = []): HTMLElement =>
      el('div', { className: `cell col-${column}`, attrs: { role: 'gridcell' } }, children);
    const marker = el('span', { className: 'marker', attrs: { 'aria-hidden': 'true' } });
    const statusText = el('span');
    const cells = {
      time: cell('time'),
      action: cell('action'),
      status: cell('status', [marker, statusText]),
      source: cell('source'),
      target: cell('target'),
      errorCode: cell('errorCode'),
      cycleId: cell('cycleId'),
    };
    const row = el(
      'div',
      {
        className: 'log-row log-columns',
        testid: 'log-row',
        attrs: { role: 'row', id: `log-row-${index}` },
      },
      Object.values(cells),
    );
    return { row, cells, marker, statusText, position: -1 };
  }

  private fill(slot: Slot, row: LogRow, position: number): void {
    slot.position = position;
    slot.row.style.transform = `translateY(${position * ROW_HEIGHT}px)`;
    slot.row.setAttribute('aria-rowindex', String(position + 2));
    const selected = row.id === this.selectedId;
    slot.row.classList.toggle('selected', selected);
    slot.row.setAttribute('aria-selected', String(selected));
    slot.row.dataset.id = row.id;
    const { cells } = slot;
    setText(cells.time, localTime(row.time), isoTime(row.time));
    setText(cells.action, row.action);
    slot.marker.className = `marker ${statusClass(row.status)}`;
    slot.statusText.textContent = row.status;
    setText(
      cells.source,
      identity(row.sourceName, row.sourceUpn, row.sourceId),
      identityTitle(row.sourceName, row.sourceUpn, row.sourceId),
    );
    setText(
      cells.target,
      identity(row.targetName, '', row.targetId),
      identityTitle(row.targetName, '', row.targetId),
    );
    setText(cells.errorCode, row.errorCode);
    setText(cells.cycleId, row.cycleId);
  }
}

function setText(cell: HTMLElement, text: string, title = text): void {
  cell.textContent = text;
  cell.title = title;
}

/** The name when there is one; the target of a create has none yet, so fall back to UPN or id. */
const identity = (name: string, upn: string, id: string): string => name || upn || id;
const identityTitle = (name: string, upn: string, id: string): string =>
  [name, upn, id].filter(Boolean).join('\n');
