import type { Json, JsonObject } from '../json';
import { decodeSkipToken, encodeSkipToken } from './skipToken';

/**
 * The `@odata.nextLink` of a page: the request's own URL with its `$skiptoken` replaced, so every
 * other query option is carried along and the client can GET it unchanged.
 */
export function nextLink(url: URL, token: string): string {
  const parts: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === '$skiptoken') continue;
    parts.push(`${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${token}`);
  return `${url.origin}${url.pathname}?${parts.join('&')}`;
}

/** One page of a collection response. */
export interface Page<T = JsonObject> {
  readonly value: T[];
  readonly nextLink?: string;
}

/** Offset paging for directory collections, which do not change while a client pages through them. */
export function pageByOffset<T>(
  items: readonly T[],
  url: URL,
  kind: string,
  skipToken: string | undefined,
  top: number,
): Page<T> {
  const offset = skipToken === undefined ? 0 : Number(decodeSkipToken(kind, skipToken).o);
  const start = Number.isInteger(offset) && offset >= 0 ? offset : 0;
  const value = items.slice(start, start + top);
  const end = start + value.length;
  return end < items.length
    ? { value, nextLink: nextLink(url, encodeSkipToken(kind, { o: end })) }
    : { value };
}

/** The collection body: context, values and, when there is more, the next link. */
export function collectionBody(context: string, page: Page, extra: JsonObject = {}): JsonObject {
  const body: Record<string, Json> = { '@odata.context': context, ...extra };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body.value = page.value;
  return body;
}
