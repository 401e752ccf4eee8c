import { str, type JsonObject } from '../json';
import { compareRowsDescending } from './provisioningLogStore';

/** One log entry with its sort key, so ordering and keyset paging need no re-parsing. */
export interface EventRow {
  readonly ms: number;
  readonly id: string;
  readonly entry: JsonObject;
}

/**
 * A tenant's directory audits or sign-ins: the seeded history, regenerated from the seed on first
 * read, plus entries appended since (changes made through the sandbox, or posted for tests and
 * benchmarks), which are all that persistence keeps. `timeKey` names the entry's timestamp
 * (`activityDateTime`, `createdDateTime`).
 */
export class EventLog {
  private rows?: EventRow[];
  private appended: JsonObject[] = [];

  constructor(
    private readonly timeKey: string,
    private readonly seeded: () => readonly JsonObject[] = () => [],
  ) {}

  /** All entries, newest first (ties by id). */
  all(): readonly EventRow[] {
    if (!this.rows) {
      const rows = [...this.seeded(), ...this.appended].map((entry) => this.rowOf(entry));
      rows.sort(compareRowsDescending);
      this.rows = rows;
    }
    return this.rows;
  }

  append(entries: readonly JsonObject[]): void {
    this.appended.push(...entries);
    this.rows = undefined;
  }

  snapshot(): JsonObject[] {
    return [...this.appended];
  }

  restore(entries: readonly JsonObject[]): void {
    this.appended = [...entries];
    this.rows = undefined;
  }

  private rowOf(entry: JsonObject): EventRow {
    const ms = Date.parse(str(entry[this.timeKey]));
    return { ms: Number.isNaN(ms) ? 0 : ms, id: str(entry.id), entry };
  }
}
