import type { SandboxAnswers } from './answers';
import type { JsonObject } from './json';

/** One entry of `error.details[]`. */
export interface ErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/**
 * A Graph error response: thrown by route handlers and turned into the OData error body by the
 * request pipeline, which adds `innerError` (date, request-id, client-request-id) because only the
 * pipeline knows those ids.
 */
export class ErrorResponse extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly ErrorDetail[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ErrorResponse';
  }
}

/** The ids every response carries, repeated inside `innerError`. */
export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

/** `innerError.date` is UTC without the `Z` and without fractions, as the directory sends it. */
export function innerErrorDate(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 19);
}

export function errorBody(error: ErrorResponse, ids: RequestIds, nowMs: number): JsonObject {
  const body: JsonObject = {
    code: error.code,
    message: error.message,
    innerError: {
      date: innerErrorDate(nowMs),
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
    },
  };
  if (error.details && error.details.length > 0) {
    body.details = error.details.map((d): JsonObject =>
      d.target === undefined
        ? { code: d.code, message: d.message }
        : { code: d.code, message: d.message, target: d.target },
    );
  }
  return { error: body };
}

// The codes below are the ones Graph documents for these APIs (graph-api.md §0); the helpers keep
// each status paired with the code the directory sends with it.

/** 400 from the directory: invalid body, read-only or unknown property, invalid value. */
export function badRequest(message: string, details?: readonly ErrorDetail[]): ErrorResponse {
  return new ErrorResponse(400, 'Request_BadRequest', message, details);
}

/** 400 from the Graph gateway itself (unknown segment, bad version, malformed batch). */
export function gatewayBadRequest(message: string): ErrorResponse {
  return new ErrorResponse(400, 'BadRequest', message);
}

/** 400 for a query option or filter the endpoint does not support. */
export function unsupportedQuery(message: string): ErrorResponse {
  return new ErrorResponse(400, 'Request_UnsupportedQuery', message);
}

/** 404 for policy objects and tenants (partner configs, identity sync, tenant lookups). */
export function directoryObjectNotFound(
  message = 'Unable to read the company information from the directory.',
): ErrorResponse {
  return new ErrorResponse(404, 'Directory_ObjectNotFound', message);
}

/** 404 for addressable directory and synchronization objects (service principals, users, jobs…). */
export function resourceNotFound(id: string): ErrorResponse {
  return new ErrorResponse(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/**
 * The object already exists: 409 `Request_MultipleObjectsWithSameKeyValue` as documented, or 400
 * with the same code when the answers say so (answers.alreadyExists).
 */
export function alreadyExists(
  answers: SandboxAnswers,
  message: string,
  details?: readonly ErrorDetail[],
): ErrorResponse {
  return new ErrorResponse(
    answers.alreadyExists === 'conflict' ? 409 : 400,
    'Request_MultipleObjectsWithSameKeyValue',
    message,
    details,
  );
}

/**
 * The largest request body the sandbox reads, `$batch` included. Microsoft documents 4 MB as the
 * request size limit of Graph (learn.microsoft.com, "Use the Microsoft Graph API", and the answers
 * for too-large requests), without naming the exact byte count or the error code: 4 MiB, the code
 * `RequestEntityTooLarge` and the message are a sandbox choice.
 */
export const MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;

/** 413 for a body over MAX_REQUEST_BODY_BYTES (see there for what is a sandbox choice). */
export function requestTooLarge(): ErrorResponse {
  return new ErrorResponse(
    413,
    'RequestEntityTooLarge',
    'The maximum request length supported is 4 MB.',
  );
}
