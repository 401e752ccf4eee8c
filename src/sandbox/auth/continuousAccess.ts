import { ErrorResponse } from '../errors';
import type { TokenClaims } from './token';

/**
 * Continuous access evaluation as Graph does it after `revokeSignInSessions`: a delegated token
 * issued before the revocation is refused with a claims challenge (401, `error="insufficient_claims"`,
 * the claims asking for a token not valid before the revocation), but only when the client said it
 * can answer one (`xms_cc` contains `cp1`). Other clients keep their token until it expires.
 * Returns the error to answer with, or undefined when the token is still good.
 */
export function continuousAccessChallenge(
  claims: TokenClaims,
  revokedAtMs: number | undefined,
): ErrorResponse | undefined {
  if (revokedAtMs === undefined || claims.roles !== undefined) return undefined;
  if (!(claims.xms_cc ?? []).some((c) => c.toLowerCase() === 'cp1')) return undefined;
  // Token times are in seconds. Sandbox choice: a token issued within the second of the revocation
  // is taken as issued after it, so a client that renews at once is never challenged again.
  const notBefore = Math.floor(revokedAtMs / 1000);
  if ((claims.iat ?? 0) >= notBefore) return undefined;
  // The shape Microsoft documents for CAE-enabled APIs ("How to use Continuous Access Evaluation
  // enabled APIs in your applications"): the claims value is base64 of this JSON.
  const requested = JSON.stringify({
    access_token: { nbf: { essential: true, value: String(notBefore) } },
  });
  return new ErrorResponse(
    401,
    'InvalidAuthenticationToken',
    'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp',
    undefined,
    {
      'www-authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
        'client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", ' +
        `claims="${Buffer.from(requested, 'utf8').toString('base64')}"`,
    },
  );
}
