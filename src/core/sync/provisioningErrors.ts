import type {
  ProvisionOnDemandResult,
  ProvisioningOutcome,
} from '../graph/provisionOnDemandResult';

/** A provisioning error code or skip reason in words (sync-facts.md §1). */
export interface ProvisioningCodeExplanation {
  readonly meaning: string;
  readonly remedy: string;
  /** Whether the service tries again by itself (a later cycle), so waiting can be enough. */
  readonly retries: boolean;
}

const POLICY_CHECK: ProvisioningCodeExplanation = {
  meaning:
    'The cross-tenant access settings do not allow this sync: automatic redemption is off in one of the tenants, or the target does not accept user sync from this tenant.',
  remedy:
    'In the target tenant, allow users to sync into it and turn on inbound automatic redemption for this tenant; in this (source) tenant, turn on outbound automatic redemption for the target. The error detail names the tenant to change.',
  retries: false,
};

const TARGET_PERMISSION: ProvisioningCodeExplanation = {
  meaning: 'The target accepted the sign-in but did not allow the change.',
  remedy: "Check the configuration and the target tenant's settings for this kind of change.",
  retries: false,
};
const UNEXPECTED_ANSWER: ProvisioningCodeExplanation = {
  meaning: 'The target answered in a way the service did not expect.',
  remedy:
    'Check the configuration (attribute mappings); if it is correct, contact Microsoft support.',
  retries: false,
};
const SERVICE_RETRY = (what: string): ProvisioningCodeExplanation => ({
  meaning: what,
  remedy:
    'Usually nothing: the service tries again in about 40 minutes. If it keeps happening, look at the service health.',
  retries: true,
});
const DUPLICATES = (side: string): ProvisioningCodeExplanation => ({
  meaning: `More than one ${side} object has the value of the matching attribute, so the service cannot tell which one is meant.`,
  remedy: 'Remove or change the duplicate, or review the attribute mappings.',
  retries: false,
});

/** Keyed by the literal code, compared case-insensitively. */
const CODES: Readonly<Record<string, ProvisioningCodeExplanation>> = {
  // Cross-tenant sync (§1a).
  AzureDirectoryB2BManagementPolicyCheckFailure: POLICY_CHECK,
  AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure: POLICY_CHECK,
  AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService: {
    meaning:
      'The target refused to update a property it does not let this sync own (for example mail, showInAddressList or an Exchange custom attribute of a mail user).',
    remedy:
      'Often nothing: the service retries without the property. Otherwise set the value directly in the target tenant (for Exchange attributes, in Exchange Online).',
    retries: true,
  },
  AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises: {
    meaning:
      'The target user is still managed from an on-premises directory, so cross-tenant sync cannot change it.',
    remedy: 'Cross-tenant sync cannot fix this; the user has to be managed where it is mastered.',
    retries: false,
  },
  AzureActiveDirectoryQuotaLimitExceeded: {
    meaning: 'The target tenant has used up its quota of directory objects.',
    remedy:
      'Ask Microsoft for a higher directory quota for the target tenant, or remove unused objects there.',
    retries: false,
  },
  InvitationCreationFailure: {
    meaning: 'Inviting the user into the target tenant failed.',
    remedy:
      "Check that the target's external collaboration settings allow invitations from this tenant; if they do, contact Microsoft support.",
    retries: false,
  },
  InvitationCreationFailureInvalidPropertyValue: {
    meaning:
      'The invitation was refused because of a property value: an invalid primary email address, a userType other than Member or Guest, or an email address already used by a group in the target.',
    remedy:
      "Correct the user's mail in this tenant, check the userType mapping, or change one of the clashing addresses.",
    retries: false,
  },
  InvitationCreationFailureAmbiguousUser: {
    meaning:
      "One of the user's proxy addresses is already used by an internal user of the target tenant.",
    remedy:
      'Remove or rename the clashing user in the target tenant, or take this user out of the sync scope.',
    retries: false,
  },
  InvitationCreationFailureUserAccountDisabled: {
    meaning:
      'The matching user in the target tenant is disabled and its invitation was never redeemed.',
    remedy: 'Enable the user in the target tenant, then provision again.',
    retries: false,
  },
  AzureActiveDirectoryForbidden: {
    meaning: "The target tenant's external collaboration settings do not allow guest invitations.",
    remedy: 'Relax the guest invitation setting in the target tenant.',
    retries: false,
  },
  AzureActiveDirectoryInsufficientRights: {
    meaning:
      'The user in the target tenant holds an administrator role, so the sync cannot delete it.',
    remedy: 'Remove the role from the user in the target tenant; the deletion then goes ahead.',
    retries: false,
  },
  EntityTypeNotSupported: {
    meaning: 'A group was processed but not synchronized: groups only decide who is in scope here.',
    remedy:
      'Nothing to fix. For provision on demand, pick a user; to sync groups themselves, turn on group provisioning if your tenant offers it.',
    retries: false,
  },
  ExternalTenantNotFound: {
    meaning:
      'The target tenant could not be reached; for a sync across clouds, the cross-cloud setting is missing.',
    remedy:
      'Check the target tenant id. For another cloud, recreate the configuration with the cross-cloud option and turn on the cloud setting in the target.',
    retries: false,
  },
  AzureActiveDirectoryTokenExpired: {
    meaning: 'Signing in to a target tenant in another cloud failed.',
    remedy:
      'Recreate the configuration with the cross-cloud option and turn on the cloud setting in the target tenant.',
    retries: false,
  },
  schemaInvalid: {
    meaning:
      'The attribute mappings change the matching attribute, which cross-tenant sync does not allow.',
    remedy:
      'Put the matching attribute back to how it was; only one fixed matching attribute is allowed.',
    retries: false,
  },
  Authorization_RequestDenied: {
    meaning: 'The signed-in account lacks the role or the consent for this operation.',
    remedy:
      'Sign in with an account that has the needed role, or have an administrator consent to the permission.',
    retries: false,
  },
  Request_MultipleObjectsWithSameKeyValue: {
    meaning: 'The object already exists.',
    remedy: 'Update the existing object instead of creating it again.',
    retries: false,
  },
  Directory_ObjectNotFound: {
    meaning: 'The object to update does not exist.',
    remedy: 'Create it first.',
    retries: false,
  },
  // Generic provisioning codes (§1b).
  Conflict: {
    meaning:
      'A unique value (for example the user principal name) clashes between this tenant and the target.',
    remedy: 'Change one of the values, or review the matching configuration.',
    retries: false,
  },
  EntryConflict: {
    meaning:
      'A unique value (for example the user principal name) clashes between this tenant and the target.',
    remedy: 'Change one of the values, or review the matching configuration.',
    retries: false,
  },
  DuplicateTargetEntries: DUPLICATES('target'),
  DuplicateSourceEntries: DUPLICATES('source'),
  TooManyRequests: {
    meaning: 'The target was overloaded and throttled the request.',
    remedy: 'Nothing: the service tries again by itself.',
    retries: true,
  },
  InternalServerError: SERVICE_RETRY('The target answered with an unexpected server error.'),
  WebExceptionProtocolError: SERVICE_RETRY(
    'The connection to the target failed at the HTTP level.',
  ),
  InternalError: SERVICE_RETRY('The provisioning service had an internal error.'),
  Timeout: SERVICE_RETRY('The target did not answer in time.'),
  InsufficientRights: TARGET_PERMISSION,
  MethodNotAllowed: TARGET_PERMISSION,
  NotPermitted: TARGET_PERMISSION,
  Unauthorized: TARGET_PERMISSION,
  UnprocessableEntity: UNEXPECTED_ANSWER,
  NotImplemented: UNEXPECTED_ANSWER,
  InvalidAnchor: {
    meaning: 'The user this one was linked to in the target no longer exists.',
    remedy:
      'Make sure the user exists, or restart the job with "Resync everything" so it is matched again.',
    retries: false,
  },
  MandatoryFieldsMissing: {
    meaning: 'Values the target requires are empty, so the user cannot be created.',
    remedy: 'Fill in the values in this tenant or fix the attribute mappings.',
    retries: false,
  },
  MissingValues: {
    meaning: 'Values the target requires are empty, so the user cannot be created.',
    remedy: 'Fill in the values in this tenant or fix the attribute mappings.',
    retries: false,
  },
  SchemaAttributeNotFound: {
    meaning: 'An attribute mapping writes to an attribute the target does not have.',
    remedy: 'Fix or remove the mapping.',
    retries: false,
  },
  InvalidDomain: {
    meaning: 'An attribute holds a domain the target does not accept.',
    remedy: "Change the domain in the user's attribute.",
    retries: false,
  },
  SchemaPropertyCanOnlyAcceptValue: {
    meaning: 'A multi-valued attribute is mapped to an attribute that takes a single value.',
    remedy: 'Map a single value (for example with a function) or remove the mapping.',
    retries: false,
  },
  LicenseLimitExceeded: {
    meaning: 'The target tenant has no licence left for the user.',
    remedy: 'Add licences in the target tenant or narrow the sync scope.',
    retries: false,
  },
  ImportSkipped: {
    meaning: 'The user has no value for the matching attribute, so it was not evaluated at all.',
    remedy: 'Give the user a value for the matching attribute.',
    retries: false,
  },
  EntrySynchronizationSkipped: {
    meaning: 'The user was read but nothing was done: it is out of scope or already up to date.',
    remedy: 'Usually nothing.',
    retries: false,
  },
  // Skip reasons (§1c).
  NotEffectivelyEntitled: {
    meaning:
      'The user is not in scope: not assigned to the configuration (directly or through a group assigned directly), or disabled.',
    remedy:
      'Assign the user (or a group it is a direct member of) to the configuration, or enable the user, then provision again.',
    retries: false,
  },
  RedundantExport: {
    meaning: 'The user in the target already matches this tenant, so there was nothing to send.',
    remedy: 'Nothing to do.',
    retries: false,
  },
  OutOfScope: {
    meaning: 'A scoping filter of the attribute mappings excluded the user.',
    remedy:
      'Check the scoping filter; users with SMS sign-in are excluded by the built-in filter on alternativeSecurityIds, so turn SMS sign-in off for them if they should sync.',
    retries: false,
  },
  StagedDelete: {
    meaning:
      'The deletion or disable is held back because the cycle went over the accidental-deletion threshold.',
    remedy:
      'If the deletions are intended, restart with "Allow deletes"; if not, restore the assignments or scope, then restart.',
    retries: false,
  },
};

const BY_LOWER = new Map(Object.entries(CODES).map(([code, e]) => [code.toLowerCase(), e]));
BY_LOWER.set('stagedaction', CODES.StagedDelete);

/** The code in words, or undefined for a code we do not know (show it as is). */
export function explainProvisioningCode(code: string): ProvisioningCodeExplanation | undefined {
  return BY_LOWER.get(code.trim().toLowerCase());
}

export interface OnDemandExplanation {
  /** One line: what happened to the user. */
  readonly headline: string;
  readonly steps: readonly {
    readonly name: string;
    readonly status: ProvisioningOutcome;
    readonly detail: string;
  }[];
  readonly modified: readonly {
    readonly name: string;
    readonly oldValue: string | null;
    readonly newValue: string | null;
  }[];
  /** Why it failed or was skipped, in words, when the code or skip reason is known. */
  readonly reason?: { readonly meaning: string; readonly remedy: string };
}

const OUTCOME_WORDS: Record<ProvisioningOutcome, string> = {
  success: 'succeeded',
  failure: 'failed',
  skipped: 'was skipped',
  warning: 'completed with warnings',
  unknown: 'ended with an unknown result',
};

/** A step's detail: its description, and for the scoping step whether the user is assigned / in scope. */
function stepDetail(step: ProvisionOnDemandResult['steps'][number]): string {
  const extra = Object.entries(step.details)
    .filter(([k, v]) => v !== '' && (k === 'SkipReason' || /assigned|scope|active/i.test(k)))
    .map(([k, v]) => `${k}: ${v}`);
  return [step.description, ...extra].filter((s) => s !== '').join(' — ');
}

/** A provision-on-demand result for people: headline, steps, changed attributes and the reason in words. */
export function explainOnDemand(result: ProvisionOnDemandResult): OnDemandExplanation {
  const subject = result.reportableIdentifier ?? 'The user';
  const action =
    result.action && result.outcome === 'success' ? ` (${result.action.toLowerCase()})` : '';
  const code =
    result.outcome === 'skipped'
      ? (result.skipReason ?? result.errorCode)
      : result.outcome === 'failure'
        ? (result.errorCode ?? result.skipReason)
        : undefined;
  const known = code ? explainProvisioningCode(code) : undefined;
  const because = code
    ? `: ${code}`
    : result.outcome === 'failure' && result.errorMessage
      ? `: ${result.errorMessage}`
      : '';
  return {
    headline: `${subject} ${OUTCOME_WORDS[result.outcome]}${action}${because}`,
    steps: result.steps.map((s) => ({ name: s.name, status: s.status, detail: stepDetail(s) })),
    modified: result.modifiedProperties.map((m) => ({
      name: m.displayName,
      oldValue: m.oldValue,
      newValue: m.newValue,
    })),
    ...(known ? { reason: { meaning: known.meaning, remedy: known.remedy } } : {}),
  };
}
