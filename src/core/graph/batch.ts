import { permissionFor, type GraphOperation } from '../auth/operationPermissions';
import { largestBundle } from '../auth/scopes';
import { throwIfAborted } from './abort';
import type { GraphClient, HttpMethod } from './graphClient';
import { GraphError, graphErrorFromResponse } from './graphError';
import { isIdempotent, isRetryableStatus, nextRetryDelay, parseRetryAfter } from './retryPolicy';

/** Graph's limit (graph-api.md §0). */
export const MAX_BATCH_SIZE = 20;

export interface BatchRequest {
  /** Correlates the result; defaults to the request's position (1-based). Unique within one call. */
  readonly id?: string;
  readonly operation: GraphOperation;
  readonly method: HttpMethod;
  /** Relative to the version, no version segment: `/tenantRelationships/findTenantInformationByTenantId(tenantId='…')`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BatchResult<T> {
  readonly id: string;
  readonly status: number;
  readonly headers: Headers;
  /** The item's body when it succeeded. */
  readonly body?: T;
  /** The item's error when it failed (after its own retries). */
  readonly error?: GraphError;
  /** Batches this item was sent in (1 = no retry). */
  readonly attempts: number;
}

export interface BatchOptions {
  readonly signal?: AbortSignal;
  /** Read-only batches in flight at once (default 4). Batches containing writes always go one by one. */
  readonly concurrency?: number;
}

interface RawBatchItemResponse {
  readonly id?: string | number;
  readonly status?: number;
  readonly headers?: Record<string, unknown>;
  readonly body?: unknown;
}

interface Pending {
  readonly index: number;
  readonly id: string;
  readonly request: BatchRequest;
}

/**
 * Sends requests through `POST /$batch`, at most 20 per batch, all under this client's token — a
 * batch never mixes tenants. The outer response is 200 even when items fail, so every item gets
 * its own status; items throttled inside the batch (429/503, and 504 when idempotent) are sent
 * again in a later batch after their own Retry-After, within the client's retry bounds. Results come
 * back in the order of `requests`, matched by id since Graph answers in any order.
 */
export async function batch<T>(
  client: GraphClient,
  requests: readonly BatchRequest[],
  options: BatchOptions = {},
): Promise<BatchResult<T>[]> {
  const pending: Pending[] = requests.map((request, index) => ({
    index,
    id: request.id ?? String(index + 1),
    request,
  }));
  const seen = new Set<string>();
  for (const p of pending) {
    if (seen.has(p.id)) throw new Error(`Duplicate $batch request id "${p.id}".`);
    seen.add(p.id);
  }
  const chunks: Pending[][] = [];
  for (let i = 0; i < pending.length; i += MAX_BATCH_SIZE)
    chunks.push(pending.slice(i, i + MAX_BATCH_SIZE));
  const writes = requests.some((r) => r.method !== 'GET');
  const results: BatchResult<T>[] = new Array<BatchResult<T>>(requests.length);
  await inPool(chunks, writes ? 1 : Math.max(1, options.concurrency ?? 4), async (chunk) => {
    for (const [index, result] of await sendChunk<T>(client, chunk, writes, options.signal))
      results[index] = result;
  });
  return results;
}

async function sendChunk<T>(
  client: GraphClient,
  chunk: Pending[],
  writes: boolean,
  signal?: AbortSignal,
): Promise<Map<number, BatchResult<T>>> {
  const done = new Map<number, BatchResult<T>>();
  const started = client.clock.now();
  let pending = chunk;
  for (let round = 1; pending.length > 0; round++) {
    throwIfAborted(signal);
    const answer = await client.request<{ responses?: RawBatchItemResponse[] } | undefined>({
      operation: 'batch',
      method: 'POST',
      path: '/$batch',
      body: { requests: pending.map(toBatchItem) },
      bundle: largestBundle(pending.map((p) => permissionFor(p.request.operation).bundle)),
      idempotent: pending.every((p) => isIdempotent(p.request.method)),
      serialise: writes,
      signal,
    });
    const byId = new Map((answer?.responses ?? []).map((r) => [String(r.id), r]));
    const again: Pending[] = [];
    let wait = 0;
    for (const p of pending) {
      const item = byId.get(p.id);
      const status = item?.status ?? 0;
      const headers = innerHeaders(item?.headers);
      if (item && isRetryableStatus(status, isIdempotent(p.request.method))) {
        const retryAfter = parseRetryAfter(headers.get('retry-after'), client.clock.now());
        const delay = nextRetryDelay(
          round,
          retryAfter,
          client.clock.now() - started,
          client.retryOptions,
          () => client.clock.random(),
        );
        if (delay !== undefined) {
          again.push(p);
          wait = Math.max(wait, delay);
          continue;
        }
      }
      done.set(p.index, toResult<T>(client, p, item, headers, round));
    }
    pending = again;
    if (pending.length > 0) await client.clock.sleep(wait, signal);
  }
  return done;
}

function toBatchItem(p: Pending): Record<string, unknown> {
  const item: Record<string, unknown> = { id: p.id, method: p.request.method, url: p.request.url };
  // Graph requires the inner Content-Type whenever there is a body.
  const headers =
    p.request.body === undefined
      ? p.request.headers
      : { 'Content-Type': 'application/json', ...p.request.headers };
  if (headers) item.headers = headers;
  if (p.request.body !== undefined) item.body = p.request.body;
  return item;
}

function innerHeaders(raw: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') headers.set(key, String(value));
  }
  return headers;
}

function toResult<T>(
  client: GraphClient,
  p: Pending,
  item: RawBatchItemResponse | undefined,
  headers: Headers,
  attempts: number,
): BatchResult<T> {
  const request = {
    method: p.request.method,
    url: client.url(p.request.url),
    tenantId: client.tenantId,
    operation: p.request.operation,
  };
  if (!item) {
    const error = new GraphError({
      ...request,
      status: 500,
      code: 'MissingBatchResponse',
      message: `The $batch response has no item with id "${p.id}".`,
      attempts,
    });
    return { id: p.id, status: error.status, headers, error, attempts };
  }
  const status = item.status ?? 0;
  if (status >= 200 && status < 300)
    return { id: p.id, status, headers, body: item.body as T, attempts };
  const error = graphErrorFromResponse({ status, headers, body: item.body }, request, {
    attempts,
    now: client.clock.now(),
  });
  return { id: p.id, status, headers, error, attempts };
}

/** Runs `work` over `items` with at most `limit` at once; the first failure stops new work and is rethrown. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
