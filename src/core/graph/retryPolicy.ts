import { sleep } from './abort';

/**
 * When to retry and how long to wait. Shared by the retry middleware (whole requests) and `$batch`
 * (inner requests), so both honour the same bounds.
 */
export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Budget for the whole request including waits; a wait that would exceed it is not started. */
  readonly maxTotalMs: number;
  /** First back-off step when Graph sends no Retry-After. */
  readonly baseDelayMs: number;
  /** Cap of one back-off step (a Retry-After from Graph is honoured as sent, within maxTotalMs). */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxRetries: 5,
  maxTotalMs: 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/** Time and randomness, injectable so tests run retries without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1), for back-off jitter. */
  random(): number;
}

export const systemClock: Clock = { now: () => Date.now(), sleep, random: () => Math.random() };

/**
 * Methods whose repetition cannot change the outcome. PATCH is in the list because this layer only
 * sends absolute values (whole top-level properties, see buildPatch), so sending one twice leaves
 * the same state. POST is not: creating a partner, instantiating a template or starting a job twice
 * is not the same as doing it once.
 */
export function isIdempotent(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());
}

/**
 * 429 and 503 mean the request was not processed, so any method may be repeated. 504 means the
 * gateway gave up waiting, and the request may well have been carried out: only idempotent
 * requests are repeated, a POST surfaces the 504 so the user can check before trying again.
 */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  return status === 429 || status === 503 || (status === 504 && idempotent);
}

/** Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number,
): number | undefined {
  if (header == null) return undefined;
  const text = header.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential back-off with "equal jitter": half the step fixed, half random, so clients spread out. */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * The wait before retry number `retry` (1-based), or undefined when the bounds say stop: too many
 * retries, or the wait would end after the time budget. Giving up early instead of sleeping
 * through a Retry-After that cannot fit lets the caller say "try again in N s" at once.
 */
export function nextRetryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  elapsedMs: number,
  options: RetryOptions,
  random: () => number,
): number | undefined {
  if (retry > options.maxRetries) return undefined;
  const delay = retryAfterMs ?? backoffDelay(retry, options, random);
  if (elapsedMs + delay > options.maxTotalMs) return undefined;
  return delay;
}
