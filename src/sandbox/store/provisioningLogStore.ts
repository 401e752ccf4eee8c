import { str, type JsonObject } from '../json';
import type { ProvisioningEventSpec } from './records';

/** One log entry with its sort key, so ordering and keyset paging need no re-parsing. */
export interface ProvisioningRow {
  readonly ms: number;
  readonly id: string;
  readonly entry: JsonObject;
}

/** Newest first; ties broken by id, so the order (and paging through it) is total and stable. */
export function compareRowsDescending(
  a: { ms: number; id: string },
  b: { ms: number; id: string },
): number {
  return b.ms - a.ms || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A tenant's provisioning logs. The bulk is regenerated from compact specs (seeded history), and
 * only what happened since — events of sandbox-run cycles and entries posted to the control
 * endpoint — is kept for persistence. Full entries are built on first read.
 */
export class ProvisioningLogStore {
  private rows?: ProvisioningRow[];
  private appendedSpecs: ProvisioningEventSpec[] = [];
  private appendedEntries: JsonObject[] = [];

  /** `seeded` is called on first read: seeded history is only materialised when someone asks for logs. */
  constructor(
    private readonly seeded: () => readonly ProvisioningEventSpec[],
    private readonly materialize: (spec: ProvisioningEventSpec) => JsonObject,
  ) {}

  /** All entries, newest first. */
  all(): readonly ProvisioningRow[] {
    if (!this.rows) {
      const rows: ProvisioningRow[] = [];
      for (const spec of this.seeded())
        rows.push({ ms: spec.at, id: spec.id, entry: this.materialize(spec) });
      for (const spec of this.appendedSpecs)
        rows.push({ ms: spec.at, id: spec.id, entry: this.materialize(spec) });
      for (const entry of this.appendedEntries) rows.push(rowOf(entry));
      rows.sort(compareRowsDescending);
      this.rows = rows;
    }
    return this.rows;
  }

  appendSpecs(specs: readonly ProvisioningEventSpec[]): void {
    this.appendedSpecs.push(...specs);
    this.rows = undefined;
  }

  appendEntries(entries: readonly JsonObject[]): void {
    this.appendedEntries.push(...entries);
    this.rows = undefined;
  }

  snapshot(): { specs: ProvisioningEventSpec[]; entries: JsonObject[] } {
    return { specs: [...this.appendedSpecs], entries: [...this.appendedEntries] };
  }

  restore(snapshot: { specs: ProvisioningEventSpec[]; entries: JsonObject[] }): void {
    this.appendedSpecs = [...snapshot.specs];
    this.appendedEntries = [...snapshot.entries];
    this.rows = undefined;
  }
}

function rowOf(entry: JsonObject): ProvisioningRow {
  const ms = typeof entry.activityDateTime === 'string' ? Date.parse(entry.activityDateTime) : NaN;
  return { ms: Number.isNaN(ms) ? 0 : ms, id: str(entry.id), entry };
}
