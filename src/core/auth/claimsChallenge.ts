/**
 * Continuous access evaluation: when a token is revoked or a Conditional Access policy changes,
 * Graph answers 401 with `WWW-Authenticate: Bearer ..., error="insufficient_claims", claims="<base64>"`.
 * Asking the credential again with those (decoded) claims gets a token that satisfies the policy,
 * often without any prompt. Returns undefined when the header carries no claims challenge.
 */
export function parseClaimsChallenge(
  wwwAuthenticate: string | null | undefined,
): string | undefined {
  if (!wwwAuthenticate) return undefined;
  const match = /(?:^|[\s,])claims\s*=\s*"([^"]*)"/i.exec(wwwAuthenticate);
  if (!match || match[1] === '') return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  try {
    JSON.parse(decoded);
  } catch {
    return undefined;
  }
  return decoded;
}
