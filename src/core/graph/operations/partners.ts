import type { Patch } from '../buildPatch';
import type { CallOptions, GraphClient, GraphRequestSpec } from '../graphClient';
import { pathSegment } from '../odata';
import { listAll, pages } from '../paging';
import type { NewPartner, Partner } from '../types';
import { deleteIdentitySync, getIdentitySync } from './identitySync';

const PARTNERS = '/policies/crossTenantAccessPolicy/partners';

export interface ListPartnersOptions extends CallOptions {
  /** Include each partner's identity synchronization policy in the same response (default true). */
  readonly expandIdentitySync?: boolean;
}

function listSpec(options: ListPartnersOptions): GraphRequestSpec & { method: 'GET' } {
  return {
    operation: 'partners.list',
    method: 'GET',
    path: PARTNERS,
    query: {
      $expand: options.expandIdentitySync === false ? undefined : 'identitySynchronization',
    },
    signal: options.signal,
  };
}

/** Partner configurations page by page, following `@odata.nextLink`. */
export function partnerPages(
  client: GraphClient,
  options: ListPartnersOptions = {},
): AsyncGenerator<Partner[], void, undefined> {
  return pages<Partner>(client, listSpec(options));
}

export function listPartners(
  client: GraphClient,
  options: ListPartnersOptions = {},
): Promise<Partner[]> {
  return listAll<Partner>(client, listSpec(options));
}

export function getPartner(
  client: GraphClient,
  partnerTenantId: string,
  options: CallOptions = {},
): Promise<Partner> {
  return client.request({
    operation: 'partner.get',
    method: 'GET',
    path: `${PARTNERS}/${pathSegment(partnerTenantId)}`,
    signal: options.signal,
  });
}

/** 201 with the stored partner. Only `tenantId` is required; 409 when the tenant already is a partner. */
export function createPartner(
  client: GraphClient,
  partner: NewPartner,
  options: CallOptions = {},
): Promise<Partner> {
  return client.request({
    operation: 'partner.create',
    method: 'POST',
    path: PARTNERS,
    body: partner,
    signal: options.signal,
  });
}

/** 204. Build the body with buildPatch: nested settings are replaced wholesale, null returns to inheriting. */
export async function updatePartner(
  client: GraphClient,
  partnerTenantId: string,
  patch: Patch<NewPartner>,
  options: CallOptions = {},
): Promise<void> {
  await client.request({
    operation: 'partner.update',
    method: 'PATCH',
    path: `${PARTNERS}/${pathSegment(partnerTenantId)}`,
    body: patch,
    signal: options.signal,
  });
}

/** Deleting a partner that still has an identity synchronization policy was refused (see deletePartner). */
export class IdentitySyncExistsError extends Error {
  override name = 'IdentitySyncExistsError';

  constructor(
    readonly tenantId: string,
    readonly partnerTenantId: string,
  ) {
    super(
      `Partner ${partnerTenantId} in tenant ${tenantId} still has an identity synchronization policy. ` +
        'Delete the identity synchronization first (users already synced stay), or delete both together.',
    );
  }
}

export interface DeletePartnerOptions extends CallOptions {
  /** Also delete the partner's identity synchronization policy, first, if it has one. Default false: refuse. */
  readonly deleteIdentitySync?: boolean;
}

/**
 * Deletes a partner configuration. Graph refuses while the partner has an identity
 * synchronization policy, with a status the docs do not state (graph-api.md §3, §11.5), so we look
 * first: without `deleteIdentitySync` an existing policy stops us with IdentitySyncExistsError
 * before anything is changed; with it, the policy is deleted first, then the partner.
 */
export async function deletePartner(
  client: GraphClient,
  partnerTenantId: string,
  options: DeletePartnerOptions = {},
): Promise<{ deletedIdentitySync: boolean }> {
  const sync = await getIdentitySync(client, partnerTenantId, options);
  if (sync !== undefined) {
    if (!options.deleteIdentitySync)
      throw new IdentitySyncExistsError(client.tenantId, partnerTenantId);
    await deleteIdentitySync(client, partnerTenantId, options);
  }
  await client.request({
    operation: 'partner.delete',
    method: 'DELETE',
    path: `${PARTNERS}/${pathSegment(partnerTenantId)}`,
    signal: options.signal,
  });
  return { deletedIdentitySync: sync !== undefined };
}
