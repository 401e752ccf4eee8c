import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { isJsonObject } from '../json';

/** A JSON Web Key Set, as an identity provider publishes it at its `jwks_uri`. */
export interface JsonWebKeySet {
  readonly keys: readonly Readonly<Record<string, unknown>>[];
}

/** The identity provider's signing keys: its JWKS document, or the URL it is served at. */
export type SigningKeySource = string | JsonWebKeySet;

/**
 * Sandbox choice: after a token names a key id the sandbox does not know (the provider rolled its
 * keys over), the JWKS is read again, but not more often than this, so that forged key ids cannot
 * make the sandbox fetch for every request.
 */
const REFETCH_INTERVAL_MS = 60_000;

/**
 * The keys a sandbox that checks signatures trusts, like Graph trusts Entra's published keys. Read
 * asynchronously before a request is handled (`prepare`), used synchronously while it is (`key`),
 * because the request pipeline checks tokens inside synchronous handlers.
 */
export class SigningKeys {
  private keys = new Map<string, KeyObject>();
  private loading?: Promise<void>;
  private lastRefetchMs = Number.NEGATIVE_INFINITY;
  private failure?: string;

  constructor(
    private readonly source: SigningKeySource,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    if (typeof source !== 'string') this.keys = importKeySet(source);
  }

  /** Where the keys come from, for messages. */
  get origin(): string {
    return typeof this.source === 'string' ? this.source : 'the configured key set';
  }

  /** Why the last read of the JWKS failed, if it did. */
  get loadFailure(): string | undefined {
    return this.failure;
  }

  /** Loads the JWKS on first use, and again when a request's token names a key not loaded yet. */
  async prepare(authorization: string | undefined, nowMs: number): Promise<void> {
    const url = this.source;
    if (typeof url !== 'string') return;
    const kid = keyIdOf(authorization);
    if (this.keys.size > 0) {
      if (kid === undefined || this.keys.has(kid)) return;
      if (nowMs - this.lastRefetchMs < REFETCH_INTERVAL_MS) return;
      this.lastRefetchMs = nowMs;
    }
    this.loading ??= (async () => {
      try {
        const response = await this.fetchImpl(url, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        const body = (await response.json()) as unknown;
        if (!isJsonObject(body) || !Array.isArray(body.keys))
          throw new Error('the answer has no "keys" array');
        this.keys = importKeySet(body as unknown as JsonWebKeySet);
        this.failure = undefined;
      } catch (err) {
        this.failure = err instanceof Error ? err.message : String(err);
      }
    })().finally(() => (this.loading = undefined));
    await this.loading;
  }

  /** Whether the provider publishes a key with this id. */
  has(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** Whether `signature` (base64url) is a valid RS256 signature of `signingInput` under key `kid`. */
  verifies(kid: string, signingInput: string, signature: string): boolean {
    const key = this.keys.get(kid);
    if (!key) return false;
    return verify('sha256', Buffer.from(signingInput), key, Buffer.from(signature, 'base64url'));
  }
}

/** Imports the RSA signing keys of a JWKS by key id; other keys (encryption, other types) are skipped. */
function importKeySet(set: JsonWebKeySet): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of set.keys) {
    const { kty, kid, use, n, e } = jwk;
    if (kty !== 'RSA' || typeof kid !== 'string' || typeof n !== 'string' || typeof e !== 'string')
      continue;
    if (use !== undefined && use !== 'sig') continue;
    try {
      keys.set(kid, createPublicKey({ key: { kty, n, e }, format: 'jwk' }));
    } catch {
      // A malformed key signs nothing we could verify.
    }
  }
  return keys;
}

function keyIdOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  const header = token?.split('.')[0];
  if (!header) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown;
    return isJsonObject(parsed) && typeof parsed.kid === 'string' ? parsed.kid : undefined;
  } catch {
    return undefined;
  }
}
