import type { CallOptions, GraphClient } from '../graphClient';
import { pathSegment } from '../odata';
import { listAll } from '../paging';
import type { AppRoleAssignment } from '../types';

function assignedTo(servicePrincipalId: string): string {
  return `/servicePrincipals/${pathSegment(servicePrincipalId)}/appRoleAssignedTo`;
}

/** Users and groups in scope of a sync configuration (when SyncAll is false). */
export function listSyncAssignments(
  client: GraphClient,
  servicePrincipalId: string,
  options: CallOptions = {},
): Promise<AppRoleAssignment[]> {
  return listAll<AppRoleAssignment>(client, {
    operation: 'appRoleAssignments.list',
    method: 'GET',
    path: assignedTo(servicePrincipalId),
    signal: options.signal,
  });
}

/** Assigns a user or group with the configuration's `msiam_access` role (see accessRoleId). 201. */
export function addSyncAssignment(
  client: GraphClient,
  servicePrincipalId: string,
  principalId: string,
  appRoleId: string,
  options: CallOptions = {},
): Promise<AppRoleAssignment> {
  return client.request({
    operation: 'appRoleAssignment.add',
    method: 'POST',
    path: assignedTo(servicePrincipalId),
    body: { principalId, resourceId: servicePrincipalId, appRoleId },
    signal: options.signal,
  });
}

/** The assignment id is an opaque string, not a GUID. */
export async function removeSyncAssignment(
  client: GraphClient,
  servicePrincipalId: string,
  assignmentId: string,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'appRoleAssignment.remove',
    method: 'DELETE',
    path: `${assignedTo(servicePrincipalId)}/${pathSegment(assignmentId)}`,
    signal: options.signal,
  });
}
