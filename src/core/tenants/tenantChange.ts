import type { DocumentIdentity } from '../policy/documentUri';

/**
 * What changed in one tenant, as the views need to know it: every write the extension makes names
 * its change, and the views (tree, documents, pair checks, log panels) reload only what it touches.
 * A `reloaded` change is a refresh the user asked for, or data dropped for another reason.
 */
export type TenantChange =
  | { readonly kind: 'policy' }
  | { readonly kind: 'defaults' }
  | {
      readonly kind: 'partner';
      readonly partnerTenantId: string;
      readonly change: 'created' | 'updated' | 'deleted';
    }
  | {
      readonly kind: 'identitySync';
      readonly partnerTenantId: string;
      readonly change: 'created' | 'updated' | 'deleted';
    }
  | {
      readonly kind: 'syncConfiguration';
      readonly servicePrincipalId: string;
      readonly change: 'created' | 'updated' | 'deleted';
    }
  | { readonly kind: 'job'; readonly servicePrincipalId: string; readonly jobId: string }
  | { readonly kind: 'assignments'; readonly servicePrincipalId: string }
  /** The periodic re-read of the job statuses on screen: the tree's job rows, no document. */
  | { readonly kind: 'jobStatuses' }
  | { readonly kind: 'reloaded'; readonly part?: TenantDataPart };

/** The two halves of a tenant's data that load separately: cross-tenant access, and sync. */
export type TenantDataPart = 'access' | 'sync';

/** The part of the tenant's data a change makes stale (all of it for a whole reload). */
export function dataPartsOf(change: TenantChange): readonly TenantDataPart[] {
  switch (change.kind) {
    case 'policy':
    case 'defaults':
    case 'partner':
    case 'identitySync':
      return ['access'];
    case 'syncConfiguration':
    case 'job':
    case 'assignments':
    case 'jobStatuses':
      return ['sync'];
    case 'reloaded':
      return change.part ? [change.part] : ['access', 'sync'];
  }
}

/** What a change in a tenant did to one of its documents, if anything. */
export type DocumentEffect = 'changed' | 'deleted' | undefined;

/**
 * What a change in a tenant did to one of its documents: an open editor of it (with no draft) or a
 * live diff reads it again, or shows it is gone.
 */
export function documentEffect(change: TenantChange, doc: DocumentIdentity): DocumentEffect {
  const effect = (touched: boolean, deleted = false): DocumentEffect =>
    touched ? (deleted ? 'deleted' : 'changed') : undefined;
  switch (change.kind) {
    case 'policy':
      return effect(doc.kind === 'policy');
    case 'defaults':
      return effect(doc.kind === 'default');
    case 'partner':
      // Deleting a partner deletes its identity synchronization too.
      return effect(
        (doc.kind === 'partner' || doc.kind === 'identitySync') &&
          doc.partnerTenantId === change.partnerTenantId.toLowerCase(),
        change.change === 'deleted',
      );
    case 'identitySync':
      return effect(
        doc.kind === 'identitySync' && doc.partnerTenantId === change.partnerTenantId.toLowerCase(),
        change.change === 'deleted',
      );
    case 'syncConfiguration':
      return effect(
        doc.kind === 'syncSchema' &&
          doc.servicePrincipalId === change.servicePrincipalId.toLowerCase(),
        change.change === 'deleted',
      );
    case 'job':
      return effect(
        doc.kind === 'syncSchema' &&
          doc.servicePrincipalId === change.servicePrincipalId.toLowerCase() &&
          doc.jobId === change.jobId,
      );
    case 'assignments':
    case 'jobStatuses':
      return undefined;
    case 'reloaded':
      return effect(dataPartsOf(change).includes(doc.kind === 'syncSchema' ? 'sync' : 'access'));
  }
}
