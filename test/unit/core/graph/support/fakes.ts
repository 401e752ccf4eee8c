import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { sleep } from '../../../../../src/core/graph/abort';
import type { FetchLike } from '../../../../../src/core/graph/fetchMiddleware';
import type { Clock } from '../../../../../src/core/graph/retryPolicy';

/** A clock whose sleeps return at once (but still honour an abort) and advance its time. */
export interface FakeClock extends Clock {
  readonly sleeps: number[];
}

export function fakeClock(start = Date.parse('2024-05-01T10:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => 0.5,
    async sleep(ms, signal) {
      sleeps.push(ms);
      await sleep(0, signal);
      now += ms;
    },
  };
}

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body?: string;
}

/** A fetch that answers from a script and records what was sent. Returning an Error makes fetch reject with it. */
export function scriptedFetch(
  answer: (request: RecordedRequest, index: number) => Response | Error,
): { fetch: FetchLike; calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = {
      url: input,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    calls.push(request);
    init?.signal?.throwIfAborted();
    const result = answer(request, calls.length - 1);
    if (result instanceof Error) throw result;
    return Promise.resolve(result);
  };
  return { fetch, calls };
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function graphErrorBody(
  code: string,
  message: string,
  requestId = 'req-1',
): { error: unknown } {
  return {
    error: {
      code,
      message,
      innerError: {
        date: '2024-05-01T10:00:00',
        'request-id': requestId,
        'client-request-id': 'client-1',
      },
    },
  };
}

export interface RecordingCredential extends TokenCredential {
  readonly calls: { scopes: string[]; options?: GetTokenOptions }[];
}

/** Hands out `token-1`, `token-2`, … valid for an hour, and records every request. */
export function recordingCredential(
  tokenFor: (n: number) => string = (n) => `token-${n}`,
): RecordingCredential {
  const calls: { scopes: string[]; options?: GetTokenOptions }[] = [];
  return {
    calls,
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      calls.push({ scopes: [scopes].flat(), options });
      return Promise.resolve({
        token: tokenFor(calls.length),
        expiresOnTimestamp: Date.now() + 3_600_000,
      });
    },
  };
}
