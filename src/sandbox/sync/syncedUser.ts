import { str, type JsonObject } from '../json';
import { guidFromName } from '../seed/random';
import type { DirectoryUser } from '../store/directory';
import type { TenantStore } from '../store/tenantStore';
import type { World } from '../store/world';
import { syncTargetTenantId } from './jobScope';

/** The object id cross-tenant sync gives a source user in the target tenant: stable, derived from both ids. */
export function syncedUserId(sourceUserId: string, targetTenantId: string): string {
  return guidFromName(`cts:${targetTenantId.toLowerCase()}:${sourceUserId.toLowerCase()}`);
}

/**
 * The B2B member object a synced user becomes in the target tenant: `userType` Member (the
 * Azure2Azure default mapping), an `#EXT#` user principal name in the target's initial domain.
 */
export function syncedUserObject(
  source: JsonObject,
  targetTenantId: string,
  targetDomain: string,
  createdDateTime: string,
): JsonObject {
  const mail = typeof source.mail === 'string' ? source.mail : str(source.userPrincipalName);
  return {
    ...source,
    id: syncedUserId(str(source.id), targetTenantId),
    userPrincipalName: `${mail.replace('@', '_')}#EXT#@${targetDomain}`,
    userType: 'Member',
    creationType: 'Invitation',
    externalUserState: 'Accepted',
    showInAddressList: true,
    createdDateTime,
    employeeId: null,
  };
}

const viewCache = new WeakMap<TenantStore, { revision: number; users: readonly DirectoryUser[] }>();

/**
 * The users a tenant's `/users` shows: its own directory plus the B2B members cross-tenant sync
 * created in it — derived from every source tenant's jobs that target this tenant, so a user
 * provisioned in the source shows up in the target.
 */
export function tenantUsers(world: World, tenant: TenantStore): readonly DirectoryUser[] {
  const cached = viewCache.get(tenant);
  if (cached && cached.revision === world.revision) return cached.users;
  const users: DirectoryUser[] = [...tenant.directory.users];
  const target = tenant.tenantId.toLowerCase();
  for (const source of world.all()) {
    if (source === tenant) continue;
    for (const sp of source.servicePrincipals.values()) {
      if (syncTargetTenantId(sp) !== target) continue;
      for (const job of sp.jobs) {
        for (const id of job.provisionedUserIds) {
          const user = source.directory.usersById.get(id);
          if (user)
            users.push({
              object: syncedUserObject(
                user.object,
                target,
                tenant.info.defaultDomainName,
                str(user.object.createdDateTime),
              ),
              smsSignIn: false,
            });
        }
      }
    }
  }
  viewCache.set(tenant, { revision: world.revision, users });
  return users;
}
