import { PERMISSIONS } from '../auth/permissions';
import { resourceNotFound } from '../errors';
import { odataContext, ok, type Route } from '../http/route';
import { str } from '../json';

/**
 * `POST /users/{id}/revokeSignInSessions` (id or userPrincipalName): the user's refresh tokens and
 * sessions become invalid now. Tokens issued before then are refused with a claims challenge on
 * their next request (see auth/continuousAccess.ts). Kept in memory only: a reset forgets it.
 */
const revokeSignInSessionsRoute: Route = {
  method: 'POST',
  path: '/users/{id}/revokeSignInSessions',
  permission: PERMISSIONS.revokeSignInSessions,
  handle: (ctx) => {
    const key = ctx.params.id.toLowerCase();
    const user = ctx.tenant.directory.users.find(
      (u) =>
        str(u.object.id).toLowerCase() === key ||
        str(u.object.userPrincipalName).toLowerCase() === key,
    );
    if (!user) throw resourceNotFound(ctx.params.id);
    ctx.tenant.signInRevocations.set(str(user.object.id).toLowerCase(), ctx.now);
    return ok({ '@odata.context': odataContext(ctx, 'Edm.Boolean'), value: true });
  },
};

export const signInSessionRoutes: readonly Route[] = [revokeSignInSessionsRoute];
