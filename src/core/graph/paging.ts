import type { GraphClient, GraphRequestSpec } from './graphClient';
import { DeadlineError, GraphError, type GraphRequestInfo } from './graphError';
import { timeLimit } from './limits';

export interface CollectionPage<T> {
  readonly value?: T[];
  readonly '@odata.nextLink'?: string;
}

/** A page whose links or shape cannot be followed: paging stops with one of these. */
function pagingError(request: GraphRequestInfo, code: string, message: string): GraphError {
  return new GraphError({ ...request, status: 200, code, message });
}

/**
 * A position in a collection that survives a failed or cancelled page: the page is read again on
 * the next call, so "load more" after a cancel or a throttled request resumes where it stopped.
 * It follows every `@odata.nextLink` exactly as Graph sent it (graph-api.md §0: never build
 * `$skiptoken` yourself, never assume a page size), but never one it has already read (a loop)
 * and never more than the client's `maxPages`: a misbehaving server cannot keep it going forever.
 */
export class PageCursor<T> {
  private next: GraphRequestSpec | undefined;
  private readonly visited = new Set<string>();
  private read_ = 0;

  constructor(
    private readonly client: GraphClient,
    private readonly spec: GraphRequestSpec & { method: 'GET' },
  ) {
    this.next = spec;
    this.visited.add(spec.url ?? client.url(spec.path ?? '/', spec.query));
  }

  /** No page is left. */
  get done(): boolean {
    return this.next === undefined;
  }

  /** Pages read so far. */
  get pagesRead(): number {
    return this.read_;
  }

  /** The next page (empty once done). `signal` overrides the spec's for this page only. */
  async read(signal: AbortSignal | undefined = this.spec.signal): Promise<T[]> {
    if (!this.next) return [];
    const url = this.next.url ?? this.client.url(this.next.path ?? '/', this.next.query);
    const info: GraphRequestInfo = {
      method: 'GET',
      url,
      tenantId: this.client.tenantId,
      operation: this.spec.operation,
    };
    const { maxPages } = this.client.limits;
    if (this.read_ >= maxPages)
      throw pagingError(
        info,
        'TooManyPages',
        `Stopped after ${maxPages} pages, the most one listing reads.`,
      );
    const page: unknown = await this.client.request<unknown>({ ...this.next, signal });
    const { value, link } = pageParts<T>(page, info);
    if (link !== undefined && this.visited.has(link))
      throw pagingError(
        info,
        'RepeatedNextLink',
        `Graph sent the same next-page link twice (${link}); stopped after ${this.read_ + 1} pages.`,
      );
    this.read_++;
    if (link !== undefined) this.visited.add(link);
    const { operation, headers, bundle } = this.spec;
    this.next = link ? { operation, method: 'GET', url: link, headers, bundle } : undefined;
    return value;
  }
}

/** A collection page's items and next link, or an InvalidResponseBody error for any other shape. */
function pageParts<T>(page: unknown, info: GraphRequestInfo): { value: T[]; link?: string } {
  if (page === undefined) return { value: [] };
  const body = page as Record<string, unknown>;
  const value = body.value ?? [];
  // An empty link is the end, as an absent one.
  const link = body['@odata.nextLink'] || undefined;
  if (!Array.isArray(value) || (link !== undefined && typeof link !== 'string'))
    throw pagingError(
      info,
      'InvalidResponseBody',
      'Graph answered with a page that is not a collection (value[] and an optional @odata.nextLink).',
    );
  return { value: value as T[], link };
}

/**
 * The pages of a collection, first request then every next link. Nothing is fetched before the
 * consumer asks for the next page; every page request carries the signal, so an abort between
 * pages stops the walk before anything more is sent. The whole walk has the client's deadline.
 */
export async function* pages<T>(
  client: GraphClient,
  spec: GraphRequestSpec & { method: 'GET' },
): AsyncGenerator<T[], void, undefined> {
  const info = {
    method: 'GET',
    url: client.url(spec.path ?? '/', spec.query),
    tenantId: client.tenantId,
    operation: spec.operation,
  };
  const { deadlineMs } = client.limits;
  const deadline = timeLimit(deadlineMs, [spec.signal], () => new DeadlineError(info, deadlineMs));
  try {
    const cursor = new PageCursor<T>(client, { ...spec, signal: deadline.signal });
    while (!cursor.done) yield await cursor.read();
  } finally {
    deadline.dispose();
  }
}

/** Every item of a collection, all pages. */
export async function listAll<T>(
  client: GraphClient,
  spec: GraphRequestSpec & { method: 'GET' },
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages<T>(client, spec)) items.push(...page);
  return items;
}
