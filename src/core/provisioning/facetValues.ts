import type { LogRow } from './logRow';
import { MAX_ID_LENGTH, isEnumValue } from './protocolLimits';

export interface FacetValue {
  /** As first seen; values that differ only in case count as one, as the filters compare them. */
  readonly value: string;
  readonly count: number;
}

/** What the filter dropdowns offer, most frequent first. */
export interface LogFacets {
  readonly statuses: readonly FacetValue[];
  readonly actions: readonly FacetValue[];
  readonly errorCodes: readonly FacetValue[];
}

class Tally {
  private readonly byKey = new Map<string, { value: string; count: number }>();

  add(value: string): void {
    const key = value.toLowerCase();
    const seen = this.byKey.get(key);
    if (seen) seen.count++;
    else this.byKey.set(key, { value, count: 1 });
  }

  sorted(): FacetValue[] {
    return [...this.byKey.values()].sort(
      (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
}

/**
 * The distinct statuses, actions and error codes of `rows`, with counts. Only values a filter can
 * carry are offered (see protocolLimits.ts): a hostile or garbled value in the data shows in its
 * row but never ends up in a state the host would refuse.
 */
export function facetValues(rows: readonly LogRow[]): LogFacets {
  const statuses = new Tally();
  const actions = new Tally();
  const errorCodes = new Tally();
  for (const row of rows) {
    if (isEnumValue(row.status)) statuses.add(row.status);
    if (isEnumValue(row.action)) actions.add(row.action);
    if (row.errorCode.trim() !== '' && row.errorCode.length <= MAX_ID_LENGTH)
      errorCodes.add(row.errorCode);
  }
  return {
    statuses: statuses.sorted(),
    actions: actions.sorted(),
    errorCodes: errorCodes.sorted(),
  };
}
