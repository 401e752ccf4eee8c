import { PageCursor } from '../paging';
import type { CallOptions, GraphClient } from '../graphClient';
import type { B2bManagementPolicy } from '../types';

/** A tenant has one B2B management policy in practice; more pages than this are not a policy list. */
const MAX_PAGES = 5;

/**
 * The tenant's B2B management policies (beta only: v1.0 has no such resource). Each `definition`
 * is a list of JSON strings; b2bManagementPolicyDefinition reads them. Throws when `client` is
 * not a beta client, so a v1.0 client never sends this path.
 *
 * Beta path GET /beta/policies/b2bManagementPolicies: the only Graph API that holds the invitation
 * allow and block lists of domains (External collaboration settings), which CISA MS.AAD.8.3,
 * CIS 5.1.6.1 and Zero Trust Assessment 21822 grade. Read only while beta reads are on.
 */
export async function listB2bManagementPolicies(
  client: GraphClient,
  options: CallOptions = {},
): Promise<B2bManagementPolicy[]> {
  if (client.apiVersion !== 'beta')
    throw new Error('The B2B management policy is only in the beta API: use a beta client.');
  const cursor = new PageCursor<B2bManagementPolicy>(client, {
    operation: 'b2bManagementPolicies.list',
    method: 'GET',
    path: '/policies/b2bManagementPolicies',
    signal: options.signal,
  });
  const policies: B2bManagementPolicy[] = [];
  for (let page = 0; page < MAX_PAGES && !cursor.done; page++)
    policies.push(...(await cursor.read()));
  if (!cursor.done)
    throw new Error(
      `Graph returned more than ${MAX_PAGES} pages of B2B management policies for tenant ${client.tenantId}; stopped reading.`,
    );
  return policies;
}
