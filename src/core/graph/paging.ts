import type { GraphClient, GraphRequestSpec } from './graphClient';

export interface CollectionPage<T> {
  readonly value?: T[];
  readonly '@odata.nextLink'?: string;
}

/**
 * A position in a collection that survives a failed or cancelled page: the page is read again on
 * the next call, so "load more" after a cancel or a throttled request resumes where it stopped.
 * It follows every `@odata.nextLink` exactly as Graph sent it (graph-api.md §0: never build
 * `$skiptoken` yourself, never assume a page size).
 */
export class PageCursor<T> {
  private next: GraphRequestSpec | undefined;

  constructor(
    private readonly client: GraphClient,
    private readonly spec: GraphRequestSpec & { method: 'GET' },
  ) {
    this.next = spec;
  }

  /** No page is left. */
  get done(): boolean {
    return this.next === undefined;
  }

  /** The next page (empty once done). `signal` overrides the spec's for this page only. */
  async read(signal: AbortSignal | undefined = this.spec.signal): Promise<T[]> {
    if (!this.next) return [];
    const page: CollectionPage<T> | undefined = await this.client.request<CollectionPage<T>>({
      ...this.next,
      signal,
    });
    const link: string | undefined = page?.['@odata.nextLink'];
    const { operation, headers, bundle } = this.spec;
    this.next = link ? { operation, method: 'GET', url: link, headers, bundle } : undefined;
    return page?.value ?? [];
  }
}

/**
 * The pages of a collection, first request then every next link. Nothing is fetched before the
 * consumer asks for the next page; every page request carries the signal, so an abort between
 * pages stops the walk before anything more is sent.
 */
export async function* pages<T>(
  client: GraphClient,
  spec: GraphRequestSpec & { method: 'GET' },
): AsyncGenerator<T[], void, undefined> {
  const cursor = new PageCursor<T>(client, spec);
  while (!cursor.done) yield await cursor.read();
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
