import { el } from './dom';
import type { ChartBucket, ChartData } from './engine';
import { bucketLabel, count, localTime } from './format';

/** Stacked from the bottom in this order; the legend lists them the same way. */
const SERIES = [
  { key: 'failure', label: 'Failure' },
  { key: 'warning', label: 'Warning' },
  { key: 'success', label: 'Success' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'other', label: 'Other' },
] as const;

const total = (b: ChartBucket): number => b.success + b.failure + b.skipped + b.warning + b.other;

/**
 * Entries per hour or day as stacked bars. Each bar is a real `<button>` (focus, Enter and a
 * screen-reader name for free); segment heights are set through the CSSOM, which the panel's CSP
 * allows where inline `style` attributes are blocked. Clicking a bar narrows the time filter to it.
 */
export class Chart {
  readonly element: HTMLElement;
  private readonly bars = el('div', { className: 'chart-bars', attrs: { role: 'group' } });
  private readonly axis = el('div', { className: 'chart-axis', attrs: { 'aria-hidden': 'true' } });
  private readonly scale = el('div', {
    className: 'chart-scale',
    attrs: { 'aria-hidden': 'true' },
  });
  private readonly empty = el('div', {
    className: 'chart-empty',
    text: 'No entries in this range.',
  });

  constructor(private readonly onPick: (from: number, to: number) => void) {
    const legend = el(
      'ul',
      { className: 'chart-legend', attrs: { 'aria-label': 'Legend' } },
      SERIES.map((s) =>
        el('li', {}, [
          el('span', { className: `swatch status-${s.key}`, attrs: { 'aria-hidden': 'true' } }),
          s.label,
        ]),
      ),
    );
    this.element = el(
      'section',
      { className: 'chart', testid: 'chart', attrs: { 'aria-label': 'Entries over time' } },
      [
        el('div', { className: 'chart-plot' }, [this.scale, this.bars, this.empty]),
        this.axis,
        legend,
      ],
    );
    // One tab stop for the whole chart; the arrow keys move between bars (roving tabindex).
    this.bars.addEventListener('keydown', (e) => this.onKey(e));
  }

  render(data: ChartData): void {
    const buckets = data.buckets;
    const max = buckets.reduce((m, b) => Math.max(m, total(b)), 0);
    this.empty.hidden = max > 0;
    this.bars.hidden = max === 0;
    this.bars.setAttribute(
      'aria-label',
      `Entries per ${data.unit}; activate a bar to filter to its time range`,
    );
    this.scale.textContent = max > 0 ? `${max.toLocaleString()} / ${data.unit}` : '';
    const bars = buckets.map((b, i) => this.bar(b, data.unit, max, i === 0));
    this.bars.replaceChildren(...bars);
    // One axis cell per bar, laid out like the bars, so each label sits under its own bar.
    const ticks = new Set([0, Math.floor(buckets.length / 2), buckets.length - 1]);
    this.axis.replaceChildren(
      ...buckets.map((b, i) =>
        el('span', { text: ticks.has(i) ? bucketLabel(b.start, data.unit) : '' }),
      ),
    );
  }

  private bar(
    b: ChartBucket,
    unit: 'hour' | 'day',
    max: number,
    tabStop: boolean,
  ): HTMLButtonElement {
    const n = total(b);
    const parts = SERIES.filter((s) => b[s.key] > 0).map(
      (s) => `${b[s.key].toLocaleString()} ${s.label.toLowerCase()}`,
    );
    const label = `${localTime(b.start)} – ${localTime(b.end)}: ${count(n, 'entry', 'entries')}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    const bar = el('button', {
      className: 'chart-bar',
      testid: 'chart-bar',
      attrs: { type: 'button', 'aria-label': label, title: label },
    });
    bar.tabIndex = tabStop ? 0 : -1;
    bar.dataset.start = String(b.start);
    bar.dataset.unit = unit;
    const stack = el('span', { className: 'chart-stack' });
    if (max > 0) stack.style.height = `${(n / max) * 100}%`;
    for (const s of SERIES) {
      if (b[s.key] === 0) continue;
      const seg = el('span', { className: `chart-segment status-${s.key}` });
      seg.style.flexGrow = String(b[s.key]);
      stack.append(seg);
    }
    bar.append(stack);
    bar.addEventListener('click', () => this.onPick(b.start, b.end));
    return bar;
  }

  private onKey(e: KeyboardEvent): void {
    const bars = Array.from(this.bars.children) as HTMLElement[];
    const at = bars.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const moves: Record<string, number> = {
      ArrowLeft: at - 1,
      ArrowRight: at + 1,
      Home: 0,
      End: bars.length - 1,
    };
    const next = moves[e.key];
    if (next === undefined || next < 0 || next >= bars.length) return;
    e.preventDefault();
    bars[at].tabIndex = -1;
    bars[next].tabIndex = 0;
    bars[next].focus();
  }
}
