/**
 * The panel's view of the filter engine in src/core/provisioning (shared with the host, which
 * filters the same way for export). The UI talks only to this module, so it sees one small shape
 * whatever the engine's internals.
 */
import type { LogFilters, LogRow, LogSort } from '../core/provisioning/logRow';
import { bucketRows, type ChartData } from '../core/provisioning/bucketRows';
import { facetValues, type FacetValue, type LogFacets } from '../core/provisioning/facetValues';
import { LogIndex } from '../core/provisioning/logIndex';

export type { ChartBucket, ChartData } from '../core/provisioning/bucketRows';
export { DEFAULT_SORT } from '../core/provisioning/logIndex';
export type Facet = FacetValue;
export type Facets = LogFacets;

/** One query's result, in display order. */
export interface LogView {
  readonly length: number;
  row(position: number): LogRow | undefined;
  /** -1 when the row is filtered out or not loaded. */
  positionOf(id: string): number;
  /** The view's rows per hour or day and status; over `range` when given, else over the rows' own span. */
  chart(range?: { readonly from: number; readonly to: number }): ChartData;
}

export class LogStore {
  private index = new LogIndex();

  get size(): number {
    return this.index.size;
  }

  add(rows: readonly LogRow[], position: 'append' | 'prepend'): void {
    if (position === 'append') this.index.append(rows);
    else this.index.prepend(rows);
  }

  clear(): void {
    this.index = new LogIndex();
  }

  get(id: string): LogRow | undefined {
    return this.index.rows.find((r) => r.id === id);
  }

  query(filters: LogFilters, sort: LogSort): LogView {
    const rows = this.index.rows;
    const positions = this.index.query(filters, sort);
    return {
      length: positions.length,
      row: (p) => (p >= 0 && p < positions.length ? rows[positions[p]] : undefined),
      positionOf: (id) => positions.findIndex((i) => rows[i].id === id),
      chart: (range) => bucketRows(rows, range ? { positions, range } : { positions }),
    };
  }

  facets(): Facets {
    return facetValues(this.index.rows);
  }
}
