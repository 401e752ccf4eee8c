import { gatewayBadRequest } from '../errors';
import { isJsonObject, type Json, type JsonObject } from '../json';

/** Graph's limit on requests per batch (graph-api.md §0). */
export const MAX_BATCH_REQUESTS = 20;

export interface BatchItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Json | undefined;
  readonly dependsOn: readonly string[];
}

export interface BatchItemResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Json;
}

/** Validates the outer batch body; malformed batches are rejected whole with 400. */
export function parseBatch(body: unknown): BatchItem[] {
  if (!isJsonObject(body) || !Array.isArray(body.requests))
    throw gatewayBadRequest('Invalid batch payload: expected {"requests": [...]}.');
  const { requests } = body;
  if (requests.length === 0)
    throw gatewayBadRequest('Invalid batch payload: the batch has no requests.');
  if (requests.length > MAX_BATCH_REQUESTS)
    throw gatewayBadRequest(
      `The number of batch requests (${requests.length}) exceeds the maximum of ${MAX_BATCH_REQUESTS}.`,
    );
  const items = requests.map((raw, i): BatchItem => {
    if (!isJsonObject(raw))
      throw gatewayBadRequest(`Invalid batch payload: request ${i} is not an object.`);
    const { id, method, url, headers, body: itemBody, dependsOn } = raw;
    if (typeof id !== 'string' || id === '')
      throw gatewayBadRequest(`Invalid batch payload: request ${i} has no id.`);
    if (typeof method !== 'string' || typeof url !== 'string')
      throw gatewayBadRequest(`Invalid batch payload: request '${id}' needs a method and a url.`);
    if (
      headers !== undefined &&
      !(isJsonObject(headers) && Object.values(headers).every((v) => typeof v === 'string'))
    )
      throw gatewayBadRequest(
        `Invalid batch payload: the headers of request '${id}' must be an object of strings.`,
      );
    const lowered = Object.fromEntries(
      Object.entries((headers as Record<string, string> | undefined) ?? {}).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    if (itemBody !== undefined && itemBody !== null) {
      const type = lowered['content-type'];
      if (!type) throw gatewayBadRequest(`Request '${id}' has a body but no Content-Type header.`);
      if (type.toLowerCase().includes('application/json') && !isJsonObject(itemBody))
        throw gatewayBadRequest(
          `The body of request '${id}' must be a JSON object when its Content-Type is application/json.`,
        );
    }
    if (
      dependsOn !== undefined &&
      !(Array.isArray(dependsOn) && dependsOn.every((d) => typeof d === 'string'))
    )
      throw gatewayBadRequest(
        `Invalid batch payload: dependsOn of request '${id}' must be an array of ids.`,
      );
    return {
      id,
      method: method.toUpperCase(),
      url,
      headers: lowered,
      body: itemBody ?? undefined,
      dependsOn: dependsOn ?? [],
    };
  });
  // Graph compares request ids case-insensitively: "a" and "A" are one id, used twice.
  const ids = new Map<string, string>();
  for (const item of items) {
    if (ids.has(item.id.toLowerCase()))
      throw gatewayBadRequest(`Invalid batch payload: the id '${item.id}' is used twice.`);
    ids.set(item.id.toLowerCase(), item.id);
  }
  // dependsOn names its requests the same way; each is kept as the id the request was sent with.
  return items.map((item) => ({
    ...item,
    dependsOn: item.dependsOn.map((d) => {
      const id = ids.get(d.toLowerCase());
      if (id === undefined)
        throw gatewayBadRequest(`Request '${item.id}' depends on unknown request '${d}'.`);
      return id;
    }),
  }));
}

/** Execution order: dependencies first, otherwise request order. Cycles are a 400. */
export function executionOrder(items: readonly BatchItem[]): BatchItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: BatchItem[] = [];
  const visit = (item: BatchItem): void => {
    if (done.has(item.id)) return;
    if (visiting.has(item.id))
      throw gatewayBadRequest(`Batch requests have a circular dependsOn involving '${item.id}'.`);
    visiting.add(item.id);
    for (const d of item.dependsOn) visit(byId.get(d)!);
    visiting.delete(item.id);
    done.add(item.id);
    order.push(item);
  };
  items.forEach(visit);
  return order;
}

const CANONICAL_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  location: 'Location',
  'www-authenticate': 'WWW-Authenticate',
};

/** One entry of the batch response; inner headers use Graph's spelling, request ids stay on the outer response. */
export function batchResponseEntry(id: string, response: BatchItemResponse): JsonObject {
  const headers: JsonObject = {};
  for (const [k, v] of Object.entries(response.headers))
    if (CANONICAL_HEADERS[k]) headers[CANONICAL_HEADERS[k]] = v;
  const entry: JsonObject = { id, status: response.status, headers };
  if (response.body !== undefined) entry.body = response.body;
  return entry;
}
