/**
 * Removes credentials from text before it is logged or shown: bearer tokens of any shape and any
 * Authorization value, JWTs anywhere in the text (an access token is a JWT), PEM private keys, and
 * `client_secret`/`password`/`secret` values in query strings or JSON. What remains still identifies the request (ids, URLs, status), which is what a support
 * case needs.
 */
// No word boundary in front: a JWT glued to what precedes it (`Bearer%20eyJ…`, `x_eyJ…`) is
// still one. A JWT's header always starts with `eyJ` (base64url of `{"`).
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// A bearer token of any shape (opaque ones too), plain or percent-encoded: everything up to the
// next space, quote or line end.
const BEARER = /\b(Bearer)(?:\s+|%20)[^\s"'<>]+/gi;
// An Authorization header or property of any scheme (Basic, PoP…): its whole value.
const AUTHORIZATION =
  /(["']?\bauthorization["']?\s*[:=][\s"']*)(?![\s"']*Bearer \[redacted\])([^"'\r\n]+)/gi;
// A PEM private key (PKCS#1, PKCS#8, encrypted, EC, OpenSSH), also when the text was cut before
// its END line. Certificates and public keys are public and stay.
const PRIVATE_KEY =
  /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----|$(?![\s\S]))/g;
// `%3D` too: a secret inside an OData filter value is percent-encoded in the URL we log.
const KEYED =
  /(["']?(?:client_secret|clientSecret|password|secret|refresh_token|access_token|assertion)["']?\s*(?:[:=]|%3D)\s*["']?)([^"'&\s,}]+)/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(PRIVATE_KEY, '-----BEGIN $1-----[redacted-private-key]')
    .replace(BEARER, '$1 [redacted]')
    .replace(AUTHORIZATION, '$1[redacted]')
    .replace(JWT, '[redacted-jwt]')
    .replace(KEYED, '$1[redacted]');
}
