import type { CallOptions, GraphClient } from '../graphClient';
import { odataString } from '../odata';
import type { Group, User } from '../types';

export interface SearchOptions extends CallOptions {
  /** Most results to return (default 20). */
  readonly top?: number;
}

/** Users whose display name starts with `prefix`, to pick whom to assign to a sync configuration. */
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
      $filter: `startswith(displayName,${odataString(prefix)})`,
      $top: options.top ?? 20,
      $select: 'id,displayName,userPrincipalName,mail',
    },
    signal: options.signal,
  });
  return page.value ?? [];
}

/** Groups whose display name starts with `prefix`. */
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
      $filter: `startswith(displayName,${odataString(prefix)})`,
      $top: options.top ?? 20,
      $select: 'id,displayName,mail,securityEnabled',
    },
    signal: options.signal,
  });
  return page.value ?? [];
}
