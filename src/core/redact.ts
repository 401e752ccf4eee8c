/**
 * Removes credentials from text before it is logged or shown: bearer tokens, JWTs anywhere in the
 * text (an access token is a JWT), and `client_secret`/`password`/`secret` values in query strings
 * or JSON. What remains still identifies the request (ids, URLs, status), which is what a support
 * case needs.
 */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
// `%3D` too: a secret inside an OData filter value is percent-encoded in the URL we log.
const KEYED =
  /(["']?(?:client_secret|clientSecret|password|secret|refresh_token|access_token|assertion)["']?\s*(?:[:=]|%3D)\s*["']?)([^"'&\s,}]+)/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(BEARER, '$1 [redacted]')
    .replace(JWT, '[redacted-jwt]')
    .replace(KEYED, '$1[redacted]');
}
