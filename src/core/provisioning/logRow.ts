/**
 * One provisioning-log entry as the panel's table and filters see it: flat strings and numbers, so
 * 50,000 of them filter in well under 100 ms in the webview. Everything here comes from another
 * tenant and is hostile by assumption: it is only ever rendered as text.
 */
export interface LogRow {
  readonly id: string;
  /** activityDateTime in epoch milliseconds. */
  readonly time: number;
  /** provisioningAction: create, update, delete, disable, stagedDelete, other (or a future value). */
  readonly action: string;
  /** provisioningStatusInfo.status: success, failure, skipped, warning (or a future value). */
  readonly status: string;
  readonly sourceName: string;
  readonly sourceId: string;
  readonly targetName: string;
  readonly targetId: string;
  /** User, Group, … */
  readonly identityType: string;
  /** The source user's principal name when the import step carries it, else ''. */
  readonly sourceUpn: string;
  /** provisioningStatusInfo.errorInformation.errorCode, or a skip reason, or ''. */
  readonly errorCode: string;
  readonly cycleId: string;
  readonly changeId: string;
  readonly jobId: string;
  readonly durationMs: number;
}

export type LogColumn =
  'time' | 'action' | 'status' | 'source' | 'target' | 'errorCode' | 'cycleId';

export interface LogSort {
  readonly column: LogColumn;
  readonly descending: boolean;
}

/** What the user filters by; an empty list or string means "any". */
export interface LogFilters {
  readonly statuses: readonly string[];
  readonly actions: readonly string[];
  /** Exact error code (case-insensitive). */
  readonly errorCode: string;
  /** Exact cycle id. */
  readonly cycleId: string;
  /** Inclusive lower bound, epoch ms. */
  readonly from?: number;
  /** Exclusive upper bound, epoch ms. */
  readonly to?: number;
  /** Case-insensitive substring over source and target names, ids and principal name. */
  readonly text: string;
}

export const NO_FILTERS: LogFilters = {
  statuses: [],
  actions: [],
  errorCode: '',
  cycleId: '',
  text: '',
};

/** A step of the details pane (import, scoping, matching, processing, export …). */
export interface LogStep {
  readonly name: string;
  readonly type: string;
  readonly status: string;
  readonly description: string;
  readonly details: readonly (readonly [string, string])[];
}

/** A policy setting a row's error points at, which the details pane offers to open. */
export interface PolicyPointer {
  /** The tenant whose policy must change. */
  readonly tenantId: string;
  /** The partner entry (the other tenant of the pair). */
  readonly partnerTenantId: string;
  /** For example `automaticUserConsentSettings.inboundAllowed`. */
  readonly setting: string;
  /** For example "Fabrikam Retail: allow inbound automatic redemption for Contoso Group". */
  readonly label: string;
}

/** Everything the details pane shows about one row, prepared on the host. */
export interface LogRowDetails {
  readonly id: string;
  readonly steps: readonly LogStep[];
  readonly modifiedProperties: readonly {
    readonly name: string;
    readonly oldValue: string;
    readonly newValue: string;
  }[];
  readonly error?: {
    readonly code: string;
    readonly reason: string;
    readonly additionalDetails: string;
    readonly recommendedAction: string;
    readonly category: string;
    /** Our plain-language explanation of the code (sync-facts.md §1), when we know it. */
    readonly meaning?: string;
    readonly remedy?: string;
    readonly retries?: boolean;
  };
  /** Ids a support ticket needs, label → value. */
  readonly ids: readonly (readonly [string, string])[];
  /** Whether "provision this user on demand" applies (a user with a source id and a known job). */
  readonly canProvisionOnDemand: boolean;
  readonly policy?: PolicyPointer;
}
