import { badRequest } from '../errors';
import { isJsonObject, type JsonObject } from '../json';

// Continuation tokens carry everything needed to produce the next page (the original query and a
// position), so the client only has to GET `@odata.nextLink` unchanged. Base64url keeps them opaque
// and URL-safe; the `v` tag rejects tokens from another endpoint.

export function encodeSkipToken(kind: string, payload: JsonObject): string {
  return Buffer.from(JSON.stringify({ v: kind, ...payload }), 'utf8').toString('base64url');
}

export function decodeSkipToken(kind: string, token: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    parsed = undefined;
  }
  if (!isJsonObject(parsed) || parsed.v !== kind)
    throw badRequest('The $skiptoken is invalid or expired. Follow @odata.nextLink unchanged.');
  return parsed;
}
