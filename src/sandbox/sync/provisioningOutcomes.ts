import type {
  ProvisioningAction,
  ProvisioningResult,
  ProvisioningStatusErrorCategory,
} from '@microsoft/microsoft-graph-types';
import { B2B_MANAGEMENT_POLICY_CHECK_FAILURE, SYNC_POLICY_CHECK_FAILURE } from './syncPolicyCheck';

/** The kind of step sequence an outcome produces (sync-facts.md §5b). */
export type StepPattern =
  | 'create'
  | 'update'
  | 'disable'
  | 'delete'
  | 'stagedDelete'
  | 'skipRedundant'
  | 'skipOutOfScope'
  | 'skipNotEntitled'
  | 'skipGroup';

export interface ProvisioningOutcome {
  readonly action: ProvisioningAction;
  readonly status: ProvisioningResult;
  readonly steps: StepPattern;
  /** For failures: the error the last (export) step fails with. */
  readonly error?: {
    readonly code: string;
    readonly category: ProvisioningStatusErrorCategory;
    /** `{upn}` and `{mail}` are replaced with the subject's values. */
    readonly reason: string;
    readonly recommendedAction: string;
  };
}

function failure(
  action: 'create' | 'update' | 'delete',
  code: string,
  category: ProvisioningStatusErrorCategory,
  reason: string,
  recommendedAction: string,
): ProvisioningOutcome {
  return {
    action,
    status: 'failure',
    steps: action,
    error: { code, category, reason, recommendedAction },
  };
}

/**
 * Every outcome the sandbox logs, keyed as stored in event specs. The error codes, skip reasons and
 * step sequences are the ones sync-facts.md §1 and §5 document for cross-tenant sync; the texts are
 * the sandbox's own wording of the documented meaning and remedy.
 */
export const PROVISIONING_OUTCOMES = {
  create: { action: 'create', status: 'success', steps: 'create' },
  update: { action: 'update', status: 'success', steps: 'update' },
  disable: { action: 'disable', status: 'success', steps: 'disable' },
  delete: { action: 'delete', status: 'success', steps: 'delete' },
  stagedDelete: { action: 'stagedDelete', status: 'skipped', steps: 'stagedDelete' },
  skipRedundant: { action: 'other', status: 'skipped', steps: 'skipRedundant' },
  skipOutOfScope: { action: 'other', status: 'skipped', steps: 'skipOutOfScope' },
  skipNotEntitled: { action: 'other', status: 'skipped', steps: 'skipNotEntitled' },
  skipGroup: { action: 'other', status: 'skipped', steps: 'skipGroup' },
  ambiguousUser: failure(
    'create',
    'InvitationCreationFailureAmbiguousUser',
    'nonServiceFailure',
    "A proxy address of User '{upn}' matches an internal user of the target tenant, so the invitation could not be created.",
    'Remove the conflicting internal user from the target tenant, or take the user out of the synchronization scope.',
  ),
  invalidPropertyValue: failure(
    'create',
    'InvitationCreationFailureInvalidPropertyValue',
    'nonServiceFailure',
    "The invitation for User '{upn}' was rejected: the mail value '{mail}' is not a valid primary SMTP address, or it equals the mail of a group in the target tenant.",
    "Correct the user's mail attribute in the source tenant and check the userType mapping.",
  ),
  invitationFailure: failure(
    'create',
    'InvitationCreationFailure',
    'nonServiceFailure',
    "The target tenant refused the invitation for User '{upn}'.",
    "Check that the target tenant's external collaboration settings allow invitations from this tenant; contact Microsoft support if it persists.",
  ),
  accountDisabled: failure(
    'create',
    'InvitationCreationFailureUserAccountDisabled',
    'nonServiceFailure',
    "A disabled user with a pending invitation already exists in the target tenant for User '{upn}'.",
    'Enable the account in the target tenant, then provision the user again.',
  ),
  originatedInExternalService: failure(
    'update',
    'AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService',
    'nonServiceFailure',
    "The target tenant refused to update showInAddressList of User '{upn}': the property is mastered by Exchange Online.",
    'No action is needed if the next attempt succeeds without the property; otherwise set the value directly in the target tenant.',
  ),
  masteredOnPremises: failure(
    'update',
    'AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises',
    'nonServiceFailure',
    "User '{upn}' in the target tenant is synchronized from on-premises Active Directory and cannot be updated by cross-tenant synchronization.",
    "Manage this user in the target tenant's on-premises directory, or remove it from the scope.",
  ),
  quotaExceeded: failure(
    'create',
    'AzureActiveDirectoryQuotaLimitExceeded',
    'nonServiceFailure',
    "User '{upn}' could not be created: the target tenant reached its directory object quota.",
    'Ask for a higher directory quota in the target tenant.',
  ),
  forbidden: failure(
    'create',
    'AzureActiveDirectoryForbidden',
    'nonServiceFailure',
    "Guest invitations are not allowed for the target company, so User '{upn}' could not be invited.",
    "Relax the target tenant's guest invite restrictions.",
  ),
  insufficientRights: failure(
    'delete',
    'AzureActiveDirectoryInsufficientRights',
    'nonServiceFailure',
    "User '{upn}' could not be deleted from the target tenant: it holds an administrator role there.",
    'Remove the directory roles of the user in the target tenant, then let the delete run.',
  ),
  entryConflict: failure(
    'create',
    'EntryConflict',
    'nonServiceFailure',
    "The target tenant already has an object whose unique attributes conflict with User '{upn}'.",
    'Fix the conflicting values or review the matching attribute.',
  ),
  duplicateTargetEntries: failure(
    'update',
    'DuplicateTargetEntries',
    'nonServiceFailure',
    "More than one user in the target tenant matches User '{upn}' on the matching attribute.",
    'Remove the duplicate user from the target tenant.',
  ),
  timeout: failure(
    'create',
    'Timeout',
    'failure',
    "The target tenant took too long to answer while creating User '{upn}'. The operation is retried in 40 minutes.",
    'None: the service retries automatically.',
  ),
  tooManyRequests: failure(
    'update',
    'TooManyRequests',
    'failure',
    "The target tenant throttled the update of User '{upn}'. The operation is retried automatically.",
    'None: the service retries automatically.',
  ),
  internalServerError: failure(
    'update',
    'InternalServerError',
    'failure',
    "The target tenant returned an unexpected error while updating User '{upn}'. The operation is retried in 40 minutes.",
    'None: the service retries automatically.',
  ),
  b2bPolicyCheck: failure(
    'create',
    B2B_MANAGEMENT_POLICY_CHECK_FAILURE,
    'nonServiceFailure',
    "User '{upn}' was not provisioned: policy permitting auto-redemption of invitations is not configured in the target tenant.",
    'Enable automatic redemption inbound in the target tenant and outbound in the source tenant, and allow user sync into the target tenant.',
  ),
  syncPolicyCheck: failure(
    'create',
    SYNC_POLICY_CHECK_FAILURE,
    'nonServiceFailure',
    "User '{upn}' was not provisioned: the target tenant has not enabled inbound automatic user consent or inbound synchronization for this source tenant.",
    'In the target tenant, allow user synchronization and automatic redemption inbound for the source tenant.',
  ),
} as const satisfies Record<string, ProvisioningOutcome>;

export type ProvisioningOutcomeKey = keyof typeof PROVISIONING_OUTCOMES;

export function outcomeOf(key: string): ProvisioningOutcome {
  const outcome = (PROVISIONING_OUTCOMES as Record<string, ProvisioningOutcome>)[key];
  if (!outcome) throw new Error(`Unknown provisioning outcome '${key}'`);
  return outcome;
}
