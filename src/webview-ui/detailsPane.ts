import type { LogRow, LogRowDetails, LogStep } from '../core/provisioning/logRow';
import { button, el } from './dom';
import { count, duration, isoTime, localTime } from './format';
import { statusClass } from './statusClass';

export interface DetailsEvents {
  copyIds(id: string): void;
  provisionOnDemand(id: string): void;
  openPolicy(id: string): void;
  /** Escape: hand the focus back to the table. */
  back(): void;
}

/**
 * The selected entry: a summary from its row at once, then steps, modified properties, the error
 * with our explanation, and ids once the host answers `select` with `details`. Rebuilt whole on
 * each change (one entry is small); all text goes in as text.
 */
export class DetailsPane {
  readonly element = el('aside', {
    className: 'details',
    testid: 'details',
    attrs: { role: 'region', 'aria-label': 'Entry details' },
  });

  private shownId: string | undefined;

  constructor(private readonly events: DetailsEvents) {
    this.element.tabIndex = -1;
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.events.back();
    });
    this.show(undefined, undefined, false);
  }

  /** `pending`: a selection whose details have not arrived yet. */
  show(row: LogRow | undefined, details: LogRowDetails | undefined, pending: boolean): void {
    // Another entry starts at its top; the same one (its details arriving) keeps the scroll.
    const id = row?.id ?? details?.id;
    if (id !== this.shownId) this.element.scrollTop = 0;
    this.shownId = id;
    if (!row && !details) {
      this.element.replaceChildren(
        el('p', {
          className: 'placeholder',
          text: pending
            ? 'Loading details…'
            : 'Select an entry to see its steps, changed properties and error.',
        }),
      );
      return;
    }
    const parts: Node[] = [];
    if (row) parts.push(...summary(row));
    if (details) parts.push(...this.detailSections(details, row?.status ?? ''));
    else if (pending)
      parts.push(
        el('p', { className: 'placeholder', text: 'Loading details…', attrs: { role: 'status' } }),
      );
    this.element.replaceChildren(...parts);
  }

  focus(): void {
    this.element.focus();
  }

  private detailSections(d: LogRowDetails, status: string): Node[] {
    const actions = el('div', { className: 'details-actions' });
    if (d.canProvisionOnDemand) {
      actions.append(
        button(
          'Provision on demand',
          'btn-provision',
          () => this.events.provisionOnDemand(d.id),
          'button',
        ),
      );
    }
    if (d.policy) {
      const b = button(`Open policy: ${d.policy.label}`, 'btn-open-policy', () =>
        this.events.openPolicy(d.id),
      );
      b.title = d.policy.setting ? `${d.policy.label}\n${d.policy.setting}` : d.policy.label;
      actions.append(b);
    }
    const sections: Node[] = [];
    if (actions.childElementCount) sections.push(actions);
    if (d.error) sections.push(errorSection(d.error, status));
    if (d.steps.length)
      sections.push(
        section('Steps', 'details-steps', [el('ol', { className: 'steps' }, d.steps.map(step))]),
      );
    if (d.modifiedProperties.length)
      sections.push(
        section(`Modified properties (${d.modifiedProperties.length})`, 'details-modified', [
          modifiedTable(d),
        ]),
      );
    const copy = button('Copy ids', 'btn-copy-ids', () => this.events.copyIds(d.id));
    sections.push(section('Ids', 'details-ids', [keyValues(d.ids, 'mono'), copy]));
    return sections;
  }
}

function summary(row: LogRow): Node[] {
  const heading = el('h2', { className: 'details-title' }, [
    el('span', {
      className: `marker ${statusClass(row.status)}`,
      attrs: { 'aria-hidden': 'true' },
    }),
    `${row.action || 'unknown action'} · ${row.status || 'unknown status'}`,
  ]);
  const facts: [string, string][] = [
    ['Time', `${localTime(row.time)} (${isoTime(row.time)})`],
    ['Source', [row.sourceName, row.sourceUpn, row.sourceId].filter(Boolean).join(' · ')],
    ['Target', [row.targetName, row.targetId].filter(Boolean).join(' · ') || '(not created yet)'],
    ['Type', row.identityType],
    ['Duration', duration(row.durationMs)],
    ['Error code', row.errorCode],
  ];
  return [
    heading,
    keyValues(
      facts.filter(([, v]) => v !== ''),
      '',
    ),
  ];
}

/** The error of a failed entry, or the reason an entry was skipped (not an error: no alarm, no retry talk). */
function errorSection(e: NonNullable<LogRowDetails['error']>, status: string): HTMLElement {
  const skipped = status.toLowerCase() === 'skipped';
  const parts: Node[] = [
    el('p', { className: 'error-code mono', text: e.code, testid: 'details-error-code' }),
  ];
  if (e.reason)
    parts.push(
      el('p', { className: 'error-reason', text: e.reason, testid: 'details-error-reason' }),
    );
  if (e.meaning) parts.push(labelledText('What it means', e.meaning, 'details-error-meaning'));
  if (e.remedy) parts.push(labelledText('What to do', e.remedy, 'details-error-remedy'));
  if (e.recommendedAction)
    parts.push(
      labelledText('Recommended by the service', e.recommendedAction, 'details-error-recommended'),
    );
  if (e.additionalDetails)
    parts.push(labelledText('Additional details', e.additionalDetails, 'details-error-additional'));
  if (e.retries !== undefined && !skipped) {
    const note = e.retries
      ? 'The provisioning service retries this entry on its own; act only if the error persists.'
      : 'Not fixed by retrying: the service keeps failing on this entry until the cause is fixed.';
    parts.push(el('p', { className: 'retries', text: note, testid: 'details-error-retries' }));
  }
  const title = skipped ? 'Why it was skipped' : e.category ? `Error (${e.category})` : 'Error';
  const s = section(title, 'details-error', parts);
  s.classList.add(skipped ? 'skip' : 'error');
  return s;
}

function step(s: LogStep): HTMLElement {
  const header = el('div', { className: 'step-header' }, [
    el('span', { className: `marker ${statusClass(s.status)}`, attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'step-name', text: s.name }),
    el('span', { className: 'step-type', text: s.type }),
    el('span', { className: 'step-status', text: s.status }),
  ]);
  const parts: Node[] = [header];
  if (s.description) parts.push(el('p', { className: 'step-description', text: s.description }));
  if (s.details.length) {
    // Import steps carry every source attribute: collapsed unless the step is what went wrong.
    const more = el('details', {}, [
      el('summary', { text: count(s.details.length, 'detail') }),
      keyValues(s.details, 'mono'),
    ]);
    more.open = s.status.toLowerCase() !== 'success';
    parts.push(more);
  }
  return el('li', { className: 'step', testid: 'details-step' }, parts);
}

function modifiedTable(d: LogRowDetails): HTMLElement {
  const head = el('thead', {}, [
    el('tr', {}, [
      el('th', { text: 'Property', attrs: { scope: 'col' } }),
      el('th', { text: 'Old value', attrs: { scope: 'col' } }),
      el('th', { attrs: { scope: 'col', 'aria-label': 'changed to' } }),
      el('th', { text: 'New value', attrs: { scope: 'col' } }),
    ]),
  ]);
  const body = el(
    'tbody',
    {},
    d.modifiedProperties.map((p) =>
      el('tr', {}, [
        el('th', { text: p.name, attrs: { scope: 'row' } }),
        el('td', { className: 'mono old', text: p.oldValue }),
        el('td', { className: 'arrow', text: '→', attrs: { 'aria-hidden': 'true' } }),
        el('td', { className: 'mono new', text: p.newValue }),
      ]),
    ),
  );
  return el('table', { className: 'modified' }, [head, body]);
}

function section(title: string, testid: string, children: readonly Node[]): HTMLElement {
  return el('section', { className: 'details-section', testid }, [
    el('h3', { text: title }),
    ...children,
  ]);
}

function labelledText(label: string, text: string, testid: string): HTMLElement {
  return el('div', { className: 'labelled' }, [
    el('h4', { text: label }),
    el('p', { text, testid }),
  ]);
}

function keyValues(pairs: readonly (readonly [string, string])[], valueClass: string): HTMLElement {
  return el(
    'dl',
    { className: 'key-values' },
    pairs.flatMap(([k, v]) => [
      el('dt', { text: k }),
      el('dd', { className: valueClass, text: v }),
    ]),
  );
}
