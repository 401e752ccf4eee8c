import { badRequest, gatewayBadRequest, unsupportedQuery } from '../errors';

export type SystemQueryOption =
  | '$filter'
  | '$select'
  | '$expand'
  | '$top'
  | '$skip'
  | '$skiptoken'
  | '$orderby'
  | '$search'
  | '$count';

const KNOWN: ReadonlySet<string> = new Set<SystemQueryOption>([
  '$filter',
  '$select',
  '$expand',
  '$top',
  '$skip',
  '$skiptoken',
  '$orderby',
  '$search',
  '$count',
]);

/** The OData system query options of one request (custom, non-`$` parameters are ignored as Graph does). */
export class QueryOptions {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  static parse(search: URLSearchParams): QueryOptions {
    const values = new Map<string, string>();
    for (const [rawKey, value] of search) {
      if (!rawKey.startsWith('$')) continue;
      const key = rawKey.toLowerCase();
      if (!KNOWN.has(key)) throw gatewayBadRequest(`Query option '${rawKey}' is not supported.`);
      if (values.has(key))
        throw gatewayBadRequest(
          `Query option '${rawKey}' was specified more than once; it must be specified at most once.`,
        );
      values.set(key, value);
    }
    return new QueryOptions(values);
  }

  get(option: SystemQueryOption): string | undefined {
    return this.values.get(option);
  }

  /** The options present, in a stable order (for continuation tokens). */
  entries(): [string, string][] {
    return [...this.values].sort(([a], [b]) => a.localeCompare(b));
  }

  /** Rejects options this endpoint does not support, as Graph does, instead of silently ignoring them. */
  allowOnly(allowed: readonly SystemQueryOption[]): void {
    for (const key of this.values.keys()) {
      if (!allowed.includes(key as SystemQueryOption))
        throw unsupportedQuery(`The query option '${key}' is not supported on this resource.`);
    }
  }

  /** `$top` as a page size in [1, max]; absent → `fallback`. Larger values are clamped when `clamp`, else a 400. */
  top(fallback: number, max: number, clamp: boolean): number {
    const raw = this.values.get('$top');
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw))
      throw badRequest(
        `Invalid value '${raw}' for query option $top: it must be a positive integer.`,
      );
    const n = Number(raw);
    if (n < 1) throw badRequest('Invalid page size specified: $top must be at least 1.');
    if (n > max) {
      if (clamp) return max;
      throw badRequest(
        `Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`,
      );
    }
    return n;
  }
}
