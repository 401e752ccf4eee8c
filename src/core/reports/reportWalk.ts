import { throwIfAborted } from '../graph/abort';
import type { GraphOperation } from '../auth/operationPermissions';
import type { GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import type { QueryValue } from '../graph/odata';
import { PageCursor } from '../graph/paging';
import type { RateLimiter } from '../sync/rateLimiter';

/**
 * One query of a walk: `$filter` texts to try, most selective first. Microsoft documents only some
 * filters of the report APIs; the others (a sign-in's tenant ids, `or`) are tried, and a 400 on
 * the first page moves the walk to the next, less selective, text. The last should be a filter
 * Microsoft documents. The caller filters what comes back itself, whichever text was used.
 */
export type ReportQuery = readonly string[];

export interface ReportWalkRequest<T> {
  readonly client: GraphClient;
  /** The tenant's identity-reports limiter (5 per 10 s per tenant and app, graph-api.md §0). */
  readonly limiter: RateLimiter;
  readonly operation: GraphOperation;
  readonly path: string;
  /** Query options besides `$filter` (`$top`, `$orderby`). */
  readonly options?: Readonly<Record<string, QueryValue>>;
  readonly queries: readonly ReportQuery[];
  /** Every loop over server data is bounded: the walk stops (truncated) after this many pages. */
  readonly maxPages: number;
  readonly signal?: AbortSignal;
  /** Each page as it arrives, so a caller can keep what it needs and show the first rows at once. */
  readonly onPage: (items: readonly T[], progress: ReportWalkProgress) => void;
}

export interface ReportWalkProgress {
  /** Requests sent so far (pages, and first pages a filter was refused on). */
  readonly requests: number;
  readonly pages: number;
  /** Queries finished, of `total`. */
  readonly queriesDone: number;
  readonly total: number;
}

export interface ReportWalkResult {
  readonly requests: number;
  readonly pages: number;
  /** The page bound stopped the walk before the end. */
  readonly truncated: boolean;
  /** Filter texts Graph refused (400), in the order they were tried. */
  readonly refusedFilters: readonly string[];
}

/** A 400 on a query's first page: Graph does not accept that filter. */
function refusesFilter(error: unknown): boolean {
  return error instanceof GraphError && error.status === 400;
}

/**
 * Reads report queries one after the other, page by page, each request after the tenant's
 * reports limiter lets it go; cancellable between and during requests. Levels mean the same for
 * every query (level 0 the most selective, the last what Microsoft documents); once a level is
 * refused, later queries start at the next one, a text refused before is not sent again, and a
 * query whose chosen text was already read (two categories falling back to the same time-only
 * filter) is not read twice.
 */
export async function walkReports<T>(request: ReportWalkRequest<T>): Promise<ReportWalkResult> {
  const { client, limiter, signal } = request;
  const refusedFilters: string[] = [];
  const walked = new Set<string>();
  let level = 0;
  let requests = 0;
  let pages = 0;
  let queriesDone = 0;
  const total = request.queries.length;
  for (const query of request.queries) {
    for (;;) {
      const filter = query[Math.min(level, query.length - 1)];
      if (walked.has(filter)) break;
      if (refusedFilters.includes(filter) && level < query.length - 1) {
        level++;
        continue;
      }
      const cursor = new PageCursor<T>(client, {
        operation: request.operation,
        method: 'GET',
        path: request.path,
        query: { ...request.options, $filter: filter },
      });
      let first = true;
      try {
        while (!cursor.done) {
          if (pages >= request.maxPages)
            return { requests, pages, truncated: true, refusedFilters };
          throwIfAborted(signal);
          await limiter.acquire(signal);
          requests++;
          const page = await cursor.read(signal);
          first = false;
          pages++;
          request.onPage(page, { requests, pages, queriesDone, total });
        }
        walked.add(filter);
        break;
      } catch (error) {
        if (!(first && refusesFilter(error) && level < query.length - 1)) throw error;
        refusedFilters.push(filter);
        level++;
      }
    }
    queriesDone++;
  }
  return { requests, pages, truncated: false, refusedFilters };
}
