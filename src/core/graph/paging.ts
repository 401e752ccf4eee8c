import type { GraphClient, GraphRequestSpec } from './graphClient';

export interface CollectionPage<T> {
  readonly value?: T[];
  readonly '@odata.nextLink'?: string;
}

/**
 * The pages of a collection, first request then every `@odata.nextLink` exactly as Graph sent it
 * (graph-api.md §0: never build `$skiptoken` yourself, never assume a page size). Nothing is
 * fetched before the consumer asks for the next page; every page request carries the signal, so an
 * abort between pages stops the walk before anything more is sent.
 */
export async function* pages<T>(client: GraphClient, spec: GraphRequestSpec & { method: 'GET' }): AsyncGenerator<T[], void, undefined> {
  let next: GraphRequestSpec | undefined = spec;
  while (next) {
    const page: CollectionPage<T> | undefined = await client.request<CollectionPage<T>>(next);
    yield page?.value ?? [];
    const link: string | undefined = page?.['@odata.nextLink'];
    next = link ? { operation: spec.operation, method: 'GET', url: link, headers: spec.headers, signal: spec.signal, bundle: spec.bundle } : undefined;
  }
}

/** Every item of a collection, all pages. */
export async function listAll<T>(client: GraphClient, spec: GraphRequestSpec & { method: 'GET' }): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages<T>(client, spec)) items.push(...page);
  return items;
}
