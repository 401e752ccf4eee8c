import type { CallOptions, GraphClient } from '../graphClient';
import { odataString } from '../odata';
import type { Group, User } from '../types';

export interface SearchOptions extends CallOptions {
  /** Most results to return (default 20). */
  readonly top?: number;
}

/**
 * `startswith` on each property, joined by `or`: what an admin types may be the start of a name,
 * a user principal name (`adele.chen`) or an address. Each works in Graph's default query (no
 * ConsistencyLevel), on users and groups alike.
 */
function startsWithAny(properties: readonly string[], prefix: string): string {
  return properties.map((p) => `startswith(${p},${odataString(prefix)})`).join(' or ');
}

/** Users whose display name, user principal name or mail starts with `prefix`. */
export async function searchUsers(
  client: GraphClient,
  prefix: string,
  options: SearchOptions = {},
): Promise<User[]> {
  const page = await client.request<{ value?: User[] }>({
    operation: 'users.search',
    method: 'GET',
    path: '/users',
    query: {
      $filter: startsWithAny(['displayName', 'userPrincipalName', 'mail'], prefix),
      $top: options.top ?? 20,
      $select: 'id,displayName,userPrincipalName,mail',
    },
    signal: options.signal,
  });
  return page.value ?? [];
}

/** Groups whose display name or mail starts with `prefix` (groups have no user principal name). */
export async function searchGroups(
  client: GraphClient,
  prefix: string,
  options: SearchOptions = {},
): Promise<Group[]> {
  const page = await client.request<{ value?: Group[] }>({
    operation: 'groups.search',
    method: 'GET',
    path: '/groups',
    query: {
      $filter: startsWithAny(['displayName', 'mail'], prefix),
      $top: options.top ?? 20,
      $select: 'id,displayName,mail,securityEnabled',
    },
    signal: options.signal,
  });
  return page.value ?? [];
}
