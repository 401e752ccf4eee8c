import { NO_FILTERS, type LogFilters } from '../core/provisioning/logRow';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from '../core/provisioning/protocolLimits';
import { button, el, labelled } from './dom';
import type { Facet, Facets } from './engine';
import { fromDateTimeLocal, toDateTimeLocal } from './format';
import { statusClass } from './statusClass';

const STATUSES = ['success', 'failure', 'skipped', 'warning'] as const;
const ACTIONS = ['create', 'update', 'delete', 'disable', 'stagedDelete', 'other'] as const;
/** Long enough to coalesce a burst of keystrokes, short enough to feel live. */
const TEXT_DEBOUNCE_MS = 100;

/** A toggle chip: a real checkbox, so it is keyboard- and screen-reader-operable as is. */
interface Chip {
  readonly value: string;
  readonly element: HTMLLabelElement;
  readonly input: HTMLInputElement;
  readonly count: HTMLElement;
}

/**
 * Status and action chips, error code, cycle id, time range and free text. `setFilters` writes
 * the controls without reporting back; every user edit reports the whole new filter set.
 */
export class FilterBar {
  readonly element: HTMLElement;
  private readonly statusChips: Chip[];
  private readonly actionChips: Chip[];
  private readonly errorCode = el('select', { testid: 'filter-error-code' });
  private readonly cycleId = el('input', {
    testid: 'filter-cycle',
    attrs: {
      type: 'search',
      placeholder: 'Cycle id',
      spellcheck: 'false',
      maxlength: String(MAX_ID_LENGTH),
    },
  });
  private readonly from = el('input', {
    testid: 'filter-from',
    attrs: { type: 'datetime-local', step: '1' },
  });
  private readonly to = el('input', {
    testid: 'filter-to',
    attrs: { type: 'datetime-local', step: '1' },
  });
  private readonly text = el('input', {
    testid: 'filter-text',
    attrs: {
      type: 'search',
      placeholder: 'Name, UPN or object id',
      spellcheck: 'false',
      maxlength: String(MAX_TEXT_LENGTH),
    },
  });
  private readonly clear: HTMLButtonElement;
  private filters: LogFilters;
  private textTimer: number | undefined;

  constructor(
    initial: LogFilters,
    private readonly onChange: (filters: LogFilters) => void,
  ) {
    this.filters = initial;
    this.statusChips = STATUSES.map((s) => this.chip('status', s, s));
    this.actionChips = ACTIONS.map((a) =>
      this.chip('action', a, a === 'stagedDelete' ? 'staged delete' : a),
    );
    this.clear = button('Clear filters', 'btn-clear-filters', () => {
      this.text.value = '';
      this.emit(NO_FILTERS);
    });

    for (const control of [this.errorCode, this.cycleId, this.from, this.to])
      control.addEventListener('change', () => this.emit(this.current()));
    this.text.addEventListener('input', () => {
      window.clearTimeout(this.textTimer);
      this.textTimer = window.setTimeout(() => this.emit(this.current()), TEXT_DEBOUNCE_MS);
    });

    this.element = el('section', { className: 'filters', attrs: { 'aria-label': 'Filters' } }, [
      el('div', { className: 'filter-row' }, [
        el('fieldset', { className: 'chips' }, [
          el('legend', { text: 'Status' }),
          ...this.statusChips.map((c) => c.element),
        ]),
        el('fieldset', { className: 'chips' }, [
          el('legend', { text: 'Action' }),
          ...this.actionChips.map((c) => c.element),
        ]),
      ]),
      el('div', { className: 'filter-row' }, [
        labelled('Search', this.text, 'field grow'),
        labelled('Error code', this.errorCode),
        labelled('Cycle', this.cycleId),
        labelled('From (local time)', this.from),
        labelled('To (local time)', this.to),
        this.clear,
      ]),
    ]);
    this.setFilters(initial);
  }

  /** Shows filters chosen elsewhere (restore, a chart click, Clear) without reporting them back. */
  setFilters(filters: LogFilters): void {
    this.filters = filters;
    for (const c of this.statusChips) c.input.checked = filters.statuses.includes(c.value);
    for (const c of this.actionChips) c.input.checked = filters.actions.includes(c.value);
    this.ensureErrorCodeOption(filters.errorCode);
    this.errorCode.value = filters.errorCode;
    this.cycleId.value = filters.cycleId;
    this.from.value = toDateTimeLocal(filters.from);
    this.to.value = toDateTimeLocal(filters.to);
    // Leave the search box alone while the user is typing in it: the debounced value is older.
    if (document.activeElement !== this.text) this.text.value = filters.text;
    this.clear.disabled = !isFiltered(filters);
  }

  /** Counts over everything loaded, so a chip shows what ticking it would add. */
  setFacets(facets: Facets): void {
    const counts = (list: readonly Facet[]): Map<string, number> =>
      new Map(list.map((f) => [f.value.toLowerCase(), f.count]));
    const statuses = counts(facets.statuses);
    const actions = counts(facets.actions);
    for (const c of this.statusChips)
      c.count.textContent = (statuses.get(c.value) ?? 0).toLocaleString();
    for (const c of this.actionChips)
      c.count.textContent = (actions.get(c.value.toLowerCase()) ?? 0).toLocaleString();

    const codes = facets.errorCodes.filter((f) => f.value !== '');
    const current = Array.from(this.errorCode.options).slice(1);
    if (current.length === codes.length && codes.every((f, i) => current[i].value === f.value)) {
      // Only counts changed (rows arriving): update in place, so an open dropdown stays open.
      codes.forEach((f, i) => (current[i].textContent = codeLabel(f)));
      return;
    }
    const options = [el('option', { text: 'Any', attrs: { value: '' } })];
    for (const f of codes) {
      const option = el('option', { text: codeLabel(f) });
      option.value = f.value;
      options.push(option);
    }
    this.errorCode.replaceChildren(...options);
    this.ensureErrorCodeOption(this.filters.errorCode);
    this.errorCode.value = this.filters.errorCode;
  }

  private chip(kind: 'status' | 'action', value: string, label: string): Chip {
    const input = el('input', { testid: `filter-${kind}-${value}`, attrs: { type: 'checkbox' } });
    const count = el('span', { className: 'chip-count', text: '0' });
    const marker =
      kind === 'status'
        ? [
            el('span', {
              className: `marker ${statusClass(value)}`,
              attrs: { 'aria-hidden': 'true' },
            }),
          ]
        : [];
    const element = el('label', { className: 'chip' }, [
      input,
      ...marker,
      el('span', { text: label }),
      count,
    ]);
    input.addEventListener('change', () => this.emit(this.current()));
    return { value, element, input, count };
  }

  /** A restored or typed code that no loaded row has yet still needs an option to be selected. */
  private ensureErrorCodeOption(code: string): void {
    if (!code || Array.from(this.errorCode.options).some((o) => o.value === code)) return;
    const option = el('option', { text: `${code} (0)` });
    option.value = code;
    this.errorCode.append(option);
  }

  /**
   * The filters as the controls show them. The search box is read here too, so a chip ticked
   * within the debounce delay of a keystroke does not drop the text just typed.
   */
  private current(): LogFilters {
    const from = fromDateTimeLocal(this.from.value);
    const to = fromDateTimeLocal(this.to.value);
    return {
      statuses: this.statusChips.filter((c) => c.input.checked).map((c) => c.value),
      actions: this.actionChips.filter((c) => c.input.checked).map((c) => c.value),
      errorCode: this.errorCode.value,
      cycleId: this.cycleId.value.trim(),
      text: this.text.value.trim(),
      // The inputs show whole seconds: keep a bound set elsewhere (a chart bar) exact unless edited.
      ...(from !== undefined
        ? { from: sameSecond(from, this.filters.from) ? this.filters.from : from }
        : {}),
      ...(to !== undefined ? { to: sameSecond(to, this.filters.to) ? this.filters.to : to } : {}),
    };
  }

  private emit(filters: LogFilters): void {
    window.clearTimeout(this.textTimer);
    this.setFilters(filters);
    this.onChange(filters);
  }
}

export function isFiltered(f: LogFilters): boolean {
  return (
    f.statuses.length > 0 ||
    f.actions.length > 0 ||
    !!f.errorCode ||
    !!f.cycleId ||
    !!f.text ||
    f.from !== undefined ||
    f.to !== undefined
  );
}

const codeLabel = (f: Facet): string => `${f.value} (${f.count.toLocaleString()})`;

const sameSecond = (a: number, b: number | undefined): boolean =>
  b !== undefined && Math.floor(a / 1000) === Math.floor(b / 1000);
