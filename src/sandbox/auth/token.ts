import { ErrorResponse } from '../errors';
import { isJsonObject, type JsonObject } from '../json';
import type { SigningKeys } from './signingKeys';

/** What a sandbox token says about its caller. Delegated tokens carry `scp`, app-only tokens `roles`. */
export interface TokenClaims {
  readonly tid: string;
  readonly exp: number;
  readonly scp?: string;
  readonly roles?: readonly string[];
  readonly oid?: string;
  readonly upn?: string;
  readonly aud?: string;
  readonly appid?: string;
  /** Issued at (seconds): continuous access evaluation compares it with a revocation time. */
  readonly iat?: number;
  /** Client capabilities; `cp1` means the client can answer a claims challenge. */
  readonly xms_cc?: readonly string[];
}

export interface TokenContent {
  readonly tenantId: string;
  readonly scp?: readonly string[];
  readonly roles?: readonly string[];
  readonly expiresInSeconds?: number;
  readonly oid?: string;
  readonly upn?: string;
  readonly aud?: string;
  readonly appId?: string;
}

/** The client id the sandbox puts in tokens it mints (the extension's sandbox sign-in). */
export const SANDBOX_CLIENT_ID = 'd3b5c8a1-7e24-4f96-b0c3-5a9e1d7f2c48';

/** Audiences Graph accepts: its app id and the host of every national cloud. */
const GRAPH_AUDIENCES = new Set([
  '00000003-0000-0000-c000-000000000000',
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
]);

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * Mints an unsigned JWT (`alg: none`) with the claims Graph reads. The sandbox trusts any token it
 * can parse: it is a test double, and an unsigned token cannot be mistaken for a real credential.
 */
export function encodeUnsignedJwt(payload: JsonObject): string {
  return `${base64url(JSON.stringify({ typ: 'JWT', alg: 'none' }))}.${base64url(JSON.stringify(payload))}.`;
}

export function mintToken(content: TokenContent, nowMs: number): string {
  if (content.scp && content.roles)
    throw new TypeError('A token is either delegated (scp) or app-only (roles), not both.');
  const iat = Math.floor(nowMs / 1000);
  const payload: JsonObject = {
    aud: content.aud ?? 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${content.tenantId}/`,
    iat,
    nbf: iat,
    exp: iat + (content.expiresInSeconds ?? 3600),
    appid: content.appId ?? SANDBOX_CLIENT_ID,
    idtyp: content.roles ? 'app' : 'user',
    tid: content.tenantId,
    ver: '1.0',
  };
  if (content.oid !== undefined) payload.oid = content.oid;
  if (content.upn !== undefined) payload.upn = content.upn;
  if (content.roles) payload.roles = [...content.roles];
  else payload.scp = (content.scp ?? []).join(' ');
  return encodeUnsignedJwt(payload);
}

/** 401 with the `WWW-Authenticate` challenge Graph sends. */
export function invalidToken(message: string): ErrorResponse {
  return new ErrorResponse(401, 'InvalidAuthenticationToken', message, undefined, {
    'www-authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the bearer token of a request; every way it can be unusable is a 401
 * `InvalidAuthenticationToken`. Without `keys` the sandbox takes the unsigned tokens it mints
 * itself (`alg: none`). With `keys` it checks tokens as Graph checks Entra's: an RS256 signature by
 * a published key, an issuer naming the token's tenant, `nbf`, `exp` and a Graph audience; unsigned
 * tokens are then refused like any forged one.
 */
export function readBearerToken(
  authorization: string | undefined,
  nowMs: number,
  keys?: SigningKeys,
): TokenClaims {
  if (!authorization || authorization.trim() === '') throw invalidToken('Access token is empty.');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw invalidToken('The Authorization header must use the Bearer scheme.');
  const parts = match[1].split('.');
  if (parts.length !== 3)
    throw invalidToken('Access token validation failure: the token is not a well-formed JWT.');
  const header = decodeSegment(parts[0]);
  const payload = decodeSegment(parts[1]);
  if (!isJsonObject(header) || !isJsonObject(payload))
    throw invalidToken('Access token validation failure: the token is not a well-formed JWT.');
  if (keys) checkSignature(header, parts, keys);
  else if (header.alg !== 'none')
    throw invalidToken(
      'Access token validation failure: the sandbox only accepts unsigned (alg "none") tokens it minted.',
    );
  const { tid, exp, nbf, iat, scp, roles, oid, upn, aud, appid, iss, xms_cc } = payload;
  if (typeof tid !== 'string' || typeof exp !== 'number')
    throw invalidToken('Access token validation failure: the tid or exp claim is missing.');
  if (exp * 1000 <= nowMs) throw invalidToken('Lifetime validation failed, the token is expired.');
  if (keys) {
    // Sandbox choice: no clock skew allowance, as the sandbox and its clients share one clock.
    if (typeof nbf !== 'number' || nbf * 1000 > nowMs)
      throw invalidToken('Lifetime validation failed, the token is not yet valid.');
    if (typeof aud !== 'string')
      throw invalidToken('Access token validation failure. Invalid audience.');
    // A token is issued by its own tenant: https://sts.windows.net/<tid>/ (Graph takes v1.0
    // tokens) or https://<authority>/<tid>/v2.0 (sandbox choice: the host is not checked).
    const issuer =
      typeof iss === 'string' ? /^https:\/\/[^/]+\/([^/]+)\/(?:v2\.0)?$/.exec(iss) : null;
    if (!issuer || issuer[1].toLowerCase() !== tid.toLowerCase())
      throw invalidToken('Access token validation failure. Invalid issuer.');
  }
  if (typeof aud === 'string' && !GRAPH_AUDIENCES.has(aud.replace(/\/+$/, '')))
    throw invalidToken('Access token validation failure. Invalid audience.');
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === 'string')))
    throw invalidToken('Access token validation failure: roles must be an array of strings.');
  return {
    tid: tid.toLowerCase(),
    exp,
    scp: typeof scp === 'string' ? scp : undefined,
    roles: roles,
    oid: typeof oid === 'string' ? oid : undefined,
    upn: typeof upn === 'string' ? upn : undefined,
    aud: typeof aud === 'string' ? aud : undefined,
    appid: typeof appid === 'string' ? appid : undefined,
    iat: typeof iat === 'number' ? iat : undefined,
    xms_cc: Array.isArray(xms_cc) ? xms_cc.filter((c) => typeof c === 'string') : undefined,
  };
}

/** Entra signs access tokens with RS256 and names the key in `kid`; anything else is forged. */
function checkSignature(header: JsonObject, parts: readonly string[], keys: SigningKeys): void {
  if (header.alg !== 'RS256')
    throw invalidToken('Access token validation failure: the token is not signed with RS256.');
  const kid = header.kid;
  if (typeof kid !== 'string' || !keys.has(kid))
    throw invalidToken(
      keys.loadFailure
        ? `Access token validation failure: the signing keys could not be read from ${keys.origin} (${keys.loadFailure}).`
        : 'Access token validation failure: the token is signed with a key the identity provider does not publish.',
    );
  if (!keys.verifies(kid, `${parts[0]}.${parts[1]}`, parts[2]))
    throw invalidToken('Access token validation failure. Invalid signature.');
}
