import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** A JSON Web Key Set as Entra publishes it at `jwks_uri`: the public keys tokens are signed with. */
export interface JsonWebKeySet {
  readonly keys: readonly Record<string, unknown>[];
}

/** What goes into a Microsoft Graph access token besides the fixed claims. */
export interface AccessTokenContent {
  readonly tenantId: string;
  /** Delegated permissions (a user's token). */
  readonly scp?: readonly string[];
  /** Application permissions (an app-only token). */
  readonly roles?: readonly string[];
  /** The app the token was issued to. */
  readonly appId: string;
  /** The user's (delegated) or the service principal's (app-only) object id. */
  readonly oid?: string;
  readonly upn?: string;
  readonly name?: string;
  /** Client capabilities; `["cp1"]` says the client handles claims challenges (CAE). */
  readonly clientCapabilities?: readonly string[];
  readonly audience?: string;
  /** Seconds since the epoch; default now. */
  readonly issuedAt?: number;
  readonly lifetimeSeconds?: number;
}

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * Signs tokens the way Entra does for Microsoft Graph: RS256 JWTs whose key id (`kid`) names a key
 * in a published JWKS. Test code only: the Entra stand-in serves its JWKS, the VS Code account
 * stand-in signs its sessions with it, and the sandbox (started with that JWKS) verifies them.
 */
export class TokenIssuer {
  readonly keyId: string;
  readonly jwks: JsonWebKeySet;

  private constructor(
    private readonly privateKey: KeyObject,
    publicKey: KeyObject,
  ) {
    const der = publicKey.export({ type: 'spki', format: 'der' });
    // Entra's kid and x5t are the base64url SHA-1 thumbprint of the key's certificate; a hash of
    // the public key stands in for it.
    this.keyId = createHash('sha1').update(der).digest('base64url');
    this.jwks = {
      keys: [{ ...publicKey.export({ format: 'jwk' }), kty: 'RSA', use: 'sig', kid: this.keyId }],
    };
  }

  static create(): TokenIssuer {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return new TokenIssuer(privateKey, publicKey);
  }

  /** An RS256 JWT over `payload`, with this issuer's key id. */
  sign(payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const input = `${base64url({ typ: 'JWT', alg: 'RS256', kid: this.keyId, ...header })}.${base64url(payload)}`;
    return `${input}.${sign('sha256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  /**
   * A Graph access token (v1.0 format, as Graph receives them whichever endpoint issued it):
   * `iss` https://sts.windows.net/<tid>/, `aud` Graph, `scp` or `roles`, `iat`/`nbf`/`exp`.
   */
  accessToken(c: AccessTokenContent): string {
    if (c.scp && c.roles) throw new TypeError('A token is delegated (scp) or app-only (roles).');
    const iat = c.issuedAt ?? Math.floor(Date.now() / 1000);
    return this.sign({
      aud: c.audience ?? 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${c.tenantId}/`,
      iat,
      nbf: iat,
      exp: iat + (c.lifetimeSeconds ?? 3600),
      appid: c.appId,
      idtyp: c.roles ? 'app' : 'user',
      tid: c.tenantId,
      ver: '1.0',
      uti: randomUUID().replace(/-/g, ''),
      ...(c.oid ? { oid: c.oid, sub: c.oid } : {}),
      ...(c.upn ? { upn: c.upn } : {}),
      ...(c.name ? { name: c.name } : {}),
      ...(c.clientCapabilities ? { xms_cc: [...c.clientCapabilities] } : {}),
      ...(c.roles ? { roles: [...c.roles] } : { scp: (c.scp ?? []).join(' ') }),
    });
  }
}
